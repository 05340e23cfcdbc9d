use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::RoundMember;
use thidua_db::queries::{evaluation as eval_queries, organizations as org_queries};
use thidua_domain::evaluation::{Aggregation, MemberRole, RoundLevel, check_committee};
use thidua_domain::validation::{optional_text, plausible_date, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, CampaignOp};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::{audit, campaigns};
use crate::state::AppState;
use crate::views::evaluation::{CreateRoundRequest, RoundView};

/// Set up an evaluation round: the committee (one chair, a secretary, members — people of
/// the organisation), the criteria set (the version is kept), the scoring window and how
/// sheets are aggregated. A unit's committee is set up by its head; the authority's
/// committee and award pre-selection by its officer.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "create_evaluation_round",
    request_body = CreateRoundRequest,
    responses(
        (status = 201, description = "Set up, in `setup`", body = RoundView, headers(("Location" = String))),
        (status = 403, description = "Not allowed to set up rounds of this level here", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Campaign or organisation not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid (the committee's composition, a member outside the organisation, the window)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds")]
pub async fn create_evaluation_round(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<CreateRoundRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let level: RoundLevel = req.level.into();
    let mut conn = state.conn().await?;
    let org =
        org_queries::find(&mut conn, req.organization_id.unwrap_or(p.organization_id)).await?;
    authz::create_round(&p, level, &org.ancestry()).into_result()?;
    let campaign = campaigns::load(&mut conn, req.campaign_id).await?;
    campaign.authorize(&p, CampaignOp::View)?;

    let mut errs = ValidationErrors::new();
    if !org.ancestry().contains(&campaign.organization.id) {
        errs.push(FieldError::new(
            "campaign_id",
            "not_a_participant",
            "Tổ chức không thuộc phạm vi của kế hoạch này.",
            "The organisation does not take part in this campaign.",
        ));
    }
    let title = errs.check(required_text("title", &req.title, 500));
    let place = errs
        .check(optional_text(
            "meeting_place",
            req.meeting_place.as_deref(),
            500,
        ))
        .flatten();
    errs.check(plausible_date("scoring_opens_on", req.scoring_opens_on));
    errs.check(plausible_date("scoring_closes_on", req.scoring_closes_on));
    if req.scoring_closes_on < req.scoring_opens_on {
        errs.push(FieldError::new(
            "scoring_closes_on",
            "before_opening",
            "Hạn chấm điểm phải sau ngày bắt đầu.",
            "Scoring closes after it opens.",
        ));
    }
    if let Some(d) = req.meeting_on {
        errs.check(plausible_date("meeting_on", d));
    }
    let per_initiative = req.evaluators_per_initiative.unwrap_or(3);
    if !(1..=20).contains(&per_initiative) {
        errs.push(FieldError::new(
            "evaluators_per_initiative",
            "out_of_range",
            "Số người chấm mỗi sáng kiến từ 1 đến 20.",
            "Between 1 and 20 evaluators per initiative.",
        ));
    }
    let members: Vec<(Uuid, MemberRole)> = req
        .members
        .iter()
        .map(|m| (m.user_id, m.role.into()))
        .collect();
    for problem in check_committee(&members) {
        let (vi, en) = match problem {
            "one_chair" => (
                "Hội đồng có đúng một Chủ tịch.",
                "The committee has exactly one chair.",
            ),
            "one_secretary" => (
                "Hội đồng có nhiều nhất một Thư ký.",
                "At most one secretary.",
            ),
            "too_few_members" => (
                "Hội đồng có ít nhất 3 thành viên.",
                "The committee has at least three members.",
            ),
            _ => (
                "Một người chỉ có một vị trí trong Hội đồng.",
                "Each person sits once.",
            ),
        };
        errs.push(FieldError::new("members", problem, vi, en));
    }
    let ids: Vec<Uuid> = members.iter().map(|m| m.0).collect();
    let found = eval_queries::users_with_paths(&mut conn, &ids).await?;
    for (n, (user, _)) in members.iter().enumerate() {
        let inside = found
            .iter()
            .any(|(id, path)| id == user && path.contains(&Some(org.id)));
        if !inside {
            errs.push(FieldError::new(
                format!("members[{n}].user_id"),
                "not_in_organization",
                "Thành viên phải là người đang làm việc trong tổ chức.",
                "A member is an active person of the organisation.",
            ));
        }
    }
    let set = match eval_queries::criteria_sets_by_ids(&mut conn, &[req.criteria_set_id])
        .await?
        .pop()
    {
        Some(s) => Some(s),
        None => {
            errs.push(FieldError::new(
                "criteria_set_id",
                "unknown_criteria_set",
                "Bộ tiêu chí không tồn tại.",
                "No such criteria set.",
            ));
            None
        }
    };
    errs.into_result()?;
    let (Some(title), Some(set)) = (title, set) else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };

    let id = Uuid::now_v7();
    let new = eval_queries::NewRound {
        id,
        campaign_id: campaign.campaign.id,
        level: level.as_str().into(),
        organization_id: org.id,
        title,
        criteria_set_id: set.id,
        aggregation: Aggregation::from(
            req.aggregation
                .unwrap_or(crate::views::evaluation::AggregationCode::Mean),
        )
        .as_str()
        .into(),
        evaluators_per_initiative: per_initiative,
        scoring_opens_on: req.scoring_opens_on,
        scoring_closes_on: req.scoring_closes_on,
        meeting_on: req.meeting_on,
        meeting_place: place,
        created_by: p.user_id,
    };
    let rows: Vec<RoundMember> = members
        .iter()
        .map(|(user_id, role)| RoundMember {
            round_id: id,
            user_id: *user_id,
            role: role.as_str().into(),
            present: None,
        })
        .collect();
    let (actor, org_id) = (p.user_id, org.id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        eval_queries::insert_round(conn, &new, &rows).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.create",
            "evaluation_round",
            Some(id),
            Some(org_id),
            serde_json::json!({
                "campaign_id": new.campaign_id,
                "level": new.level,
                "criteria_set_id": new.criteria_set_id,
                "members": rows.iter().map(|m| (m.user_id, m.role.clone())).collect::<Vec<_>>(),
            }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", view.etag.clone()))
        .insert_header(("Location", format!("/api/v1/evaluation-rounds/{id}")))
        .json(view))
}
