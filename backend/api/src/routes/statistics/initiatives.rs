use std::collections::HashMap;

use actix_web::{get, web};
use thidua_db::queries::{
    Scope, initiatives as initiative_queries, organizations as org_queries, statistics,
};
use thidua_domain::initiative::InitiativeKind;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, OrgAction};
use crate::error::ApiError;
use crate::extract::Query;
use crate::routes::today;
use crate::state::AppState;
use crate::views::OrganizationRef;
use crate::views::statistics::{
    InitiativeStatistics, KeyedStat, StatGroup, StatisticsParams, UnitStat,
};

fn group(r: &statistics::StatRow) -> StatGroup {
    StatGroup {
        initiatives: r.initiatives,
        mean_progress: (r.mean_progress.unwrap_or(0.0) * 10.0).round() / 10.0,
        overdue_steps: r.overdue_steps,
        overdue_initiatives: r.overdue_initiatives,
    }
}

/// Counts of the initiatives in the caller's reach (optionally one campaign, one subtree):
/// by status, kind, reform area and unit, with mean progress and overdue roadmap steps.
#[utoipa::path(
    tag = "initiatives",
    operation_id = "get_initiative_statistics",
    params(StatisticsParams),
    responses(
        (status = 200, description = "The counts", body = InitiativeStatistics),
        (status = 404, description = "The organisation is not in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statistics/initiatives")]
pub async fn get_initiative_statistics(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<StatisticsParams>,
) -> Result<web::Json<InitiativeStatistics>, ApiError> {
    let params = params.0;
    let mut conn = state.conn().await?;
    if let Some(org) = params.organization_id {
        let o = org_queries::find(&mut conn, org).await?;
        authz::org(&p, OrgAction::View, &o.ancestry()).into_result()?;
    }
    let scope = if p.is_admin() {
        Scope::All
    } else {
        Scope::Subtrees(p.roots())
    };
    let rows = statistics::initiatives(
        &mut conn,
        &scope,
        params.campaign_id,
        params.organization_id,
        today(),
    )
    .await?;
    let areas: HashMap<String, String> = initiative_queries::reform_areas(&mut conn)
        .await?
        .into_iter()
        .map(|a| (a.code, a.name_vi))
        .collect();
    let unit_ids: Vec<Uuid> = rows
        .iter()
        .filter(|r| r.dim == "unit")
        .filter_map(|r| r.key.parse().ok())
        .collect();
    let units: HashMap<Uuid, OrganizationRef> = org_queries::find_many(&mut conn, &unit_ids)
        .await?
        .iter()
        .map(|o| (o.id, OrganizationRef::from(o)))
        .collect();
    let keyed = |dim: &str, name: &dyn Fn(&str) -> String| -> Vec<KeyedStat> {
        let mut v: Vec<KeyedStat> = rows
            .iter()
            .filter(|r| r.dim == dim)
            .map(|r| KeyedStat {
                key: r.key.clone(),
                name_vi: name(&r.key),
                stats: group(r),
            })
            .collect();
        v.sort_by(|a, b| {
            b.stats
                .initiatives
                .cmp(&a.stats.initiatives)
                .then(a.key.cmp(&b.key))
        });
        v
    };
    let mut by_unit: Vec<UnitStat> = rows
        .iter()
        .filter(|r| r.dim == "unit")
        .filter_map(|r| {
            Some(UnitStat {
                organization: units.get(&r.key.parse().ok()?)?.clone(),
                stats: group(r),
            })
        })
        .collect();
    by_unit.sort_by(|a, b| {
        b.stats
            .initiatives
            .cmp(&a.stats.initiatives)
            .then(a.organization.name.cmp(&b.organization.name))
    });
    let total = rows
        .iter()
        .find(|r| r.dim == "total")
        .map(group)
        .unwrap_or(StatGroup {
            initiatives: 0,
            mean_progress: 0.0,
            overdue_steps: 0,
            overdue_initiatives: 0,
        });
    Ok(web::Json(InitiativeStatistics {
        total,
        by_status: keyed("status", &|k| k.to_string()),
        by_kind: keyed("kind", &|k| {
            InitiativeKind::parse(k)
                .map(|x| x.name_vi().to_string())
                .unwrap_or_else(|| k.to_string())
        }),
        by_reform_area: keyed("area", &|k| {
            areas.get(k).cloned().unwrap_or_else(|| k.to_string())
        }),
        by_unit,
    }))
}
