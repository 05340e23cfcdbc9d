use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::UserAction;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::users::UserView;

/// One user.
#[utoipa::path(
    tag = "users",
    operation_id = "get_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = UserView, headers(("ETag" = String, description = "Send it back as If-Match to update"))),
        (status = 404, description = "No such user in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let user = super::load(&mut conn, id.into_inner()).await?;
    user.authorize(&p, UserAction::View)?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", user.etag()))
        .json(user.view(&p)))
}
