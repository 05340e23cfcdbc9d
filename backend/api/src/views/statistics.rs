use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::OrganizationRef;

/// Counts for one group of initiatives.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatGroup {
    pub initiatives: i64,
    /// Mean roadmap progress of the group, 0–100.
    pub mean_progress: f64,
    /// Roadmap steps past their day and not done (active initiatives only).
    pub overdue_steps: i64,
    /// Initiatives with at least one such step.
    pub overdue_initiatives: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KeyedStat {
    /// The status, kind or reform-area code.
    pub key: String,
    /// Its name in Vietnamese (reform areas and kinds), or the code.
    pub name_vi: String,
    #[serde(flatten)]
    pub stats: StatGroup,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitStat {
    pub organization: OrganizationRef,
    #[serde(flatten)]
    pub stats: StatGroup,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InitiativeStatistics {
    pub total: StatGroup,
    pub by_status: Vec<KeyedStat>,
    pub by_kind: Vec<KeyedStat>,
    pub by_reform_area: Vec<KeyedStat>,
    /// The units directly under the scope (the organisation asked for, else the caller's
    /// units), each counting its whole subtree — or the scope's unit itself for initiatives
    /// of its own; busiest first. Ask again with `organization_id` to go one level down.
    pub by_unit: Vec<UnitStat>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsParams {
    pub campaign_id: Option<Uuid>,
    /// Restrict to this organisation's subtree (within the caller's reach).
    pub organization_id: Option<Uuid>,
}
