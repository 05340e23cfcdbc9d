//! Wire types of awards and replication (SPEC §7–9).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{OrganizationRef, UserRef};

macro_rules! wire_enum {
    ($(#[$m:meta])* $wire:ident, $domain:path, [$($v:ident),+ $(,)?]) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $wire { $($v),+ }
        mirror_enum!($wire, $domain, [$($v),+]);
    };
}

wire_enum!(
    /// `initiative` (with its authors), `person`, or `unit` (a collective).
    NomineeKindCode, thidua_domain::award::NomineeKind, [Initiative, Person, Unit]
);
wire_enum!(
    /// Hoàn thành xuất sắc nhiệm vụ / tốt / Hoàn thành nhiệm vụ / Không hoàn thành nhiệm vụ.
    RatingCode, thidua_domain::award::Rating, [Excellent, Good, Completed, NotCompleted]
);
wire_enum!(
    /// The year (annual rating) or a quarter (quarterly emulation rating).
    RatingPeriodCode, thidua_domain::award::RatingPeriod, [Year, Q1, Q2, Q3, Q4]
);
wire_enum!(
    /// Law, code of conduct, public ethics, harassment of citizens or businesses (§II.3.2).
    ViolationKindCode, thidua_domain::award::ViolationKind, [Law, CodeOfConduct, PublicEthics, Harassment]
);
wire_enum!(
    /// The disciplinary measure decided, `none` if none (yet).
    DisciplineCode, thidua_domain::award::Discipline,
    [None, Reprimand, Warning, SalaryDemotion, Demotion, Dismissal, ForcedResignation]
);
wire_enum!(
    NominationStatusCode,
    thidua_domain::award::NominationStatus,
    [Draft, Submitted, Approved, Rejected, Decided]
);
wire_enum!(
    ReplicationStatusCode,
    thidua_domain::award::ReplicationStatus,
    [Planned, InProgress, Adopted, Abandoned]
);
wire_enum!(
    /// An eligibility rule.
    RuleCodeWire, thidua_domain::award::RuleCode,
    [AwardFormValid, WithinDeadline, InitiativeAccepted, NoViolation, PersonRating, UnitRating, HeadNotDisciplined]
);
wire_enum!(
    RuleOutcomeCode,
    thidua_domain::award::RuleOutcome,
    [Pass, Fail, Overridden]
);
wire_enum!(
    /// The kind of record a rule rests on.
    RecordKindCode, thidua_domain::award::RecordKind,
    [AwardForm, EvaluationRound, Initiative, ViolationRecord, StaffRating, UnitRating]
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AwardLevelCode {
    Unit,
    Ward,
    District,
    City,
    National,
}

impl AwardLevelCode {
    pub fn as_str(self) -> &'static str {
        match self {
            AwardLevelCode::Unit => "unit",
            AwardLevelCode::Ward => "ward",
            AwardLevelCode::District => "district",
            AwardLevelCode::City => "city",
            AwardLevelCode::National => "national",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "unit" => AwardLevelCode::Unit,
            "ward" => AwardLevelCode::Ward,
            "district" => AwardLevelCode::District,
            "city" => AwardLevelCode::City,
            "national" => AwardLevelCode::National,
            _ => return None,
        })
    }
}

// ----- award forms -----------------------------------------------------------------------

/// An award form of the catalogue (dated: forms come and go with the administrative map).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardFormView {
    pub id: Uuid,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub level: AwardLevelCode,
    /// Who grants it, in words.
    pub granting_authority: String,
    pub granting_organization_id: Option<Uuid>,
    pub nominee_kinds: Vec<NomineeKindCode>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    /// Month and day dossiers of a year close on (e.g. 12 and 5 for 05/12).
    pub deadline_month: Option<i16>,
    pub deadline_day: Option<i16>,
    pub sort_order: i32,
    /// In force today.
    pub in_force: bool,
    pub version: i32,
    pub etag: String,
}

/// A new award form, or the whole of one being changed.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AwardFormRequest {
    #[schema(pattern = "^[a-z0-9][a-z0-9_-]{1,63}$")]
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub level: AwardLevelCode,
    pub granting_authority: String,
    #[serde(default)]
    pub granting_organization_id: Option<Uuid>,
    pub nominee_kinds: Vec<NomineeKindCode>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    #[serde(default)]
    pub deadline_month: Option<i16>,
    #[serde(default)]
    pub deadline_day: Option<i16>,
    #[serde(default)]
    pub sort_order: i32,
}

/// Which form, for other views.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardFormRef {
    pub id: Uuid,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub level: AwardLevelCode,
}

// ----- people, ratings, records ----------------------------------------------------------

/// A person with their position and unit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonRef {
    pub id: Uuid,
    pub display_name: String,
    pub position: Option<String>,
    pub organization: OrganizationRef,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StaffRatingView {
    pub id: Uuid,
    pub person: PersonRef,
    pub year: i32,
    pub period: RatingPeriodCode,
    pub rating: RatingCode,
    /// "Hoàn thành tốt nhiệm vụ" …
    pub rating_label_vi: String,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    pub updated_at: DateTime<Utc>,
}

/// Records (or corrects) a person's rating for a year or a quarter.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffRatingRequest {
    pub user_id: Uuid,
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    pub period: RatingPeriodCode,
    pub rating: RatingCode,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffRatingParams {
    /// The unit (its subtree); required unless `user_id` is given.
    pub organization_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitRatingView {
    pub id: Uuid,
    pub organization: OrganizationRef,
    pub year: i32,
    pub rating: RatingCode,
    pub rating_label_vi: String,
    pub decision_ref: Option<String>,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    pub updated_at: DateTime<Utc>,
}

/// Records (or corrects) a unit's collective rating for a year.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitRatingRequest {
    pub organization_id: Uuid,
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    pub rating: RatingCode,
    #[serde(default)]
    pub decision_ref: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitRatingParams {
    /// The organisation (its subtree).
    pub organization_id: Uuid,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

/// A violation or discipline record. Only the person's unit head, the authority and
/// administrators read it, and each read is audited.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ViolationView {
    pub id: Uuid,
    pub person: PersonRef,
    pub occurred_on: NaiveDate,
    pub kind: ViolationKindCode,
    pub kind_label_vi: String,
    pub description: String,
    pub discipline: DisciplineCode,
    pub discipline_label_vi: String,
    /// The decision's number and symbol, e.g. 12/QĐ-MNCG.
    pub decision_ref: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub recorded_by: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ViolationRequest {
    pub user_id: Uuid,
    pub occurred_on: NaiveDate,
    pub kind: ViolationKindCode,
    pub description: String,
    #[serde(default)]
    pub discipline: Option<DisciplineCode>,
    #[serde(default)]
    pub decision_ref: Option<String>,
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ViolationParams {
    /// The unit (its subtree).
    pub organization_id: Uuid,
    pub user_id: Option<Uuid>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

// ----- eligibility -----------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecordRefView {
    pub kind: RecordKindCode,
    /// Absent when the record is not one the caller may open.
    pub id: Option<Uuid>,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleView {
    pub code: RuleCodeWire,
    pub title_vi: String,
    pub title_en: String,
    pub outcome: RuleOutcomeCode,
    pub reason_vi: String,
    pub reason_en: String,
    /// The records the outcome rests on.
    pub records: Vec<RecordRefView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverrideView {
    pub rule: RuleCodeWire,
    pub reason: String,
    pub by: UserRef,
    pub at: DateTime<Utc>,
}

/// The checklist: every rule that applies, computed now (or as of the submission day).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EligibilityView {
    /// Every rule passes (or was overridden).
    pub eligible: bool,
    /// The day it is judged on: today for a draft, the submission day after.
    pub as_of: NaiveDate,
    pub year: i32,
    pub rules: Vec<RuleView>,
    #[serde(rename = "override")]
    pub override_: Option<OverrideView>,
}

// ----- nominations -----------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InitiativeBrief {
    pub id: Uuid,
    pub title: String,
    pub status: String,
}

/// Who or what is proposed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NomineeView {
    pub kind: NomineeKindCode,
    /// How lists show it.
    pub label: String,
    pub initiative: Option<InitiativeBrief>,
    pub person: Option<PersonRef>,
    pub unit: Option<OrganizationRef>,
    /// The initiative's authors.
    pub authors: Vec<PersonRef>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DossierFileView {
    pub id: Uuid,
    pub original_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    /// `GET` it for the bytes.
    pub content_url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionRef {
    pub id: Uuid,
    pub number: String,
    pub signed_on: NaiveDate,
    pub ceremony_on: Option<NaiveDate>,
}

/// A nomination (đề nghị khen thưởng) with its dossier and its eligibility checklist.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NominationView {
    pub id: Uuid,
    pub award_form: AwardFormRef,
    pub year: i32,
    pub nominee: NomineeView,
    /// The proposing unit.
    pub organization: OrganizationRef,
    /// Tờ trình.
    pub proposal: String,
    /// Báo cáo thành tích.
    pub achievements: String,
    /// Evidence chosen from the file store.
    pub files: Vec<DossierFileView>,
    /// The committee round whose minutes belong to the dossier (initiatives).
    pub minutes_round_id: Option<Uuid>,
    pub status: NominationStatusCode,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<UserRef>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub reviewed_by: Option<UserRef>,
    pub rejection_reason: Option<String>,
    pub decision: Option<DecisionRef>,
    pub eligibility: EligibilityView,
    /// `update`, `delete`, `submit`, `approve`, `reject`, `override`.
    pub allowed_actions: Vec<String>,
    pub version: i32,
    pub etag: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a nomination proposes, and for which form and year (also the eligibility preview).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NomineeRequest {
    pub award_form_id: Uuid,
    /// The emulation year (default: the initiative's campaign year, else this year).
    #[serde(default)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    pub nominee_kind: NomineeKindCode,
    /// For `initiative`.
    #[serde(default)]
    pub initiative_id: Option<Uuid>,
    /// For `person`.
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// For `unit`: the collective.
    #[serde(default)]
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateNominationRequest {
    pub award_form_id: Uuid,
    /// The emulation year (default: the initiative's campaign year, else this year).
    #[serde(default)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    pub nominee_kind: NomineeKindCode,
    #[serde(default)]
    pub initiative_id: Option<Uuid>,
    #[serde(default)]
    pub user_id: Option<Uuid>,
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    #[serde(default)]
    pub proposal: String,
    #[serde(default)]
    pub achievements: String,
    /// Evidence files of the unit, in order.
    #[serde(default)]
    pub file_ids: Vec<Uuid>,
}

impl CreateNominationRequest {
    pub fn nominee(&self) -> NomineeRequest {
        NomineeRequest {
            award_form_id: self.award_form_id,
            year: self.year,
            nominee_kind: self.nominee_kind,
            initiative_id: self.initiative_id,
            user_id: self.user_id,
            organization_id: self.organization_id,
        }
    }
}

/// Changes to a draft (absent fields are kept).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateNominationRequest {
    #[serde(default)]
    pub award_form_id: Option<Uuid>,
    #[serde(default)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    #[serde(default)]
    pub proposal: Option<String>,
    #[serde(default)]
    pub achievements: Option<String>,
    #[serde(default)]
    pub file_ids: Option<Vec<Uuid>>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OverrideRequest {
    pub rule: RuleCodeWire,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NominationListParams {
    /// The proposing unit (its subtree).
    pub organization_id: Option<Uuid>,
    pub status: Option<NominationStatusCode>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    pub award_form_id: Option<Uuid>,
    pub nominee_kind: Option<NomineeKindCode>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// The nominations a draft decision is prepared from (approved ones).
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DraftDecisionParams {
    /// The issuing authority's organisation.
    pub organization_id: Uuid,
    pub award_form_id: Option<Uuid>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

// ----- decisions -------------------------------------------------------------------------

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AwardDecisionRequest {
    /// Số và ký hiệu, e.g. `1234/QĐ-UBND`.
    pub number: String,
    pub signed_on: NaiveDate,
    pub signer_name: String,
    /// E.g. "Chủ tịch".
    pub signer_title: String,
    /// The issuing authority.
    pub organization_id: Uuid,
    /// The year-end conference where the awards are handed over.
    #[serde(default)]
    pub ceremony_on: Option<NaiveDate>,
    #[serde(default)]
    pub ceremony_note: Option<String>,
    /// Approved nominations it grants.
    pub nomination_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GrantedView {
    pub nomination_id: Uuid,
    pub award_form: AwardFormRef,
    pub nominee: NomineeView,
    pub organization: OrganizationRef,
    pub year: i32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardDecisionView {
    pub id: Uuid,
    pub number: String,
    pub signed_on: NaiveDate,
    pub signer_name: String,
    pub signer_title: String,
    pub organization: OrganizationRef,
    pub ceremony_on: Option<NaiveDate>,
    pub ceremony_note: Option<String>,
    pub granted: Vec<GrantedView>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

/// An award received (profile and unit pages).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardView {
    pub nomination_id: Uuid,
    pub award_form: AwardFormRef,
    pub year: i32,
    pub nominee: NomineeView,
    pub decision: DecisionRef,
}

// ----- showcase (public) -----------------------------------------------------------------

/// An author as the public sees them: name, position and unit, nothing else.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicPerson {
    pub name: String,
    pub position: Option<String>,
    pub unit: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicFile {
    pub id: Uuid,
    pub name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub caption: Option<String>,
    /// Downloadable without signing in.
    pub content_url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicAward {
    pub award_name_vi: String,
    pub award_name_en: String,
    pub year: i32,
    pub decision_number: String,
    pub signed_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicReplication {
    pub unit: String,
    pub organization_id: Uuid,
    pub status: ReplicationStatusCode,
    pub planned_from: NaiveDate,
    pub planned_to: NaiveDate,
    /// "Quý I năm 2024".
    pub period_label_vi: String,
    /// "Q1 2024".
    pub period_label_en: String,
}

/// A model in the showcase list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShowcaseSummary {
    pub id: Uuid,
    pub title: String,
    pub unit: String,
    pub organization_id: Uuid,
    pub reform_area: String,
    pub reform_area_vi: String,
    pub reform_area_en: String,
    pub summary: String,
    pub recognized_on: NaiveDate,
    pub awards: usize,
    /// Units replicating it (any status but abandoned).
    pub replications: usize,
}

/// A model recognised as typical (điển hình tiên tiến), as the public sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShowcaseModelView {
    pub id: Uuid,
    /// The initiative it was recognised from.
    pub initiative_id: Uuid,
    pub title: String,
    pub kind: String,
    pub reform_area: String,
    pub reform_area_vi: String,
    pub reform_area_en: String,
    pub unit: String,
    /// The unit's organisation (a unit does not replicate its own model).
    pub organization_id: Uuid,
    pub summary: String,
    pub results: String,
    pub recognized_on: NaiveDate,
    pub authors: Vec<PublicPerson>,
    pub evidence: Vec<PublicFile>,
    pub awards: Vec<PublicAward>,
    /// Where it has spread.
    pub replications: Vec<PublicReplication>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShowcaseParams {
    /// Words to find, with or without diacritics ("so lien lac" finds "Sổ liên lạc").
    pub q: Option<String>,
    /// Only the model recognised from this initiative (whether it is in the showcase).
    pub initiative_id: Option<Uuid>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishFileRequest {
    pub file_id: Uuid,
    #[serde(default)]
    pub caption: Option<String>,
}

/// Publish an accepted initiative to the showcase as a typical model.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishModelRequest {
    pub initiative_id: Uuid,
    pub summary: String,
    pub results: String,
    pub recognized_on: NaiveDate,
    /// Evidence of the initiative chosen for publication.
    #[serde(default)]
    pub files: Vec<PublishFileRequest>,
}

/// What the showcase shows of a model (replaces the summary, results and published files).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateModelRequest {
    pub summary: String,
    pub results: String,
    pub recognized_on: NaiveDate,
    #[serde(default)]
    pub files: Vec<PublishFileRequest>,
}

// ----- replications ----------------------------------------------------------------------

/// A before/after figure (e.g. "Thời gian trả lời phụ huynh", "giờ", 48, 4).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureView {
    pub label: String,
    #[serde(default)]
    pub unit: Option<String>,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ModelRef {
    pub id: Uuid,
    pub title: String,
    pub unit: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReplicationView {
    pub id: Uuid,
    pub model: ModelRef,
    pub organization: OrganizationRef,
    pub planned_from: NaiveDate,
    pub planned_to: NaiveDate,
    pub period_label_vi: String,
    pub period_label_en: String,
    pub status: ReplicationStatusCode,
    /// The statuses it may move to now (forward only), for a caller who may update it.
    pub next_statuses: Vec<ReplicationStatusCode>,
    pub adaptation_notes: String,
    pub figures: Vec<FigureView>,
    /// `update`.
    pub allowed_actions: Vec<String>,
    pub version: i32,
    pub etag: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateReplicationRequest {
    pub model_id: Uuid,
    /// The adopting unit.
    pub organization_id: Uuid,
    pub planned_from: NaiveDate,
    pub planned_to: NaiveDate,
    #[serde(default)]
    pub adaptation_notes: String,
    #[serde(default)]
    pub figures: Vec<FigureView>,
}

/// Changes (absent fields are kept); the status moves forward only.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateReplicationRequest {
    #[serde(default)]
    pub planned_from: Option<NaiveDate>,
    #[serde(default)]
    pub planned_to: Option<NaiveDate>,
    #[serde(default)]
    pub status: Option<ReplicationStatusCode>,
    #[serde(default)]
    pub adaptation_notes: Option<String>,
    #[serde(default)]
    pub figures: Option<Vec<FigureView>>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReplicationListParams {
    pub model_id: Option<Uuid>,
    pub status: Option<ReplicationStatusCode>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}
