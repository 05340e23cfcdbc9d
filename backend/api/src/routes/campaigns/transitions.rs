//! `POST /campaigns/{id}/{open|close|reopen|archive}`: one conditional update per action, so
//! two concurrent identical actions give one transition and one 409.

use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::queries::campaigns as campaign_queries;
use thidua_domain::campaign::CampaignAction;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::CampaignOp;
use crate::error::ApiError;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::campaigns::CampaignView;

async fn transition(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    action: CampaignAction,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, id).await?;
    current.authorize(p, CampaignOp::Transition(action))?;
    let from = current.status()?;
    let to = from
        .apply(action)
        .map_err(|_| ApiError::invalid_transition(from.as_str(), action.as_str()))?;
    let actor = p.user_id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let Some(c) = campaign_queries::transition(conn, id, from.as_str(), to.as_str()).await?
        else {
            return Err(ApiError::invalid_transition(from.as_str(), action.as_str()));
        };
        audit(
            conn,
            Some(actor),
            &format!("campaign.{}", action.as_str()),
            "campaign",
            Some(id),
            Some(c.organization_id),
            serde_json::json!({ "from": from.as_str(), "to": to.as_str() }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, p, id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Open a draft campaign: units below the issuer see it and its deadlines.
#[utoipa::path(
    tag = "campaigns", operation_id = "open_campaign",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Opened", body = CampaignView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft (or opened concurrently)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/campaigns/{id}/open")]
pub async fn open_campaign(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    transition(&state, &p, id.into_inner(), CampaignAction::Open).await
}

/// Close an open campaign.
#[utoipa::path(
    tag = "campaigns", operation_id = "close_campaign",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Closed", body = CampaignView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not open", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/campaigns/{id}/close")]
pub async fn close_campaign(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    transition(&state, &p, id.into_inner(), CampaignAction::Close).await
}

/// Reopen a closed campaign (until it is archived).
#[utoipa::path(
    tag = "campaigns", operation_id = "reopen_campaign",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Reopened", body = CampaignView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not closed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/campaigns/{id}/reopen")]
pub async fn reopen_campaign(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    transition(&state, &p, id.into_inner(), CampaignAction::Reopen).await
}

/// Archive a closed campaign: it becomes a read-only record.
#[utoipa::path(
    tag = "campaigns", operation_id = "archive_campaign",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Archived", body = CampaignView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not closed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/campaigns/{id}/archive")]
pub async fn archive_campaign(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    transition(&state, &p, id.into_inner(), CampaignAction::Archive).await
}
