use actix_web::{get, web};

use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::routes::users;
use crate::state::AppState;
use crate::views::OrganizationRef;
use crate::views::users::MeView;

/// The signed-in user, their organisation, roles and capabilities.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_me",
    responses((status = 200, description = "The caller", body = MeView)),
    security(("bearer" = []))
)]
#[get("/me")]
pub async fn get_me(
    state: web::Data<AppState>,
    p: Principal,
) -> Result<web::Json<MeView>, ApiError> {
    let mut conn = state.conn().await?;
    let me = users::load(&mut conn, p.user_id).await?;
    let view = me.view(&p);
    Ok(web::Json(MeView {
        organization: OrganizationRef::from(&me.organization),
        roles: view.roles.clone(),
        user: view,
        capabilities: authz::capabilities(&p),
    }))
}
