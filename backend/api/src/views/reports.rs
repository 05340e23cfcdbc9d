use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::campaigns::{CampaignRef, MilestoneKindCode};
use super::files::{FileCategoryCode, FileView};
use super::submissions::{SubmissionDeadline, SubmissionStatusCode, VersionSummary};
use super::{OrganizationRef, UserRef};

// The API's face of thidua_domain::report::ReportKind.
/// Report kinds (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportKindCode {
    /// Báo cáo kết quả giai đoạn 1 (Mẫu 2).
    Phase1Result,
    /// Báo cáo tiến độ định kỳ (giai đoạn 2).
    PeriodicProgress,
    /// Phiếu tự đánh giá (§III.2.1).
    SelfAssessment,
    /// Báo cáo nghiệm thu of one initiative.
    Acceptance,
    /// Báo cáo tổng kết năm of the unit.
    YearEndSummary,
}

mirror_enum!(
    ReportKindCode,
    thidua_domain::report::ReportKind,
    [
        Phase1Result,
        PeriodicProgress,
        SelfAssessment,
        Acceptance,
        YearEndSummary
    ]
);

/// The outline (đề cương) of every report; empty text for a section not written yet.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ReportSections {
    /// Tình hình, đặc điểm.
    pub situation: String,
    /// Công tác triển khai thực hiện.
    pub implementation: String,
    /// Kết quả đạt được.
    pub results: String,
    /// Hiệu quả.
    pub effectiveness: String,
    /// Khó khăn, vướng mắc.
    pub difficulties: String,
    /// Đề xuất, kiến nghị.
    pub proposals: String,
}

/// Changes to the outline: each section given is replaced.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportSectionsInput {
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub situation: Option<String>,
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub implementation: Option<String>,
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub results: Option<String>,
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub effectiveness: Option<String>,
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub difficulties: Option<String>,
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub proposals: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InitiativeRef {
    pub id: Uuid,
    pub title: String,
}

/// One line of the results table: an initiative's indicator with its figures.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportRowView {
    pub id: Uuid,
    pub initiative: Option<InitiativeRef>,
    /// Chỉ tiêu, e.g. "Tỷ lệ hồ sơ trực tuyến".
    pub indicator: String,
    /// Đơn vị tính, e.g. "%".
    pub unit_of_measure: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub status_note: Option<String>,
    pub sort_order: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportMilestone {
    pub id: Uuid,
    pub kind: MilestoneKindCode,
    pub title: String,
    pub due_on: NaiveDate,
}

/// One requirement of the completeness gate: met by any of its categories.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceRequirement {
    pub any_of: Vec<FileCategoryCode>,
    /// "Số liệu hoặc Hình ảnh".
    pub label_vi: String,
    pub met: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportView {
    pub id: Uuid,
    pub kind: ReportKindCode,
    pub campaign: CampaignRef,
    pub organization: OrganizationRef,
    /// The milestone whose deadline it answers.
    pub milestone: ReportMilestone,
    /// The initiative an acceptance report is about.
    pub initiative: Option<InitiativeRef>,
    pub title: String,
    pub sections: ReportSections,
    pub rows: Vec<ReportRowView>,
    /// Its evidence; for an acceptance report also the initiative's own files.
    pub files: Vec<FileView>,
    /// What an acceptance report must carry before it is sent (empty for other kinds).
    pub evidence_requirements: Vec<EvidenceRequirement>,
    pub status: SubmissionStatusCode,
    pub deadline: SubmissionDeadline,
    /// Every submitted version, oldest first.
    pub versions: Vec<VersionSummary>,
    pub created_by: UserRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub etag: String,
    /// Among `update`, `submit`, `receive`, `return`.
    pub allowed_actions: Vec<String>,
}

/// A submitted version, frozen: what the authority received.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportVersionView {
    #[serde(flatten)]
    pub summary: VersionSummary,
    pub title: String,
    pub sections: ReportSections,
    pub rows: Vec<ReportRowView>,
    pub files: Vec<FileView>,
}

/// What a version keeps (stored as JSON).
#[derive(Debug, Serialize, Deserialize)]
pub struct ReportSnapshot {
    pub title: String,
    pub sections: ReportSections,
    pub rows: Vec<ReportRowView>,
    pub files: Vec<SnapshotFile>,
}

/// An evidence file as a version keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SnapshotFile {
    pub id: Uuid,
    pub original_name: String,
    pub category: FileCategoryCode,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub initiative_id: Option<Uuid>,
    pub report_row_id: Option<Uuid>,
    pub uploaded_by: UserRef,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportListParams {
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
    pub campaign_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub kind: Option<ReportKindCode>,
    /// `submitted` gives an authority its inbox.
    pub status: Option<SubmissionStatusCode>,
    /// Reports about this initiative: its acceptance reports and those with a row about it.
    pub initiative_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenReportRequest {
    pub campaign_id: Uuid,
    pub kind: ReportKindCode,
    /// The unit; by default the caller's organisation (for an acceptance report, the
    /// initiative's unit).
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    /// The milestone it answers; by default the campaign's milestone for the kind.
    #[serde(default)]
    pub milestone_id: Option<Uuid>,
    /// Required for an acceptance report, refused for the others.
    #[serde(default)]
    pub initiative_id: Option<Uuid>,
    /// By default the kind's name with the unit's.
    #[serde(default)]
    #[schema(max_length = 500)]
    pub title: Option<String>,
}

/// One line of the results table as the editor sends it; `id` keeps an existing line (and
/// the evidence attached to it), a line without one is new.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRowInput {
    #[serde(default)]
    pub id: Option<Uuid>,
    #[serde(default)]
    pub initiative_id: Option<Uuid>,
    #[schema(max_length = 500)]
    pub indicator: String,
    #[serde(default)]
    #[schema(max_length = 50)]
    pub unit_of_measure: Option<String>,
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub actual: Option<f64>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub status_note: Option<String>,
}

/// Changes to a report; `rows`, when given, is the whole table in order.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateReportRequest {
    #[serde(default)]
    #[schema(max_length = 500)]
    pub title: Option<String>,
    #[serde(default)]
    pub sections: Option<ReportSectionsInput>,
    #[serde(default)]
    #[schema(max_items = 200)]
    pub rows: Option<Vec<ReportRowInput>>,
}
