//! The committee's meeting: decisions with their votes (two thirds of the members in favour),
//! which move the initiatives to `accepted` / `not_accepted`; reminders to evaluators still
//! due; closing (a unit committee must have chosen a model, §III.2.2) and publishing.

use std::collections::HashSet;

use actix_web::{HttpResponse, post, put, web};
use diesel_async::AsyncConnection;
use thidua_db::models::NewInitiativeTransition;
use thidua_db::queries::evaluation::{self as eval_queries, DecisionRecord};
use thidua_db::queries::{initiatives as initiative_queries, users as user_queries};
use thidua_domain::FieldError;
use thidua_domain::evaluation::{
    CloseProblem, ClosingEntry, DecisionProblem, RoundStatus, Verdict, Vote, check_close,
    check_decision,
};
use thidua_domain::initiative::InitiativeStatus;
use thidua_domain::validation::optional_text;
use uuid::Uuid;

use super::LoadedRound;
use super::entries::{entry_views_of, require_status};
use crate::auth::Principal;
use crate::authz::RoundOp;
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::routes::submissions::distinct;
use crate::state::AppState;
use crate::views::UserRef;
use crate::views::evaluation::{
    CloseRoundRequest, DecisionRequest, EntryView, RemindersSent, RoundView,
};

fn decision_problem(p: DecisionProblem, members: usize) -> (&'static str, FieldError) {
    match p {
        DecisionProblem::VotesExceedMembers => (
            "votes_exceed_members",
            FieldError::new(
                "votes_for",
                "votes_exceed_members",
                format!("Tổng số phiếu vượt quá số thành viên Hội đồng ({members})."),
                format!("More votes than the committee's {members} members."),
            ),
        ),
        DecisionProblem::TwoThirdsNotReached => (
            "two_thirds_not_reached",
            FieldError::new(
                "votes_for",
                "two_thirds_not_reached",
                format!(
                    "Quyết định cần ít nhất hai phần ba thành viên Hội đồng ({} trên {members}) đồng ý.",
                    (members * 2).div_ceil(3)
                ),
                format!(
                    "A decision needs at least two thirds of the committee's members ({} of {members}) in favour.",
                    (members * 2).div_ceil(3)
                ),
            ),
        ),
        DecisionProblem::SelectedNotAccepted => (
            "selected_not_accepted",
            FieldError::new(
                "selected_for_award",
                "selected_not_accepted",
                "Chỉ sáng kiến được nghiệm thu đạt mới được chọn đề nghị khen thưởng.",
                "Only an accepted initiative can be proposed for an award.",
            ),
        ),
        DecisionProblem::Ineligible => (
            "ineligible",
            FieldError::new(
                "verdict",
                "ineligible",
                "Sáng kiến không đạt tiêu chí bắt buộc (hoặc chưa có phiếu chấm) nên không thể nghiệm thu đạt.",
                "The initiative failed a mandatory criterion (or has no submitted sheet): it cannot be accepted.",
            ),
        ),
    }
}

fn vote_count(field: &str, n: i32, errs: &mut Vec<FieldError>) -> u32 {
    u32::try_from(n).unwrap_or_else(|_| {
        errs.push(FieldError::new(
            field,
            "out_of_range",
            "Số phiếu không được âm.",
            "A vote count cannot be negative.",
        ));
        0
    })
}

/// Record the committee's decision on an initiative (or correct it until the round is
/// closed): accepted or not, proposed for an award or not, with the vote.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "record_round_decision",
    params(("id" = Uuid, Path, description = "Round id"), ("entry_id" = Uuid, Path, description = "Entry id")),
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "The entry with its decision", body = EntryView),
        (status = 403, description = "Not the chair, the secretary nor the organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not scoring (set up, or already closed)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`two_thirds_not_reached`, `votes_exceed_members`, `selected_not_accepted`, `ineligible`, `scoring_incomplete` (sheets still due) or `initiative_not_completed`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/evaluation-rounds/{id}/entries/{entry_id}/decision")]
pub async fn record_round_decision(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<DecisionRequest>,
) -> Result<web::Json<EntryView>, ApiError> {
    let (id, entry_id) = path.into_inner();
    let body = body.0;
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(&p, RoundOp::View)?;
    if !r.decides(&p) {
        return Err(ApiError::forbidden());
    }
    require_status(&r, &[RoundStatus::Scoring], "record a decision")?;
    let Some((_, initiative)) = eval_queries::entries_of(&mut conn, r.round.id)
        .await?
        .into_iter()
        .find(|(e, _)| e.id == entry_id)
    else {
        return Err(ApiError::not_found());
    };

    let mut errs = Vec::new();
    let vote = Vote {
        in_favour: vote_count("votes_for", body.votes_for, &mut errs),
        against: vote_count("votes_against", body.votes_against, &mut errs),
        abstain: vote_count("votes_abstain", body.votes_abstain, &mut errs),
    };
    let note = optional_text("note", body.note.as_deref(), 5000).map_err(ApiError::field)?;
    if !errs.is_empty() {
        return Err(ApiError::validation(thidua_domain::ValidationErrors(errs)));
    }

    let (results, _) = super::results::compute(&mut conn, &r).await?;
    let row = results
        .ranking
        .iter()
        .find(|row| row.entry_id == entry_id)
        .ok_or_else(ApiError::not_found)?;
    if row.sheets_submitted < row.sheets_expected {
        return Err(ApiError::unprocessable(
            "scoring_incomplete",
            format!(
                "Còn {} phiếu chấm chưa nộp cho sáng kiến này: chưa thể quyết định.",
                row.sheets_expected - row.sheets_submitted
            ),
            format!(
                "{} sheet(s) of this initiative are still due: it cannot be decided yet.",
                row.sheets_expected - row.sheets_submitted
            ),
        ));
    }
    let verdict: Verdict = body.verdict.into();
    let members = r.members.len();
    let problems = check_decision(
        members as u32,
        vote,
        verdict,
        body.selected_for_award,
        row.eligible,
    );
    if let Some(first) = problems.first() {
        let (code, _) = decision_problem(*first, members);
        let fields: Vec<FieldError> = problems
            .iter()
            .map(|x| decision_problem(*x, members).1)
            .collect();
        let vi = fields
            .iter()
            .map(|f| f.message_vi.clone())
            .collect::<Vec<_>>()
            .join(" ");
        let en = fields
            .iter()
            .map(|f| f.message_en.clone())
            .collect::<Vec<_>>()
            .join(" ");
        return Err(ApiError::unprocessable(code, vi, en).with_errors(fields));
    }
    let from = InitiativeStatus::parse(&initiative.status)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("bad initiative status")))?;
    let Some(to) = verdict.moves(from) else {
        return Err(ApiError::unprocessable(
            "initiative_not_completed",
            "Sáng kiến chưa hoàn thành nên chưa thể nghiệm thu.",
            "The initiative is not completed: it cannot be decided yet.",
        ));
    };

    let (rid, org, actor, iid) = (r.round.id, r.organization.id, p.user_id, initiative.id);
    let title = r.round.title.clone();
    let selected = body.selected_for_award;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        // The round is re-read under its row: a decision lands only while it is scoring.
        if eval_queries::lock_round_status(conn, rid).await? != "scoring" {
            return Err(ApiError::invalid_transition("closed", "record a decision"));
        }
        eval_queries::record_decision(
            conn,
            entry_id,
            &DecisionRecord {
                verdict: verdict.as_str(),
                selected_for_award: selected,
                votes_for: body.votes_for,
                votes_against: body.votes_against,
                votes_abstain: body.votes_abstain,
                note: note.as_deref(),
                decided_by: actor,
            },
        )
        .await?;
        if from != to {
            if initiative_queries::transition(conn, iid, from.as_str(), to.as_str())
                .await?
                .is_none()
            {
                return Err(ApiError::conflict(
                    "initiative_changed",
                    "Sáng kiến vừa thay đổi trạng thái; hãy tải lại.",
                    "The initiative's state just changed; reload.",
                ));
            }
            initiative_queries::record_transition(
                conn,
                &NewInitiativeTransition {
                    initiative_id: iid,
                    action: match verdict {
                        Verdict::Accepted => "committee_accept".into(),
                        Verdict::NotAccepted => "committee_not_accept".into(),
                    },
                    from_status: from.as_str().into(),
                    to_status: to.as_str().into(),
                    actor_user_id: actor,
                    reason: Some(title),
                },
            )
            .await?;
        }
        eval_queries::touch_round(conn, rid).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.decide",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({
                "entry_id": entry_id,
                "initiative_id": iid,
                "verdict": verdict.as_str(),
                "selected_for_award": selected,
                "votes": [body.votes_for, body.votes_against, body.votes_abstain],
            }),
        )
        .await
    })
    .await?;
    entry_views_of(&mut conn, rid, |e| e.id == entry_id)
        .await?
        .pop()
        .map(web::Json)
        .ok_or_else(ApiError::not_found)
}

/// Remind the evaluators whose sheets are still due (not submitted, not recused); each sees
/// the reminder on the assignment.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "remind_evaluators",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "Whom it went to", body = RemindersSent),
        (status = 403, description = "Not the chair nor the organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not scoring", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds/{id}/reminders")]
pub async fn remind_evaluators(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RemindersSent>, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::View)?;
    if !r.oversees(&p) {
        return Err(ApiError::forbidden());
    }
    require_status(&r, &[RoundStatus::Scoring], "remind evaluators")?;
    let due: Vec<_> = eval_queries::sheets_due(&mut conn, r.round.id).await?;
    let ids: Vec<Uuid> = due.iter().map(|(a, _)| *a).collect();
    let people = distinct(due.iter().map(|(_, u)| *u));
    let names = user_queries::display_names(&mut conn, &people).await?;
    let (rid, org, actor) = (r.round.id, r.organization.id, p.user_id);
    let n = ids.len();
    conn.transaction::<_, ApiError, _>(async move |conn| {
        eval_queries::mark_reminded(conn, &ids).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.remind",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({ "sheets": n, "evaluators": people }),
        )
        .await
    })
    .await?;
    let mut evaluators: Vec<UserRef> = names
        .into_iter()
        .map(|(id, display_name)| UserRef { id, display_name })
        .collect();
    evaluators.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    Ok(web::Json(RemindersSent {
        sheets: n as i64,
        evaluators,
    }))
}

fn round_response(v: RoundView) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v)
}

/// Close the round after the meeting (`scoring → closed`), recording who attended: every
/// initiative decided, and a unit committee has chosen at least one model unless none was
/// eligible (§III.2.2).
#[utoipa::path(
    tag = "evaluation",
    operation_id = "close_round",
    params(("id" = Uuid, Path, description = "Round id")),
    request_body = CloseRoundRequest,
    responses(
        (status = 200, description = "Closed", body = RoundView, headers(("ETag" = String))),
        (status = 403, description = "Not the organiser nor the chair", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not scoring", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`undecided_entries`, `no_model_selected`, or an attendee who is not a member", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds/{id}/close")]
pub async fn close_round(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<CloseRoundRequest>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::Manage)?;
    require_status(&r, &[RoundStatus::Scoring], "close")?;
    let present = attendance(&r, &body.0.present_member_ids)?;
    let (rid, org, actor) = (r.round.id, r.organization.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        // Under the round's row lock, so that no decision changes while it is checked.
        if eval_queries::lock_round_status(conn, rid).await? != "scoring" {
            return Err(ApiError::invalid_transition("closed", "close"));
        }
        let (results, _) = super::results::compute(conn, &r).await?;
        let entries: Vec<ClosingEntry> = results
            .ranking
            .iter()
            .map(|row| ClosingEntry {
                decided: row.decision.is_some(),
                selected_for_award: row.decision.as_ref().is_some_and(|d| d.selected_for_award),
                eligible: row.eligible,
            })
            .collect();
        if let Some(problem) = check_close(r.level, &entries).first() {
            return Err(close_problem(*problem));
        }
        eval_queries::close_round(conn, rid, actor, &present).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.close",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({ "present": present }),
        )
        .await
    })
    .await?;
    Ok(round_response(super::view_one(&mut conn, &p, rid).await?))
}

fn close_problem(problem: CloseProblem) -> ApiError {
    match problem {
        CloseProblem::Undecided(n) => ApiError::unprocessable(
            "undecided_entries",
            format!("Còn {n} sáng kiến chưa có quyết định của Hội đồng."),
            format!("{n} initiative(s) have no decision of the committee yet."),
        ),
        CloseProblem::NoModelSelected => ApiError::unprocessable(
            "no_model_selected",
            "Hội đồng cấp đơn vị phải chọn ít nhất một mô hình, sáng kiến để đề nghị (mục III.2.2), trừ khi không có sáng kiến nào đủ điều kiện.",
            "A unit committee must select at least one model to propose (§III.2.2), unless none was eligible.",
        ),
    }
}

/// The attendees, each a member of the committee.
fn attendance(r: &LoadedRound, ids: &[Uuid]) -> Result<Vec<Uuid>, ApiError> {
    let members: HashSet<Uuid> = r.members.iter().map(|(m, _)| m.user_id).collect();
    let errs: Vec<FieldError> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !members.contains(id))
        .map(|(n, _)| {
            FieldError::new(
                format!("present_member_ids[{n}]"),
                "not_a_member",
                "Người này không phải thành viên Hội đồng.",
                "Not a member of the committee.",
            )
        })
        .collect();
    if !errs.is_empty() {
        return Err(ApiError::validation(thidua_domain::ValidationErrors(errs)));
    }
    Ok(distinct(ids.iter().copied()))
}

/// Publish the closed round's results (`closed → published`): the units and the authors then
/// see the aggregates, the ranking and the decisions, never an evaluator's name or sheet.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "publish_round",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "Published", body = RoundView, headers(("ETag" = String))),
        (status = 403, description = "Not the organiser nor the chair", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not closed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds/{id}/publish")]
pub async fn publish_round(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::Manage)?;
    require_status(&r, &[RoundStatus::Closed], "publish")?;
    let (rid, org, actor) = (r.round.id, r.organization.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if eval_queries::publish_round(conn, rid, actor)
            .await?
            .is_none()
        {
            return Err(ApiError::invalid_transition("published", "publish"));
        }
        audit(
            conn,
            Some(actor),
            "evaluation_round.publish",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({}),
        )
        .await
    })
    .await?;
    Ok(round_response(super::view_one(&mut conn, &p, rid).await?))
}
