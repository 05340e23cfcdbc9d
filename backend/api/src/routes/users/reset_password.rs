use actix_web::{HttpResponse, post, web};
use thidua_domain::validation::NewPassword;
use uuid::Uuid;

use crate::auth::{Principal, password};
use crate::authz::UserAction;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use crate::views::users::ResetPasswordRequest;

/// Set a new password for a user (administrators, or the user's unit head); their sessions
/// end.
#[utoipa::path(
    tag = "users",
    operation_id = "reset_user_password",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = ResetPasswordRequest,
    responses(
        (status = 204, description = "Password set"),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users/{id}/reset-password")]
pub async fn reset_user_password(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<ResetPasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let target = super::load(&mut conn, id.into_inner()).await?;
    target.authorize(&p, UserAction::ResetPassword)?;
    let pw = NewPassword::parse("new_password", &body.0.new_password)?;
    let hash = password::hash(pw.expose().to_string()).await?;
    let (user_id, org_id, actor) = (target.user.id, target.user.organization_id, p.user_id);
    super::replace_password(
        &mut conn,
        user_id,
        org_id,
        hash,
        actor,
        "user.reset_password",
    )
    .await?;
    // The user's cached principal holds the old password epoch.
    state.principals.invalidate_all();
    Ok(HttpResponse::NoContent().finish())
}
