use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{NewRoleGrant, NewUser};
use thidua_db::queries::{organizations as org_queries, users as user_queries};
use thidua_domain::ValidationErrors;
use thidua_domain::role::Role;
use thidua_domain::validation::{NewPassword, Username, email, optional_text, required_text};
use uuid::Uuid;

use crate::auth::{Principal, password};
use crate::authz;
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::users::{CreateUserRequest, UserView};

/// Create an account.
///
/// Administrators create accounts anywhere; a unit head creates accounts of their unit and
/// may give them the staff and focal roles only.
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    request_body = CreateUserRequest,
    responses(
        (status = 201, description = "Created", body = UserView, headers(("ETag" = String), ("Location" = String))),
        (status = 403, description = "Not allowed to create this account or grant these roles", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Organisation not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The user name is taken", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut errs = ValidationErrors::new();
    let username = errs.check(Username::parse("username", &req.username));
    let display_name = errs.check(required_text("display_name", &req.display_name, 200));
    let email = errs.check(match req.email.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(e) => email("email", e).map(Some),
    });
    let position = errs.check(optional_text("position", req.position.as_deref(), 200));
    let pw = errs.check(NewPassword::parse("password", &req.password));
    if req.roles.as_ref().is_some_and(|r| r.len() > 20) {
        errs.push(thidua_domain::FieldError::new(
            "roles",
            "too_many",
            "Tối đa 20 vai trò.",
            "At most 20 roles.",
        ));
    }
    errs.into_result()?;
    let (Some(username), Some(display_name), Some(email), Some(position), Some(pw)) =
        (username, display_name, email, position, pw)
    else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };

    let mut conn = state.conn().await?;
    let org = org_queries::find(&mut conn, req.organization_id).await?;
    authz::create_user(&p, &org.ancestry()).into_result()?;
    let assignments: Vec<(Role, Uuid)> = match &req.roles {
        None => vec![(Role::Staff, org.id)],
        Some(list) => list
            .iter()
            .map(|a| (Role::from(a.role), a.organization_id.unwrap_or(org.id)))
            .collect(),
    };
    let mut grant_orgs = Vec::new();
    for (role, org_id) in &assignments {
        let grant_org = if *org_id == org.id {
            org.clone()
        } else {
            org_queries::find(&mut conn, *org_id).await?
        };
        authz::grant_role(&p, *role, &grant_org.ancestry()).into_result()?;
        grant_orgs.push(grant_org);
    }

    let hash = password::hash(pw.expose().to_string()).await?;
    let actor = p.user_id;
    let user_id = Uuid::now_v7();
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let user = user_queries::insert(
            conn,
            &NewUser {
                id: user_id,
                username: username.into_inner(),
                display_name,
                email,
                position,
                organization_id: org.id,
                password_hash: hash,
            },
        )
        .await?;
        let mut seen = std::collections::HashSet::new();
        for (role, org_id) in assignments {
            if seen.insert((role, org_id)) {
                user_queries::insert_grant(
                    conn,
                    &NewRoleGrant {
                        id: Uuid::now_v7(),
                        user_id: user.id,
                        role: role.as_str().to_string(),
                        organization_id: org_id,
                        granted_by: Some(actor),
                    },
                )
                .await?;
            }
        }
        audit(
            conn,
            Some(actor),
            "user.create",
            "user",
            Some(user.id),
            Some(user.organization_id),
            serde_json::json!({ "username": user.username }),
        )
        .await?;
        Ok(())
    })
    .await?;
    let created = super::load(&mut conn, user_id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", created.etag()))
        .insert_header(("Location", format!("/api/v1/users/{user_id}")))
        .json(created.view(&p)))
}
