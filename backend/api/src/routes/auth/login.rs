use actix_web::{HttpResponse, post, web};
use chrono::{Duration, Utc};
use diesel_async::AsyncConnection;
use thidua_db::queries::{auth as auth_queries, users as user_queries};
use uuid::Uuid;

use crate::auth::password;
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::auth::{LoginRequest, TokenResponse};

/// Failures counted within this window…
const WINDOW_MINUTES: i64 = 15;
/// …before the account is locked, for 30 s doubling with each further failure, up to 15 min.
const FREE_ATTEMPTS: i32 = 5;
const MAX_LOCK_SECS: i64 = 900;

fn invalid_credentials() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::UNAUTHORIZED,
        "invalid_credentials",
        "Tên đăng nhập hoặc mật khẩu không đúng.",
        "Wrong user name or password.",
    )
}

/// Sign in with user name and password.
///
/// Returns a short-lived access token and sets the rotating refresh token cookie. The
/// failure answer is the same whether or not the user exists; repeated failures for one user
/// name are throttled.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse,
            headers(("Set-Cookie" = String, description = "`thidua_refresh` refresh token (HttpOnly, SameSite=Strict)"))),
        (status = 401, description = "Wrong user name or password", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = i64, description = "Seconds to wait"))),
    ),
    security(())
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest {
        username,
        password: pw,
    } = body.0;
    // Throttle key: the normalised name, bounded so junk input cannot bloat the table.
    let key: String = username.trim().to_lowercase().chars().take(100).collect();
    if key.is_empty() || pw.is_empty() || pw.len() > 1024 {
        return Err(invalid_credentials());
    }
    let now = Utc::now();
    let mut conn = state.conn().await?;
    if let Some(t) = auth_queries::find_throttle(&mut conn, &key).await?
        && let Some(until) = t.locked_until
        && until > now
    {
        return Err(ApiError::too_many_requests(
            (until - now).num_seconds().max(1) as u64,
        ));
    }
    let user = user_queries::find_by_username(&mut conn, &key).await?;
    let stored = user
        .as_ref()
        .filter(|u| u.is_active)
        .map(|u| u.password_hash.clone());
    let ok = password::verify(pw, stored).await?;
    let Some(user) = user.filter(|_| ok) else {
        let window_start = now - Duration::minutes(WINDOW_MINUTES);
        let t = auth_queries::record_failure(&mut conn, &key, now, window_start).await?;
        if t.failures == 1 {
            // A new count started: a cheap moment to forget stale counts of other names.
            auth_queries::purge_throttles(&mut conn, now - Duration::days(1), now).await?;
        }
        if t.failures >= FREE_ATTEMPTS {
            let secs = (30i64 << (t.failures - FREE_ATTEMPTS).min(10)).min(MAX_LOCK_SECS);
            auth_queries::lock_until(&mut conn, &key, now + Duration::seconds(secs)).await?;
        }
        return Err(invalid_credentials());
    };

    let grants = user_queries::grants_of(&mut conn, &[user.id]).await?;
    let mut roles: Vec<String> = grants.iter().map(|g| g.grant.role.clone()).collect();
    roles.sort();
    roles.dedup();
    let access = state.jwt.issue(user.id, roles, user.password_changed_at)?;
    let st = state.clone();
    let refresh = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            auth_queries::clear_throttle(conn, &key).await?;
            let refresh = super::issue_refresh_token(conn, &st, user.id, Uuid::now_v7()).await?;
            audit(
                conn,
                Some(user.id),
                "auth.login",
                "user",
                Some(user.id),
                Some(user.organization_id),
                serde_json::json!({}),
            )
            .await?;
            Ok(refresh)
        })
        .await?;
    Ok(super::token_response(&state, access, refresh))
}
