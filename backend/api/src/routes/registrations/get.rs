use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::RegistrationOp;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::registrations::RegistrationView;

/// One registration: the unit's registered initiatives, its commitments, the deadline, and
/// every submitted version.
#[utoipa::path(
    tag = "registrations",
    operation_id = "get_registration",
    params(("id" = Uuid, Path, description = "Registration id")),
    responses(
        (status = 200, description = "The registration", body = RegistrationView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/registrations/{id}")]
pub async fn get_registration(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RegistrationOp::View)?;
    let view = super::view(&mut conn, &p, &r).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
