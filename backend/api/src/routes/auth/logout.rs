use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::Utc;
use diesel_async::AsyncConnection;
use thidua_db::queries::auth as auth_queries;

use crate::auth::refresh as refresh_token;
use crate::error::ApiError;
use crate::routes::audit;
use crate::state::AppState;

/// Sign out: revoke the refresh token's login and clear the cookie.
///
/// Always succeeds, with or without a valid cookie. Access tokens already issued expire on
/// their own within minutes.
#[utoipa::path(
    tag = "auth",
    operation_id = "logout",
    params(("thidua_refresh" = Option<String>, Cookie, description = "Refresh token set by login")),
    responses((status = 204, description = "Signed out; the cookie is cleared")),
    security(())
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let Some(cookie) = req.cookie(refresh_token::COOKIE_NAME) {
        let hash = refresh_token::hash(cookie.value());
        let mut conn = state.conn().await?;
        conn.transaction::<_, ApiError, _>(async move |conn| {
            if let Some(token) = auth_queries::find_refresh_token_for_update(conn, &hash).await? {
                auth_queries::revoke_family(conn, token.family_id, Utc::now()).await?;
                audit(
                    conn,
                    Some(token.user_id),
                    "auth.logout",
                    "user",
                    Some(token.user_id),
                    None,
                    serde_json::json!({}),
                )
                .await?;
            }
            Ok(())
        })
        .await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(refresh_token::removal_cookie(state.settings.cookie_secure))
        .finish())
}
