use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::nullable;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationView {
    pub id: Uuid,
    #[schema(example = "MN-COGIANG")]
    pub code: String,
    #[schema(example = "Trường Mầm non Cô Giang")]
    pub name: String,
    pub short_name: Option<String>,
    /// A code of `/organization-kinds`.
    #[schema(example = "school")]
    pub kind: String,
    pub parent_id: Option<Uuid>,
    /// Ancestors from the root down to this organisation (ids).
    pub path: Vec<Uuid>,
    pub valid_from: NaiveDate,
    /// Last day in force; absent while the organisation exists.
    pub valid_to: Option<NaiveDate>,
    /// Whether it is in force today (Vietnam time).
    pub in_force: bool,
    pub etag: String,
    /// Among `update`, `create_child`.
    pub allowed_actions: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationNode {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub in_force: bool,
    #[schema(no_recursion)]
    pub children: Vec<OrganizationNode>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationKindView {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganizationListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    /// Searches name and code, ignoring case and diacritics.
    pub q: Option<String>,
    pub kind: Option<String>,
    pub parent_id: Option<Uuid>,
    /// Only organisations in force on this day.
    pub in_force_on: Option<NaiveDate>,
    /// `name`, `code`, `valid_from`, `created_at`; prefix `-` for descending.
    pub sort: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganizationTreeParams {
    /// Only organisations in force on this day (default: all, abolished ones included).
    pub in_force_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganizationRequest {
    #[schema(example = "MN-COGIANG", max_length = 64)]
    pub code: String,
    #[schema(example = "Trường Mầm non Cô Giang", max_length = 300)]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 100)]
    pub short_name: Option<String>,
    #[schema(example = "school")]
    pub kind: String,
    /// Absent for a root (a city).
    #[serde(default)]
    pub parent_id: Option<Uuid>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganizationRequest {
    #[serde(default)]
    #[schema(max_length = 64)]
    pub code: Option<String>,
    #[serde(default)]
    #[schema(max_length = 300)]
    pub name: Option<String>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub short_name: Option<Option<String>>,
    #[serde(default)]
    pub kind: Option<String>,
    /// Moves the organisation (with its subtree); `null` makes it a root.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>)]
    pub parent_id: Option<Option<Uuid>>,
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    /// Set the last day in force (abolition); `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub valid_to: Option<Option<NaiveDate>>,
}
