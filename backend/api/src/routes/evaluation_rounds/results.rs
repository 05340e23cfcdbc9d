//! The round's results for the committee and its organiser: each initiative's aggregate of
//! the submitted sheets (weighted by the criteria), gate failures, the ranking with its stated
//! tie-break, and how far the scoring is.

use std::collections::HashMap;

use actix_web::{get, web};
use thidua_db::queries::{evaluation as eval_queries, organizations as org_queries};
use thidua_domain::deadline::vietnam_date;
use thidua_domain::evaluation::{Aggregation, Sheet, max_total, outcome, rank_cmp};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::RoundOp;
use crate::error::ApiError;
use crate::routes::submissions::distinct;
use crate::state::AppState;
use crate::views::OrganizationRef;
use crate::views::evaluation::{
    CriterionResult, EntryInitiative, ResultRow, RoundProgress, RoundResults,
};

pub const TIE_BREAK_VI: &str = "Sáng kiến đủ điều kiện xếp trước; cùng điểm thì xếp trước sáng kiến có phiếu thấp nhất cao hơn, sau đó sáng kiến đăng ký sớm hơn.";

/// The results (the committee and the organiser).
#[utoipa::path(
    tag = "evaluation",
    operation_id = "get_round_results",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "Aggregates, ranking and progress", body = RoundResults),
        (status = 403, description = "Not on the committee nor its organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds/{id}/results")]
pub async fn get_round_results(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RoundResults>, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::View)?;
    if r.my_role(&p).is_none() && !r.decide(&p, RoundOp::Manage).allowed() {
        return Err(ApiError::forbidden());
    }
    let set = eval_queries::criteria_sets_by_ids(&mut conn, &[r.round.criteria_set_id])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let criteria = crate::routes::criteria_sets::criteria_of(&set)?;
    let method = Aggregation::parse(&r.round.aggregation).unwrap_or(Aggregation::Mean);
    let entries = eval_queries::entries_of(&mut conn, r.round.id).await?;
    let assignments = eval_queries::assignments_of(&mut conn, r.round.id).await?;
    let sheets = eval_queries::sheets_of_round(&mut conn, r.round.id).await?;
    let units: HashMap<Uuid, _> = org_queries::find_many(
        &mut conn,
        &distinct(entries.iter().map(|(_, i)| i.organization_id)),
    )
    .await?
    .into_iter()
    .map(|o| (o.id, o))
    .collect();

    let mut submitted: HashMap<Uuid, Vec<Sheet>> = HashMap::new();
    let mut drafts = 0i64;
    for (a, s) in &sheets {
        if a.recused_at.is_some() {
            continue;
        }
        if s.status == "submitted" {
            submitted.entry(a.entry_id).or_default().push(Sheet {
                scores: serde_json::from_value(s.scores.clone()).unwrap_or_default(),
                gates: serde_json::from_value(s.gates.clone()).unwrap_or_default(),
            });
        } else {
            drafts += 1;
        }
    }
    let expected_of = |entry: Uuid| {
        assignments
            .iter()
            .filter(|a| a.entry_id == entry && a.recused_at.is_none())
            .count() as i64
    };
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
    let expected = assignments
        .iter()
        .filter(|a| a.recused_at.is_none())
        .count() as i64;
    let submitted_count = ranking.iter().map(|r| r.sheets_submitted).sum::<i64>();
    let recused = assignments
        .iter()
        .filter(|a| a.recused_at.is_some())
        .count() as i64;
    let today = vietnam_date(chrono::Utc::now());
    Ok(web::Json(RoundResults {
        round_id: r.round.id,
        max_total: max_total(&criteria),
        aggregation: method.into(),
        tie_break_vi: TIE_BREAK_VI.into(),
        progress: RoundProgress {
            expected,
            submitted: submitted_count,
            drafts,
            due: (expected - submitted_count - drafts).max(0),
            recused,
            overdue: today > r.round.scoring_closes_on && submitted_count < expected,
        },
        ranking,
    }))
}
