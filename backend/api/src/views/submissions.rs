//! What every document sent to an authority shows — registrations and reports alike: its
//! state, the deadline it answers, and its submitted versions.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::UserRef;
use super::campaigns::LatePolicyCode;

/// `draft → submitted → received | returned`; a returned one is corrected and submitted again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatusCode {
    Draft,
    Submitted,
    Received,
    Returned,
}

mirror_enum!(
    SubmissionStatusCode,
    thidua_domain::submission::SubmissionStatus,
    [Draft, Submitted, Received, Returned]
);

/// The deadline a document answers, as it applies to this unit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SubmissionDeadline {
    pub milestone_id: Uuid,
    pub due_on: NaiveDate,
    /// With the unit's extension, if any.
    pub effective_due_on: NaiveDate,
    pub late_policy: LatePolicyCode,
    /// Whether submitting now would be late.
    pub late_now: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionSummary {
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub submitted_by: UserRef,
    /// Submitted after the (extended) deadline.
    pub late: bool,
    pub due_on: NaiveDate,
    /// `received` or `returned`, once the authority decided.
    pub decision: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<UserRef>,
    pub reason: Option<String>,
}
