use actix_web::{get, web};
use thidua_db::queries::organizations as org_queries;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::organizations::OrganizationKindView;

/// The catalogue of organisation kinds.
#[utoipa::path(
    tag = "organizations",
    operation_id = "list_organization_kinds",
    responses((status = 200, description = "Every kind", body = Vec<OrganizationKindView>)),
    security(("bearer" = []))
)]
#[get("/organization-kinds")]
pub async fn list_organization_kinds(
    state: web::Data<AppState>,
    _p: Principal,
) -> Result<web::Json<Vec<OrganizationKindView>>, ApiError> {
    let mut conn = state.conn().await?;
    let kinds = org_queries::kinds(&mut conn).await?;
    Ok(web::Json(
        kinds
            .into_iter()
            .map(|k| OrganizationKindView {
                code: k.code,
                name_vi: k.name_vi,
                name_en: k.name_en,
            })
            .collect(),
    ))
}
