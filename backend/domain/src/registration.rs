//! The unit's registration (bản đăng ký, Mẫu 1): its registered initiatives and its
//! commitments to fix last year's shortcomings, sent by the head to the campaign's authority,
//! which receives it or returns it for correction (SPEC §4, seed §IV.1.4).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    Draft,
    Submitted,
    Received,
    Returned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationAction {
    Submit,
    Receive,
    Return,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    Planned,
    InProgress,
    Done,
    NotDone,
}

impl RegistrationStatus {
    pub const ALL: [RegistrationStatus; 4] = [
        RegistrationStatus::Draft,
        RegistrationStatus::Submitted,
        RegistrationStatus::Received,
        RegistrationStatus::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Draft => "draft",
            RegistrationStatus::Submitted => "submitted",
            RegistrationStatus::Received => "received",
            RegistrationStatus::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn next(self, action: RegistrationAction) -> Option<RegistrationStatus> {
        use RegistrationAction as A;
        use RegistrationStatus as S;
        match (self, action) {
            (S::Draft | S::Returned, A::Submit) => Some(S::Submitted),
            (S::Submitted, A::Receive) => Some(S::Received),
            (S::Submitted, A::Return) => Some(S::Returned),
            _ => None,
        }
    }

    /// The unit edits its commitments before sending, and after a return.
    pub fn editable(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Draft | RegistrationStatus::Returned
        )
    }
}

impl RegistrationAction {
    pub const ALL: [RegistrationAction; 3] = [
        RegistrationAction::Submit,
        RegistrationAction::Receive,
        RegistrationAction::Return,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationAction::Submit => "submit",
            RegistrationAction::Receive => "receive",
            RegistrationAction::Return => "return",
        }
    }
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
    use RegistrationAction as A;
    use RegistrationStatus as S;

    #[test]
    fn lifecycle() {
        let allowed = [
            (S::Draft, A::Submit, S::Submitted),
            (S::Returned, A::Submit, S::Submitted),
            (S::Submitted, A::Receive, S::Received),
            (S::Submitted, A::Return, S::Returned),
        ];
        for s in S::ALL {
            for a in A::ALL {
                let want = allowed
                    .iter()
                    .find(|(f, x, _)| *f == s && *x == a)
                    .map(|t| t.2);
                assert_eq!(s.next(a), want, "{s:?} {a:?}");
            }
        }
        assert!(S::Draft.editable() && S::Returned.editable());
        assert!(!S::Submitted.editable() && !S::Received.editable());
    }

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
