use actix_web::{get, web};
use thidua_db::queries::Scope;
use thidua_db::queries::users::{self as user_queries, UserFilter, UserSort};
use thidua_domain::page::ListRequest;
use thidua_domain::role::Role;

use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::extract::Query;
use crate::state::AppState;
use crate::views::Page;
use crate::views::users::{UserListParams, UserView};

/// List users in the caller's reach.
///
/// Administrators see everyone; unit heads and authority officers see the users of their
/// subtrees.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    params(UserListParams),
    responses(
        (status = 200, description = "One page of users", body = Page<UserView>),
        (status = 403, description = "The caller's roles do not list users", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<UserListParams>,
) -> Result<web::Json<Page<UserView>>, ApiError> {
    authz::list_users(&p).into_result()?;
    let params = params.0;
    let req = ListRequest::parse(
        params.page,
        params.per_page,
        params.sort.as_deref(),
        &[
            ("display_name", UserSort::DisplayName),
            ("username", UserSort::Username),
            ("created_at", UserSort::CreatedAt),
        ],
        false,
    )
    .map_err(ApiError::invalid_query)?;
    let scope = if p.is_admin() {
        Scope::All
    } else {
        Scope::Subtrees(p.roots_with(&[Role::UnitHead, Role::AuthorityOfficer]))
    };
    let filter = UserFilter {
        q: params.q,
        organization_id: params.organization_id,
        role: params.role.map(|r| Role::from(r).as_str().to_string()),
        is_active: params.is_active,
    };
    let mut conn = state.conn().await?;
    let found = user_queries::list(&mut conn, &scope, &filter, &req).await?;
    let loaded = super::load_many(&mut conn, found.items).await?;
    Ok(web::Json(Page::of(
        loaded.iter().map(|u| u.view(&p)).collect(),
        found.total,
        req.page,
    )))
}
