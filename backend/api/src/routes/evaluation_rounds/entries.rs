//! The initiatives of a round and their evaluators: added by the organiser or the chair,
//! assigned by hand or balanced automatically, never to an author nor (in an authority's
//! round) to someone of the initiative's own unit; an evaluator may declare a conflict and is
//! then recused.

use std::collections::{HashMap, HashSet};

use actix_web::{HttpResponse, delete, get, post, web};
use diesel_async::AsyncConnection;
use thidua_db::AsyncPgConnection;
use thidua_db::queries::{
    evaluation as eval_queries, organizations as org_queries, users as user_queries,
};
use thidua_domain::FieldError;
use thidua_domain::evaluation::{MemberRole, RoundLevel, RoundStatus, balance};
use thidua_domain::validation::required_text;
use uuid::Uuid;

use super::LoadedRound;
use crate::auth::Principal;
use crate::authz::RoundOp;
use crate::error::ApiError;
use crate::extract::{Json, Query};
use crate::routes::audit;
use crate::routes::submissions::distinct;
use crate::state::AppState;
use crate::views::evaluation::{
    AddEntriesRequest, AssignRequest, AssignmentView, EntryInitiative, EntryListParams, EntryView,
    RecuseRequest, SheetStatusCode,
};
use crate::views::{OrganizationRef, Page, UserRef};
use thidua_db::models::{RoundAssignment, RoundEntry};
use thidua_db::queries::evaluation::EntryInitiativeRow;
use thidua_domain::page::Page as PageReq;

/// The board (entries with evaluators' names) is for the committee and the organiser.
pub fn authorize_board(r: &LoadedRound, p: &Principal) -> Result<(), ApiError> {
    r.authorize(p, RoundOp::View)?;
    if r.sees_board(p) {
        Ok(())
    } else {
        Err(ApiError::forbidden())
    }
}

pub fn require_status(
    r: &LoadedRound,
    allowed: &[RoundStatus],
    what: &str,
) -> Result<(), ApiError> {
    let s = r.status();
    if allowed.contains(&s) {
        Ok(())
    } else {
        Err(ApiError::invalid_transition(s.as_str(), what))
    }
}

/// Every entry of the round with its evaluators.
pub async fn entry_views(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
) -> Result<Vec<EntryView>, ApiError> {
    // The sheets' states come with the assignments (a round may have 50,000 of them).
    let entries = eval_queries::entries_with_titles(conn, round_id).await?;
    let assignments = eval_queries::assignments_with_sheet_status(conn, round_id).await?;
    assemble_entries(conn, entries, assignments).await
}

/// The given entries of the round (one page of the board, one decided entry) with their
/// evaluators, in registration order.
pub async fn entry_views_of(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
    keep: impl Fn(&RoundEntry) -> bool,
) -> Result<Vec<EntryView>, ApiError> {
    let entries: Vec<_> = eval_queries::entries_with_titles(conn, round_id)
        .await?
        .into_iter()
        .filter(|(e, _)| keep(e))
        .collect();
    let ids: Vec<Uuid> = entries.iter().map(|(e, _)| e.id).collect();
    let assignments = eval_queries::assignments_with_sheet_status_of(conn, &ids).await?;
    assemble_entries(conn, entries, assignments).await
}

async fn assemble_entries(
    conn: &mut AsyncPgConnection,
    entries: Vec<(RoundEntry, EntryInitiativeRow)>,
    assignments: Vec<(RoundAssignment, Option<String>)>,
) -> Result<Vec<EntryView>, ApiError> {
    let units: HashMap<Uuid, _> = org_queries::find_many(
        conn,
        &distinct(entries.iter().map(|(_, i)| i.organization_id)),
    )
    .await?
    .into_iter()
    .map(|o| (o.id, o))
    .collect();
    let names: HashMap<Uuid, String> = user_queries::display_names(
        conn,
        &distinct(assignments.iter().map(|(a, _)| a.evaluator_id)),
    )
    .await?
    .into_iter()
    .collect();
    // Each entry's evaluators in the order they were assigned (then by evaluator): sorted
    // here, entry by entry, rather than the whole round's by the database.
    let mut by_entry: HashMap<Uuid, Vec<(_, AssignmentView)>> = HashMap::new();
    for (a, sheet) in assignments {
        by_entry.entry(a.entry_id).or_default().push((
            (a.created_at, a.evaluator_id),
            AssignmentView {
                id: a.id,
                evaluator: UserRef {
                    id: a.evaluator_id,
                    display_name: names.get(&a.evaluator_id).cloned().unwrap_or_default(),
                },
                recused: a.recused_at.is_some(),
                conflict_note: a.conflict_note,
                sheet: match sheet.as_deref() {
                    Some("submitted") => SheetStatusCode::Submitted,
                    Some(_) => SheetStatusCode::Draft,
                    None => SheetStatusCode::Due,
                },
            },
        ));
    }
    entries
        .into_iter()
        .map(|(e, i)| {
            let unit = units
                .get(&i.organization_id)
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("an entry's unit is missing")))?;
            Ok(EntryView {
                initiative: EntryInitiative {
                    id: i.id,
                    title: i.title,
                    organization: OrganizationRef::from(unit),
                },
                sort_order: e.sort_order,
                assignments: {
                    let mut own = by_entry.remove(&e.id).unwrap_or_default();
                    own.sort_unstable_by_key(|(order, _)| *order);
                    own.into_iter().map(|(_, view)| view).collect()
                },
                decision: super::decision_view(&e),
                id: e.id,
            })
        })
        .collect()
}

/// The (entry, person) pairs that may not be assigned: the initiative's authors and creator;
/// in an authority's round, people of the initiative's own unit.
async fn conflicts(
    conn: &mut AsyncPgConnection,
    r: &LoadedRound,
    people: &[Uuid],
) -> Result<HashSet<(Uuid, Uuid)>, ApiError> {
    let entries = eval_queries::entries_of(conn, r.round.id).await?;
    let initiative_ids: Vec<Uuid> = entries.iter().map(|(_, i)| i.id).collect();
    let mut authors: HashMap<Uuid, HashSet<Uuid>> = HashMap::new();
    for (i, u) in eval_queries::authors_of(conn, &initiative_ids).await? {
        authors.entry(i).or_default().insert(u);
    }
    let paths: HashMap<Uuid, Vec<Option<Uuid>>> = eval_queries::users_with_paths(conn, people)
        .await?
        .into_iter()
        .collect();
    let mut out = HashSet::new();
    for (e, i) in &entries {
        for person in people {
            let author = authors.get(&i.id).is_some_and(|a| a.contains(person));
            let own_unit = r.level != RoundLevel::UnitCommittee
                && paths
                    .get(person)
                    .is_some_and(|p| p.contains(&Some(i.organization_id)));
            if author || own_unit {
                out.insert((e.id, *person));
            }
        }
    }
    Ok(out)
}

/// The round's initiatives and their evaluators (the committee and the organiser).
#[utoipa::path(
    tag = "evaluation",
    operation_id = "list_round_entries",
    params(("id" = Uuid, Path, description = "Round id"), EntryListParams),
    responses(
        (status = 200, description = "One page of the entries, in registration order", body = Page<EntryView>),
        (status = 400, description = "`invalid_query`: a page out of range", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not on the committee nor its organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds/{id}/entries")]
pub async fn list_round_entries(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    params: Query<EntryListParams>,
) -> Result<HttpResponse, ApiError> {
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    authorize_board(&r, &p)?;
    // Pages are cached under the evaluation version, like the results: a chair's board is
    // read far more often than a sheet is saved.
    let version = thidua_db::queries::evaluation_version(&mut conn).await?;
    let key = format!(
        "{}|{}|{}|{:?}",
        r.round.id, page.page, page.per_page, params.q
    );
    let round_id = r.round.id;
    let json = state
        .aggregates
        .round_boards
        .get_or_compute(key, version, || async {
            let storable = !thidua_db::queries::writers_in_flight(&mut conn).await?;
            let items = board_page(&mut conn, round_id, page, params.q.as_deref()).await?;
            let json = serde_json::to_vec(&items).map_err(ApiError::internal)?;
            Ok::<_, ApiError>((actix_web::web::Bytes::from(json), storable))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .body(json))
}

/// One page of the board, searched by title (`q`, diacritics and case ignored).
async fn board_page(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
    page: PageReq,
    q: Option<&str>,
) -> Result<Page<EntryView>, ApiError> {
    let wanted = q
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(thidua_domain::text::fold);
    let (entries, total) = match wanted {
        // One page in SQL; only its evaluators and sheets are read next.
        None => eval_queries::entries_page(conn, round_id, page.offset(), page.per_page).await?,
        // A search reads the round's titles (a few thousand short rows) and pages here.
        Some(q) => {
            let matching: Vec<_> = eval_queries::entries_with_titles(conn, round_id)
                .await?
                .into_iter()
                .filter(|(_, i)| thidua_domain::text::fold(&i.title).contains(q.as_str()))
                .collect();
            let total = matching.len() as i64;
            let entries = matching
                .into_iter()
                .skip(page.offset() as usize)
                .take(page.per_page as usize)
                .collect();
            (entries, total)
        }
    };
    let ids: Vec<Uuid> = entries.iter().map(|(e, _)| e.id).collect();
    let assignments = eval_queries::assignments_with_sheet_status_of(conn, &ids).await?;
    let items = assemble_entries(conn, entries, assignments).await?;
    Ok(Page::of(items, total, page))
}

/// Add initiatives to the round (the organiser or the chair, before scoring closes): those
/// named, or by default every completed initiative of the campaign within the committee's
/// organisation. Initiatives already in it stay as they are.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "add_round_entries",
    params(("id" = Uuid, Path, description = "Round id")),
    request_body = AddEntriesRequest,
    responses(
        (status = 200, description = "The entries now", body = Vec<EntryView>),
        (status = 403, description = "Not the organiser nor the chair", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Scoring is closed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An initiative that is not the campaign's within the organisation, or not under way", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds/{id}/entries")]
pub async fn add_round_entries(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<AddEntriesRequest>,
) -> Result<web::Json<Vec<EntryView>>, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::Manage)?;
    require_status(
        &r,
        &[RoundStatus::Setup, RoundStatus::Scoring],
        "add entries",
    )?;
    // A unit's committee takes its completed initiatives (or, chosen by hand, one still under
    // way); an authority's committee or a pre-selection also those a unit already accepted.
    let (states, by_default): (&[&str], &[&str]) = if r.level == RoundLevel::UnitCommittee {
        (&["registered", "in_progress", "completed"], &["completed"])
    } else {
        (
            &["registered", "in_progress", "completed", "accepted"],
            &["completed", "accepted"],
        )
    };
    let eligible =
        eval_queries::candidates(&mut conn, r.round.campaign_id, r.organization.id, states).await?;
    let chosen: Vec<(Uuid, i64)> = match body.0.initiative_ids {
        None => eligible
            .iter()
            .filter(|i| by_default.contains(&i.status.as_str()))
            .map(|i| (i.id, i.created_at.timestamp_micros()))
            .collect(),
        Some(ids) => {
            let mut errs = thidua_domain::ValidationErrors::new();
            let mut out = Vec::new();
            for (n, want) in ids.iter().enumerate() {
                match eligible.iter().find(|i| i.id == *want) {
                    Some(i) => out.push((i.id, i.created_at.timestamp_micros())),
                    None => errs.push(FieldError::new(
                        format!("initiative_ids[{n}]"),
                        "not_eligible",
                        "Sáng kiến không thuộc kế hoạch và tổ chức này, hoặc chưa được triển khai.",
                        "Not an initiative under way in this campaign and organisation.",
                    )),
                }
            }
            errs.into_result()?;
            out
        }
    };
    let (rid, org, actor) = (r.round.id, r.organization.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let added = eval_queries::insert_entries(conn, rid, &chosen, actor).await?;
        eval_queries::touch_round(conn, rid).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.add_entries",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({ "added": added }),
        )
        .await
    })
    .await?;
    Ok(web::Json(entry_views(&mut conn, rid).await?))
}

/// Take an initiative out of the round while it is being set up.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "remove_round_entry",
    params(("id" = Uuid, Path, description = "Round id"), ("entry_id" = Uuid, Path, description = "Entry id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not the organiser nor the chair", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Scoring has started", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/evaluation-rounds/{id}/entries/{entry_id}")]
pub async fn remove_round_entry(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, entry_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(&p, RoundOp::Manage)?;
    require_status(&r, &[RoundStatus::Setup], "remove entries")?;
    let (org, actor) = (r.organization.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if eval_queries::delete_entry(conn, id, entry_id).await? == 0 {
            return Err(ApiError::not_found());
        }
        eval_queries::touch_round(conn, id).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.remove_entry",
            "evaluation_round",
            Some(id),
            Some(org),
            serde_json::json!({ "entry_id": entry_id }),
        )
        .await
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The committee's scoring members: everyone but the secretary.
fn scorers(r: &LoadedRound) -> Vec<Uuid> {
    r.members
        .iter()
        .filter(|(m, _)| MemberRole::parse(&m.role).is_some_and(MemberRole::scores))
        .map(|(m, _)| m.user_id)
        .collect()
}

async fn store_assignments(
    conn: &mut AsyncPgConnection,
    r: &LoadedRound,
    pairs: Vec<(Uuid, Uuid)>,
    actor: Uuid,
    how: &'static str,
) -> Result<(), ApiError> {
    let (rid, org) = (r.round.id, r.organization.id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let added = eval_queries::insert_assignments(conn, &pairs, actor).await?;
        eval_queries::touch_round(conn, rid).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.assign",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({ "how": how, "added": added, "pairs": pairs }),
        )
        .await
    })
    .await
}

/// Assign a committee member to an initiative by hand; refused (422 `conflict_of_interest`)
/// for one of its authors, or in an authority's round for someone of its own unit.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "assign_evaluator",
    params(("id" = Uuid, Path, description = "Round id")),
    request_body = AssignRequest,
    responses(
        (status = 200, description = "The entry with its evaluators now", body = EntryView),
        (status = 403, description = "Not the organiser nor the chair", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Scoring is closed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`conflict_of_interest`, or not a scoring member of the committee, or no such entry", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds/{id}/assignments")]
pub async fn assign_evaluator(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<AssignRequest>,
) -> Result<web::Json<EntryView>, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::Manage)?;
    require_status(&r, &[RoundStatus::Setup, RoundStatus::Scoring], "assign")?;
    let entries = eval_queries::entries_of(&mut conn, r.round.id).await?;
    if !entries.iter().any(|(e, _)| e.id == req.entry_id) {
        return Err(ApiError::field(FieldError::new(
            "entry_id",
            "unknown_entry",
            "Sáng kiến không có trong đợt đánh giá này.",
            "Not an entry of this round.",
        )));
    }
    if !scorers(&r).contains(&req.evaluator_id) {
        return Err(ApiError::field(FieldError::new(
            "evaluator_id",
            "not_a_scorer",
            "Người chấm phải là thành viên Hội đồng (không phải Thư ký).",
            "The evaluator is a scoring member of the committee.",
        )));
    }
    if conflicts(&mut conn, &r, &[req.evaluator_id])
        .await?
        .contains(&(req.entry_id, req.evaluator_id))
    {
        return Err(ApiError::unprocessable(
            "conflict_of_interest",
            "Xung đột lợi ích: người chấm là tác giả sáng kiến hoặc thuộc đơn vị có sáng kiến.",
            "Conflict of interest: the evaluator authored the initiative or belongs to its unit.",
        )
        .with_errors(vec![FieldError::new(
            "evaluator_id",
            "conflict_of_interest",
            "Người này không được chấm sáng kiến này.",
            "This person may not score this initiative.",
        )]));
    }
    store_assignments(
        &mut conn,
        &r,
        vec![(req.entry_id, req.evaluator_id)],
        p.user_id,
        "manual",
    )
    .await?;
    let entry = req.entry_id;
    entry_views_of(&mut conn, r.round.id, |e| e.id == entry)
        .await?
        .pop()
        .map(web::Json)
        .ok_or_else(ApiError::not_found)
}

/// Assign evaluators automatically: each initiative gets the round's number of scoring
/// members (those it already has count), never a conflict, the loads balanced.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "assign_evaluators_automatically",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "The entries now", body = Vec<EntryView>),
        (status = 403, description = "Not the organiser nor the chair", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Scoring is closed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-rounds/{id}/assignments/auto")]
pub async fn assign_evaluators_automatically(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<EntryView>>, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::Manage)?;
    require_status(&r, &[RoundStatus::Setup, RoundStatus::Scoring], "assign")?;
    let people = scorers(&r);
    let entries: Vec<Uuid> = eval_queries::entries_of(&mut conn, r.round.id)
        .await?
        .into_iter()
        .map(|(e, _)| e.id)
        .collect();
    let assignments = eval_queries::assignments_of(&mut conn, r.round.id).await?;
    let mut blocked = conflicts(&mut conn, &r, &people).await?;
    let mut existing = Vec::new();
    for a in &assignments {
        if a.recused_at.is_some() {
            blocked.insert((a.entry_id, a.evaluator_id));
        } else {
            existing.push((a.entry_id, a.evaluator_id));
        }
    }
    let pairs = balance(
        &entries,
        &people,
        usize::try_from(r.round.evaluators_per_initiative).unwrap_or(3),
        &blocked,
        &existing,
    );
    store_assignments(&mut conn, &r, pairs, p.user_id, "automatic").await?;
    Ok(web::Json(entry_views(&mut conn, r.round.id).await?))
}

/// Declare a conflict of interest on one's own assignment (with a note): recused, one does
/// not score it; the chair can assign someone else.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "recuse_evaluator",
    params(("id" = Uuid, Path, description = "Assignment id")),
    request_body = RecuseRequest,
    responses(
        (status = 204, description = "Recused"),
        (status = 403, description = "Not one's own assignment", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already recused, or the sheet was submitted", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The note is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/evaluation-assignments/{id}/recuse")]
pub async fn recuse_evaluator(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<RecuseRequest>,
) -> Result<HttpResponse, ApiError> {
    let note = required_text("note", &body.0.note, 2000).map_err(ApiError::field)?;
    let mut conn = state.conn().await?;
    let (a, entry) = eval_queries::find_assignment(&mut conn, id.into_inner()).await?;
    let r = super::load(&mut conn, entry.round_id).await?;
    r.authorize(&p, RoundOp::View)?;
    if a.evaluator_id != p.user_id {
        return Err(ApiError::forbidden());
    }
    let submitted = eval_queries::sheet_statuses(&mut conn, &[a.id])
        .await?
        .iter()
        .any(|(_, s)| s == "submitted");
    if submitted || a.recused_at.is_some() {
        return Err(ApiError::conflict(
            "cannot_recuse",
            "Đã từ chối chấm, hoặc phiếu chấm đã nộp.",
            "Already recused, or the sheet was submitted.",
        ));
    }
    let (rid, org, actor, aid) = (r.round.id, r.organization.id, p.user_id, a.id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if eval_queries::recuse(conn, aid, &note).await? == 0 {
            return Err(ApiError::conflict(
                "cannot_recuse",
                "Đã từ chối chấm.",
                "Already recused.",
            ));
        }
        eval_queries::touch_round(conn, rid).await?;
        audit(
            conn,
            Some(actor),
            "evaluation_round.recuse",
            "evaluation_round",
            Some(rid),
            Some(org),
            serde_json::json!({ "assignment_id": aid, "note": note }),
        )
        .await
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
