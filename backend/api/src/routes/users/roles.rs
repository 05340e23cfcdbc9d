use actix_web::{HttpResponse, delete, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::NewRoleGrant;
use thidua_db::queries::{organizations as org_queries, users as user_queries};
use thidua_domain::role::Role;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, UserAction};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::users::{GrantRoleRequest, UserView};

/// Grant a role over an organisation subtree.
///
/// Only within the granter's own subtree: a unit head grants `staff` and `unit_focal` in
/// their unit; administrators grant anything.
#[utoipa::path(
    tag = "users",
    operation_id = "grant_user_role",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = GrantRoleRequest,
    responses(
        (status = 201, description = "Granted; the updated user", body = UserView),
        (status = 403, description = "Not allowed to grant this role there", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "User or organisation not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The user already holds this role there", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users/{id}/roles")]
pub async fn grant_user_role(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<GrantRoleRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let role = Role::from(req.role);
    let mut conn = state.conn().await?;
    let target = super::load(&mut conn, id.into_inner()).await?;
    target.authorize(&p, UserAction::GrantRole)?;
    let org = org_queries::find(&mut conn, req.organization_id).await?;
    authz::grant_role(&p, role, &org.ancestry()).into_result()?;
    let (user_id, actor) = (target.user.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let grant = user_queries::insert_grant(conn, &NewRoleGrant {
            id: Uuid::now_v7(),
            user_id,
            role: role.as_str().to_string(),
            organization_id: org.id,
            granted_by: Some(actor),
        })
        .await?;
    // Cached principals (this user's, or any under a changed tree) are stale now.
    state.principals.invalidate_all();
        user_queries::touch(conn, user_id).await?;
        audit(conn, Some(actor), "user.grant_role", "user", Some(user_id), Some(org.id),
            serde_json::json!({ "grant_id": grant.id, "role": role.as_str(), "organization_id": org.id })).await
    })
    .await?;
    let updated = super::load(&mut conn, user_id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", updated.etag()))
        .json(updated.view(&p)))
}

/// Revoke one role grant.
#[utoipa::path(
    tag = "users",
    operation_id = "revoke_user_role",
    params(("id" = Uuid, Path, description = "User id"), ("grant_id" = Uuid, Path, description = "Role grant id")),
    responses(
        (status = 200, description = "Revoked; the updated user", body = UserView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "User or grant not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Refused: it would remove one's own administrator role", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/users/{id}/roles/{grant_id}")]
pub async fn revoke_user_role(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (user_id, grant_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let target = super::load(&mut conn, user_id).await?;
    target.authorize(&p, UserAction::RevokeRole)?;
    let grant = user_queries::find_grant(&mut conn, user_id, grant_id).await?;
    let role = Role::parse(&grant.role).ok_or_else(ApiError::not_found)?;
    let org = org_queries::find(&mut conn, grant.organization_id).await?;
    authz::grant_role(&p, role, &org.ancestry()).into_result()?;
    if user_id == p.user_id && role == Role::Admin {
        return Err(ApiError::conflict(
            "cannot_revoke_own_admin",
            "Không thể tự thu hồi quyền quản trị của chính mình.",
            "You cannot revoke your own administrator role.",
        ));
    }
    let actor = p.user_id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if user_queries::delete_grant(conn, grant_id).await? == 0 {
            return Err(ApiError::not_found());
        }
        user_queries::touch(conn, user_id).await?;
        audit(
            conn,
            Some(actor),
            "user.revoke_role",
            "user",
            Some(user_id),
            Some(grant.organization_id),
            serde_json::json!({ "grant_id": grant_id, "role": grant.role }),
        )
        .await
    })
    .await?;
    // Cached principals (this user's, or any under a changed tree) are stale now.
    state.principals.invalidate_all();
    let updated = super::load(&mut conn, user_id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", updated.etag()))
        .json(updated.view(&p)))
}
