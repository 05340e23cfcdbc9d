use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::UserRef;

/// One entry of the append-only audit log.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// Who did it; absent for system actions (demo seed, command line).
    pub actor: Option<UserRef>,
    /// `<entity>.<verb>`, e.g. `campaign.open`, `user.grant_role`, `auth.login`.
    #[schema(example = "campaign.open")]
    pub action: String,
    #[schema(example = "campaign")]
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    /// The organisation the action concerns.
    pub organization_id: Option<Uuid>,
    /// The request that did it (the same id as in the logs).
    pub request_id: Option<String>,
    /// What changed (per action: from/to states, reasons, fields).
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    /// `organization`, `user`, `campaign`, …
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    /// An exact action (`campaign.open`) or a prefix ending in a dot (`campaign.`).
    pub action: Option<String>,
    pub organization_id: Option<Uuid>,
    /// From this instant (inclusive).
    pub since: Option<DateTime<Utc>>,
    /// Until this instant (exclusive).
    pub until: Option<DateTime<Utc>>,
}
