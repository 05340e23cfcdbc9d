use actix_web::{get, web};
use thidua_db::queries::registrations::{
    self as reg_queries, RegistrationFilter, RegistrationScope,
};
use thidua_domain::page::Page as PageReq;
use thidua_domain::registration::RegistrationStatus;
use thidua_domain::role::Role;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Query;
use crate::state::AppState;
use crate::views::Page;
use crate::views::registrations::{RegistrationListParams, RegistrationView};

/// Registrations in the caller's reach: their unit's, and (for an authority) those sent to
/// the campaigns it runs — `status=submitted` is its inbox.
#[utoipa::path(
    tag = "registrations",
    operation_id = "list_registrations",
    params(RegistrationListParams),
    responses((status = 200, description = "One page of registrations, latest activity first", body = Page<RegistrationView>)),
    security(("bearer" = []))
)]
#[get("/registrations")]
pub async fn list_registrations(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<RegistrationListParams>,
) -> Result<web::Json<Page<RegistrationView>>, ApiError> {
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    let scope = if p.is_admin() {
        RegistrationScope::All
    } else {
        RegistrationScope::Scoped {
            unit_roots: p.roots(),
            authority_roots: p.roots_with(&[Role::AuthorityOfficer]),
        }
    };
    let filter = RegistrationFilter {
        campaign_id: params.campaign_id,
        organization_id: params.organization_id,
        status: params
            .status
            .map(|s| RegistrationStatus::from(s).as_str().to_string()),
    };
    let mut conn = state.conn().await?;
    let found = reg_queries::list(&mut conn, &scope, &filter, page).await?;
    let loaded = super::load_many(&mut conn, found.items).await?;
    let items = super::views(&mut conn, &p, &loaded).await?;
    Ok(web::Json(Page::of(items, found.total, page)))
}
