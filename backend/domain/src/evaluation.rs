//! Evaluation rounds (SPEC §6): the criteria an initiative is scored on, how the submitted
//! score sheets make its aggregate, the ranking, the balanced assignment of evaluators, and
//! the two-thirds rule of a committee's decision.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($t:ident { $($v:ident => $s:literal),+ $(,)? }) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$($t::$v),+];

            pub fn as_str(self) -> &'static str {
                match self { $($t::$v => $s),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s)
            }
        }
    };
}

/// Whose committee a round is (§III.2.2, §II.3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundLevel {
    /// The unit's steering committee (Ban Chỉ đạo CCHC của đơn vị).
    UnitCommittee,
    /// The authority's committee (e.g. Ban Chỉ đạo CCHC Quận 1).
    AuthorityCommittee,
    /// Pre-selection for a city award.
    AwardPreselection,
}
codes!(RoundLevel {
    UnitCommittee => "unit_committee",
    AuthorityCommittee => "authority_committee",
    AwardPreselection => "award_preselection",
});

/// `setup → scoring → closed → published`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    Setup,
    Scoring,
    Closed,
    Published,
}
codes!(RoundStatus {
    Setup => "setup",
    Scoring => "scoring",
    Closed => "closed",
    Published => "published",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Chair,
    Secretary,
    Member,
}
codes!(MemberRole {
    Chair => "chair",
    Secretary => "secretary",
    Member => "member",
});

impl MemberRole {
    /// The secretary keeps the minutes; the chair and the members score.
    pub fn scores(self) -> bool {
        self != MemberRole::Secretary
    }
}

/// A committee has one chair, at most one secretary, and at least three members in all
/// (a two-thirds vote needs them); nobody twice. Returns the problems found.
pub fn check_committee<U: PartialEq + Copy>(members: &[(U, MemberRole)]) -> Vec<&'static str> {
    let mut problems = Vec::new();
    let count = |r: MemberRole| members.iter().filter(|m| m.1 == r).count();
    if count(MemberRole::Chair) != 1 {
        problems.push("one_chair");
    }
    if count(MemberRole::Secretary) > 1 {
        problems.push("one_secretary");
    }
    if members.len() < 3 {
        problems.push("too_few_members");
    }
    if members
        .iter()
        .enumerate()
        .any(|(i, a)| members[..i].iter().any(|b| b.0 == a.0))
    {
        problems.push("duplicate_member");
    }
    problems
}

/// One criterion of a criteria set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub guidance_vi: String,
    /// The highest score (the lowest is 0); a gate has none.
    pub max_points: f64,
    /// Its weight in the total (a gate has none).
    pub weight: f64,
    /// A pass/fail condition rather than points: failing it makes the initiative ineligible.
    pub gate: bool,
}

/// How a round turns the submitted sheets' totals into the initiative's aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    Mean,
    Median,
    /// The mean without the highest and the lowest total (the plain mean below three sheets).
    TrimmedMean,
}

impl Aggregation {
    pub const ALL: [Aggregation; 3] = [
        Aggregation::Mean,
        Aggregation::Median,
        Aggregation::TrimmedMean,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Mean => "mean",
            Aggregation::Median => "median",
            Aggregation::TrimmedMean => "trimmed_mean",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The aggregate of `values` (`None` when there are none).
    pub fn apply(self, values: &[f64]) -> Option<f64> {
        if values.is_empty() {
            return None;
        }
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
        Some(match self {
            Aggregation::Mean => mean(&v),
            Aggregation::Median => {
                let n = v.len();
                if n % 2 == 1 {
                    v[n / 2]
                } else {
                    (v[n / 2 - 1] + v[n / 2]) / 2.0
                }
            }
            Aggregation::TrimmedMean if v.len() >= 3 => mean(&v[1..v.len() - 1]),
            Aggregation::TrimmedMean => mean(&v),
        })
    }
}

/// A submitted sheet: a score per criterion (by code) and the gates' answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub scores: HashMap<String, f64>,
    /// Gate code → passed.
    pub gates: HashMap<String, bool>,
}

/// Why a sheet cannot be submitted (or a score saved).
#[derive(Debug, Clone, PartialEq)]
pub enum SheetProblem {
    /// The score is outside [0, max].
    OutOfRange { criterion: String, max: f64 },
    /// A scored criterion has no score, or a gate no answer.
    Missing { criterion: String },
    /// A code that is not a criterion of the set.
    Unknown { criterion: String },
}

/// Checks the scores present (a draft may leave some out; `complete` requires them all).
pub fn check_sheet(criteria: &[Criterion], sheet: &Sheet, complete: bool) -> Vec<SheetProblem> {
    let mut problems = Vec::new();
    let known: HashSet<&str> = criteria.iter().map(|c| c.code.as_str()).collect();
    let mut codes: Vec<&String> = sheet.scores.keys().chain(sheet.gates.keys()).collect();
    codes.sort();
    for code in codes {
        if !known.contains(code.as_str()) {
            problems.push(SheetProblem::Unknown {
                criterion: code.clone(),
            });
        }
    }
    for c in criteria {
        if c.gate {
            if complete && !sheet.gates.contains_key(&c.code) {
                problems.push(SheetProblem::Missing {
                    criterion: c.code.clone(),
                });
            }
            continue;
        }
        match sheet.scores.get(&c.code) {
            Some(s) if !s.is_finite() || *s < 0.0 || *s > c.max_points => {
                problems.push(SheetProblem::OutOfRange {
                    criterion: c.code.clone(),
                    max: c.max_points,
                });
            }
            None if complete => problems.push(SheetProblem::Missing {
                criterion: c.code.clone(),
            }),
            _ => {}
        }
    }
    problems
}

/// A sheet's weighted total: Σ weightᵢ × scoreᵢ over the scored criteria (a missing score
/// counts 0).
pub fn sheet_total(criteria: &[Criterion], sheet: &Sheet) -> f64 {
    criteria
        .iter()
        .filter(|c| !c.gate)
        .map(|c| c.weight * sheet.scores.get(&c.code).copied().unwrap_or(0.0))
        .sum()
}

/// The highest total a sheet can reach.
pub fn max_total(criteria: &[Criterion]) -> f64 {
    criteria
        .iter()
        .filter(|c| !c.gate)
        .map(|c| c.weight * c.max_points)
        .sum()
}

/// Whether any gate of the sheet is failed.
pub fn fails_a_gate(criteria: &[Criterion], sheet: &Sheet) -> bool {
    criteria
        .iter()
        .filter(|c| c.gate)
        .any(|c| sheet.gates.get(&c.code) == Some(&false))
}

/// An initiative's result from its submitted sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The aggregate of the sheets' totals (`None` before any sheet is submitted).
    pub total: Option<f64>,
    /// Per scored criterion, the aggregate of its scores.
    pub per_criterion: Vec<(String, Option<f64>)>,
    pub sheets: usize,
    /// The lowest sheet total (the first tie-break).
    pub lowest: Option<f64>,
    /// A submitted sheet failed a gate: ineligible whatever its points.
    pub gate_failed: bool,
}

impl Outcome {
    pub fn eligible(&self) -> bool {
        !self.gate_failed && self.total.is_some()
    }
}

pub fn outcome(criteria: &[Criterion], sheets: &[Sheet], method: Aggregation) -> Outcome {
    let totals: Vec<f64> = sheets.iter().map(|s| sheet_total(criteria, s)).collect();
    Outcome {
        total: method.apply(&totals),
        per_criterion: criteria
            .iter()
            .filter(|c| !c.gate)
            .map(|c| {
                let scores: Vec<f64> = sheets
                    .iter()
                    .filter_map(|s| s.scores.get(&c.code).copied())
                    .collect();
                (c.code.clone(), method.apply(&scores))
            })
            .collect(),
        sheets: sheets.len(),
        lowest: totals.iter().copied().min_by(f64::total_cmp),
        gate_failed: sheets.iter().any(|s| fails_a_gate(criteria, s)),
    }
}

/// The ranking's order: eligible initiatives first; then the higher aggregate; then (the
/// stated tie-break) the higher lowest sheet, i.e. the one no evaluator rated poorly; then
/// the earlier registered (`order`, ascending).
pub fn rank_cmp(a: (&Outcome, i64), b: (&Outcome, i64)) -> Ordering {
    let key = |o: &Outcome| (o.eligible(), o.total.unwrap_or(f64::NEG_INFINITY));
    let (ea, ta) = key(a.0);
    let (eb, tb) = key(b.0);
    eb.cmp(&ea)
        .then(tb.total_cmp(&ta))
        .then(
            b.0.lowest
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.0.lowest.unwrap_or(f64::NEG_INFINITY)),
        )
        .then(a.1.cmp(&b.1))
}

/// A decision of the committee passes with at least two thirds of its members in favour.
pub fn two_thirds(members: u32, in_favour: u32) -> bool {
    members > 0 && u64::from(in_favour) * 3 >= u64::from(members) * 2
}

/// The committee's decision on an initiative (nghiệm thu đạt / không đạt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Accepted,
    NotAccepted,
}
codes!(Verdict {
    Accepted => "accepted",
    NotAccepted => "not_accepted",
});

impl Verdict {
    /// The state a committee's verdict moves an initiative to: a completed one (or one a
    /// committee already decided, which a later round or a corrected vote may decide again);
    /// `None` while it is not completed.
    pub fn moves(
        self,
        from: crate::initiative::InitiativeStatus,
    ) -> Option<crate::initiative::InitiativeStatus> {
        use crate::initiative::InitiativeStatus as S;
        match from {
            S::Completed | S::Accepted | S::NotAccepted => Some(match self {
                Verdict::Accepted => S::Accepted,
                Verdict::NotAccepted => S::NotAccepted,
            }),
            _ => None,
        }
    }
}

/// How the committee voted on a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vote {
    pub in_favour: u32,
    pub against: u32,
    pub abstain: u32,
}

/// Why a decision cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionProblem {
    /// More votes than the committee has members.
    VotesExceedMembers,
    /// Fewer than two thirds of the members voted in favour.
    TwoThirdsNotReached,
    /// Only an accepted initiative can be proposed for an award.
    SelectedNotAccepted,
    /// An ineligible initiative (a failed gate, or no submitted sheet) cannot be accepted.
    Ineligible,
}

/// Checks a decision of a committee of `members`: the vote, and what may be decided of an
/// initiative whose outcome is (or is not) `eligible`.
pub fn check_decision(
    members: u32,
    vote: Vote,
    verdict: Verdict,
    selected_for_award: bool,
    eligible: bool,
) -> Vec<DecisionProblem> {
    let mut out = Vec::new();
    let cast = u64::from(vote.in_favour) + u64::from(vote.against) + u64::from(vote.abstain);
    if cast > u64::from(members) {
        out.push(DecisionProblem::VotesExceedMembers);
    } else if !two_thirds(members, vote.in_favour) {
        out.push(DecisionProblem::TwoThirdsNotReached);
    }
    if selected_for_award && verdict != Verdict::Accepted {
        out.push(DecisionProblem::SelectedNotAccepted);
    }
    if verdict == Verdict::Accepted && !eligible {
        out.push(DecisionProblem::Ineligible);
    }
    out
}

/// One entry as closing sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosingEntry {
    pub decided: bool,
    pub selected_for_award: bool,
    pub eligible: bool,
}

/// Why a round cannot be closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseProblem {
    /// This many initiatives have no decision yet.
    Undecided(usize),
    /// A unit committee must select at least one model to propose (§III.2.2), unless none was
    /// eligible.
    NoModelSelected,
}

pub fn check_close(level: RoundLevel, entries: &[ClosingEntry]) -> Vec<CloseProblem> {
    let mut out = Vec::new();
    let undecided = entries.iter().filter(|e| !e.decided).count();
    if undecided > 0 {
        out.push(CloseProblem::Undecided(undecided));
    }
    if level == RoundLevel::UnitCommittee
        && entries.iter().any(|e| e.eligible)
        && !entries.iter().any(|e| e.selected_for_award)
    {
        out.push(CloseProblem::NoModelSelected);
    }
    out
}

/// Assigns `per_item` evaluators to each item, never one in `conflicts` (item, evaluator),
/// each time to the least loaded of the allowed (ties by the evaluators' order): without
/// conflicts the loads differ by at most one. Items with few allowed evaluators go first.
/// `existing` are assignments already made (they count in the loads and are kept).
/// Returns the new (item, evaluator) pairs.
pub fn balance<I, E>(
    items: &[I],
    evaluators: &[E],
    per_item: usize,
    conflicts: &HashSet<(I, E)>,
    existing: &[(I, E)],
) -> Vec<(I, E)>
where
    I: Copy + Eq + std::hash::Hash,
    E: Copy + Eq + std::hash::Hash,
{
    let mut load: HashMap<E, usize> = evaluators.iter().map(|e| (*e, 0)).collect();
    let mut have: HashMap<I, Vec<E>> = HashMap::new();
    for (i, e) in existing {
        *load.entry(*e).or_default() += 1;
        have.entry(*i).or_default().push(*e);
    }
    let allowed = |i: &I| -> Vec<E> {
        evaluators
            .iter()
            .copied()
            .filter(|e| !conflicts.contains(&(*i, *e)))
            .collect()
    };
    let mut order: Vec<(usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(n, i)| (allowed(i).len(), n))
        .collect();
    order.sort();
    let position: HashMap<E, usize> = evaluators
        .iter()
        .enumerate()
        .map(|(n, e)| (*e, n))
        .collect();
    let mut out = Vec::new();
    for (_, n) in order {
        let item = items[n];
        let already = have.entry(item).or_default();
        let mut candidates: Vec<E> = allowed(&item)
            .into_iter()
            .filter(|e| !already.contains(e))
            .collect();
        candidates.sort_by_key(|e| (load.get(e).copied().unwrap_or(0), position[e]));
        for e in candidates
            .into_iter()
            .take(per_item.saturating_sub(already.len()))
        {
            *load.entry(e).or_default() += 1;
            already.push(e);
            out.push((item, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn criteria() -> Vec<Criterion> {
        let c = |code: &str, max: f64, weight: f64, gate: bool| Criterion {
            code: code.into(),
            name_vi: code.into(),
            name_en: code.into(),
            guidance_vi: String::new(),
            max_points: max,
            weight,
            gate,
        };
        vec![
            c("legality", 0.0, 0.0, true),
            c("solves", 30.0, 1.0, false),
            c("impact", 20.0, 2.0, false),
            c("future", 10.0, 0.5, false),
        ]
    }

    fn sheet(scores: [f64; 3], legal: bool) -> Sheet {
        Sheet {
            scores: ["solves", "impact", "future"]
                .iter()
                .zip(scores)
                .map(|(c, s)| (c.to_string(), s))
                .collect(),
            gates: HashMap::from([("legality".to_string(), legal)]),
        }
    }

    #[test]
    fn totals_weights_and_methods() {
        let cs = criteria();
        let a = sheet([30.0, 20.0, 10.0], true);
        assert_eq!(sheet_total(&cs, &a), 30.0 + 40.0 + 5.0);
        assert_eq!(max_total(&cs), 75.0);
        let b = sheet([10.0, 5.0, 0.0], true);
        let c = sheet([20.0, 10.0, 4.0], true);
        let sheets = [a, b, c];
        let mean = outcome(&cs, &sheets, Aggregation::Mean);
        assert_eq!(mean.total, Some((75.0 + 20.0 + 42.0) / 3.0));
        assert_eq!(mean.lowest, Some(20.0));
        assert_eq!(outcome(&cs, &sheets, Aggregation::Median).total, Some(42.0));
        assert_eq!(
            outcome(&cs, &sheets, Aggregation::TrimmedMean).total,
            Some(42.0)
        );
        assert_eq!(Aggregation::TrimmedMean.apply(&[1.0, 3.0]), Some(2.0));
        assert_eq!(Aggregation::Median.apply(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(Aggregation::Mean.apply(&[]), None);
        assert!(mean.eligible());
    }

    #[test]
    fn sheets_are_checked_per_criterion() {
        let cs = criteria();
        let mut s = sheet([31.0, -1.0, 5.0], true);
        s.scores.insert("nope".into(), 1.0);
        let problems = check_sheet(&cs, &s, false);
        assert_eq!(
            problems,
            vec![
                SheetProblem::Unknown {
                    criterion: "nope".into()
                },
                SheetProblem::OutOfRange {
                    criterion: "solves".into(),
                    max: 30.0
                },
                SheetProblem::OutOfRange {
                    criterion: "impact".into(),
                    max: 20.0
                },
            ]
        );
        let draft = Sheet {
            scores: HashMap::from([("solves".to_string(), 12.0)]),
            gates: HashMap::new(),
        };
        assert!(check_sheet(&cs, &draft, false).is_empty());
        assert_eq!(check_sheet(&cs, &draft, true).len(), 3);
    }

    #[test]
    fn the_ranking_states_its_tie_break() {
        let cs = criteria();
        let o = |sheets: &[Sheet]| outcome(&cs, sheets, Aggregation::Mean);
        let high = o(&[sheet([30.0, 20.0, 10.0], true)]);
        let failed = o(&[sheet([30.0, 20.0, 10.0], false)]);
        // Same mean (47.5), one with a lower worst sheet.
        let even = o(&[
            sheet([15.0, 15.0, 5.0], true),
            sheet([15.0, 15.0, 5.0], true),
        ]);
        let uneven = o(&[
            sheet([30.0, 20.0, 5.0], true),
            sheet([0.0, 10.0, 5.0], true),
        ]);
        assert_eq!(even.total, uneven.total);
        let mut ranked = [(&failed, 0), (&uneven, 1), (&even, 2), (&high, 3)];
        ranked.sort_by(|a, b| rank_cmp(*a, *b));
        let order: Vec<i64> = ranked.iter().map(|r| r.1).collect();
        assert_eq!(order, vec![3, 2, 1, 0]);
        // Equal in everything: the earlier registered first.
        assert_eq!(rank_cmp((&even, 5), (&even, 9)), Ordering::Less);
    }

    #[test]
    fn a_committee_has_a_chair_and_enough_members() {
        use MemberRole::*;
        assert!(check_committee(&[(1, Chair), (2, Secretary), (3, Member)]).is_empty());
        assert_eq!(
            check_committee(&[(1, Member), (2, Secretary), (3, Secretary), (3, Member)]),
            vec!["one_chair", "one_secretary", "duplicate_member"]
        );
        assert_eq!(check_committee(&[(1, Chair)]), vec!["too_few_members"]);
        for l in RoundLevel::ALL {
            assert_eq!(RoundLevel::parse(l.as_str()), Some(*l));
        }
        assert_eq!(
            RoundStatus::parse("published"),
            Some(RoundStatus::Published)
        );
    }

    #[test]
    fn two_thirds_of_the_members() {
        assert!(two_thirds(3, 2));
        assert!(!two_thirds(3, 1));
        assert!(two_thirds(9, 6));
        assert!(!two_thirds(9, 5));
        assert!(two_thirds(7, 5));
        assert!(!two_thirds(7, 4));
        assert!(!two_thirds(0, 0));
    }

    fn vote(in_favour: u32, against: u32, abstain: u32) -> Vote {
        Vote {
            in_favour,
            against,
            abstain,
        }
    }

    #[test]
    fn a_decision_needs_two_thirds_of_the_members() {
        use DecisionProblem as P;
        let ok = check_decision(5, vote(4, 1, 0), Verdict::Accepted, true, true);
        assert!(ok.is_empty());
        assert_eq!(
            check_decision(5, vote(3, 1, 1), Verdict::Accepted, false, true),
            vec![P::TwoThirdsNotReached]
        );
        assert_eq!(
            check_decision(5, vote(5, 1, 0), Verdict::NotAccepted, false, true),
            vec![P::VotesExceedMembers]
        );
        assert_eq!(
            check_decision(3, vote(3, 0, 0), Verdict::NotAccepted, true, true),
            vec![P::SelectedNotAccepted]
        );
        assert_eq!(
            check_decision(3, vote(2, 1, 0), Verdict::Accepted, false, false),
            vec![P::Ineligible]
        );
        // Not accepting an ineligible initiative is what the committee should do.
        assert!(check_decision(3, vote(3, 0, 0), Verdict::NotAccepted, false, false).is_empty());
    }

    #[test]
    fn a_verdict_decides_only_a_completed_or_decided_initiative() {
        use crate::initiative::InitiativeStatus as S;
        for s in S::ALL {
            let decidable = matches!(s, S::Completed | S::Accepted | S::NotAccepted);
            assert_eq!(Verdict::Accepted.moves(s).is_some(), decidable, "{s:?}");
        }
        assert_eq!(Verdict::Accepted.moves(S::Completed), Some(S::Accepted));
        assert_eq!(
            Verdict::NotAccepted.moves(S::Accepted),
            Some(S::NotAccepted)
        );
        assert_eq!(Verdict::NotAccepted.moves(S::InProgress), None);
    }

    #[test]
    fn a_unit_committee_closes_with_a_model_unless_none_was_eligible() {
        let e = |decided, selected_for_award, eligible| ClosingEntry {
            decided,
            selected_for_award,
            eligible,
        };
        let unit = RoundLevel::UnitCommittee;
        assert!(check_close(unit, &[e(true, true, true), e(true, false, true)]).is_empty());
        assert_eq!(
            check_close(unit, &[e(true, false, true), e(true, false, false)]),
            vec![CloseProblem::NoModelSelected]
        );
        assert!(check_close(unit, &[e(true, false, false)]).is_empty());
        assert!(check_close(RoundLevel::AuthorityCommittee, &[e(true, false, true)]).is_empty());
        assert_eq!(
            check_close(
                unit,
                &[
                    e(false, false, false),
                    e(true, false, false),
                    e(false, false, false)
                ]
            ),
            vec![CloseProblem::Undecided(2)]
        );
    }

    #[test]
    fn the_balancer_skips_conflicts_and_keeps_what_exists() {
        let items = [1, 2, 3];
        let evaluators = ['a', 'b', 'c', 'd'];
        let conflicts = HashSet::from([(1, 'a'), (1, 'b')]);
        let out = balance(&items, &evaluators, 2, &conflicts, &[(2, 'c')]);
        assert!(out.iter().all(|p| !conflicts.contains(p)));
        let of = |i: i32| out.iter().filter(|p| p.0 == i).count();
        assert_eq!((of(1), of(2), of(3)), (2, 1, 2));
        // Only two may score item 1: both get it.
        assert!(out.contains(&(1, 'c')) && out.contains(&(1, 'd')));
    }

    proptest! {
        /// Two thirds exactly as arithmetic says it (3·for ≥ 2·members), and a decision that
        /// passes keeps passing with more votes in favour.
        #[test]
        fn two_thirds_is_two_thirds_and_monotone(members in 1u32..200, in_favour in 0u32..200) {
            let in_favour = in_favour.min(members);
            let passes = two_thirds(members, in_favour);
            prop_assert_eq!(passes, f64::from(in_favour) >= f64::from(members) * 2.0 / 3.0);
            if passes && in_favour < members {
                prop_assert!(two_thirds(members, in_favour + 1));
            }
            let vote = Vote { in_favour, against: members - in_favour, abstain: 0 };
            let problems = check_decision(members, vote, Verdict::NotAccepted, false, true);
            prop_assert_eq!(problems.contains(&DecisionProblem::TwoThirdsNotReached), !passes);
        }

        #[test]
        fn the_aggregate_lies_between_the_sheets(
            scores in prop::collection::vec((0.0f64..=30.0, 0.0f64..=20.0, 0.0f64..=10.0), 1..9),
            method in prop::sample::select(Aggregation::ALL.to_vec()),
        ) {
            let cs = criteria();
            let sheets: Vec<Sheet> = scores.iter().map(|(a, b, c)| sheet([*a, *b, *c], true)).collect();
            let totals: Vec<f64> = sheets.iter().map(|s| sheet_total(&cs, s)).collect();
            let o = outcome(&cs, &sheets, method);
            let total = o.total.unwrap();
            let lo = totals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = totals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(total >= lo - 1e-9 && total <= hi + 1e-9);
            prop_assert!(total <= max_total(&cs) + 1e-9);
        }

        #[test]
        fn weights_are_respected(a in 0.0f64..=20.0, b in 0.0f64..=20.0) {
            // One point more on "impact" (weight 2) counts four times one on "future" (0.5).
            let cs = criteria();
            let base = sheet_total(&cs, &sheet([0.0, a.min(19.0), b.min(9.0)], true));
            let more_impact = sheet_total(&cs, &sheet([0.0, a.min(19.0) + 1.0, b.min(9.0)], true));
            let more_future = sheet_total(&cs, &sheet([0.0, a.min(19.0), b.min(9.0) + 1.0], true));
            prop_assert!(((more_impact - base) - 4.0 * (more_future - base)).abs() < 1e-9);
        }

        #[test]
        fn a_gate_failure_is_always_ineligible(
            scores in prop::collection::vec((0.0f64..=30.0, 0.0f64..=20.0, 0.0f64..=10.0), 1..9),
            failing in any::<prop::sample::Index>(),
            method in prop::sample::select(Aggregation::ALL.to_vec()),
        ) {
            let cs = criteria();
            let f = failing.index(scores.len());
            let sheets: Vec<Sheet> = scores
                .iter()
                .enumerate()
                .map(|(n, (a, b, c))| sheet([*a, *b, *c], n != f))
                .collect();
            let o = outcome(&cs, &sheets, method);
            prop_assert!(!o.eligible());
            // Ranked below every eligible initiative, whatever its points.
            let perfect = outcome(&cs, &[sheet([0.0, 0.0, 0.0], true)], method);
            prop_assert_eq!(rank_cmp((&perfect, 1), (&o, 0)), Ordering::Less);
        }

        #[test]
        fn balanced_loads_without_conflicts(
            n_items in 1usize..40,
            n_evaluators in 1usize..12,
            per_item in 1usize..5,
        ) {
            let items: Vec<usize> = (0..n_items).collect();
            let evaluators: Vec<usize> = (0..n_evaluators).collect();
            let out = balance(&items, &evaluators, per_item, &HashSet::new(), &[]);
            let mut load = vec![0usize; n_evaluators];
            for (_, e) in &out { load[*e] += 1; }
            let (lo, hi) = (*load.iter().min().unwrap(), *load.iter().max().unwrap());
            prop_assert!(hi - lo <= 1, "loads {load:?}");
            for i in &items {
                let got: Vec<usize> = out.iter().filter(|p| p.0 == *i).map(|p| p.1).collect();
                prop_assert_eq!(got.len(), per_item.min(n_evaluators));
                let unique: HashSet<usize> = got.iter().copied().collect();
                prop_assert_eq!(unique.len(), got.len());
            }
        }

        #[test]
        fn never_a_conflict(
            n_items in 1usize..30,
            n_evaluators in 1usize..10,
            per_item in 1usize..4,
            conflict_pairs in prop::collection::hash_set((0usize..30, 0usize..10), 0..60),
        ) {
            let items: Vec<usize> = (0..n_items).collect();
            let evaluators: Vec<usize> = (0..n_evaluators).collect();
            let out = balance(&items, &evaluators, per_item, &conflict_pairs, &[]);
            for p in &out {
                prop_assert!(!conflict_pairs.contains(p));
            }
            for i in &items {
                let allowed = evaluators.iter().filter(|e| !conflict_pairs.contains(&(*i, **e))).count();
                let got = out.iter().filter(|p| p.0 == *i).count();
                prop_assert_eq!(got, per_item.min(allowed));
            }
        }
    }
}
