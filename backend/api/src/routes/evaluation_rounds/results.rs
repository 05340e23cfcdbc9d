//! The round's results for the committee and its organiser: each initiative's aggregate of
//! the submitted sheets (weighted by the criteria), gate failures, the ranking with its stated
//! tie-break, and how far the scoring is.

use std::collections::HashMap;

use std::sync::Arc;

use actix_web::{HttpResponse, get, web};
use thidua_db::AsyncPgConnection;
use thidua_db::queries::{evaluation as eval_queries, organizations as org_queries};
use thidua_domain::deadline::vietnam_date;
use thidua_domain::evaluation::{
    Aggregation, Criterion, RoundStatus, Sheet, max_total, outcome, rank_cmp,
};
use uuid::Uuid;

use super::LoadedRound;
use crate::auth::Principal;
use crate::authz::RoundOp;
use crate::error::ApiError;
use crate::routes::submissions::distinct;
use crate::state::AppState;
use crate::views::OrganizationRef;
use crate::views::evaluation::{
    CriterionResult, EntryInitiative, ResultRow, RoundProgress, RoundResults,
};

pub const TIE_BREAK_EN: &str = "Eligible initiatives rank first; on equal aggregates, the one whose lowest sheet is higher ranks first, then the one registered earlier.";
pub const TIE_BREAK_VI: &str = "Sáng kiến đủ điều kiện xếp trước; cùng điểm thì xếp trước sáng kiến có phiếu thấp nhất cao hơn, sau đó sáng kiến đăng ký sớm hơn.";

/// The results: for the committee and the organiser at any time (live while scoring), for
/// everyone who sees the round once it is published. No evaluator is named.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "get_round_results",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "Aggregates, ranking, decisions and progress", body = RoundResults),
        (status = 403, description = "Not published, and not on the committee nor its organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds/{id}/results")]
pub async fn get_round_results(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::View)?;
    if !r.sees_board(&p) && r.status() != RoundStatus::Published {
        return Err(ApiError::forbidden());
    }
    let c = cached(&state, &mut conn, &r).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .body(c.json.clone()))
}

/// A round's results as computed once for a version of the data.
pub struct Computed {
    pub results: RoundResults,
    pub criteria: Vec<Criterion>,
    /// The results as the response body.
    pub json: actix_web::web::Bytes,
}

/// The round's results from the cache, computed when the data changed (see
/// [`crate::cache`]): the version is read first, and the results are kept only if no writer
/// was in flight right after (their statements then all see every change the version
/// counts).
pub async fn cached(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    r: &LoadedRound,
) -> Result<Arc<Computed>, ApiError> {
    let version = thidua_db::queries::evaluation_version(conn).await?;
    state
        .aggregates
        .round_results
        .get_or_compute(r.round.id.to_string(), version, || async {
            let storable = !thidua_db::queries::writers_in_flight(conn).await?;
            let (results, criteria) = compute(conn, r).await?;
            let json = serde_json::to_vec(&results).map_err(ApiError::internal)?;
            Ok::<_, ApiError>((
                Arc::new(Computed {
                    results,
                    criteria,
                    json: json.into(),
                }),
                storable,
            ))
        })
        .await
}

/// The round's results, with its criteria.
pub async fn compute(
    conn: &mut AsyncPgConnection,
    r: &LoadedRound,
) -> Result<(RoundResults, Vec<Criterion>), ApiError> {
    let set = eval_queries::criteria_sets_by_ids(conn, &[r.round.criteria_set_id])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let criteria = crate::routes::criteria_sets::criteria_of(&set)?;
    let method = Aggregation::parse(&r.round.aggregation).unwrap_or(Aggregation::Mean);
    let entries = eval_queries::entries_with_titles(conn, r.round.id).await?;
    let assignments = eval_queries::scored_assignments(conn, r.round.id).await?;
    let units: HashMap<Uuid, _> = org_queries::find_many(
        conn,
        &distinct(entries.iter().map(|(_, i)| i.organization_id)),
    )
    .await?
    .into_iter()
    .map(|o| (o.id, o))
    .collect();

    // One pass over the assignments: each entry's submitted sheets and how many it expects
    // (assigned, not recused); the round's drafts and recusals.
    let mut submitted: HashMap<Uuid, Vec<Sheet>> = HashMap::new();
    let mut expected_by_entry: HashMap<Uuid, i64> = HashMap::new();
    let (mut drafts, mut recused) = (0i64, 0i64);
    for a in assignments {
        if a.recused {
            recused += 1;
            continue;
        }
        *expected_by_entry.entry(a.entry_id).or_default() += 1;
        match a.status.as_deref() {
            Some("submitted") => submitted.entry(a.entry_id).or_default().push(Sheet {
                scores: a
                    .scores
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or_default(),
                gates: a
                    .gates
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or_default(),
            }),
            Some(_) => drafts += 1,
            None => {}
        }
    }
    let expected_of = |entry: Uuid| expected_by_entry.get(&entry).copied().unwrap_or(0);
    let mut rows: Vec<(ResultRow, thidua_domain::evaluation::Outcome, i64)> = entries
        .iter()
        .map(|(e, i)| {
            let own = submitted.remove(&e.id).unwrap_or_default();
            let o = outcome(&criteria, &own, method);
            let unit = units
                .get(&i.organization_id)
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("an entry's unit is missing")))?;
            Ok((
                ResultRow {
                    rank: None,
                    entry_id: e.id,
                    initiative: EntryInitiative {
                        id: i.id,
                        title: i.title.clone(),
                        organization: OrganizationRef::from(unit),
                    },
                    total: o.total,
                    per_criterion: o
                        .per_criterion
                        .iter()
                        .map(|(code, value)| CriterionResult {
                            code: code.clone(),
                            value: *value,
                        })
                        .collect(),
                    lowest: o.lowest,
                    sheets_submitted: o.sheets as i64,
                    sheets_expected: expected_of(e.id),
                    gate_failed: o.gate_failed,
                    eligible: o.eligible(),
                    decision: super::decision_view(e),
                },
                o,
                e.sort_order,
            ))
        })
        .collect::<Result<_, ApiError>>()?;
    rows.sort_by(|a, b| rank_cmp((&a.1, a.2), (&b.1, b.2)));
    let mut rank = 0;
    let ranking = rows
        .into_iter()
        .map(|(mut row, o, _)| {
            if o.total.is_some() {
                rank += 1;
                row.rank = Some(rank);
            }
            row
        })
        .collect::<Vec<_>>();
    let expected = expected_by_entry.values().sum::<i64>();
    let submitted_count = ranking.iter().map(|r| r.sheets_submitted).sum::<i64>();
    let today = vietnam_date(chrono::Utc::now());
    Ok((
        RoundResults {
            round_id: r.round.id,
            max_total: max_total(&criteria),
            aggregation: method.into(),
            tie_break_vi: TIE_BREAK_VI.into(),
            tie_break_en: TIE_BREAK_EN.into(),
            progress: RoundProgress {
                expected,
                submitted: submitted_count,
                drafts,
                due: (expected - submitted_count - drafts).max(0),
                recused,
                overdue: today > r.round.scoring_closes_on && submitted_count < expected,
            },
            ranking,
        },
        criteria,
    ))
}
