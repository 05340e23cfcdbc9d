//! The campaign (phong trào, kế hoạch) lifecycle and its milestones (SPEC §3).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignStatus {
    Draft,
    Open,
    Closed,
    Archived,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignAction {
    Open,
    Close,
    Reopen,
    Archive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidTransition {
    pub from: CampaignStatus,
    pub action: CampaignAction,
}

impl CampaignStatus {
    pub const ALL: [CampaignStatus; 4] = [
        CampaignStatus::Draft,
        CampaignStatus::Open,
        CampaignStatus::Closed,
        CampaignStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CampaignStatus::Draft => "draft",
            CampaignStatus::Open => "open",
            CampaignStatus::Closed => "closed",
            CampaignStatus::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// `draft → open → closed → archived`; a closed campaign may be reopened (a late
    /// correction) until it is archived, after which it is a read-only record.
    pub fn apply(self, action: CampaignAction) -> Result<CampaignStatus, InvalidTransition> {
        use CampaignAction as A;
        use CampaignStatus as S;
        match (self, action) {
            (S::Draft, A::Open) => Ok(S::Open),
            (S::Open, A::Close) => Ok(S::Closed),
            (S::Closed, A::Reopen) => Ok(S::Open),
            (S::Closed, A::Archive) => Ok(S::Archived),
            (from, action) => Err(InvalidTransition { from, action }),
        }
    }

    /// Content and milestones may be edited until the campaign is closed.
    pub fn is_editable(self) -> bool {
        matches!(self, CampaignStatus::Draft | CampaignStatus::Open)
    }
}

impl CampaignAction {
    pub const ALL: [CampaignAction; 4] = [
        CampaignAction::Open,
        CampaignAction::Close,
        CampaignAction::Reopen,
        CampaignAction::Archive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CampaignAction::Open => "open",
            CampaignAction::Close => "close",
            CampaignAction::Reopen => "reopen",
            CampaignAction::Archive => "archive",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    Registration,
    Phase1Report,
    Phase2Acceptance,
    SelfAssessment,
    AwardDossier,
    UnitSelection,
    Replication,
    Other,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 8] = [
        MilestoneKind::Registration,
        MilestoneKind::Phase1Report,
        MilestoneKind::Phase2Acceptance,
        MilestoneKind::SelfAssessment,
        MilestoneKind::AwardDossier,
        MilestoneKind::UnitSelection,
        MilestoneKind::Replication,
        MilestoneKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneKind::Registration => "registration",
            MilestoneKind::Phase1Report => "phase1_report",
            MilestoneKind::Phase2Acceptance => "phase2_acceptance",
            MilestoneKind::SelfAssessment => "self_assessment",
            MilestoneKind::AwardDossier => "award_dossier",
            MilestoneKind::UnitSelection => "unit_selection",
            MilestoneKind::Replication => "replication",
            MilestoneKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What happens to a submission after its deadline: it is always marked late; the policy
/// says whether it is accepted at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LatePolicy {
    AcceptLate,
    Refuse,
}

impl LatePolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            LatePolicy::AcceptLate => "accept_late",
            LatePolicy::Refuse => "refuse",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "accept_late" => Some(LatePolicy::AcceptLate),
            "refuse" => Some(LatePolicy::Refuse),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignAction as A;
    use CampaignStatus as S;

    #[test]
    fn lifecycle_follows_draft_open_closed_archived() {
        assert_eq!(S::Draft.apply(A::Open), Ok(S::Open));
        assert_eq!(S::Open.apply(A::Close), Ok(S::Closed));
        assert_eq!(S::Closed.apply(A::Reopen), Ok(S::Open));
        assert_eq!(S::Closed.apply(A::Archive), Ok(S::Archived));
    }

    #[test]
    fn every_other_transition_is_refused() {
        let allowed = [
            (S::Draft, A::Open),
            (S::Open, A::Close),
            (S::Closed, A::Reopen),
            (S::Closed, A::Archive),
        ];
        for s in S::ALL {
            for a in A::ALL {
                assert_eq!(s.apply(a).is_ok(), allowed.contains(&(s, a)), "{s:?} {a:?}");
            }
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
        for k in MilestoneKind::ALL {
            assert_eq!(MilestoneKind::parse(k.as_str()), Some(k));
        }
        for p in [LatePolicy::AcceptLate, LatePolicy::Refuse] {
            assert_eq!(LatePolicy::parse(p.as_str()), Some(p));
        }
    }
}
