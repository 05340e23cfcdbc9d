use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::Utc;
use diesel_async::AsyncConnection;
use thidua_db::queries::auth as auth_queries;

use crate::auth::principal::load_principal;
use crate::auth::refresh as refresh_token;
use crate::error::ApiError;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::auth::TokenResponse;

fn invalid_refresh() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::UNAUTHORIZED,
        "invalid_refresh_token",
        "Phiên đăng nhập đã hết hạn hoặc đã bị thu hồi. Vui lòng đăng nhập lại.",
        "The session has expired or was revoked. Please sign in again.",
    )
}

enum Outcome {
    Rotated {
        user_id: uuid::Uuid,
        refresh: super::IssuedRefresh,
    },
    Refused,
}

/// Exchange the refresh cookie for a new access token.
///
/// The refresh token rotates: the presented one is spent and a new one is set. Presenting a
/// spent token again revokes every token of its login (its family).
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_token",
    params(("thidua_refresh" = Option<String>, Cookie, description = "Refresh token set by login")),
    responses(
        (status = 200, description = "New access token", body = TokenResponse,
            headers(("Set-Cookie" = String, description = "The rotated refresh token"))),
        (status = 401, description = "Missing, expired, revoked or re-used refresh token", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let Some(cookie) = req.cookie(refresh_token::COOKIE_NAME) else {
        return Err(invalid_refresh());
    };
    let hash = refresh_token::hash(cookie.value());
    let mut conn = state.conn().await?;
    let st = state.clone();
    let outcome = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let now = Utc::now();
            let Some(token) = auth_queries::find_refresh_token_for_update(conn, &hash).await?
            else {
                return Ok(Outcome::Refused);
            };
            if token.revoked_at.is_some() || token.expires_at <= now {
                return Ok(Outcome::Refused);
            }
            if token.rotated_at.is_some() {
                // A spent token came back: someone holds a copy. End the whole login.
                auth_queries::revoke_family(conn, token.family_id, now).await?;
                audit(
                    conn,
                    None,
                    "auth.refresh_reuse_detected",
                    "user",
                    Some(token.user_id),
                    None,
                    serde_json::json!({ "family_id": token.family_id }),
                )
                .await?;
                return Ok(Outcome::Refused);
            }
            // However often it was refreshed, a login ends session_max_days after it began.
            let login_at = auth_queries::family_started_at(conn, token.family_id).await?;
            if login_at + chrono::Duration::days(st.settings.session_max_days) <= now {
                return Ok(Outcome::Refused);
            }
            auth_queries::mark_rotated(conn, token.id, now).await?;
            let refresh =
                super::issue_refresh_token(conn, &st, token.user_id, token.family_id, login_at)
                    .await?;
            Ok(Outcome::Rotated {
                user_id: token.user_id,
                refresh,
            })
        })
        .await?;
    let Outcome::Rotated { user_id, refresh } = outcome else {
        return Err(invalid_refresh());
    };
    let Some((principal, password_changed_at)) = load_principal(&state, user_id).await? else {
        return Err(invalid_refresh());
    };
    let access = state.jwt.issue(
        principal.user_id,
        principal.role_codes(),
        password_changed_at,
    )?;
    Ok(super::token_response(&state, access, refresh))
}
