use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use diesel_async::AsyncConnection;
use thidua_db::queries::{auth as auth_queries, users as user_queries};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::UserAction;
use crate::error::ApiError;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::users::UserView;

async fn set_active(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    active: bool,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, id).await?;
    current.authorize(p, UserAction::View)?;
    if current.user.is_active == active {
        return Err(ApiError::invalid_transition(
            if active { "active" } else { "inactive" },
            if active { "activate" } else { "deactivate" },
        ));
    }
    current.authorize(
        p,
        if active {
            UserAction::Activate
        } else {
            UserAction::Deactivate
        },
    )?;
    let actor = p.user_id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let Some(user) = user_queries::set_active(conn, id, active).await? else {
            return Err(ApiError::invalid_transition(
                if active { "active" } else { "inactive" },
                if active { "activate" } else { "deactivate" },
            ));
        };
        if !active {
            auth_queries::revoke_all_for_user(conn, id, Utc::now()).await?;
        }
        let action = if active {
            "user.activate"
        } else {
            "user.deactivate"
        };
        audit(
            conn,
            Some(actor),
            action,
            "user",
            Some(id),
            Some(user.organization_id),
            serde_json::json!({}),
        )
        .await
    })
    .await?;
    // Cached principals (this user's, or any under a changed tree) are stale now.
    state.principals.invalidate_all();
    let updated = super::load(&mut conn, id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", updated.etag()))
        .json(updated.view(p)))
}

/// Deactivate an account: it can no longer sign in and its sessions end at once.
#[utoipa::path(
    tag = "users",
    operation_id = "deactivate_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "Deactivated", body = UserView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already inactive", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users/{id}/deactivate")]
pub async fn deactivate_user(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    set_active(&state, &p, id.into_inner(), false).await
}

/// Reactivate an account.
#[utoipa::path(
    tag = "users",
    operation_id = "activate_user",
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "Activated", body = UserView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already active", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users/{id}/activate")]
pub async fn activate_user(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    set_active(&state, &p, id.into_inner(), true).await
}
