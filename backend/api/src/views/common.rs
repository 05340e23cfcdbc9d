use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    /// Number of items matching the filters, over all pages.
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl<T: ToSchema> Page<T> {
    pub fn of(items: Vec<T>, total: i64, page: thidua_domain::page::Page) -> Self {
        Self {
            items,
            total,
            page: page.page,
            per_page: page.per_page,
        }
    }
}

/// Paging parameters shared by every list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    /// Items per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
}

/// A reference to an organisation inside another view.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganizationRef {
    pub id: Uuid,
    pub code: String,
    pub name: String,
}

impl From<&thidua_db::models::Organization> for OrganizationRef {
    fn from(o: &thidua_db::models::Organization) -> Self {
        Self {
            id: o.id,
            code: o.code.clone(),
            name: o.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UserRef {
    pub id: Uuid,
    pub display_name: String,
}

/// Role codes of SPEC §1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleCode {
    Staff,
    UnitFocal,
    UnitHead,
    Evaluator,
    AuthorityOfficer,
    Admin,
}

impl From<thidua_domain::role::Role> for RoleCode {
    fn from(r: thidua_domain::role::Role) -> Self {
        use thidua_domain::role::Role as R;
        match r {
            R::Staff => RoleCode::Staff,
            R::UnitFocal => RoleCode::UnitFocal,
            R::UnitHead => RoleCode::UnitHead,
            R::Evaluator => RoleCode::Evaluator,
            R::AuthorityOfficer => RoleCode::AuthorityOfficer,
            R::Admin => RoleCode::Admin,
        }
    }
}

impl From<RoleCode> for thidua_domain::role::Role {
    fn from(r: RoleCode) -> Self {
        use thidua_domain::role::Role as R;
        match r {
            RoleCode::Staff => R::Staff,
            RoleCode::UnitFocal => R::UnitFocal,
            RoleCode::UnitHead => R::UnitHead,
            RoleCode::Evaluator => R::Evaluator,
            RoleCode::AuthorityOfficer => R::AuthorityOfficer,
            RoleCode::Admin => R::Admin,
        }
    }
}

/// For PATCH bodies: an absent field is `None` (unchanged), `null` is `Some(None)` (cleared).
pub fn nullable<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// A generated file (an .xlsx or .docx export), sent as raw bytes.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct BinaryFile(pub Vec<u8>);
