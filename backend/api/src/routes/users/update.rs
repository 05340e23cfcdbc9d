use actix_web::{HttpResponse, patch, web};
use diesel_async::AsyncConnection;
use thidua_db::models::UserChanges;
use thidua_db::queries::{organizations as org_queries, users as user_queries};
use thidua_domain::ValidationErrors;
use thidua_domain::validation::{email, optional_text, required_text};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, UserAction};
use crate::error::ApiError;
use crate::extract::{IfMatch, Json};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::users::{UpdateUserRequest, UserView};

/// Update a user's profile.
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    params(("id" = Uuid, Path, description = "User id"), ("If-Match" = String, Header, description = "The user's ETag")),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, description = "Updated", body = UserView, headers(("ETag" = String))),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, id.into_inner()).await?;
    current.authorize(&p, UserAction::Update)?;
    if_match.check(&current.etag())?;

    let mut errs = ValidationErrors::new();
    let display_name = req
        .display_name
        .as_deref()
        .and_then(|v| errs.check(required_text("display_name", v, 200)));
    let email = req.email.map(|e| match e.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(v) => errs.check(email("email", v)).map(Some),
    });
    let position = req
        .position
        .map(|v| errs.check(optional_text("position", v.as_deref(), 200)));
    errs.into_result()?;
    if let Some(org_id) = req.organization_id {
        let org = org_queries::find(&mut conn, org_id).await?;
        authz::create_user(&p, &org.ancestry()).into_result()?;
    }
    let changes = UserChanges {
        display_name,
        email: email.flatten(),
        position: position.flatten(),
        organization_id: req.organization_id,
    };
    let (user_id, version, actor) = (current.user.id, current.user.version, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let updated = match user_queries::update(conn, user_id, version, &changes).await {
            Err(diesel::result::Error::NotFound) => return Err(ApiError::precondition_failed()),
            other => other?,
        };
        audit(
            conn,
            Some(actor),
            "user.update",
            "user",
            Some(user_id),
            Some(updated.organization_id),
            serde_json::json!({ "fields": changed_fields(&changes) }),
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

fn changed_fields(c: &UserChanges) -> Vec<&'static str> {
    let mut f = Vec::new();
    if c.display_name.is_some() {
        f.push("display_name");
    }
    if c.email.is_some() {
        f.push("email");
    }
    if c.position.is_some() {
        f.push("position");
    }
    if c.organization_id.is_some() {
        f.push("organization_id");
    }
    f
}
