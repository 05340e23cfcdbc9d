//! The initiative lifecycle of SPEC §4 (công trình, mô hình, giải pháp, sáng kiến, cách làm
//! hay): who may take which action in which state, authorship shares and roadmap progress.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeStatus {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeAction {
    Submit,
    Return,
    Register,
    Start,
    Complete,
    Withdraw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKind {
    Work,
    Model,
    Solution,
    Initiative,
    GoodPractice,
}

/// How the caller stands to one initiative; the API derives it from grants and authorship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    /// Listed as an author, or its creator (who speaks for a collective initiative).
    pub author: bool,
    /// Unit focal officer (cán bộ tham mưu, đôn đốc) over the initiative's unit.
    pub focal: bool,
    /// Head of the initiative's unit.
    pub head: bool,
}

impl Standing {
    fn officer(self) -> bool {
        self.focal || self.head
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The caller's standing does not allow the action (403).
    Forbidden,
    /// Not possible in the current state (409).
    InvalidState,
}

impl InitiativeStatus {
    pub const ALL: [InitiativeStatus; 9] = [
        InitiativeStatus::Draft,
        InitiativeStatus::Submitted,
        InitiativeStatus::Returned,
        InitiativeStatus::Registered,
        InitiativeStatus::InProgress,
        InitiativeStatus::Completed,
        InitiativeStatus::Accepted,
        InitiativeStatus::NotAccepted,
        InitiativeStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InitiativeStatus::Draft => "draft",
            InitiativeStatus::Submitted => "submitted",
            InitiativeStatus::Returned => "returned",
            InitiativeStatus::Registered => "registered",
            InitiativeStatus::InProgress => "in_progress",
            InitiativeStatus::Completed => "completed",
            InitiativeStatus::Accepted => "accepted",
            InitiativeStatus::NotAccepted => "not_accepted",
            InitiativeStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The state an action leads to, if the action is possible here at all.
    pub fn next(self, action: InitiativeAction) -> Option<InitiativeStatus> {
        use InitiativeAction as A;
        use InitiativeStatus as S;
        match (self, action) {
            (S::Draft | S::Returned, A::Submit) => Some(S::Submitted),
            (S::Submitted, A::Return) => Some(S::Returned),
            (S::Submitted, A::Register) => Some(S::Registered),
            (S::Registered, A::Start) => Some(S::InProgress),
            (S::InProgress, A::Complete) => Some(S::Completed),
            // Withdrawal is possible until the final report puts it up for evaluation.
            (
                S::Draft | S::Submitted | S::Returned | S::Registered | S::InProgress,
                A::Withdraw,
            ) => Some(S::Withdrawn),
            _ => None,
        }
    }

    /// Core fields (what it is, who made it, its plan) change only before the unit approves
    /// it, or after the unit returns it for correction.
    pub fn core_editable(self) -> bool {
        matches!(self, InitiativeStatus::Draft | InitiativeStatus::Returned)
    }

    /// Withdrawn, or decided by a committee: nothing is added to it any more.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            InitiativeStatus::Withdrawn
                | InitiativeStatus::Accepted
                | InitiativeStatus::NotAccepted
        )
    }

    /// Still under way: its roadmap can be overdue (afterwards the roadmap is history).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            InitiativeStatus::Draft
                | InitiativeStatus::Submitted
                | InitiativeStatus::Returned
                | InitiativeStatus::Registered
                | InitiativeStatus::InProgress
        )
    }

    /// Progress on the roadmap is reported while the initiative is being carried out.
    pub fn progress_reportable(self) -> bool {
        matches!(
            self,
            InitiativeStatus::Registered | InitiativeStatus::InProgress
        )
    }
}

impl InitiativeAction {
    pub const ALL: [InitiativeAction; 6] = [
        InitiativeAction::Submit,
        InitiativeAction::Return,
        InitiativeAction::Register,
        InitiativeAction::Start,
        InitiativeAction::Complete,
        InitiativeAction::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InitiativeAction::Submit => "submit",
            InitiativeAction::Return => "return",
            InitiativeAction::Register => "register",
            InitiativeAction::Start => "start",
            InitiativeAction::Complete => "complete",
            InitiativeAction::Withdraw => "withdraw",
        }
    }

    /// Who may take the action (SPEC §1, §4): authors submit, start, complete and withdraw
    /// their work; the unit's focal officer or head returns or registers it (and may also
    /// move it along or withdraw it for the unit).
    pub fn allowed_for(self, who: Standing) -> bool {
        match self {
            InitiativeAction::Submit => who.author,
            InitiativeAction::Return | InitiativeAction::Register => who.officer(),
            InitiativeAction::Start | InitiativeAction::Complete | InitiativeAction::Withdraw => {
                who.author || who.officer()
            }
        }
    }

    /// Whether the action needs a written reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, InitiativeAction::Return)
    }
}

/// The state after `action`, or why not. The state is checked first: a 409 says what state
/// the initiative is in, whoever asks.
pub fn transition(
    status: InitiativeStatus,
    action: InitiativeAction,
    who: Standing,
) -> Result<InitiativeStatus, Refusal> {
    let next = status.next(action).ok_or(Refusal::InvalidState)?;
    if action.allowed_for(who) {
        Ok(next)
    } else {
        Err(Refusal::Forbidden)
    }
}

impl InitiativeKind {
    pub const ALL: [InitiativeKind; 5] = [
        InitiativeKind::Work,
        InitiativeKind::Model,
        InitiativeKind::Solution,
        InitiativeKind::Initiative,
        InitiativeKind::GoodPractice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InitiativeKind::Work => "work",
            InitiativeKind::Model => "model",
            InitiativeKind::Solution => "solution",
            InitiativeKind::Initiative => "initiative",
            InitiativeKind::GoodPractice => "good_practice",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            InitiativeKind::Work => "Công trình",
            InitiativeKind::Model => "Mô hình",
            InitiativeKind::Solution => "Giải pháp",
            InitiativeKind::Initiative => "Sáng kiến",
            InitiativeKind::GoodPractice => "Cách làm hay",
        }
    }
}

/// Authors' shares: individual authors with whole-percent contributions summing to 100, or
/// none at all when the unit is the author as a collective.
pub fn check_authors(collective: bool, shares: &[(uuid::Uuid, i32)]) -> Result<(), FieldError> {
    if collective {
        return if shares.is_empty() {
            Ok(())
        } else {
            Err(FieldError::new(
                "authors",
                "collective_has_authors",
                "Sáng kiến của tập thể đơn vị không kê khai tác giả cá nhân.",
                "A collective initiative lists no individual authors.",
            ))
        };
    }
    if shares.is_empty() {
        return Err(FieldError::new(
            "authors",
            "required",
            "Cần ít nhất một tác giả (hoặc chọn tác giả là tập thể đơn vị).",
            "At least one author is needed (or make the unit the author as a collective).",
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, (id, pct)) in shares.iter().enumerate() {
        if !(1..=100).contains(pct) {
            return Err(FieldError::new(
                format!("authors[{i}].contribution_pct"),
                "out_of_range",
                "Tỷ lệ đóng góp từ 1 đến 100%.",
                "A contribution is between 1 and 100 %.",
            ));
        }
        if !seen.insert(*id) {
            return Err(FieldError::new(
                format!("authors[{i}].user_id"),
                "duplicate",
                "Tác giả bị kê khai hai lần.",
                "The same author is listed twice.",
            ));
        }
    }
    let total: i32 = shares.iter().map(|(_, p)| p).sum();
    if total != 100 {
        return Err(FieldError::new(
            "authors",
            "contributions_not_100",
            format!("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là {total}%)."),
            format!("Authors' contributions must add up to 100 % (they add up to {total} %)."),
        ));
    }
    Ok(())
}

/// A roadmap milestone as the progress rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoadmapStep {
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub progress: i16,
}

/// The initiative's progress: the mean of its steps (a done step counts 100 %); 0 without a
/// roadmap.
pub fn progress(steps: &[RoadmapStep]) -> i16 {
    if steps.is_empty() {
        return 0;
    }
    let sum: i32 = steps
        .iter()
        .map(|s| {
            if s.done_on.is_some() {
                100
            } else {
                i32::from(s.progress.clamp(0, 100))
            }
        })
        .sum();
    (sum / steps.len() as i32) as i16
}

/// Steps past their day and not done.
pub fn overdue_steps(steps: &[RoadmapStep], today: NaiveDate) -> usize {
    steps
        .iter()
        .filter(|s| s.done_on.is_none() && s.due_on < today)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use InitiativeAction as A;
    use InitiativeStatus as S;

    const AUTHOR: Standing = Standing {
        author: true,
        focal: false,
        head: false,
    };
    const FOCAL: Standing = Standing {
        author: false,
        focal: true,
        head: false,
    };
    const HEAD: Standing = Standing {
        author: false,
        focal: false,
        head: true,
    };
    const NOBODY: Standing = Standing {
        author: false,
        focal: false,
        head: false,
    };

    /// Every state × action × standing, against the table of SPEC §4 written out by hand.
    #[test]
    fn the_whole_state_machine() {
        let moves = [
            (S::Draft, A::Submit, S::Submitted),
            (S::Returned, A::Submit, S::Submitted),
            (S::Submitted, A::Return, S::Returned),
            (S::Submitted, A::Register, S::Registered),
            (S::Registered, A::Start, S::InProgress),
            (S::InProgress, A::Complete, S::Completed),
            (S::Draft, A::Withdraw, S::Withdrawn),
            (S::Submitted, A::Withdraw, S::Withdrawn),
            (S::Returned, A::Withdraw, S::Withdrawn),
            (S::Registered, A::Withdraw, S::Withdrawn),
            (S::InProgress, A::Withdraw, S::Withdrawn),
        ];
        let who_may = |a: A| -> Vec<Standing> {
            match a {
                A::Submit => vec![AUTHOR],
                A::Return | A::Register => vec![FOCAL, HEAD],
                A::Start | A::Complete | A::Withdraw => vec![AUTHOR, FOCAL, HEAD],
            }
        };
        for s in S::ALL {
            for a in A::ALL {
                let expected_next = moves
                    .iter()
                    .find(|(f, act, _)| *f == s && *act == a)
                    .map(|m| m.2);
                for who in [AUTHOR, FOCAL, HEAD, NOBODY] {
                    let got = transition(s, a, who);
                    let want = match expected_next {
                        None => Err(Refusal::InvalidState),
                        Some(n) if who_may(a).contains(&who) => Ok(n),
                        Some(_) => Err(Refusal::Forbidden),
                    };
                    assert_eq!(got, want, "{s:?} {a:?} {who:?}");
                }
            }
        }
    }

    #[test]
    fn evaluation_outcomes_are_final() {
        for s in [S::Accepted, S::NotAccepted, S::Withdrawn, S::Completed] {
            assert_eq!(s.next(A::Withdraw), None, "{s:?}");
            assert!(!s.core_editable());
        }
        assert!(S::Draft.core_editable() && S::Returned.core_editable());
        assert!(!S::Registered.core_editable());
    }

    #[test]
    fn codes_round_trip() {
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
        for k in InitiativeKind::ALL {
            assert_eq!(InitiativeKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn authors_share_exactly_one_hundred_percent() {
        let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        assert!(check_authors(false, &[(a, 60), (b, 40)]).is_ok());
        assert_eq!(
            check_authors(false, &[(a, 60), (b, 30)]).map_err(|e| e.code),
            Err("contributions_not_100")
        );
        assert_eq!(
            check_authors(false, &[(a, 50), (a, 50)]).map_err(|e| e.field),
            Err("authors[1].user_id".to_string())
        );
        assert_eq!(
            check_authors(false, &[(a, 0), (b, 100)]).map_err(|e| e.code),
            Err("out_of_range")
        );
        assert_eq!(
            check_authors(false, &[]).map_err(|e| e.code),
            Err("required")
        );
        assert!(check_authors(true, &[]).is_ok());
        assert_eq!(
            check_authors(true, &[(a, 100)]).map_err(|e| e.code),
            Err("collective_has_authors")
        );
    }

    #[test]
    fn progress_and_overdue_follow_the_roadmap() {
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap_or_default();
        let steps = [
            RoadmapStep {
                due_on: d(5, 1),
                done_on: Some(d(4, 30)),
                progress: 40,
            },
            RoadmapStep {
                due_on: d(6, 1),
                done_on: None,
                progress: 50,
            },
            RoadmapStep {
                due_on: d(9, 1),
                done_on: None,
                progress: 0,
            },
        ];
        assert_eq!(progress(&steps), 50);
        assert_eq!(progress(&[]), 0);
        assert_eq!(overdue_steps(&steps, d(6, 1)), 0);
        assert_eq!(overdue_steps(&steps, d(6, 2)), 1);
        assert_eq!(overdue_steps(&steps, d(9, 2)), 2);
    }
}
