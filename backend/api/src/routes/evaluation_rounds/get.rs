use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::RoundOp;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::evaluation::RoundView;

/// One round: its committee, criteria set, window and state.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "get_evaluation_round",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "The round", body = RoundView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds/{id}")]
pub async fn get_evaluation_round(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::View)?;
    let view = super::views(&mut conn, &p, std::slice::from_ref(&r))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
