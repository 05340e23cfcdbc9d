use actix_web::{HttpResponse, delete, patch, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{MilestoneChanges, NewMilestone};
use thidua_db::queries::campaigns as campaign_queries;
use thidua_domain::ValidationErrors;
use thidua_domain::campaign::CampaignStatus;
use thidua_domain::validation::required_text;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::CampaignOp;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json, etag};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::campaigns::{CampaignView, MilestoneInput, UpdateMilestoneRequest};

const EDITABLE: [CampaignStatus; 2] = [CampaignStatus::Draft, CampaignStatus::Open];

async fn editable(
    conn: &mut thidua_db::AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<super::LoadedCampaign, ApiError> {
    let c = super::load(conn, id).await?;
    c.authorize(p, CampaignOp::ManageMilestones)?;
    let status = c.status()?;
    if !status.is_editable() {
        return Err(ApiError::invalid_transition(
            status.as_str(),
            "change milestones",
        ));
    }
    Ok(c)
}

/// Add a milestone (deadline) to a campaign.
#[utoipa::path(
    tag = "campaigns", operation_id = "create_milestone",
    params(("id" = Uuid, Path, description = "Campaign id")),
    request_body = MilestoneInput,
    responses(
        (status = 201, description = "Added; the campaign", body = CampaignView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is closed or archived", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/campaigns/{id}/milestones")]
pub async fn create_milestone(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<MilestoneInput>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let c = editable(&mut conn, &p, id.into_inner()).await?;
    let mut errs = ValidationErrors::new();
    let m = super::check_milestone(&mut errs, "", &body.0);
    errs.into_result()?;
    let Some(m) = m else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated milestone missing"
        )));
    };
    let new = NewMilestone {
        id: Uuid::now_v7(),
        campaign_id: c.campaign.id,
        kind: m.kind.as_str().to_string(),
        title: m.title,
        starts_on: m.starts_on,
        due_on: m.due_on,
        late_policy: m.late_policy.as_str().to_string(),
        sort_order: m.sort_order,
    };
    let (cid, org_id, actor) = (c.campaign.id, c.organization.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        super::recheck_status(conn, cid, &EDITABLE, "change milestones").await?;
        campaign_queries::insert_milestones(conn, std::slice::from_ref(&new)).await?;
        campaign_queries::touch(conn, cid).await?;
        audit(
            conn,
            Some(actor),
            "campaign.milestone_create",
            "campaign",
            Some(cid),
            Some(org_id),
            serde_json::json!({ "milestone_id": new.id, "kind": new.kind, "due_on": new.due_on }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, cid).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Change a milestone (If-Match: the milestone's `etag`).
#[utoipa::path(
    tag = "campaigns", operation_id = "update_milestone",
    params(
        ("id" = Uuid, Path, description = "Campaign id"),
        ("milestone_id" = Uuid, Path, description = "Milestone id"),
        ("If-Match" = String, Header, description = "The milestone's ETag"),
    ),
    request_body = UpdateMilestoneRequest,
    responses(
        (status = 200, description = "Updated; the campaign", body = CampaignView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is closed or archived", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/campaigns/{id}/milestones/{milestone_id}")]
pub async fn update_milestone(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: Json<UpdateMilestoneRequest>,
) -> Result<HttpResponse, ApiError> {
    let (cid, mid) = path.into_inner();
    let req = body.0;
    let mut conn = state.conn().await?;
    let c = editable(&mut conn, &p, cid).await?;
    let current = campaign_queries::find_milestone(&mut conn, cid, mid).await?;
    if_match.check(&etag(current.id, current.version))?;
    let mut errs = ValidationErrors::new();
    let title = req
        .title
        .as_deref()
        .and_then(|t| errs.check(required_text("title", t, 500)));
    let starts_on = req.starts_on.unwrap_or(current.starts_on);
    super::check_dates(
        &mut errs,
        "",
        starts_on,
        req.due_on.unwrap_or(current.due_on),
    );
    if req.sort_order.is_some_and(|s| !(0..=1000).contains(&s)) {
        errs.push(thidua_domain::FieldError::new(
            "sort_order",
            "out_of_range",
            "Thứ tự từ 0 đến 1000.",
            "sort_order must be 0–1000.",
        ));
    }
    errs.into_result()?;
    let changes = MilestoneChanges {
        kind: req.kind.map(|k| {
            thidua_domain::campaign::MilestoneKind::from(k)
                .as_str()
                .to_string()
        }),
        title,
        starts_on: req.starts_on,
        due_on: req.due_on,
        late_policy: req.late_policy.map(|l| {
            thidua_domain::campaign::LatePolicy::from(l)
                .as_str()
                .to_string()
        }),
        sort_order: req.sort_order,
    };
    let (org_id, version, actor) = (c.organization.id, current.version, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        super::recheck_status(conn, cid, &EDITABLE, "change milestones").await?;
        let m = match campaign_queries::update_milestone(conn, mid, version, &changes).await {
            Err(diesel::result::Error::NotFound) => return Err(ApiError::precondition_failed()),
            other => other?,
        };
        campaign_queries::touch(conn, cid).await?;
        audit(conn, Some(actor), "campaign.milestone_update", "campaign", Some(cid), Some(org_id),
            serde_json::json!({ "milestone_id": m.id, "due_on": m.due_on, "late_policy": m.late_policy })).await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, cid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Remove a milestone from a draft campaign.
#[utoipa::path(
    tag = "campaigns", operation_id = "delete_milestone",
    params(("id" = Uuid, Path, description = "Campaign id"), ("milestone_id" = Uuid, Path, description = "Milestone id")),
    responses(
        (status = 200, description = "Removed; the campaign", body = CampaignView),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Only a draft's milestones can be removed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/campaigns/{id}/milestones/{milestone_id}")]
pub async fn delete_milestone(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (cid, mid) = path.into_inner();
    let mut conn = state.conn().await?;
    let c = editable(&mut conn, &p, cid).await?;
    let status = c.status()?;
    if status != thidua_domain::campaign::CampaignStatus::Draft {
        // Units plan against published deadlines; once open, move a deadline, never remove it.
        return Err(ApiError::invalid_transition(
            status.as_str(),
            "remove a milestone",
        ));
    }
    let m = campaign_queries::find_milestone(&mut conn, cid, mid).await?;
    let (org_id, actor) = (c.organization.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        super::recheck_status(conn, cid, &[CampaignStatus::Draft], "remove a milestone").await?;
        campaign_queries::delete_milestone(conn, m.id).await?;
        campaign_queries::touch(conn, cid).await?;
        audit(
            conn,
            Some(actor),
            "campaign.milestone_delete",
            "campaign",
            Some(cid),
            Some(org_id),
            serde_json::json!({ "milestone_id": m.id, "title": m.title }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, cid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
