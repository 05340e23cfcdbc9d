use actix_web::{HttpResponse, post, web};
use thidua_db::queries::users as user_queries;
use thidua_domain::validation::NewPassword;

use crate::auth::{Principal, password, throttle};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use crate::views::auth::ChangePasswordRequest;

/// Change one's own password. Every session, this one included, ends: sign in again.
#[utoipa::path(
    tag = "auth",
    operation_id = "change_my_password",
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed"),
        (status = 429, description = "Too many wrong current passwords", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = i64, description = "Seconds to wait"))),
    ),
    security(("bearer" = []))
)]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let new = NewPassword::parse("new_password", &req.new_password)?;
    // Guessing the current password with a stolen session is throttled like sign-in.
    let key = format!("password-change:{}", p.user_id);
    let (admitted, user) = {
        let mut conn = state.conn().await?;
        let admitted = throttle::admit(&mut conn, &key).await?;
        (admitted, user_queries::find(&mut conn, p.user_id).await?)
    };
    let right = req.current_password.len() <= 1024
        && password::verify(req.current_password, Some(user.password_hash)).await?;
    let mut conn = state.conn().await?;
    if !right {
        throttle::failed(&mut conn, &key, admitted).await?;
        return Err(ApiError::field(thidua_domain::FieldError::new(
            "current_password",
            "wrong_password",
            "Mật khẩu hiện tại không đúng.",
            "The current password is wrong.",
        )));
    }
    throttle::succeeded(&mut conn, &key).await?;
    let hash = password::hash(new.expose().to_string()).await?;
    let (user_id, org_id) = (user.id, user.organization_id);
    crate::routes::users::replace_password(
        &mut conn,
        user_id,
        org_id,
        hash,
        user_id,
        "user.change_password",
    )
    .await?;
    // The user's cached principal holds the old password epoch.
    state.principals.invalidate_all();
    Ok(HttpResponse::NoContent().finish())
}
