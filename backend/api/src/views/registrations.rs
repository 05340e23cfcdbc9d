use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::campaigns::CampaignRef;
use super::initiatives::{InitiativeKindCode, InitiativeStatusCode};
pub use super::submissions::{SubmissionDeadline, SubmissionStatusCode, VersionSummary};
use super::{OrganizationRef, nullable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatusCode {
    Planned,
    InProgress,
    Done,
    NotDone,
}

/// One registered initiative as the registration lists it (Mẫu 1).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RegisteredInitiative {
    pub id: Uuid,
    pub title: String,
    pub kind: InitiativeKindCode,
    pub reform_area: String,
    pub summary: String,
    pub objectives: String,
    pub expected_results: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub status: InitiativeStatusCode,
    /// "Họ tên (chức vụ), n %" per author; empty for a collective.
    pub authors: Vec<String>,
    pub collective: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CommitmentView {
    pub id: Uuid,
    /// Tồn tại, hạn chế of last year.
    pub shortcoming: String,
    /// What the unit commits to.
    pub commitment: String,
    pub target_date: Option<NaiveDate>,
    pub status: CommitmentStatusCode,
    pub sort_order: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationView {
    pub id: Uuid,
    pub campaign: CampaignRef,
    pub organization: OrganizationRef,
    pub status: SubmissionStatusCode,
    /// The unit's registered initiatives now (a submitted version keeps its own copy).
    pub initiatives: Vec<RegisteredInitiative>,
    pub commitments: Vec<CommitmentView>,
    /// Absent when the campaign has no registration milestone.
    pub deadline: Option<SubmissionDeadline>,
    /// Every submitted version, oldest first.
    pub versions: Vec<VersionSummary>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub etag: String,
    /// Among `update` (commitments), `submit`, `receive`, `return`.
    pub allowed_actions: Vec<String>,
}

/// A submitted version, frozen: what the authority received.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationVersionView {
    #[serde(flatten)]
    pub summary: VersionSummary,
    pub initiatives: Vec<RegisteredInitiative>,
    pub commitments: Vec<CommitmentView>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistrationListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    pub campaign_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    /// `submitted` gives an authority its inbox.
    pub status: Option<SubmissionStatusCode>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenRegistrationRequest {
    pub campaign_id: Uuid,
    /// The unit; by default the caller's organisation.
    #[serde(default)]
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitmentInput {
    #[schema(max_length = 2000)]
    pub shortcoming: String,
    #[schema(max_length = 2000)]
    pub commitment: String,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
    #[serde(default)]
    pub status: Option<CommitmentStatusCode>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub sort_order: Option<i32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCommitmentRequest {
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub shortcoming: Option<String>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub commitment: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub target_date: Option<Option<NaiveDate>>,
    #[serde(default)]
    pub status: Option<CommitmentStatusCode>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub sort_order: Option<i32>,
}

mirror_enum!(
    CommitmentStatusCode,
    thidua_domain::registration::CommitmentStatus,
    [Planned, InProgress, Done, NotDone]
);
