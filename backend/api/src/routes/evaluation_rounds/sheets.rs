//! Score sheets: the evaluator saves a draft and submits it (then it is locked); the chair or
//! the organiser may reopen one with a reason. Another evaluator's sheet is seen only once
//! one's own is submitted; authors never see sheets.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, post, put, web};
use diesel_async::AsyncConnection;
use thidua_db::AsyncPgConnection;
use thidua_db::models::{RoundAssignment, RoundEntry, ScoreSheet};
use thidua_db::queries::{
    evaluation as eval_queries, initiatives as initiative_queries, organizations as org_queries,
    users as user_queries,
};
use thidua_domain::evaluation::{
    Criterion, RoundStatus, Sheet, SheetProblem, check_sheet, max_total, sheet_total,
};
use thidua_domain::validation::{optional_text, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use super::LoadedRound;
use crate::auth::Principal;
use crate::authz::RoundOp;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json, etag};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::evaluation::{EntryInitiative, SaveSheetRequest, SheetStatusCode, SheetView};
use crate::views::initiatives::ReasonRequest;
use crate::views::{OrganizationRef, UserRef};

struct Loaded {
    round: LoadedRound,
    assignment: RoundAssignment,
    entry: RoundEntry,
    sheet: Option<ScoreSheet>,
    criteria: Vec<Criterion>,
}

impl Loaded {
    fn etag(&self) -> String {
        etag(
            self.assignment.id,
            self.sheet.as_ref().map_or(0, |s| s.version),
        )
    }

    fn mine(&self, p: &Principal) -> bool {
        self.assignment.evaluator_id == p.user_id
    }

    fn oversees(&self, p: &Principal) -> bool {
        self.round.oversees(p)
    }

    fn status(&self) -> &str {
        self.sheet.as_ref().map_or("due", |s| s.status.as_str())
    }

    fn can_save(&self, p: &Principal) -> bool {
        self.mine(p)
            && self.assignment.recused_at.is_none()
            && self.round.status() == RoundStatus::Scoring
            && self.status() != "submitted"
    }

    fn can_reopen(&self, p: &Principal) -> bool {
        self.oversees(p)
            && self.round.status() == RoundStatus::Scoring
            && self.status() == "submitted"
    }
}

async fn load(conn: &mut AsyncPgConnection, p: &Principal, id: Uuid) -> Result<Loaded, ApiError> {
    let (assignment, entry) = eval_queries::find_assignment(conn, id).await?;
    let round = super::load(conn, entry.round_id).await?;
    round.authorize(p, RoundOp::View)?;
    let set = eval_queries::criteria_sets_by_ids(conn, &[round.round.criteria_set_id])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let criteria = crate::routes::criteria_sets::criteria_of(&set)?;
    let sheet = eval_queries::find_sheet(conn, assignment.id).await?;
    let l = Loaded {
        round,
        assignment,
        entry,
        sheet,
        criteria,
    };
    // One's own sheet, or (for the chair and the organiser) any.
    if !l.mine(p) && !l.oversees(p) {
        return Err(ApiError::forbidden());
    }
    Ok(l)
}

fn maps(
    sheet: Option<&ScoreSheet>,
) -> (
    BTreeMap<String, f64>,
    BTreeMap<String, bool>,
    BTreeMap<String, String>,
) {
    let get = |v: Option<&serde_json::Value>| v.cloned().unwrap_or_else(|| serde_json::json!({}));
    (
        serde_json::from_value(get(sheet.map(|s| &s.scores))).unwrap_or_default(),
        serde_json::from_value(get(sheet.map(|s| &s.gates))).unwrap_or_default(),
        serde_json::from_value(get(sheet.map(|s| &s.comments))).unwrap_or_default(),
    )
}

fn domain_sheet(scores: &BTreeMap<String, f64>, gates: &BTreeMap<String, bool>) -> Sheet {
    Sheet {
        scores: scores.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        gates: gates.iter().map(|(k, v)| (k.clone(), *v)).collect(),
    }
}

async fn view(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    l: &Loaded,
) -> Result<SheetView, ApiError> {
    let initiative = initiative_queries::find(conn, l.entry.initiative_id).await?;
    let unit = org_queries::find(conn, initiative.organization_id).await?;
    let evaluator_name = user_queries::display_names(conn, &[l.assignment.evaluator_id])
        .await?
        .pop()
        .map(|(_, n)| n)
        .unwrap_or_default();
    let (scores, gates, comments) = maps(l.sheet.as_ref());
    let mut allowed_actions = Vec::new();
    if l.can_save(p) {
        allowed_actions.extend(["save".to_string(), "submit".to_string()]);
    }
    if l.can_reopen(p) {
        allowed_actions.push("reopen".into());
    }
    Ok(SheetView {
        assignment_id: l.assignment.id,
        entry_id: l.entry.id,
        round_id: l.round.round.id,
        round: super::round_ref(&l.round.round, &l.round.organization)?,
        recused: l.assignment.recused_at.is_some(),
        initiative: EntryInitiative {
            id: initiative.id,
            title: initiative.title,
            organization: OrganizationRef::from(&unit),
        },
        evaluator: UserRef {
            id: l.assignment.evaluator_id,
            display_name: evaluator_name,
        },
        total: sheet_total(&l.criteria, &domain_sheet(&scores, &gates)),
        max_total: max_total(&l.criteria),
        criteria: l.criteria.iter().cloned().map(Into::into).collect(),
        scores,
        gates,
        comments,
        overall_comment: l.sheet.as_ref().and_then(|s| s.overall_comment.clone()),
        status: match l.status() {
            "submitted" => SheetStatusCode::Submitted,
            "draft" => SheetStatusCode::Draft,
            _ => SheetStatusCode::Due,
        },
        submitted_at: l.sheet.as_ref().and_then(|s| s.submitted_at),
        reopened_reason: l.sheet.as_ref().and_then(|s| s.reopened_reason.clone()),
        etag: l.etag(),
        allowed_actions,
    })
}

fn respond(v: SheetView) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v)
}

/// The problems of a sheet as field errors naming each criterion (`gates.<code>` for a
/// pass/fail criterion, `scores.<code>` otherwise).
fn problems_to_errors(criteria: &[Criterion], problems: Vec<SheetProblem>) -> Vec<FieldError> {
    let map_of = |code: &str| {
        if criteria.iter().any(|c| c.code == code && c.gate) {
            "gates"
        } else {
            "scores"
        }
    };
    let name = |code: &str| {
        criteria
            .iter()
            .find(|c| c.code == code)
            .map_or(code.to_string(), |c| c.name_vi.clone())
    };
    problems
        .into_iter()
        .map(|p| match p {
            SheetProblem::OutOfRange { criterion, max } => FieldError::new(
                format!("scores.{criterion}"),
                "out_of_range",
                format!("Điểm tiêu chí “{}” phải từ 0 đến {max}.", name(&criterion)),
                format!("The score of “{criterion}” is between 0 and {max}."),
            ),
            SheetProblem::Missing { criterion } => FieldError::new(
                format!("{}.{criterion}", map_of(&criterion)),
                "required",
                format!("Chưa chấm tiêu chí “{}”.", name(&criterion)),
                format!("“{criterion}” is not scored yet."),
            ),
            SheetProblem::Unknown { criterion } => FieldError::new(
                format!("scores.{criterion}"),
                "unknown_criterion",
                "Tiêu chí không thuộc bộ tiêu chí của đợt đánh giá.",
                "Not a criterion of the round.",
            ),
        })
        .collect()
}

/// One's score sheet for an assigned initiative (the chair and the organiser see any).
#[utoipa::path(
    tag = "evaluation",
    operation_id = "get_score_sheet",
    params(("id" = Uuid, Path, description = "Assignment id")),
    responses(
        (status = 200, description = "The sheet (empty and `due` before the first save)", body = SheetView, headers(("ETag" = String))),
        (status = 403, description = "Not one's own assignment", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-assignments/{id}/sheet")]
pub async fn get_score_sheet(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, &p, id.into_inner()).await?;
    Ok(respond(view(&mut conn, &p, &l).await?))
}

/// Save one's draft while the round is scoring: each score within [0, max] of its criterion
/// (422 naming it), the gates' answers, comments per criterion and overall.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "save_score_sheet",
    params(("id" = Uuid, Path, description = "Assignment id"), ("If-Match" = String, Header, description = "The sheet's ETag (two tabs must not overwrite each other)")),
    request_body = SaveSheetRequest,
    responses(
        (status = 200, description = "Saved", body = SheetView, headers(("ETag" = String))),
        (status = 403, description = "Not one's own assignment, or recused", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Submitted (`sheet_submitted`), or the round is not scoring", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale (saved meanwhile, e.g. in another tab)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A score out of range or an unknown criterion", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/evaluation-assignments/{id}/sheet")]
pub async fn save_score_sheet(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<SaveSheetRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let l = load(&mut conn, &p, id.into_inner()).await?;
    check_can_write(&l, &p)?;
    if_match.check(&l.etag())?;
    let (mut scores, mut gates, mut comments) = maps(l.sheet.as_ref());
    if let Some(s) = req.scores {
        scores = s;
    }
    if let Some(g) = req.gates {
        gates = g;
    }
    let mut errs = ValidationErrors::new();
    if let Some(c) = req.comments {
        comments = BTreeMap::new();
        for (code, text) in c {
            if let Some(Some(t)) = errs.check(optional_text(
                &format!("comments.{code}"),
                Some(&text),
                2000,
            )) {
                comments.insert(code, t);
            }
        }
    }
    let overall = match req.overall_comment {
        Some(t) => errs
            .check(optional_text("overall_comment", Some(&t), 5000))
            .flatten(),
        None => l.sheet.as_ref().and_then(|s| s.overall_comment.clone()),
    };
    for e in problems_to_errors(
        &l.criteria,
        check_sheet(&l.criteria, &domain_sheet(&scores, &gates), false),
    ) {
        errs.push(e);
    }
    for code in comments.keys() {
        if !l.criteria.iter().any(|c| &c.code == code) {
            errs.push(FieldError::new(
                format!("comments.{code}"),
                "unknown_criterion",
                "Tiêu chí không thuộc bộ tiêu chí của đợt đánh giá.",
                "Not a criterion of the round.",
            ));
        }
    }
    errs.into_result()?;
    let aid = l.assignment.id;
    let (s, g, c) = (
        serde_json::to_value(&scores).map_err(ApiError::internal)?,
        serde_json::to_value(&gates).map_err(ApiError::internal)?,
        serde_json::to_value(&comments).map_err(ApiError::internal)?,
    );
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if eval_queries::lock_sheet(conn, aid).await?.as_deref() == Some("submitted") {
            return Err(submitted());
        }
        eval_queries::save_draft(conn, aid, &s, &g, &c, overall.as_deref()).await?;
        Ok(())
    })
    .await?;
    let l = load(&mut conn, &p, aid).await?;
    Ok(respond(view(&mut conn, &p, &l).await?))
}

fn submitted() -> ApiError {
    ApiError::conflict(
        "sheet_submitted",
        "Phiếu chấm đã nộp nên không thể sửa (Chủ tịch Hội đồng có thể mở lại).",
        "The sheet was submitted and is locked (the chair may reopen it).",
    )
}

fn check_can_write(l: &Loaded, p: &Principal) -> Result<(), ApiError> {
    if !l.mine(p) || l.assignment.recused_at.is_some() {
        return Err(ApiError::forbidden());
    }
    if l.round.status() != RoundStatus::Scoring {
        return Err(ApiError::invalid_transition(
            l.round.status().as_str(),
            "score",
        ));
    }
    if l.status() == "submitted" {
        return Err(submitted());
    }
    Ok(())
}

/// Submit one's sheet: every criterion scored and every gate answered (422 listing what is
/// missing); then it is locked.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "submit_score_sheet",
    params(("id" = Uuid, Path, description = "Assignment id")),
    responses(
        (status = 200, description = "Submitted", body = SheetView, headers(("ETag" = String))),
        (status = 403, description = "Not one's own assignment, or recused", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already submitted, or the round is not scoring", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`incomplete_sheet`: the criteria not scored in `errors`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-assignments/{id}/sheet/submit")]
pub async fn submit_score_sheet(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, &p, id.into_inner()).await?;
    check_can_write(&l, &p)?;
    let (scores, gates, _) = maps(l.sheet.as_ref());
    let problems = check_sheet(&l.criteria, &domain_sheet(&scores, &gates), true);
    if !problems.is_empty() || l.sheet.is_none() {
        let errors = problems_to_errors(&l.criteria, problems);
        return Err(ApiError::unprocessable(
            "incomplete_sheet",
            "Phiếu chấm chưa đủ điểm các tiêu chí.",
            "The sheet does not score every criterion.",
        )
        .with_errors(errors));
    }
    let (aid, rid, org, actor) = (
        l.assignment.id,
        l.round.round.id,
        l.round.organization.id,
        p.user_id,
    );
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if eval_queries::set_sheet_status(conn, aid, "draft", "submitted", None)
            .await?
            .is_none()
        {
            return Err(submitted());
        }
        audit(
            conn,
            Some(actor),
            "score_sheet.submit",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({ "assignment_id": aid }),
        )
        .await
    })
    .await?;
    let l = load(&mut conn, &p, aid).await?;
    Ok(respond(view(&mut conn, &p, &l).await?))
}

/// Reopen a submitted sheet, with the reason (the chair or the organiser, while scoring).
#[utoipa::path(
    tag = "evaluation",
    operation_id = "reopen_score_sheet",
    params(("id" = Uuid, Path, description = "Assignment id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Reopened, a draft again", body = SheetView, headers(("ETag" = String))),
        (status = 403, description = "Not the chair nor the organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not submitted, or the round is not scoring", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-assignments/{id}/sheet/reopen")]
pub async fn reopen_score_sheet(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, &p, id.into_inner()).await?;
    if !l.oversees(&p) {
        return Err(ApiError::forbidden());
    }
    let reason = required_text("reason", &body.0.reason, 2000).map_err(ApiError::field)?;
    if !l.can_reopen(&p) {
        return Err(ApiError::invalid_transition(l.status(), "reopen"));
    }
    let (aid, rid, org, actor) = (
        l.assignment.id,
        l.round.round.id,
        l.round.organization.id,
        p.user_id,
    );
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if eval_queries::set_sheet_status(conn, aid, "submitted", "draft", Some(&reason))
            .await?
            .is_none()
        {
            return Err(ApiError::invalid_transition("draft", "reopen"));
        }
        audit(
            conn,
            Some(actor),
            "score_sheet.reopen",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({ "assignment_id": aid, "reason": reason }),
        )
        .await
    })
    .await?;
    let l = load(&mut conn, &p, aid).await?;
    Ok(respond(view(&mut conn, &p, &l).await?))
}

/// Open scoring (`setup → scoring`): the round has initiatives, each with an evaluator.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "start_scoring",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "Scoring", body = crate::views::evaluation::RoundView, headers(("ETag" = String))),
        (status = 403, description = "Not the organiser nor the chair", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in set-up", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`nothing_to_score`: no initiative, or one without an evaluator", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds/{id}/start-scoring")]
pub async fn start_scoring(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::Manage)?;
    if r.status() != RoundStatus::Setup {
        return Err(ApiError::invalid_transition(
            r.status().as_str(),
            "start scoring",
        ));
    }
    let entries = eval_queries::entries_of(&mut conn, r.round.id).await?;
    let assignments = eval_queries::assignments_of(&mut conn, r.round.id).await?;
    let unassigned = entries.iter().any(|(e, _)| {
        !assignments
            .iter()
            .any(|a| a.entry_id == e.id && a.recused_at.is_none())
    });
    if entries.is_empty() || unassigned {
        return Err(ApiError::unprocessable(
            "nothing_to_score",
            "Đợt đánh giá cần có sáng kiến và mỗi sáng kiến có người chấm.",
            "The round needs initiatives, each with an evaluator.",
        ));
    }
    let (rid, org, actor) = (r.round.id, r.organization.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if eval_queries::transition_round(conn, rid, "setup", "scoring")
            .await?
            .is_none()
        {
            return Err(ApiError::invalid_transition("scoring", "start scoring"));
        }
        audit(
            conn,
            Some(actor),
            "evaluation_round.start_scoring",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({}),
        )
        .await
    })
    .await?;
    let v = super::view_one(&mut conn, &p, rid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v))
}

/// The sheets of an initiative: for its evaluators once their own is submitted (the others'
/// submitted ones), for the chair and the organiser always; never for anybody else.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "list_entry_sheets",
    params(("id" = Uuid, Path, description = "Round id"), ("entry_id" = Uuid, Path, description = "Entry id")),
    responses(
        (status = 200, description = "The submitted sheets (all, for the chair and the organiser)", body = Vec<SheetView>),
        (status = 403, description = "`submit_first`, or not an evaluator of it", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds/{id}/entries/{entry_id}/sheets")]
pub async fn list_entry_sheets(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Vec<SheetView>>, ApiError> {
    let (id, entry_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(&p, RoundOp::View)?;
    // The entry must be the round's: the round's reach is what was checked.
    let Some((entry, _)) = eval_queries::entries_of(&mut conn, r.round.id)
        .await?
        .into_iter()
        .find(|(e, _)| e.id == entry_id)
    else {
        return Err(ApiError::not_found());
    };
    let rows = eval_queries::sheets_of_entry(&mut conn, entry_id).await?;
    let oversees = r.oversees(&p);
    if !oversees {
        let own = rows.iter().find(|(a, _)| a.evaluator_id == p.user_id);
        match own {
            None => return Err(ApiError::forbidden()),
            Some((_, sheet)) if sheet.as_ref().is_none_or(|s| s.status != "submitted") => {
                return Err(ApiError::new(
                    actix_web::http::StatusCode::FORBIDDEN,
                    "submit_first",
                    "Hãy nộp phiếu chấm của mình trước khi xem phiếu của người khác.",
                    "Submit your own sheet before seeing the others'.",
                ));
            }
            Some(_) => {}
        }
    }
    let set = eval_queries::criteria_sets_by_ids(&mut conn, &[r.round.criteria_set_id])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let criteria = crate::routes::criteria_sets::criteria_of(&set)?;
    let mut out = Vec::new();
    for (a, sheet) in rows {
        let submitted = sheet.as_ref().is_some_and(|s| s.status == "submitted");
        if oversees || submitted {
            let l = Loaded {
                round: r.clone(),
                assignment: a,
                entry: entry.clone(),
                sheet,
                criteria: criteria.clone(),
            };
            out.push(view(&mut conn, &p, &l).await?);
        }
    }
    Ok(web::Json(out))
}
