use std::collections::HashMap;
use std::sync::Arc;

use actix_web::{get, web};
use thidua_db::AsyncPgConnection;
use thidua_db::queries::{
    Scope, data_version, initiatives as initiative_queries, organizations as org_queries,
    statistics,
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

/// Counts being merged: sums, so that a unit's subtree adds up.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    initiatives: i64,
    progress_sum: f64,
    overdue_steps: i64,
    overdue_initiatives: i64,
}

impl Sums {
    fn of(r: &statistics::StatRow) -> Self {
        Self {
            initiatives: r.initiatives,
            progress_sum: r.progress_sum,
            overdue_steps: r.overdue_steps,
            overdue_initiatives: r.overdue_initiatives,
        }
    }

    fn add(&mut self, o: Sums) {
        self.initiatives += o.initiatives;
        self.progress_sum += o.progress_sum;
        self.overdue_steps += o.overdue_steps;
        self.overdue_initiatives += o.overdue_initiatives;
    }

    fn group(self) -> StatGroup {
        let mean = if self.initiatives > 0 {
            self.progress_sum / self.initiatives as f64
        } else {
            0.0
        };
        StatGroup {
            initiatives: self.initiatives,
            mean_progress: (mean * 10.0).round() / 10.0,
            overdue_steps: self.overdue_steps,
            overdue_initiatives: self.overdue_initiatives,
        }
    }
}

/// The unit a row is counted under in `by_unit`: the child of the highest scope root on its
/// path (the root itself for the root's own initiatives). `None` outside every root.
fn bucket(path: &[Uuid], roots: &[Uuid]) -> Option<Uuid> {
    let at = path.iter().position(|o| roots.contains(o))?;
    Some(*path.get(at + 1).unwrap_or(&path[at]))
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
    let day = today();
    let version = data_version(&mut conn).await?;
    let key = format!(
        "{scope:?}|{:?}|{:?}|{day}",
        params.campaign_id, params.organization_id
    );
    let stats = state
        .aggregates
        .initiative_statistics
        .get_or_compute(key, version, || compute(&mut conn, &scope, &params, day))
        .await?;
    Ok(web::Json(stats.as_ref().clone()))
}

/// The statistics, and whether they may be cached (no writer in flight at their snapshot).
async fn compute(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    params: &StatisticsParams,
    day: chrono::NaiveDate,
) -> Result<(Arc<InitiativeStatistics>, bool), ApiError> {
    let rows =
        statistics::initiatives(conn, scope, params.campaign_id, params.organization_id, day)
            .await?;
    let storable = rows
        .iter()
        .find(|r| r.dim == "in_flight")
        .is_some_and(|r| r.initiatives == 0);
    let areas: HashMap<String, String> = initiative_queries::reform_areas(conn)
        .await?
        .into_iter()
        .map(|a| (a.code, a.name_vi))
        .collect();

    // by_unit: the units directly under the scope's roots, each with its whole subtree.
    let unit_ids: Vec<Uuid> = rows
        .iter()
        .filter(|r| r.dim == "unit")
        .filter_map(|r| r.key.parse().ok())
        .collect();
    let units = org_queries::find_many(conn, &unit_ids).await?;
    let roots: Vec<Uuid> = match (params.organization_id, scope) {
        (Some(o), _) => vec![o],
        (None, Scope::Subtrees(r)) => r.clone(),
        // Administrators: under the top of each tree.
        (None, Scope::All) => units
            .iter()
            .filter_map(|u| u.ancestry().first().copied())
            .collect(),
    };
    let bucket_of: HashMap<Uuid, Uuid> = units
        .iter()
        .filter_map(|u| Some((u.id, bucket(&u.ancestry(), &roots)?)))
        .collect();
    let mut by_bucket: HashMap<Uuid, Sums> = HashMap::new();
    for r in rows.iter().filter(|r| r.dim == "unit") {
        if let Some(b) = r.key.parse().ok().and_then(|u: Uuid| bucket_of.get(&u)) {
            by_bucket.entry(*b).or_default().add(Sums::of(r));
        }
    }
    let bucket_ids: Vec<Uuid> = by_bucket.keys().copied().collect();
    let bucket_units: HashMap<Uuid, OrganizationRef> = org_queries::find_many(conn, &bucket_ids)
        .await?
        .iter()
        .map(|o| (o.id, OrganizationRef::from(o)))
        .collect();
    let mut by_unit: Vec<UnitStat> = by_bucket
        .into_iter()
        .filter_map(|(id, sums)| {
            Some(UnitStat {
                organization: bucket_units.get(&id)?.clone(),
                stats: sums.group(),
            })
        })
        .collect();
    by_unit.sort_by(|a, b| {
        b.stats
            .initiatives
            .cmp(&a.stats.initiatives)
            .then(a.organization.name.cmp(&b.organization.name))
    });

    let keyed = |dim: &str, name: &dyn Fn(&str) -> String| -> Vec<KeyedStat> {
        let mut v: Vec<KeyedStat> = rows
            .iter()
            .filter(|r| r.dim == dim)
            .map(|r| KeyedStat {
                key: r.key.clone(),
                name_vi: name(&r.key),
                stats: Sums::of(r).group(),
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
    let total = rows
        .iter()
        .find(|r| r.dim == "total")
        .map(Sums::of)
        .unwrap_or_default()
        .group();
    let stats = InitiativeStatistics {
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
    };
    Ok((Arc::new(stats), storable))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_counts_under_the_child_of_the_highest_root() {
        let [city, district, ward, school] = [1u128, 2, 3, 4].map(Uuid::from_u128);
        let path = [city, district, ward, school];
        assert_eq!(bucket(&path, &[district]), Some(ward));
        assert_eq!(bucket(&path, &[ward, district]), Some(ward));
        assert_eq!(bucket(&path, &[school]), Some(school));
        assert_eq!(bucket(&path[..2], &[district]), Some(district));
        assert_eq!(bucket(&path, &[Uuid::from_u128(9)]), None);
    }
}
