use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::campaigns::CampaignRef;
use super::{OrganizationRef, UserRef};

/// One criterion of a set.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CriterionView {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    /// What the evaluator looks at (hướng dẫn chấm).
    pub guidance_vi: String,
    /// The highest score (0 for a gate).
    pub max_points: f64,
    pub weight: f64,
    /// Pass/fail: failing it makes the initiative ineligible whatever its points.
    pub gate: bool,
}

impl From<thidua_domain::evaluation::Criterion> for CriterionView {
    fn from(c: thidua_domain::evaluation::Criterion) -> Self {
        Self {
            code: c.code,
            name_vi: c.name_vi,
            name_en: c.name_en,
            guidance_vi: c.guidance_vi,
            max_points: c.max_points,
            weight: c.weight,
            gate: c.gate,
        }
    }
}

/// A criteria set of the catalogue, one version (a round keeps the one it started with).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CriteriaSetView {
    pub id: Uuid,
    pub code: String,
    pub version: i32,
    pub name_vi: String,
    pub name_en: String,
    pub criteria: Vec<CriterionView>,
    /// The highest weighted total a sheet can reach.
    pub max_total: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundLevelCode {
    /// The unit's steering committee.
    UnitCommittee,
    /// The authority's committee.
    AuthorityCommittee,
    /// Pre-selection for a city award.
    AwardPreselection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatusCode {
    Setup,
    Scoring,
    Closed,
    Published,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AggregationCode {
    Mean,
    Median,
    TrimmedMean,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MemberRoleCode {
    Chair,
    Secretary,
    Member,
}

mirror_enum!(
    RoundLevelCode,
    thidua_domain::evaluation::RoundLevel,
    [UnitCommittee, AuthorityCommittee, AwardPreselection]
);
mirror_enum!(
    RoundStatusCode,
    thidua_domain::evaluation::RoundStatus,
    [Setup, Scoring, Closed, Published]
);
mirror_enum!(
    AggregationCode,
    thidua_domain::evaluation::Aggregation,
    [Mean, Median, TrimmedMean]
);
/// Nghiệm thu đạt / không đạt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VerdictCode {
    Accepted,
    NotAccepted,
}

mirror_enum!(
    VerdictCode,
    thidua_domain::evaluation::Verdict,
    [Accepted, NotAccepted]
);
mirror_enum!(
    MemberRoleCode,
    thidua_domain::evaluation::MemberRole,
    [Chair, Secretary, Member]
);

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundMemberView {
    pub user: UserRef,
    pub role: MemberRoleCode,
    /// Attended the meeting (known once the round is closed).
    pub present: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoundView {
    pub id: Uuid,
    pub campaign: CampaignRef,
    pub level: RoundLevelCode,
    /// Whose committee it is.
    pub organization: OrganizationRef,
    pub title: String,
    pub criteria_set: CriteriaSetView,
    pub aggregation: AggregationCode,
    pub evaluators_per_initiative: i32,
    pub scoring_opens_on: NaiveDate,
    pub scoring_closes_on: NaiveDate,
    pub meeting_on: Option<NaiveDate>,
    pub meeting_place: Option<String>,
    pub status: RoundStatusCode,
    /// The chair, the secretary, then the members by name.
    pub members: Vec<RoundMemberView>,
    /// The caller's seat on the committee, if any.
    pub my_role: Option<MemberRoleCode>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub etag: String,
    /// Among `manage` (entries, assignments, scoring, closing, publishing), `decide`
    /// (record decisions: the chair, the secretary, the organiser), `view_board` (entries,
    /// evaluators and sheets), `view_results`.
    pub allowed_actions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundMemberInput {
    pub user_id: Uuid,
    pub role: MemberRoleCode,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRoundRequest {
    pub campaign_id: Uuid,
    pub level: RoundLevelCode,
    /// Whose committee: by default the caller's organisation.
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    #[schema(max_length = 500)]
    pub title: String,
    pub criteria_set_id: Uuid,
    /// Default `mean`.
    #[serde(default)]
    pub aggregation: Option<AggregationCode>,
    /// Default 3.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 20)]
    pub evaluators_per_initiative: Option<i32>,
    pub scoring_opens_on: NaiveDate,
    pub scoring_closes_on: NaiveDate,
    #[serde(default)]
    pub meeting_on: Option<NaiveDate>,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub meeting_place: Option<String>,
    /// One chair, at most one secretary, three people at least; people of the organisation.
    #[schema(max_items = 50)]
    pub members: Vec<RoundMemberInput>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RoundListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    pub campaign_id: Option<Uuid>,
}

/// One page of a round's board.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntryListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    /// Words of the initiative's title (diacritics and case ignored).
    #[param(max_length = 200)]
    pub q: Option<String>,
}

/// Where an evaluator's sheet stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SheetStatusCode {
    /// Nothing saved yet.
    Due,
    Draft,
    Submitted,
}

/// An evaluator assigned to an entry (shown to the committee and the round's organiser only:
/// authors never see evaluators' names).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssignmentView {
    pub id: Uuid,
    pub evaluator: UserRef,
    /// Declared a conflict of interest, and does not score it.
    pub recused: bool,
    pub conflict_note: Option<String>,
    pub sheet: SheetStatusCode,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EntryInitiative {
    pub id: Uuid,
    pub title: String,
    pub organization: OrganizationRef,
}

/// An initiative in a round, with its evaluators.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EntryView {
    pub id: Uuid,
    pub initiative: EntryInitiative,
    /// Registration order (the ranking's last tie-break).
    pub sort_order: i64,
    pub assignments: Vec<AssignmentView>,
    pub decision: Option<DecisionView>,
}

/// The committee's decision on an initiative, with its vote.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionView {
    pub verdict: VerdictCode,
    /// Proposed for an award (chosen as a model).
    pub selected_for_award: bool,
    pub votes_for: i32,
    pub votes_against: i32,
    pub votes_abstain: i32,
    /// The committee's comment.
    pub note: Option<String>,
    pub decided_at: DateTime<Utc>,
}

/// Records (or corrects, until the round is closed) the committee's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    pub verdict: VerdictCode,
    #[serde(default)]
    pub selected_for_award: bool,
    #[schema(minimum = 0, maximum = 1000)]
    pub votes_for: i32,
    #[schema(minimum = 0, maximum = 1000)]
    pub votes_against: i32,
    #[schema(minimum = 0, maximum = 1000)]
    pub votes_abstain: i32,
    /// The committee's comment, shown to the unit and the authors once published.
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub note: Option<String>,
}

/// Closing records who attended the committee's meeting.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseRoundRequest {
    /// The members present at the meeting.
    #[schema(max_items = 200)]
    pub present_member_ids: Vec<Uuid>,
}

/// Whom a reminder went to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RemindersSent {
    /// Sheets reminded (not yet submitted, not recused).
    pub sheets: i64,
    pub evaluators: Vec<UserRef>,
}

/// A round as its evaluators and the published results refer to it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundRef {
    pub id: Uuid,
    pub title: String,
    pub level: RoundLevelCode,
    pub organization: OrganizationRef,
    pub status: RoundStatusCode,
    pub scoring_closes_on: NaiveDate,
    pub meeting_on: Option<NaiveDate>,
    pub published_at: Option<DateTime<Utc>>,
}

/// One initiative the caller is to score.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MyAssignmentView {
    pub id: Uuid,
    pub round: RoundRef,
    pub entry_id: Uuid,
    pub initiative: EntryInitiative,
    pub recused: bool,
    pub sheet: SheetStatusCode,
    /// When the chair last reminded the caller of it.
    pub reminded_at: Option<DateTime<Utc>>,
}

/// What an evaluator reads beside the sheet: the initiative, its unit's reports about it
/// that reached the authority, and its evidence.
#[derive(Debug, Serialize, ToSchema)]
pub struct DossierView {
    pub assignment_id: Uuid,
    pub initiative: super::initiatives::InitiativeView,
    pub reports: Vec<super::reports::ReportView>,
    /// The initiative's own evidence (the reports carry theirs).
    pub files: Vec<super::files::FileView>,
}

/// A published round's result for one initiative (no evaluator is named).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InitiativeEvaluationView {
    pub round: RoundRef,
    pub criteria: Vec<CriterionView>,
    pub max_total: f64,
    /// How many initiatives the round ranked.
    pub ranked: i64,
    pub result: ResultRow,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddEntriesRequest {
    /// The initiatives to add; by default every completed initiative of the campaign within
    /// the committee's organisation (for an authority's committee or a pre-selection, also
    /// those a unit's committee accepted).
    #[serde(default)]
    #[schema(max_items = 5000)]
    pub initiative_ids: Option<Vec<Uuid>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    pub entry_id: Uuid,
    /// A member of the committee.
    pub evaluator_id: Uuid,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecuseRequest {
    /// Why (the conflict of interest).
    #[schema(max_length = 2000)]
    pub note: String,
}

/// An evaluator's score sheet for one initiative.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SheetView {
    pub assignment_id: Uuid,
    pub entry_id: Uuid,
    pub round_id: Uuid,
    /// The round (title, status, scoring window).
    pub round: RoundRef,
    /// The evaluator declared a conflict of interest and does not score it.
    pub recused: bool,
    pub initiative: EntryInitiative,
    pub evaluator: UserRef,
    /// The round's criteria, with the guidance to score by.
    pub criteria: Vec<CriterionView>,
    /// Criterion code → points.
    pub scores: std::collections::BTreeMap<String, f64>,
    /// Gate code → passed.
    pub gates: std::collections::BTreeMap<String, bool>,
    /// Criterion code → comment.
    pub comments: std::collections::BTreeMap<String, String>,
    pub overall_comment: Option<String>,
    pub status: SheetStatusCode,
    pub submitted_at: Option<DateTime<Utc>>,
    /// Why the chair reopened it, if it was.
    pub reopened_reason: Option<String>,
    /// The weighted total of the scores given so far.
    pub total: f64,
    pub max_total: f64,
    pub etag: String,
    /// Among `save`, `submit`, `reopen`.
    pub allowed_actions: Vec<String>,
}

/// A draft's content; each map given replaces the sheet's.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveSheetRequest {
    #[serde(default)]
    pub scores: Option<std::collections::BTreeMap<String, f64>>,
    #[serde(default)]
    pub gates: Option<std::collections::BTreeMap<String, bool>>,
    #[serde(default)]
    pub comments: Option<std::collections::BTreeMap<String, String>>,
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub overall_comment: Option<String>,
}

/// A criterion's aggregate for one initiative.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CriterionResult {
    pub code: String,
    pub value: Option<f64>,
}

/// One initiative's place in the ranking.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResultRow {
    /// 1 for the first; initiatives without a submitted sheet come last, unranked.
    pub rank: Option<i64>,
    pub entry_id: Uuid,
    pub initiative: EntryInitiative,
    /// The aggregate of the submitted sheets' weighted totals.
    pub total: Option<f64>,
    pub per_criterion: Vec<CriterionResult>,
    /// The lowest submitted total (the first tie-break).
    pub lowest: Option<f64>,
    pub sheets_submitted: i64,
    /// Assigned and not recused.
    pub sheets_expected: i64,
    /// A submitted sheet failed a gate: ineligible whatever its points.
    pub gate_failed: bool,
    pub eligible: bool,
    pub decision: Option<DecisionView>,
}

/// How far the scoring is.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundProgress {
    /// Expected sheets (assignments not recused).
    pub expected: i64,
    pub submitted: i64,
    pub drafts: i64,
    /// Not started.
    pub due: i64,
    pub recused: i64,
    /// Past the scoring window and not all submitted.
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundResults {
    pub round_id: Uuid,
    pub max_total: f64,
    pub aggregation: AggregationCode,
    /// How ties are broken, in words.
    pub tie_break_vi: String,
    pub tie_break_en: String,
    pub progress: RoundProgress,
    pub ranking: Vec<ResultRow>,
}
