use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{OrganizationRef, RoleCode, nullable};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoleGrantView {
    pub id: Uuid,
    pub role: RoleCode,
    /// The role's name in Vietnamese.
    pub role_name_vi: String,
    pub role_name_en: String,
    /// Root of the subtree the role applies to.
    pub organization_id: Uuid,
    pub organization_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: Uuid,
    #[schema(example = "hieutruong.cogiang")]
    pub username: String,
    #[schema(example = "Nguyễn Thị Minh Hạnh")]
    pub display_name: String,
    pub email: Option<String>,
    /// Chức vụ, e.g. "Hiệu trưởng".
    pub position: Option<String>,
    pub organization: OrganizationRef,
    pub is_active: bool,
    pub roles: Vec<RoleGrantView>,
    pub created_at: DateTime<Utc>,
    pub etag: String,
    /// Among `update`, `deactivate`, `activate`, `reset_password`, `grant_role`, `revoke_role`.
    pub allowed_actions: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeView {
    pub user: UserView,
    pub organization: OrganizationRef,
    pub roles: Vec<RoleGrantView>,
    /// What the caller may do in general, for menus: `organizations.manage`, `users.view`,
    /// `users.manage`, `campaigns.create`, `campaigns.extend_deadlines`, `audit.view`.
    pub capabilities: Vec<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    /// Searches display name and user name, ignoring case and diacritics.
    pub q: Option<String>,
    pub organization_id: Option<Uuid>,
    pub role: Option<RoleCode>,
    pub is_active: Option<bool>,
    /// `display_name`, `username`, `created_at`; prefix `-` for descending.
    pub sort: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleAssignment {
    pub role: RoleCode,
    /// Root of the subtree; defaults to the user's organisation.
    #[serde(default)]
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    #[schema(
        example = "giaovien.cogiang.6",
        min_length = 3,
        max_length = 64,
        pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$"
    )]
    pub username: String,
    #[schema(example = "Trần Thị Thu", max_length = 200)]
    pub display_name: String,
    #[serde(default)]
    #[schema(max_length = 254)]
    pub email: Option<String>,
    #[serde(default)]
    #[schema(example = "Giáo viên", max_length = 200)]
    pub position: Option<String>,
    pub organization_id: Uuid,
    /// Initial password: 8–128 characters with a letter and a digit.
    #[schema(format = Password, min_length = 8, max_length = 128)]
    pub password: String,
    /// Roles to grant; by default `staff` in the user's organisation.
    #[serde(default)]
    pub roles: Option<Vec<RoleAssignment>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    #[serde(default)]
    #[schema(max_length = 200)]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, max_length = 254)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub position: Option<Option<String>>,
    /// Moves the user to another organisation (within the caller's reach).
    #[serde(default)]
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetPasswordRequest {
    #[schema(format = Password, min_length = 8, max_length = 128)]
    pub new_password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantRoleRequest {
    pub role: RoleCode,
    pub organization_id: Uuid,
}
