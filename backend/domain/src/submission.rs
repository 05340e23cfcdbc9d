//! The lifecycle of a document a unit sends to an authority — the registration (Mẫu 1), a
//! report (Mẫu 2, progress, self-assessment, acceptance, year-end): drafted, sent, then
//! received or returned with a reason, corrected and sent again. Every sent version is kept
//! by the caller (SPEC §4, §5).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatus {
    Draft,
    Submitted,
    Received,
    Returned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionAction {
    Submit,
    Receive,
    Return,
}

impl SubmissionStatus {
    pub const ALL: [SubmissionStatus; 4] = [
        SubmissionStatus::Draft,
        SubmissionStatus::Submitted,
        SubmissionStatus::Received,
        SubmissionStatus::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Draft => "draft",
            SubmissionStatus::Submitted => "submitted",
            SubmissionStatus::Received => "received",
            SubmissionStatus::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn next(self, action: SubmissionAction) -> Option<SubmissionStatus> {
        use SubmissionAction as A;
        use SubmissionStatus as S;
        match (self, action) {
            (S::Draft | S::Returned, A::Submit) => Some(S::Submitted),
            (S::Submitted, A::Receive) => Some(S::Received),
            (S::Submitted, A::Return) => Some(S::Returned),
            _ => None,
        }
    }

    /// The sender edits it before sending, and after a return.
    pub fn editable(self) -> bool {
        matches!(self, SubmissionStatus::Draft | SubmissionStatus::Returned)
    }
}

impl SubmissionAction {
    pub const ALL: [SubmissionAction; 3] = [
        SubmissionAction::Submit,
        SubmissionAction::Receive,
        SubmissionAction::Return,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionAction::Submit => "submit",
            SubmissionAction::Receive => "receive",
            SubmissionAction::Return => "return",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubmissionAction as A;
    use SubmissionStatus as S;

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
    }
}
