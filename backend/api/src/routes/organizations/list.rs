use actix_web::{get, web};
use thidua_db::queries::organizations::{
    self as org_queries, OrganizationFilter, OrganizationSort,
};
use thidua_domain::page::ListRequest;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Query;
use crate::state::AppState;
use crate::views::Page;
use crate::views::organizations::{OrganizationListParams, OrganizationView};

/// List the organisations in the caller's reach.
#[utoipa::path(
    tag = "organizations",
    operation_id = "list_organizations",
    params(OrganizationListParams),
    responses((status = 200, description = "One page of organisations", body = Page<OrganizationView>)),
    security(("bearer" = []))
)]
#[get("/organizations")]
pub async fn list_organizations(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<OrganizationListParams>,
) -> Result<web::Json<Page<OrganizationView>>, ApiError> {
    let params = params.0;
    let req = ListRequest::parse(
        params.page,
        params.per_page,
        params.sort.as_deref(),
        &[
            ("name", OrganizationSort::Name),
            ("code", OrganizationSort::Code),
            ("valid_from", OrganizationSort::ValidFrom),
            ("created_at", OrganizationSort::CreatedAt),
        ],
        false,
    )
    .map_err(ApiError::invalid_query)?;
    if let Some(d) = params.in_force_on {
        thidua_domain::validation::plausible_date("in_force_on", d)
            .map_err(ApiError::invalid_query)?;
    }
    let filter = OrganizationFilter {
        q: params.q,
        kind: params.kind,
        parent_id: params.parent_id,
        in_force_on: params.in_force_on,
    };
    let mut conn = state.conn().await?;
    let found = org_queries::list(&mut conn, &super::scope_of(&p), &filter, &req).await?;
    Ok(web::Json(Page::of(
        found.items.iter().map(|o| super::view(&p, o)).collect(),
        found.total,
        req.page,
    )))
}
