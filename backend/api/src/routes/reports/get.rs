use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::ReportOp;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::reports::ReportView;

/// One report: its outline, results table, evidence, deadline and versions.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_report",
    params(("id" = Uuid, Path, description = "Report id")),
    responses(
        (status = 200, description = "The report", body = ReportView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/reports/{id}")]
pub async fn get_report(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, ReportOp::View)?;
    let view = super::views(&mut conn, &p, std::slice::from_ref(&r))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
