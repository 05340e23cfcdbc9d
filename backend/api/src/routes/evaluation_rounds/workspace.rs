//! The evaluator's workspace: the initiatives one is to score, and what to read beside the
//! sheet; and, for an initiative's people, the published results of the rounds it was in.

use std::collections::HashMap;

use actix_web::{get, web};
use thidua_db::queries::{
    evaluation as eval_queries, files as file_queries, organizations as org_queries,
    users as user_queries,
};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::InitiativeOp;
use crate::error::ApiError;
use crate::routes::files::file_view;
use crate::routes::submissions::distinct;
use crate::state::AppState;
use crate::views::OrganizationRef;
use crate::views::evaluation::{
    DossierView, EntryInitiative, InitiativeEvaluationView, MyAssignmentView, SheetStatusCode,
};

/// The caller's assignments in every round, the latest round first: what is due, drafted,
/// submitted, or recused, and the chair's last reminder.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "list_my_assignments",
    responses(
        (status = 200, description = "The caller's assignments", body = Vec<MyAssignmentView>),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-assignments")]
pub async fn list_my_assignments(
    state: web::Data<AppState>,
    p: Principal,
) -> Result<web::Json<Vec<MyAssignmentView>>, ApiError> {
    let mut conn = state.conn().await?;
    let rows = eval_queries::assignments_of_evaluator(&mut conn, p.user_id).await?;
    let orgs: HashMap<Uuid, _> = org_queries::find_many(
        &mut conn,
        &distinct(
            rows.iter()
                .flat_map(|(_, _, i, r)| [i.organization_id, r.organization_id]),
        ),
    )
    .await?
    .into_iter()
    .map(|o| (o.id, o))
    .collect();
    let ids: Vec<Uuid> = rows.iter().map(|(a, ..)| a.id).collect();
    let sheets: HashMap<Uuid, String> = eval_queries::sheet_statuses(&mut conn, &ids)
        .await?
        .into_iter()
        .collect();
    let missing = || ApiError::internal(anyhow::anyhow!("an organisation is missing"));
    rows.into_iter()
        .map(|(a, e, i, r)| {
            Ok(MyAssignmentView {
                id: a.id,
                round: super::round_ref(&r, orgs.get(&r.organization_id).ok_or_else(missing)?)?,
                entry_id: e.id,
                initiative: EntryInitiative {
                    id: i.id,
                    title: i.title,
                    organization: OrganizationRef::from(
                        orgs.get(&i.organization_id).ok_or_else(missing)?,
                    ),
                },
                recused: a.recused_at.is_some(),
                sheet: match sheets.get(&a.id).map(String::as_str) {
                    Some("submitted") => SheetStatusCode::Submitted,
                    Some(_) => SheetStatusCode::Draft,
                    None => SheetStatusCode::Due,
                },
                reminded_at: a.reminded_at,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()
        .map(web::Json)
}

/// What the evaluator reads beside the sheet: the initiative as registered (plan, roadmap,
/// authors), its unit's reports about it that reached the authority, and its evidence. Open
/// to the assigned evaluator (not recused), whatever their organisation.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "get_assignment_dossier",
    params(("id" = Uuid, Path, description = "Assignment id")),
    responses(
        (status = 200, description = "The dossier", body = DossierView),
        (status = 403, description = "Recused", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not the caller's assignment", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/evaluation-assignments/{id}/dossier")]
pub async fn get_assignment_dossier(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<DossierView>, ApiError> {
    let mut conn = state.conn().await?;
    let (a, e) = eval_queries::find_assignment(&mut conn, id.into_inner())
        .await
        .map_err(|_| ApiError::not_found())?;
    if a.evaluator_id != p.user_id {
        return Err(ApiError::not_found());
    }
    if a.recused_at.is_some() {
        return Err(ApiError::forbidden());
    }
    let initiative = thidua_db::queries::initiatives::find(&mut conn, e.initiative_id).await?;
    let reports = eval_queries::reports_for_initiative(&mut conn, &initiative).await?;
    let loaded = crate::routes::reports::load_many(&mut conn, reports).await?;
    let reports = crate::routes::reports::views(&mut conn, &p, &loaded).await?;
    let files = file_queries::of_initiative(&mut conn, initiative.id).await?;
    let names: HashMap<Uuid, String> = user_queries::display_names(
        &mut conn,
        &distinct(files.iter().map(|(f, _)| f.uploaded_by)),
    )
    .await?
    .into_iter()
    .collect();
    let files = files
        .into_iter()
        .map(|(f, b)| {
            let name = names.get(&f.uploaded_by).cloned().unwrap_or_default();
            file_view(f, &b, name, false)
        })
        .collect();
    let initiative = crate::routes::initiatives::views(&mut conn, &p, vec![initiative])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    Ok(web::Json(DossierView {
        assignment_id: a.id,
        initiative,
        reports,
        files,
    }))
}

/// The published results of the rounds an initiative was in: its aggregate (per criterion
/// too), its rank, the committee's decision and comment; never an evaluator's name or sheet.
/// For whoever sees the initiative (its authors, its unit, the authority).
#[utoipa::path(
    tag = "evaluation",
    operation_id = "list_initiative_evaluations",
    params(("id" = Uuid, Path, description = "Initiative id")),
    responses(
        (status = 200, description = "The published results, the latest first", body = Vec<InitiativeEvaluationView>),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/initiatives/{id}/evaluations")]
pub async fn list_initiative_evaluations(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<InitiativeEvaluationView>>, ApiError> {
    let mut conn = state.conn().await?;
    let initiative = crate::routes::initiatives::load(&mut conn, id.into_inner()).await?;
    initiative.authorize(&p, InitiativeOp::View)?;
    let iid = initiative.initiative.id;
    let rounds = eval_queries::published_rounds_of_initiative(&mut conn, iid).await?;
    let loaded = super::load_many(&mut conn, rounds).await?;
    let mut out = Vec::new();
    for r in &loaded {
        let c = super::results::cached(&state, &mut conn, r).await?;
        let results = &c.results;
        let ranked = results.ranking.iter().filter(|x| x.rank.is_some()).count() as i64;
        let Some(result) = results
            .ranking
            .iter()
            .find(|x| x.initiative.id == iid)
            .cloned()
        else {
            continue;
        };
        out.push(InitiativeEvaluationView {
            round: super::round_ref(&r.round, &r.organization)?,
            criteria: c.criteria.iter().cloned().map(Into::into).collect(),
            max_total: results.max_total,
            ranked,
            result,
        });
    }
    Ok(web::Json(out))
}
