//! The round's documents: the committee's minutes (.docx, once the meeting is recorded) and
//! the results table (.xlsx).

use actix_web::{HttpResponse, get, web};
use thidua_db::AsyncPgConnection;
use thidua_db::queries::evaluation as eval_queries;
use thidua_domain::evaluation::{Aggregation, MemberRole, RoundStatus};
use uuid::Uuid;

use super::LoadedRound;
use crate::auth::Principal;
use crate::authz::RoundOp;
use crate::error::ApiError;
use crate::exports::minutes::{self, Minutes, MinutesMember, MinutesRow};
use crate::routes::registrations::export::issuer;
use crate::state::AppState;
use crate::views::evaluation::VerdictCode;

fn aggregation_vi(a: Aggregation) -> &'static str {
    match a {
        Aggregation::Mean => "trung bình cộng",
        Aggregation::Median => "trung vị",
        Aggregation::TrimmedMean => {
            "trung bình cộng (sau khi bỏ một điểm cao nhất và một điểm thấp nhất)"
        }
    }
}

fn role_vi(r: MemberRole) -> &'static str {
    match r {
        MemberRole::Chair => "Chủ tịch Hội đồng",
        MemberRole::Secretary => "Thư ký",
        MemberRole::Member => "Ủy viên",
    }
}

async fn document(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    r: &LoadedRound,
) -> Result<Minutes, ApiError> {
    let c = super::results::cached(state, conn, r).await?;
    let (results, criteria) = (&c.results, &c.criteria);
    let set = eval_queries::criteria_sets_by_ids(conn, &[r.round.criteria_set_id])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let who = issuer(conn, &r.organization).await?;
    let role = |m: &thidua_db::models::RoundMember| {
        MemberRole::parse(&m.role).unwrap_or(MemberRole::Member)
    };
    let named = |wanted: MemberRole| {
        r.members
            .iter()
            .find(|(m, _)| role(m) == wanted)
            .map(|(_, n)| n.clone())
    };
    let scored: Vec<_> = criteria.iter().filter(|c| !c.gate).collect();
    Ok(Minutes {
        governing_body: who.governing_body,
        organization_name: r.organization.name.clone(),
        organization_short: who.unit_short,
        place: who.place,
        round_title: r.round.title.clone(),
        campaign_code: r.campaign.code.clone(),
        meeting_on: r.round.meeting_on,
        meeting_place: r.round.meeting_place.clone(),
        criteria_set_name: set.name_vi.clone(),
        // Numbered as the set lists them (the seed's §III.1 numbers its criteria 1 to 5).
        criteria: criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.gate)
            .map(|(n, c)| ((n + 1).to_string(), c.name_vi.clone()))
            .collect(),
        gates: criteria
            .iter()
            .filter(|c| c.gate)
            .map(|c| c.name_vi.clone())
            .collect(),
        max_total: results.max_total,
        aggregation_vi: aggregation_vi(
            Aggregation::parse(&r.round.aggregation).unwrap_or(Aggregation::Mean),
        )
        .into(),
        tie_break_vi: results.tie_break_vi.clone(),
        // As loaded: the chair, the secretary, then the members by name.
        members: r
            .members
            .iter()
            .map(|(m, name)| MinutesMember {
                name: name.clone(),
                role: role_vi(role(m)).into(),
                present: m.present,
            })
            .collect(),
        rows: results
            .ranking
            .iter()
            .map(|row| MinutesRow {
                rank: row.rank,
                title: row.initiative.title.clone(),
                unit: row.initiative.organization.name.clone(),
                total: row.total,
                per_criterion: scored
                    .iter()
                    .map(|c| {
                        row.per_criterion
                            .iter()
                            .find(|x| x.code == c.code)
                            .and_then(|x| x.value)
                    })
                    .collect(),
                gate_failed: row.gate_failed,
                sheets: row.sheets_submitted,
                verdict: row
                    .decision
                    .as_ref()
                    .map(|d| d.verdict == VerdictCode::Accepted),
                selected_for_award: row.decision.as_ref().is_some_and(|d| d.selected_for_award),
                votes: row
                    .decision
                    .as_ref()
                    .map(|d| (d.votes_for, d.votes_against, d.votes_abstain)),
                note: row.decision.as_ref().and_then(|d| d.note.clone()),
            })
            .collect(),
        chair: named(MemberRole::Chair),
        secretary: named(MemberRole::Secretary),
    })
}

/// The committee's minutes (biên bản) as a Word document in the layout of Decree
/// 30/2020/NĐ-CP: the committee and its attendance, the scoring method, the table of
/// aggregates and decisions with their votes, the conclusion, the signatures of the secretary
/// and the chair. For the committee and the organiser, once the round is closed.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "export_round_minutes",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not on the committee nor its organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The meeting is not recorded yet (the round is not closed)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds/{id}/minutes.docx")]
pub async fn export_round_minutes(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RoundOp::View)?;
    if !r.sees_board(&p) {
        return Err(ApiError::forbidden());
    }
    if !matches!(r.status(), RoundStatus::Closed | RoundStatus::Published) {
        return Err(ApiError::invalid_transition(
            r.status().as_str(),
            "export the minutes",
        ));
    }
    let doc = document(&state, &mut conn, &r).await?;
    crate::exports::decree30::download(
        true,
        || minutes::to_docx(&doc),
        || minutes::to_xlsx(&doc),
        "Bien-ban-hoi-dong",
        "Biên bản họp Hội đồng",
    )
}

/// The results table as a workbook: rank, aggregate and every criterion's, gate, decision
/// and votes. For the committee and the organiser at any time, for everyone who sees the
/// round once it is published.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "export_round_results",
    params(("id" = Uuid, Path, description = "Round id")),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not published, and not on the committee nor its organiser", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds/{id}/results.xlsx")]
pub async fn export_round_results(
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
    let doc = document(&state, &mut conn, &r).await?;
    crate::exports::decree30::download(
        false,
        || minutes::to_docx(&doc),
        || minutes::to_xlsx(&doc),
        "Ket-qua-danh-gia",
        "Kết quả đánh giá sáng kiến",
    )
}
