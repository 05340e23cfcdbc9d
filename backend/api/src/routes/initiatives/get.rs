use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::initiatives::InitiativeView;

/// One initiative with its authors, roadmap, progress and allowed actions.
#[utoipa::path(
    tag = "initiatives",
    operation_id = "get_initiative",
    params(("id" = Uuid, Path, description = "Initiative id")),
    responses(
        (status = 200, description = "The initiative", body = InitiativeView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/initiatives/{id}")]
pub async fn get_initiative(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let conn = state.conn().await?;
    let view = super::view_of(&conn, &p, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
