use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::files::FileCategoryCode;
use super::{OrganizationRef, UserRef, nullable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CampaignStatusCode {
    Draft,
    Open,
    Closed,
    Archived,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKindCode {
    Registration,
    Phase1Report,
    Phase2Acceptance,
    SelfAssessment,
    AwardDossier,
    UnitSelection,
    Replication,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LatePolicyCode {
    /// Accepted and marked late.
    AcceptLate,
    /// Refused after the deadline.
    Refuse,
}

/// One emulation content item of the plan (§II.1, 1.1–1.9).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentItem {
    #[schema(example = "1.1", max_length = 20)]
    pub code: String,
    #[schema(max_length = 2000)]
    pub title: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MilestoneView {
    pub id: Uuid,
    pub kind: MilestoneKindCode,
    pub title: String,
    pub starts_on: Option<NaiveDate>,
    /// The campaign's deadline (last day, Vietnam time).
    pub due_on: NaiveDate,
    /// The deadline for the caller's own unit: its extension when it has one.
    pub effective_due_on: NaiveDate,
    /// Days from today (Vietnam time) to `effective_due_on`; negative when past.
    pub days_left: i64,
    pub late_policy: LatePolicyCode,
    pub sort_order: i32,
    pub etag: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExtensionView {
    pub id: Uuid,
    pub milestone_id: Uuid,
    pub organization: OrganizationRef,
    /// The unit's new deadline.
    pub due_on: NaiveDate,
    pub reason: String,
    pub granted_by: UserRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CampaignRef {
    pub id: Uuid,
    pub code: String,
    pub title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignView {
    pub id: Uuid,
    /// Số, ký hiệu.
    #[schema(example = "175/KH-UBND")]
    pub code: String,
    /// Trích yếu.
    pub title: String,
    pub year: i32,
    pub theme: Option<String>,
    pub issued_on: NaiveDate,
    /// The issuing organisation.
    pub organization: OrganizationRef,
    /// The authority's campaign this plan implements.
    pub parent_campaign: Option<CampaignRef>,
    pub status: CampaignStatusCode,
    pub content_items: Vec<ContentItem>,
    /// What an acceptance report must carry: each inner list is one requirement, met by any
    /// one of its categories (by default a plan, and data or photos).
    pub acceptance_evidence: Vec<Vec<FileCategoryCode>>,
    pub milestones: Vec<MilestoneView>,
    /// Per-unit deadline extensions the caller may see.
    pub extensions: Vec<ExtensionView>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub etag: String,
    /// Among `update`, `manage_milestones`, `delete_milestone`, `open`, `close`, `reopen`,
    /// `archive`, `grant_extension`.
    pub allowed_actions: Vec<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CampaignListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    /// Searches number/symbol and title, ignoring case and diacritics.
    pub q: Option<String>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    pub status: Option<CampaignStatusCode>,
    /// Issuing organisation.
    pub organization_id: Option<Uuid>,
    pub parent_campaign_id: Option<Uuid>,
    /// `issued_on` (default, newest first), `year`, `code`, `title`, `created_at`; prefix `-`
    /// for descending.
    pub sort: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneInput {
    pub kind: MilestoneKindCode,
    #[schema(max_length = 500)]
    pub title: String,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    pub due_on: NaiveDate,
    /// Default `accept_late`.
    #[serde(default)]
    pub late_policy: Option<LatePolicyCode>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub sort_order: Option<i32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCampaignRequest {
    #[schema(example = "175/KH-UBND", max_length = 100)]
    pub code: String,
    #[schema(max_length = 1000)]
    pub title: String,
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub theme: Option<String>,
    pub issued_on: NaiveDate,
    /// The issuing organisation.
    pub organization_id: Uuid,
    #[serde(default)]
    pub parent_campaign_id: Option<Uuid>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub content_items: Option<Vec<ContentItem>>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub milestones: Option<Vec<MilestoneInput>>,
    /// What an acceptance report must carry (each inner list: any one of its categories);
    /// by default `[["implementation_plan"], ["data", "photo"]]`.
    #[serde(default)]
    #[schema(max_items = 6)]
    pub acceptance_evidence: Option<Vec<Vec<FileCategoryCode>>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCampaignRequest {
    #[serde(default)]
    #[schema(max_length = 100)]
    pub code: Option<String>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub title: Option<String>,
    #[serde(default)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, max_length = 1000)]
    pub theme: Option<Option<String>>,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>)]
    pub parent_campaign_id: Option<Option<Uuid>>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub content_items: Option<Vec<ContentItem>>,
    /// What an acceptance report must carry (each inner list: any one of its categories);
    /// by default `[["implementation_plan"], ["data", "photo"]]`.
    #[serde(default)]
    #[schema(max_items = 6)]
    pub acceptance_evidence: Option<Vec<Vec<FileCategoryCode>>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMilestoneRequest {
    #[serde(default)]
    pub kind: Option<MilestoneKindCode>,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub starts_on: Option<Option<NaiveDate>>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub late_policy: Option<LatePolicyCode>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub sort_order: Option<i32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantExtensionRequest {
    pub milestone_id: Uuid,
    /// The unit that gets more time.
    pub organization_id: Uuid,
    /// The unit's new deadline; after the milestone's own.
    pub due_on: NaiveDate,
    #[schema(max_length = 2000)]
    pub reason: String,
}

mirror_enum!(
    CampaignStatusCode,
    thidua_domain::campaign::CampaignStatus,
    [Draft, Open, Closed, Archived]
);
mirror_enum!(
    MilestoneKindCode,
    thidua_domain::campaign::MilestoneKind,
    [
        Registration,
        Phase1Report,
        Phase2Acceptance,
        SelfAssessment,
        AwardDossier,
        UnitSelection,
        Replication,
        Other
    ]
);
mirror_enum!(
    LatePolicyCode,
    thidua_domain::campaign::LatePolicy,
    [AcceptLate, Refuse]
);
