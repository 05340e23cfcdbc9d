use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::campaigns::CampaignRef;
use super::{OrganizationRef, UserRef, nullable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeStatusCode {
    Draft,
    Submitted,
    Returned,
    Registered,
    InProgress,
    Completed,
    Accepted,
    NotAccepted,
    Withdrawn,
}

/// công trình, mô hình, giải pháp, sáng kiến, cách làm hay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKindCode {
    Work,
    Model,
    Solution,
    Initiative,
    GoodPractice,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReformAreaView {
    #[schema(example = "administrative_procedures")]
    pub code: String,
    #[schema(example = "Cải cách thủ tục hành chính")]
    pub name_vi: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuthorView {
    pub user: UserRef,
    /// Chức vụ.
    pub position: Option<String>,
    pub contribution_pct: i16,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoadmapStepView {
    pub id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    /// 0–100; a done step counts 100.
    pub progress: i16,
    /// Past its day (Vietnam time) and not done.
    pub overdue: bool,
    pub sort_order: i32,
    pub etag: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InitiativeView {
    pub id: Uuid,
    pub campaign: CampaignRef,
    /// The unit that carries it out.
    pub organization: OrganizationRef,
    pub kind: InitiativeKindCode,
    pub reform_area: ReformAreaView,
    pub title: String,
    pub summary: String,
    /// The problem it solves.
    pub problem: String,
    pub objectives: String,
    pub approach: String,
    pub expected_results: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// Authored by the unit as a collective.
    pub collective: bool,
    pub authors: Vec<AuthorView>,
    pub roadmap: Vec<RoadmapStepView>,
    /// Mean progress of the roadmap, 0–100.
    pub progress: i16,
    /// Roadmap steps past their day and not done.
    pub overdue_steps: i64,
    pub status: InitiativeStatusCode,
    pub created_by: UserRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub etag: String,
    /// Among `update`, `report_progress`, `submit`, `return`, `register`, `start`,
    /// `complete`, `withdraw`.
    pub allowed_actions: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransitionView {
    pub id: i64,
    pub action: String,
    pub from_status: InitiativeStatusCode,
    pub to_status: InitiativeStatusCode,
    pub actor: UserRef,
    pub reason: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InitiativeListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    /// Full-text search over title, summary and problem, ignoring diacritics and case
    /// ("cai cach thu tuc" finds "Cải cách thủ tục"); ranked by relevance unless `sort` is
    /// given.
    pub q: Option<String>,
    pub campaign_id: Option<Uuid>,
    /// The unit (within the caller's reach).
    pub organization_id: Option<Uuid>,
    pub status: Option<InitiativeStatusCode>,
    pub kind: Option<InitiativeKindCode>,
    pub reform_area: Option<String>,
    pub author_id: Option<Uuid>,
    /// Only the caller's own (authored or created).
    pub mine: Option<bool>,
    /// Only those with a roadmap step past its day and not done.
    pub overdue: Option<bool>,
    /// `created_at` (default, newest first), `updated_at`, `title`, `starts_on`, `ends_on`,
    /// `relevance`; prefix `-` for descending.
    pub sort: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthorInput {
    pub user_id: Uuid,
    #[schema(minimum = 1, maximum = 100)]
    pub contribution_pct: i32,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoadmapStepInput {
    #[schema(max_length = 500)]
    pub title: String,
    pub due_on: NaiveDate,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub sort_order: Option<i32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInitiativeRequest {
    pub campaign_id: Uuid,
    /// The unit; by default the caller's organisation.
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    pub kind: InitiativeKindCode,
    /// A code of `/reform-areas`.
    #[schema(example = "administrative_procedures")]
    pub reform_area: String,
    #[schema(max_length = 500)]
    pub title: String,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub summary: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub problem: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub objectives: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub approach: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub expected_results: Option<String>,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// The unit is the author as a collective (then no `authors`).
    #[serde(default)]
    pub collective: Option<bool>,
    /// People of the unit with whole-percent shares summing to 100; by default the caller
    /// alone.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub authors: Option<Vec<AuthorInput>>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub roadmap: Option<Vec<RoadmapStepInput>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateInitiativeRequest {
    #[serde(default)]
    pub kind: Option<InitiativeKindCode>,
    #[serde(default)]
    pub reform_area: Option<String>,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub title: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub summary: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub problem: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub objectives: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub approach: Option<String>,
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub expected_results: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub starts_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub ends_on: Option<Option<NaiveDate>>,
    #[serde(default)]
    pub collective: Option<bool>,
    /// Replaces the authors.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub authors: Option<Vec<AuthorInput>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    /// Why (required for `return`).
    #[schema(max_length = 2000)]
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateRoadmapStepRequest {
    #[serde(default)]
    #[schema(max_length = 500)]
    pub title: Option<String>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// The day it was done; `null` reopens it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub done_on: Option<Option<NaiveDate>>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 100)]
    pub progress: Option<i32>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub sort_order: Option<i32>,
}

mirror_enum!(
    InitiativeStatusCode,
    thidua_domain::initiative::InitiativeStatus,
    [
        Draft,
        Submitted,
        Returned,
        Registered,
        InProgress,
        Completed,
        Accepted,
        NotAccepted,
        Withdrawn
    ]
);
mirror_enum!(
    InitiativeKindCode,
    thidua_domain::initiative::InitiativeKind,
    [Work, Model, Solution, Initiative, GoodPractice]
);
