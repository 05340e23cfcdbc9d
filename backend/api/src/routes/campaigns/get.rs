use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::CampaignOp;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::campaigns::CampaignView;

/// One campaign with its milestones and the deadline extensions the caller may see.
#[utoipa::path(
    tag = "campaigns",
    operation_id = "get_campaign",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "The campaign", body = CampaignView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/campaigns/{id}")]
pub async fn get_campaign(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let loaded = super::load(&mut conn, id.into_inner()).await?;
    loaded.authorize(&p, CampaignOp::View)?;
    let view = super::view_one(&mut conn, &p, loaded.campaign.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
