//! The unit's registration (bản đăng ký, Mẫu 1): its registered initiatives and its
//! commitments to fix last year's shortcomings, sent by the head to the campaign's authority,
//! which receives it or returns it for correction (SPEC §4, seed §IV.1.4).

use serde::{Deserialize, Serialize};

/// A registration follows the lifecycle every document sent to an authority follows.
pub use crate::submission::{
    SubmissionAction as RegistrationAction, SubmissionStatus as RegistrationStatus,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    Planned,
    InProgress,
    Done,
    NotDone,
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 4] = [
        CommitmentStatus::Planned,
        CommitmentStatus::InProgress,
        CommitmentStatus::Done,
        CommitmentStatus::NotDone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentStatus::Planned => "planned",
            CommitmentStatus::InProgress => "in_progress",
            CommitmentStatus::Done => "done",
            CommitmentStatus::NotDone => "not_done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RegistrationStatus as S;

    #[test]
    fn codes_round_trip() {
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
        for c in CommitmentStatus::ALL {
            assert_eq!(CommitmentStatus::parse(c.as_str()), Some(c));
        }
    }
}
