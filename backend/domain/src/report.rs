//! Reports (SPEC §5): their kinds, the outline (đề cương) every report follows, the
//! categories of evidence (tài liệu minh chứng, §II.2.3), and the completeness gate of an
//! acceptance report.

use serde::{Deserialize, Serialize};

use crate::campaign::MilestoneKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Báo cáo kết quả giai đoạn 1 (Mẫu 2).
    Phase1Result,
    /// Báo cáo tiến độ định kỳ (giai đoạn 2).
    PeriodicProgress,
    /// Phiếu tự đánh giá (§III.2.1).
    SelfAssessment,
    /// Báo cáo nghiệm thu of one initiative.
    Acceptance,
    /// Báo cáo tổng kết năm of the unit (§IV.1.5).
    YearEndSummary,
}

impl ReportKind {
    pub const ALL: [ReportKind; 5] = [
        ReportKind::Phase1Result,
        ReportKind::PeriodicProgress,
        ReportKind::SelfAssessment,
        ReportKind::Acceptance,
        ReportKind::YearEndSummary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Phase1Result => "phase1_result",
            ReportKind::PeriodicProgress => "periodic_progress",
            ReportKind::SelfAssessment => "self_assessment",
            ReportKind::Acceptance => "acceptance",
            ReportKind::YearEndSummary => "year_end_summary",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            ReportKind::Phase1Result => "Báo cáo kết quả giai đoạn 1",
            ReportKind::PeriodicProgress => "Báo cáo tiến độ định kỳ",
            ReportKind::SelfAssessment => "Phiếu tự đánh giá",
            ReportKind::Acceptance => "Báo cáo nghiệm thu",
            ReportKind::YearEndSummary => "Báo cáo tổng kết năm",
        }
    }

    /// An acceptance report is about one initiative; the others are the unit's.
    pub fn per_initiative(self) -> bool {
        self == ReportKind::Acceptance
    }

    /// The kind of campaign milestone whose deadline a report of this kind answers when the
    /// caller names none (the year-end summary has no milestone of its own in the plan).
    pub fn milestone_kind(self) -> Option<MilestoneKind> {
        match self {
            ReportKind::Phase1Result => Some(MilestoneKind::Phase1Report),
            ReportKind::PeriodicProgress | ReportKind::Acceptance => {
                Some(MilestoneKind::Phase2Acceptance)
            }
            ReportKind::SelfAssessment => Some(MilestoneKind::SelfAssessment),
            ReportKind::YearEndSummary => None,
        }
    }
}

/// The sections of the outline, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Tình hình, đặc điểm.
    Situation,
    /// Công tác triển khai thực hiện.
    Implementation,
    /// Kết quả đạt được (with figures).
    Results,
    /// Hiệu quả.
    Effectiveness,
    /// Khó khăn, vướng mắc.
    Difficulties,
    /// Đề xuất, kiến nghị.
    Proposals,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Situation,
        Section::Implementation,
        Section::Results,
        Section::Effectiveness,
        Section::Difficulties,
        Section::Proposals,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Situation => "situation",
            Section::Implementation => "implementation",
            Section::Results => "results",
            Section::Effectiveness => "effectiveness",
            Section::Difficulties => "difficulties",
            Section::Proposals => "proposals",
        }
    }

    pub fn heading_vi(self) -> &'static str {
        match self {
            Section::Situation => "Tình hình, đặc điểm",
            Section::Implementation => "Công tác triển khai thực hiện",
            Section::Results => "Kết quả đạt được",
            Section::Effectiveness => "Hiệu quả",
            Section::Difficulties => "Khó khăn, vướng mắc",
            Section::Proposals => "Đề xuất, kiến nghị",
        }
    }
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceCategory {
    /// Kế hoạch triển khai.
    ImplementationPlan,
    /// Văn bản triển khai.
    ImplementingDocument,
    /// Sản phẩm.
    Product,
    /// Số liệu.
    Data,
    /// Hình ảnh.
    Photo,
    Other,
}

impl EvidenceCategory {
    pub const ALL: [EvidenceCategory; 6] = [
        EvidenceCategory::ImplementationPlan,
        EvidenceCategory::ImplementingDocument,
        EvidenceCategory::Product,
        EvidenceCategory::Data,
        EvidenceCategory::Photo,
        EvidenceCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceCategory::ImplementationPlan => "implementation_plan",
            EvidenceCategory::ImplementingDocument => "implementing_document",
            EvidenceCategory::Product => "product",
            EvidenceCategory::Data => "data",
            EvidenceCategory::Photo => "photo",
            EvidenceCategory::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            EvidenceCategory::ImplementationPlan => "Kế hoạch triển khai",
            EvidenceCategory::ImplementingDocument => "Văn bản triển khai",
            EvidenceCategory::Product => "Sản phẩm",
            EvidenceCategory::Data => "Số liệu",
            EvidenceCategory::Photo => "Hình ảnh",
            EvidenceCategory::Other => "Tài liệu khác",
        }
    }
}

/// What an acceptance report must carry: each requirement is met by any one of its
/// categories. The default of the seed's §II.2.3: an implementation plan, and data or photos.
pub fn default_acceptance_requirements() -> Vec<Vec<EvidenceCategory>> {
    vec![
        vec![EvidenceCategory::ImplementationPlan],
        vec![EvidenceCategory::Data, EvidenceCategory::Photo],
    ]
}

/// A campaign's requirements as stored (`[["implementation_plan"], ["data", "photo"]]`);
/// `None` when the value is not a list of lists of known categories.
pub fn parse_requirements(value: &serde_json::Value) -> Option<Vec<Vec<EvidenceCategory>>> {
    value
        .as_array()?
        .iter()
        .map(|any_of| {
            let cats = any_of
                .as_array()?
                .iter()
                .map(|c| c.as_str().and_then(EvidenceCategory::parse))
                .collect::<Option<Vec<_>>>()?;
            (!cats.is_empty()).then_some(cats)
        })
        .collect()
}

/// How a requirement reads to people: "Số liệu hoặc Hình ảnh".
pub fn requirement_vi(any_of: &[EvidenceCategory]) -> String {
    any_of
        .iter()
        .map(|c| c.name_vi())
        .collect::<Vec<_>>()
        .join(" hoặc ")
}

/// The requirements that the attached evidence does not meet, in order (empty: complete).
pub fn missing_evidence(
    required: &[Vec<EvidenceCategory>],
    attached: &[EvidenceCategory],
) -> Vec<Vec<EvidenceCategory>> {
    required
        .iter()
        .filter(|any_of| !any_of.iter().any(|c| attached.contains(c)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use EvidenceCategory as E;

    #[test]
    fn an_acceptance_report_needs_a_plan_and_data_or_photos() {
        let req = default_acceptance_requirements();
        assert_eq!(missing_evidence(&req, &[]), req);
        assert_eq!(
            missing_evidence(&req, &[E::Photo, E::Other]),
            vec![vec![E::ImplementationPlan]]
        );
        assert_eq!(
            missing_evidence(&req, &[E::ImplementationPlan]),
            vec![vec![E::Data, E::Photo]]
        );
        assert!(missing_evidence(&req, &[E::Data, E::ImplementationPlan]).is_empty());
        assert!(missing_evidence(&[], &[]).is_empty());
    }

    #[test]
    fn requirements_parse_from_the_campaign() {
        let stored = serde_json::json!([["implementation_plan"], ["data", "photo"]]);
        assert_eq!(
            parse_requirements(&stored),
            Some(default_acceptance_requirements())
        );
        assert_eq!(parse_requirements(&serde_json::json!([])), Some(vec![]));
        assert_eq!(parse_requirements(&serde_json::json!([["nope"]])), None);
        assert_eq!(parse_requirements(&serde_json::json!([[]])), None);
        assert_eq!(parse_requirements(&serde_json::json!({})), None);
        assert_eq!(
            requirement_vi(&[E::Data, E::Photo]),
            "Số liệu hoặc Hình ảnh"
        );
    }

    #[test]
    fn each_kind_answers_a_milestone() {
        assert_eq!(
            ReportKind::Phase1Result.milestone_kind(),
            Some(MilestoneKind::Phase1Report)
        );
        assert_eq!(
            ReportKind::Acceptance.milestone_kind(),
            Some(MilestoneKind::Phase2Acceptance)
        );
        assert_eq!(ReportKind::YearEndSummary.milestone_kind(), None);
    }

    #[test]
    fn codes_round_trip() {
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::parse(k.as_str()), Some(k));
        }
        for c in EvidenceCategory::ALL {
            assert_eq!(EvidenceCategory::parse(c.as_str()), Some(c));
        }
        assert!(ReportKind::Acceptance.per_initiative());
        assert!(!ReportKind::Phase1Result.per_initiative());
        assert_eq!(Section::ALL.len(), 6);
    }
}
