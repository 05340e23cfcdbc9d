use actix_web::{HttpResponse, get, web};
use thidua_db::queries::organizations as org_queries;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, OrgAction};
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::organizations::OrganizationView;

/// One organisation.
#[utoipa::path(
    tag = "organizations",
    operation_id = "get_organization",
    params(("id" = Uuid, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "The organisation", body = OrganizationView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}")]
pub async fn get_organization(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let org = org_queries::find(&mut conn, id.into_inner()).await?;
    authz::org(&p, OrgAction::View, &org.ancestry()).into_result()?;
    let view = super::view(&p, &org);
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
