pub mod login;
pub mod logout;
pub mod refresh;

use actix_web::HttpResponse;
use chrono::{Duration, Utc};
use thidua_db::AsyncPgConnection;
use thidua_db::models::NewRefreshToken;
use thidua_db::queries::auth as auth_queries;
use uuid::Uuid;

use crate::auth::refresh as refresh_token;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::auth::TokenResponse;

/// A refresh token to store: its plain value and when it expires.
pub struct IssuedRefresh {
    pub token: String,
    pub expires_at: chrono::DateTime<Utc>,
}

/// Stores a new refresh token of `family_id` (a login that began at `login_at`) and returns
/// it. It lasts the sliding lifetime, but never past the login's absolute end.
pub async fn issue_refresh_token(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    user_id: Uuid,
    family_id: Uuid,
    login_at: chrono::DateTime<Utc>,
) -> Result<IssuedRefresh, ApiError> {
    let token = refresh_token::new_token();
    let expires_at = (Utc::now() + Duration::days(state.settings.refresh_token_ttl_days))
        .min(login_at + Duration::days(state.settings.session_max_days));
    auth_queries::insert_refresh_token(
        conn,
        &NewRefreshToken {
            id: Uuid::now_v7(),
            family_id,
            user_id,
            token_hash: refresh_token::hash(&token),
            expires_at,
        },
    )
    .await?;
    Ok(IssuedRefresh { token, expires_at })
}

/// The token body plus the refresh cookie.
pub fn token_response(
    state: &AppState,
    access_token: String,
    refresh: IssuedRefresh,
) -> HttpResponse {
    HttpResponse::Ok()
        .cookie(refresh_token::cookie(
            refresh.token,
            (refresh.expires_at - Utc::now()).num_seconds(),
            state.settings.cookie_secure,
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.jwt.ttl_secs,
        })
}
