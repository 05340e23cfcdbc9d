use actix_web::{HttpResponse, get, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::NewDeadlineExtension;
use thidua_db::queries::{campaigns as campaign_queries, organizations as org_queries};
use thidua_domain::campaign::CampaignStatus;
use thidua_domain::validation::required_text;
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, CampaignOp};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::campaigns::{ExtensionView, GrantExtensionRequest};

/// The deadline extensions of a campaign that the caller may see.
#[utoipa::path(
    tag = "campaigns", operation_id = "list_extensions",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Extensions", body = Vec<ExtensionView>),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/campaigns/{id}/extensions")]
pub async fn list_extensions(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<ExtensionView>>, ApiError> {
    let mut conn = state.conn().await?;
    let c = super::load(&mut conn, id.into_inner()).await?;
    c.authorize(&p, CampaignOp::View)?;
    let roots = p.roots();
    let sees_all = authz::sees_all_extensions(&p, &c.organization.ancestry());
    let exts = campaign_queries::extensions_of(
        &mut conn,
        c.campaign.id,
        if sees_all { None } else { Some(&roots) },
    )
    .await?;
    Ok(web::Json(super::extension_views(&mut conn, &exts).await?))
}

/// Extend one milestone's deadline for one unit, with a reason (authority officers).
///
/// A later grant for the same unit and milestone replaces the earlier one; the audit log
/// keeps both.
#[utoipa::path(
    tag = "campaigns", operation_id = "grant_extension",
    params(("id" = Uuid, Path, description = "Campaign id")),
    request_body = GrantExtensionRequest,
    responses(
        (status = 201, description = "Granted", body = ExtensionView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Campaign, milestone or unit not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not open", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/campaigns/{id}/extensions")]
pub async fn grant_extension(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<GrantExtensionRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let c = super::load(&mut conn, id.into_inner()).await?;
    c.authorize(&p, CampaignOp::GrantExtension)?;
    let status = c.status()?;
    if status != CampaignStatus::Open {
        return Err(ApiError::invalid_transition(
            status.as_str(),
            "grant an extension",
        ));
    }
    let milestone =
        campaign_queries::find_milestone(&mut conn, c.campaign.id, req.milestone_id).await?;
    let unit = org_queries::find(&mut conn, req.organization_id).await?;
    let mut errs = ValidationErrors::new();
    if !unit.ancestry().contains(&c.organization.id) || unit.id == c.organization.id {
        errs.push(FieldError::new(
            "organization_id",
            "not_a_participant",
            "Đơn vị không thuộc phạm vi của kế hoạch này.",
            "The unit is not below the campaign's issuing organisation.",
        ));
    }
    if req.due_on <= milestone.due_on {
        errs.push(FieldError::new(
            "due_on",
            "not_later",
            "Hạn gia hạn phải sau hạn chót của mốc.",
            "The extended deadline must be after the milestone's own.",
        ));
    }
    errs.check(thidua_domain::validation::plausible_date(
        "due_on", req.due_on,
    ));
    let reason = errs.check(required_text("reason", &req.reason, 2000));
    errs.into_result()?;
    let Some(reason) = reason else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated reason missing"
        )));
    };
    let new = NewDeadlineExtension {
        id: Uuid::now_v7(),
        milestone_id: milestone.id,
        organization_id: unit.id,
        due_on: req.due_on,
        reason,
        granted_by: p.user_id,
    };
    let (cid, actor) = (c.campaign.id, p.user_id);
    let ext = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            super::recheck_status(conn, cid, &[CampaignStatus::Open], "grant an extension").await?;
            let ext = campaign_queries::upsert_extension(conn, &new).await?;
            campaign_queries::touch(conn, cid).await?;
            audit(conn, Some(actor), "campaign.grant_extension", "campaign", Some(cid), Some(ext.organization_id),
                serde_json::json!({ "milestone_id": ext.milestone_id, "due_on": ext.due_on, "reason": ext.reason })).await?;
            Ok(ext)
        })
        .await?;
    let view = super::extension_views(&mut conn, std::slice::from_ref(&ext))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Created().json(view))
}
