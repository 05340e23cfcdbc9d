use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::queries::users as user_queries;
use uuid::Uuid;

use crate::auth::{password, throttle};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::auth::{LoginRequest, TokenResponse};

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
    let (admitted, user) = {
        let mut conn = state.conn().await?;
        let admitted = throttle::admit(&mut conn, &key).await?;
        (
            admitted,
            user_queries::find_by_username(&mut conn, &key).await?,
        )
    };
    // The connection goes back to the pool while argon2 works: a flood of sign-ins must not
    // starve everyone else of database connections.
    let stored = user
        .as_ref()
        .filter(|u| u.is_active)
        .map(|u| u.password_hash.clone());
    let ok = password::verify(pw, stored).await?;
    let mut conn = state.conn().await?;
    let Some(user) = user.filter(|_| ok) else {
        throttle::failed(&mut conn, &key, admitted).await?;
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
            throttle::succeeded(conn, &key).await?;
            let refresh =
                super::issue_refresh_token(conn, &st, user.id, Uuid::now_v7(), chrono::Utc::now())
                    .await?;
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
