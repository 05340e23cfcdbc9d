//! The roadmap (lộ trình): its plan (steps, titles, due dates) changes with the initiative's
//! core fields; its progress (done dates, percentages) is reported while it is carried out.

use actix_web::{HttpResponse, delete, patch, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{NewRoadmapMilestone, RoadmapMilestoneChanges};
use thidua_db::queries::initiatives as initiative_queries;
use thidua_domain::validation::{plausible_date, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::InitiativeOp;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json, etag};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::initiatives::{InitiativeView, RoadmapStepInput, UpdateRoadmapStepRequest};

/// Add a step to the roadmap (while the initiative is a draft or returned).
#[utoipa::path(
    tag = "initiatives",
    operation_id = "add_roadmap_step",
    params(("id" = Uuid, Path, description = "Initiative id")),
    request_body = RoadmapStepInput,
    responses(
        (status = 201, description = "Added; the initiative", body = InitiativeView),
        (status = 403, description = "Neither an author nor an officer of the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The plan is fixed in this state", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/initiatives/{id}/roadmap")]
pub async fn add_roadmap_step(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<RoadmapStepInput>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, id.into_inner()).await?;
    current.authorize(&p, InitiativeOp::Update)?;
    let mut errs = ValidationErrors::new();
    let title = errs.check(required_text("title", &req.title, 500));
    errs.check(plausible_date("due_on", req.due_on));
    errs.into_result()?;
    let Some(title) = title else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated title missing"
        )));
    };
    let (iid, org_id, actor) = (
        current.initiative.id,
        current.initiative.organization_id,
        p.user_id,
    );
    let step = NewRoadmapMilestone {
        id: Uuid::now_v7(),
        initiative_id: iid,
        title,
        due_on: req.due_on,
        done_on: None,
        progress: 0,
        sort_order: req.sort_order.unwrap_or(0).clamp(0, 1000),
    };
    conn.transaction::<_, ApiError, _>(async move |conn| {
        initiative_queries::insert_steps(conn, std::slice::from_ref(&step)).await?;
        initiative_queries::touch(conn, iid).await?;
        audit(
            conn,
            Some(actor),
            "initiative.roadmap_add",
            "initiative",
            Some(iid),
            Some(org_id),
            serde_json::json!({ "step_id": step.id, "title": step.title, "due_on": step.due_on }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, iid).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Change a roadmap step (If-Match: the step's `etag`). Title, due date and order change
/// with the plan (draft or returned); done date and progress are reported while the
/// initiative is registered or in progress.
#[utoipa::path(
    tag = "initiatives",
    operation_id = "update_roadmap_step",
    params(
        ("id" = Uuid, Path, description = "Initiative id"),
        ("step_id" = Uuid, Path, description = "Roadmap step id"),
        ("If-Match" = String, Header, description = "The step's ETag"),
    ),
    request_body = UpdateRoadmapStepRequest,
    responses(
        (status = 200, description = "Updated; the initiative", body = InitiativeView),
        (status = 403, description = "Neither an author nor an officer of the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "That change is not possible in the initiative's state", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/initiatives/{id}/roadmap/{step_id}")]
pub async fn update_roadmap_step(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: Json<UpdateRoadmapStepRequest>,
) -> Result<HttpResponse, ApiError> {
    let (iid, sid) = path.into_inner();
    let req = body.0;
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, iid).await?;
    current.authorize(&p, InitiativeOp::View)?;
    let plan_change = req.title.is_some() || req.due_on.is_some() || req.sort_order.is_some();
    let progress_change = req.done_on.is_some() || req.progress.is_some();
    if plan_change {
        current.authorize(&p, InitiativeOp::Update)?;
    }
    if progress_change {
        current.authorize(&p, InitiativeOp::ReportProgress)?;
    }
    let step = initiative_queries::find_step(&mut conn, iid, sid).await?;
    if_match.check(&etag(step.id, step.version))?;
    let mut errs = ValidationErrors::new();
    let title = req
        .title
        .as_deref()
        .and_then(|t| errs.check(required_text("title", t, 500)));
    if let Some(d) = req.due_on {
        errs.check(plausible_date("due_on", d));
    }
    if let Some(Some(d)) = req.done_on {
        errs.check(plausible_date("done_on", d));
        if d > crate::routes::today() {
            errs.push(FieldError::new(
                "done_on",
                "in_the_future",
                "Ngày hoàn thành không thể ở tương lai.",
                "done_on cannot be in the future.",
            ));
        }
    }
    if req.progress.is_some_and(|v| !(0..=100).contains(&v)) {
        errs.push(FieldError::new(
            "progress",
            "out_of_range",
            "Tiến độ từ 0 đến 100%.",
            "progress must be 0–100.",
        ));
    }
    errs.into_result()?;
    let changes = RoadmapMilestoneChanges {
        title,
        due_on: req.due_on,
        done_on: req.done_on,
        progress: req.progress.map(|v| v as i16),
        sort_order: req.sort_order.map(|s| s.clamp(0, 1000)),
    };
    let (org_id, version, actor) = (current.initiative.organization_id, step.version, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let s = match initiative_queries::update_step(conn, sid, version, &changes).await {
            Err(diesel::result::Error::NotFound) => return Err(ApiError::precondition_failed()),
            other => other?,
        };
        initiative_queries::touch(conn, iid).await?;
        audit(conn, Some(actor), "initiative.roadmap_update", "initiative", Some(iid), Some(org_id),
            serde_json::json!({ "step_id": s.id, "due_on": s.due_on, "done_on": s.done_on, "progress": s.progress })).await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, iid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Remove a step from the roadmap (while the initiative is a draft or returned).
#[utoipa::path(
    tag = "initiatives",
    operation_id = "delete_roadmap_step",
    params(("id" = Uuid, Path, description = "Initiative id"), ("step_id" = Uuid, Path, description = "Roadmap step id")),
    responses(
        (status = 200, description = "Removed; the initiative", body = InitiativeView),
        (status = 403, description = "Neither an author nor an officer of the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The plan is fixed in this state", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/initiatives/{id}/roadmap/{step_id}")]
pub async fn delete_roadmap_step(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (iid, sid) = path.into_inner();
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, iid).await?;
    current.authorize(&p, InitiativeOp::Update)?;
    let step = initiative_queries::find_step(&mut conn, iid, sid).await?;
    let (org_id, actor) = (current.initiative.organization_id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        initiative_queries::delete_step(conn, step.id).await?;
        initiative_queries::touch(conn, iid).await?;
        audit(
            conn,
            Some(actor),
            "initiative.roadmap_delete",
            "initiative",
            Some(iid),
            Some(org_id),
            serde_json::json!({ "step_id": step.id, "title": step.title }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, iid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
