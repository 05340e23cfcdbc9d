//! Awards (SPEC §7) and replication (§8): ratings, violation records, nominations and the
//! eligibility rules a nomination is judged by (§II.2.1, §II.2.2, §II.3.2), computed and
//! explained — never silently applied.
//!
//! `evaluate` takes the facts the database found (as plain values) and returns one result per
//! rule that applies to the nominee, each with its reason in both languages and the records it
//! rests on, so that a checklist can show green and red with links to those records.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

code_enum!(
    /// Who or what a nomination proposes.
    NomineeKind { Initiative = "initiative", Person = "person", Unit = "unit" }
);

code_enum!(
    /// The four levels of a person's or a unit's rating (Nghị định 90/2020, 48/2023).
    Rating {
        Excellent = "excellent",
        Good = "good",
        Completed = "completed",
        NotCompleted = "not_completed",
    }
);

impl Rating {
    /// Higher is better.
    pub fn rank(self) -> u8 {
        match self {
            Rating::Excellent => 4,
            Rating::Good => 3,
            Rating::Completed => 2,
            Rating::NotCompleted => 1,
        }
    }

    pub fn at_least(self, other: Rating) -> bool {
        self.rank() >= other.rank()
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Rating::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Rating::Good => "Hoàn thành tốt nhiệm vụ",
            Rating::Completed => "Hoàn thành nhiệm vụ",
            Rating::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Rating::Excellent => "Completed tasks excellently",
            Rating::Good => "Completed tasks well",
            Rating::Completed => "Completed tasks",
            Rating::NotCompleted => "Did not complete tasks",
        }
    }
}

code_enum!(
    /// The period a staff rating covers: the year, or one quarter (quarterly emulation rating).
    RatingPeriod { Year = "year", Q1 = "q1", Q2 = "q2", Q3 = "q3", Q4 = "q4" }
);

code_enum!(
    /// What a violation record is about (§II.3.2).
    ViolationKind {
        Law = "law",
        CodeOfConduct = "code_of_conduct",
        PublicEthics = "public_ethics",
        Harassment = "harassment",
    }
);

impl ViolationKind {
    pub fn label_vi(self) -> &'static str {
        match self {
            ViolationKind::Law => "Vi phạm pháp luật",
            ViolationKind::CodeOfConduct => "Vi phạm quy tắc ứng xử",
            ViolationKind::PublicEthics => "Vi phạm đạo đức công vụ",
            ViolationKind::Harassment => "Nhũng nhiễu, gây khó khăn cho người dân, doanh nghiệp",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ViolationKind::Law => "Breach of the law",
            ViolationKind::CodeOfConduct => "Breach of the code of conduct",
            ViolationKind::PublicEthics => "Breach of public ethics",
            ViolationKind::Harassment => "Harassment of citizens or businesses",
        }
    }
}

code_enum!(
    /// The disciplinary measure decided, if any (Luật Cán bộ, công chức; Luật Viên chức).
    Discipline {
        None = "none",
        Reprimand = "reprimand",
        Warning = "warning",
        SalaryDemotion = "salary_demotion",
        Demotion = "demotion",
        Dismissal = "dismissal",
        ForcedResignation = "forced_resignation",
    }
);

impl Discipline {
    pub fn is_disciplined(self) -> bool {
        self != Discipline::None
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Discipline::None => "Chưa/không xử lý kỷ luật",
            Discipline::Reprimand => "Khiển trách",
            Discipline::Warning => "Cảnh cáo",
            Discipline::SalaryDemotion => "Hạ bậc lương",
            Discipline::Demotion => "Giáng chức",
            Discipline::Dismissal => "Cách chức",
            Discipline::ForcedResignation => "Buộc thôi việc",
        }
    }
}

code_enum!(
    /// `draft → submitted → approved | rejected`, `approved → decided`.
    NominationStatus {
        Draft = "draft",
        Submitted = "submitted",
        Approved = "approved",
        Rejected = "rejected",
        Decided = "decided",
    }
);

code_enum!(
    /// `planned → in_progress → adopted | abandoned` (planned may also be abandoned).
    ReplicationStatus {
        Planned = "planned",
        InProgress = "in_progress",
        Adopted = "adopted",
        Abandoned = "abandoned",
    }
);

impl ReplicationStatus {
    /// Whether a replication may move from `self` to `to` (staying put is always allowed).
    pub fn may_move_to(self, to: ReplicationStatus) -> bool {
        use ReplicationStatus::*;
        self == to
            || matches!(
                (self, to),
                (Planned, InProgress)
                    | (Planned, Abandoned)
                    | (InProgress, Adopted)
                    | (InProgress, Abandoned)
            )
    }
}

/// "Quý I năm 2024" when the period is exactly one quarter, else "01/01/2024 – 15/05/2024".
pub fn period_label_vi(from: NaiveDate, to: NaiveDate) -> String {
    if let Some(q) = quarter_of(from, to) {
        let roman = ["I", "II", "III", "IV"][(q - 1) as usize];
        return format!("Quý {roman} năm {}", from.year());
    }
    if from.year() == to.year()
        && from.month() == 1
        && from.day() == 1
        && to.month() == 12
        && to.day() == 31
    {
        return format!("Năm {}", from.year());
    }
    format!("{} – {}", from.format("%d/%m/%Y"), to.format("%d/%m/%Y"))
}

/// "Q1 2024", "2024", or "2024-01-15 – 2024-03-31".
pub fn period_label_en(from: NaiveDate, to: NaiveDate) -> String {
    if let Some(q) = quarter_of(from, to) {
        return format!("Q{q} {}", from.year());
    }
    if from.year() == to.year()
        && from.month() == 1
        && from.day() == 1
        && to.month() == 12
        && to.day() == 31
    {
        return from.year().to_string();
    }
    format!("{from} – {to}")
}

impl ReplicationStatus {
    /// The statuses a replication may move to from this one (not counting staying put).
    pub fn next(self) -> Vec<ReplicationStatus> {
        ReplicationStatus::ALL
            .iter()
            .copied()
            .filter(|to| *to != self && self.may_move_to(*to))
            .collect()
    }
}

/// The quarter (1–4) when [from, to] is exactly one calendar quarter.
pub fn quarter_of(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    let q = (from.month() - 1) / 3 + 1;
    let (start, end) = quarter_bounds(from.year(), q)?;
    (from == start && to == end).then_some(q)
}

/// First and last day of quarter `q` (1–4) of `year`.
pub fn quarter_bounds(year: i32, q: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
    let end = if q == 4 {
        NaiveDate::from_ymd_opt(year, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(year, q * 3 + 1, 1)?.pred_opt()?
    };
    Some((start, end))
}

/// Số và ký hiệu of a decision (Decree 30/2020): a number, "/", then the symbol of letters,
/// digits, "-", "." and "/" — e.g. `1234/QĐ-UBND`.
pub fn valid_decision_number(s: &str) -> bool {
    let Some((num, symbol)) = s.split_once('/') else {
        return false;
    };
    s.chars().count() <= 100
        && (1..=10).contains(&num.len())
        && num.chars().all(|c| c.is_ascii_digit())
        && !symbol.is_empty()
        && !symbol.starts_with('/')
        && !symbol.ends_with(['/', '-', '.'])
        && symbol
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.'))
}

// ----- eligibility -----------------------------------------------------------------------

code_enum!(
    /// The rules, in the order a checklist shows them.
    RuleCode {
        AwardFormValid = "award_form_valid",
        WithinDeadline = "within_deadline",
        InitiativeAccepted = "initiative_accepted",
        NoViolation = "no_violation",
        PersonRating = "person_rating",
        UnitRating = "unit_rating",
        HeadNotDisciplined = "head_not_disciplined",
    }
);

impl RuleCode {
    pub fn title_vi(self) -> &'static str {
        match self {
            RuleCode::AwardFormValid => {
                "Hình thức khen thưởng còn hiệu lực và áp dụng cho đối tượng"
            }
            RuleCode::WithinDeadline => "Hồ sơ trong thời hạn",
            RuleCode::InitiativeAccepted => "Sáng kiến đã được Hội đồng nghiệm thu đạt",
            RuleCode::NoViolation => "Không có vi phạm trong năm (mục II.3.2)",
            RuleCode::PersonRating => {
                "Xếp loại năm từ “Hoàn thành tốt nhiệm vụ” trở lên (mục II.2.2)"
            }
            RuleCode::UnitRating => "Tập thể xếp loại “Hoàn thành xuất sắc nhiệm vụ” (mục II.2.1)",
            RuleCode::HeadNotDisciplined => {
                "Người đứng đầu không bị xử lý kỷ luật trong năm (mục II.2.1)"
            }
        }
    }

    pub fn title_en(self) -> &'static str {
        match self {
            RuleCode::AwardFormValid => "The award form is in force and applies to the nominee",
            RuleCode::WithinDeadline => "The dossier is within its deadline",
            RuleCode::InitiativeAccepted => "The initiative was accepted by a committee",
            RuleCode::NoViolation => "No violation in the year (§II.3.2)",
            RuleCode::PersonRating => "Annual rating “completed tasks well” or higher (§II.2.2)",
            RuleCode::UnitRating => "Collective rating “completed tasks excellently” (§II.2.1)",
            RuleCode::HeadNotDisciplined => "The head was not disciplined in the year (§II.2.1)",
        }
    }
}

/// The award form as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormFacts {
    pub name_vi: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub nominee_kinds: Vec<NomineeKind>,
    /// (month, day) of the yearly dossier deadline.
    pub deadline: Option<(u32, u32)>,
}

impl FormFacts {
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }

    /// The deadline for dossiers of `year` (the last day of the month when the day is past it).
    pub fn deadline_for(&self, year: i32) -> Option<NaiveDate> {
        let (m, d) = self.deadline?;
        (1..=d)
            .rev()
            .find_map(|day| NaiveDate::from_ymd_opt(year, m, day))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFact {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViolationFact {
    pub id: Uuid,
    pub person: PersonFact,
    pub occurred_on: NaiveDate,
    pub kind: ViolationKind,
    pub discipline: Discipline,
    pub decision_ref: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingFact {
    pub id: Uuid,
    pub rating: Rating,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptanceFact {
    pub round_id: Uuid,
    pub round_title: String,
}

/// What the database knows about the nominee, for the nomination's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NomineeFacts {
    Initiative {
        /// The initiative's status is `accepted`.
        accepted: bool,
        /// The committee round whose decision accepted it, if any.
        acceptance: Option<AcceptanceFact>,
        authors: Vec<PersonFact>,
        /// Violations of the authors in the year.
        violations: Vec<ViolationFact>,
    },
    Person {
        person: PersonFact,
        annual_rating: Option<RatingFact>,
        violations: Vec<ViolationFact>,
    },
    Unit {
        rating: Option<RatingFact>,
        heads: Vec<PersonFact>,
        /// Violations of any member of the collective (heads included) in the year.
        violations: Vec<ViolationFact>,
    },
}

impl NomineeFacts {
    pub fn kind(&self) -> NomineeKind {
        match self {
            NomineeFacts::Initiative { .. } => NomineeKind::Initiative,
            NomineeFacts::Person { .. } => NomineeKind::Person,
            NomineeFacts::Unit { .. } => NomineeKind::Unit,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub year: i32,
    /// The day eligibility is judged on: today for a draft, the day it was submitted after.
    pub as_of: NaiveDate,
    pub form: FormFacts,
    pub nominee: NomineeFacts,
}

code_enum!(
    /// What kind of record a rule rests on (the SPA links to it).
    RecordKind {
        AwardForm = "award_form",
        EvaluationRound = "evaluation_round",
        Initiative = "initiative",
        ViolationRecord = "violation_record",
        StaffRating = "staff_rating",
        UnitRating = "unit_rating",
    }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: Option<Uuid>,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOutcome {
    Pass,
    Fail,
    /// Failed, but an authority officer overrode it with a written reason.
    Overridden,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult {
    pub code: RuleCode,
    pub outcome: RuleOutcome,
    pub reason_vi: String,
    pub reason_en: String,
    pub records: Vec<RecordRef>,
}

impl RuleResult {
    pub fn passes(&self) -> bool {
        self.outcome != RuleOutcome::Fail
    }
}

/// The rules that apply to a kind of nominee, in checklist order.
pub fn rules_for(kind: NomineeKind) -> &'static [RuleCode] {
    use RuleCode::*;
    match kind {
        NomineeKind::Initiative => &[
            AwardFormValid,
            WithinDeadline,
            InitiativeAccepted,
            NoViolation,
        ],
        NomineeKind::Person => &[AwardFormValid, WithinDeadline, PersonRating, NoViolation],
        NomineeKind::Unit => &[
            AwardFormValid,
            WithinDeadline,
            UnitRating,
            HeadNotDisciplined,
            NoViolation,
        ],
    }
}

fn vn(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn result(
    code: RuleCode,
    pass: bool,
    vi: String,
    en: String,
    records: Vec<RecordRef>,
) -> RuleResult {
    RuleResult {
        code,
        outcome: if pass {
            RuleOutcome::Pass
        } else {
            RuleOutcome::Fail
        },
        reason_vi: vi,
        reason_en: en,
        records,
    }
}

fn violation_ref(v: &ViolationFact) -> RecordRef {
    RecordRef {
        kind: RecordKind::ViolationRecord,
        id: Some(v.id),
        label: format!(
            "{} — {} ngày {}{}",
            v.person.name,
            v.kind.label_vi(),
            vn(v.occurred_on),
            v.decision_ref
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default()
        ),
    }
}

fn rating_ref(kind: RecordKind, r: &RatingFact, year: i32) -> RecordRef {
    RecordRef {
        kind,
        id: Some(r.id),
        label: format!("Năm {year}: {}", r.rating.label_vi()),
    }
}

fn check_form(f: &Facts) -> RuleResult {
    let form = &f.form;
    let kind = f.nominee.kind();
    let rec = vec![RecordRef {
        kind: RecordKind::AwardForm,
        id: None,
        label: form.name_vi.clone(),
    }];
    let until = form.valid_to.map(vn).unwrap_or_else(|| "nay".into());
    if !form.nominee_kinds.contains(&kind) {
        let (vi, en) = match kind {
            NomineeKind::Initiative => ("sáng kiến, mô hình", "an initiative"),
            NomineeKind::Person => ("cá nhân", "a person"),
            NomineeKind::Unit => ("tập thể", "a collective"),
        };
        return result(
            RuleCode::AwardFormValid,
            false,
            format!("Hình thức “{}” không áp dụng cho {vi}.", form.name_vi),
            format!("This award form is not given to {en}."),
            rec,
        );
    }
    if form.valid_on(f.as_of) {
        result(
            RuleCode::AwardFormValid,
            true,
            format!(
                "Hình thức có hiệu lực từ {} đến {until}; ngày xét {}.",
                vn(form.valid_from),
                vn(f.as_of)
            ),
            format!(
                "In force from {} to {}; judged on {}.",
                form.valid_from,
                form.valid_to
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "now".into()),
                f.as_of
            ),
            rec,
        )
    } else {
        result(
            RuleCode::AwardFormValid,
            false,
            format!(
                "Hình thức chỉ có hiệu lực từ {} đến {until}, không còn áp dụng vào ngày {}.",
                vn(form.valid_from),
                vn(f.as_of)
            ),
            format!(
                "The form is in force from {} to {} only, not on {}.",
                form.valid_from,
                form.valid_to
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "now".into()),
                f.as_of
            ),
            rec,
        )
    }
}

fn check_deadline(f: &Facts) -> RuleResult {
    match f.form.deadline_for(f.year) {
        None => result(
            RuleCode::WithinDeadline,
            true,
            "Hình thức này không có hạn nộp hồ sơ cố định.".into(),
            "This form has no fixed dossier deadline.".into(),
            vec![],
        ),
        Some(due) if f.as_of <= due => result(
            RuleCode::WithinDeadline,
            true,
            format!(
                "Hạn nộp hồ sơ năm {}: {}; ngày xét {}.",
                f.year,
                vn(due),
                vn(f.as_of)
            ),
            format!(
                "Dossiers for {} close on {due}; judged on {}.",
                f.year, f.as_of
            ),
            vec![],
        ),
        Some(due) => result(
            RuleCode::WithinDeadline,
            false,
            format!(
                "Đã quá hạn nộp hồ sơ năm {} ({}); ngày xét {}.",
                f.year,
                vn(due),
                vn(f.as_of)
            ),
            format!(
                "Dossiers for {} closed on {due}; judged on {}.",
                f.year, f.as_of
            ),
            vec![],
        ),
    }
}

fn check_violations(
    year: i32,
    violations: &[ViolationFact],
    whom_vi: &str,
    whom_en: &str,
) -> RuleResult {
    if violations.is_empty() {
        result(
            RuleCode::NoViolation,
            true,
            format!("Không có hồ sơ vi phạm nào của {whom_vi} trong năm {year}."),
            format!("No violation record of {whom_en} in {year}."),
            vec![],
        )
    } else {
        let names: Vec<&str> = {
            let mut n: Vec<&str> = violations.iter().map(|v| v.person.name.as_str()).collect();
            n.dedup();
            n
        };
        result(
            RuleCode::NoViolation,
            false,
            format!(
                "Có {} hồ sơ vi phạm trong năm {year} ({}): không xem xét, đề nghị khen thưởng.",
                violations.len(),
                names.join(", ")
            ),
            format!(
                "{} violation record(s) in {year} ({}): not to be nominated.",
                violations.len(),
                names.join(", ")
            ),
            violations.iter().map(violation_ref).collect(),
        )
    }
}

fn check_initiative(accepted: bool, acceptance: &Option<AcceptanceFact>) -> RuleResult {
    match (accepted, acceptance) {
        (true, Some(a)) => result(
            RuleCode::InitiativeAccepted,
            true,
            format!("Được nghiệm thu đạt tại “{}”.", a.round_title),
            format!("Accepted in “{}”.", a.round_title),
            vec![RecordRef {
                kind: RecordKind::EvaluationRound,
                id: Some(a.round_id),
                label: a.round_title.clone(),
            }],
        ),
        (true, None) => result(
            RuleCode::InitiativeAccepted,
            false,
            "Sáng kiến được ghi nhận đạt nhưng không có quyết định của Hội đồng nào.".into(),
            "The initiative is marked accepted but no committee decided so.".into(),
            vec![],
        ),
        (false, _) => result(
            RuleCode::InitiativeAccepted,
            false,
            "Sáng kiến chưa được Hội đồng nghiệm thu đạt.".into(),
            "The initiative has not been accepted by a committee.".into(),
            vec![],
        ),
    }
}

fn check_person_rating(year: i32, rating: &Option<RatingFact>) -> RuleResult {
    match rating {
        None => result(
            RuleCode::PersonRating,
            false,
            format!("Chưa có kết quả xếp loại năm {year}."),
            format!("No annual rating for {year} yet."),
            vec![],
        ),
        Some(r) => result(
            RuleCode::PersonRating,
            r.rating.at_least(Rating::Good),
            if r.rating.at_least(Rating::Good) {
                format!("Xếp loại năm {year}: {}.", r.rating.label_vi())
            } else {
                format!(
                    "Xếp loại năm {year}: {} — cần từ “Hoàn thành tốt nhiệm vụ” trở lên.",
                    r.rating.label_vi()
                )
            },
            format!("Rated for {year}: {}.", r.rating.label_en()),
            vec![rating_ref(RecordKind::StaffRating, r, year)],
        ),
    }
}

fn check_unit_rating(year: i32, rating: &Option<RatingFact>) -> RuleResult {
    match rating {
        None => result(
            RuleCode::UnitRating,
            false,
            format!("Chưa có kết quả xếp loại tập thể năm {year}."),
            format!("No collective rating for {year} yet."),
            vec![],
        ),
        Some(r) => {
            let pass = r.rating == Rating::Excellent;
            result(
                RuleCode::UnitRating,
                pass,
                if pass {
                    format!("Tập thể xếp loại năm {year}: {}.", r.rating.label_vi())
                } else {
                    format!(
                        "Tập thể xếp loại năm {year}: {} — cần “Hoàn thành xuất sắc nhiệm vụ”.",
                        r.rating.label_vi()
                    )
                },
                format!("Collective rating for {year}: {}.", r.rating.label_en()),
                vec![rating_ref(RecordKind::UnitRating, r, year)],
            )
        }
    }
}

fn check_heads(year: i32, heads: &[PersonFact], violations: &[ViolationFact]) -> RuleResult {
    let disciplined: Vec<&ViolationFact> = violations
        .iter()
        .filter(|v| v.discipline.is_disciplined() && heads.iter().any(|h| h.id == v.person.id))
        .collect();
    if heads.is_empty() {
        return result(
            RuleCode::HeadNotDisciplined,
            false,
            "Đơn vị chưa có người đứng đầu trong hệ thống.".into(),
            "The unit has no head on record.".into(),
            vec![],
        );
    }
    let names = heads
        .iter()
        .map(|h| h.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if disciplined.is_empty() {
        result(
            RuleCode::HeadNotDisciplined,
            true,
            format!("Người đứng đầu ({names}) không bị xử lý kỷ luật trong năm {year}."),
            format!("The head ({names}) was not disciplined in {year}."),
            vec![],
        )
    } else {
        result(
            RuleCode::HeadNotDisciplined,
            false,
            format!(
                "Người đứng đầu bị xử lý kỷ luật trong năm {year}: {}.",
                disciplined
                    .iter()
                    .map(|v| format!("{} ({})", v.person.name, v.discipline.label_vi()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!("The head was disciplined in {year}."),
            disciplined.into_iter().map(violation_ref).collect(),
        )
    }
}

/// Every rule that applies to the nominee, in checklist order; `overridden` (a rule an
/// authority officer overrode with a reason) turns that rule's failure into `Overridden`.
pub fn evaluate(f: &Facts, overridden: Option<RuleCode>) -> Vec<RuleResult> {
    let mut out = Vec::new();
    for code in rules_for(f.nominee.kind()) {
        let r = match (code, &f.nominee) {
            (RuleCode::AwardFormValid, _) => check_form(f),
            (RuleCode::WithinDeadline, _) => check_deadline(f),
            (
                RuleCode::InitiativeAccepted,
                NomineeFacts::Initiative {
                    accepted,
                    acceptance,
                    ..
                },
            ) => check_initiative(*accepted, acceptance),
            (RuleCode::NoViolation, NomineeFacts::Initiative { violations, .. }) => {
                check_violations(f.year, violations, "các tác giả", "the authors")
            }
            (RuleCode::NoViolation, NomineeFacts::Person { violations, .. }) => {
                check_violations(f.year, violations, "cá nhân", "the person")
            }
            (RuleCode::NoViolation, NomineeFacts::Unit { violations, .. }) => {
                check_violations(f.year, violations, "thành viên tập thể", "any member")
            }
            (RuleCode::PersonRating, NomineeFacts::Person { annual_rating, .. }) => {
                check_person_rating(f.year, annual_rating)
            }
            (RuleCode::UnitRating, NomineeFacts::Unit { rating, .. }) => {
                check_unit_rating(f.year, rating)
            }
            (
                RuleCode::HeadNotDisciplined,
                NomineeFacts::Unit {
                    heads, violations, ..
                },
            ) => check_heads(f.year, heads, violations),
            _ => continue,
        };
        out.push(r);
    }
    if let Some(code) = overridden {
        for r in &mut out {
            if r.code == code && r.outcome == RuleOutcome::Fail {
                r.outcome = RuleOutcome::Overridden;
            }
        }
    }
    out
}

/// The rules that still fail (what blocks submitting and approving).
pub fn failures(results: &[RuleResult]) -> Vec<&RuleResult> {
    results.iter().filter(|r| !r.passes()).collect()
}

/// A violation counts for a year when it happened in that year.
pub fn in_year(day: NaiveDate, year: i32) -> bool {
    day.year() == year
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(n: u128, name: &str) -> PersonFact {
        PersonFact {
            id: Uuid::from_u128(n),
            name: name.into(),
        }
    }

    fn violation(n: u128, who: &PersonFact, discipline: Discipline) -> ViolationFact {
        ViolationFact {
            id: Uuid::from_u128(1000 + n),
            person: who.clone(),
            occurred_on: d(2023, 8, 14),
            kind: ViolationKind::CodeOfConduct,
            discipline,
            decision_ref: Some("12/QĐ-MNCG".into()),
        }
    }

    fn district_form() -> FormFacts {
        FormFacts {
            name_vi: "Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1".into(),
            valid_from: d(2016, 1, 1),
            valid_to: Some(d(2025, 6, 30)),
            nominee_kinds: vec![
                NomineeKind::Initiative,
                NomineeKind::Person,
                NomineeKind::Unit,
            ],
            deadline: None,
        }
    }

    fn city_form() -> FormFacts {
        FormFacts {
            name_vi: "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố".into(),
            valid_from: d(2016, 1, 1),
            valid_to: None,
            nominee_kinds: vec![
                NomineeKind::Initiative,
                NomineeKind::Person,
                NomineeKind::Unit,
            ],
            deadline: Some((12, 5)),
        }
    }

    fn facts(form: FormFacts, as_of: NaiveDate, nominee: NomineeFacts) -> Facts {
        Facts {
            year: 2023,
            as_of,
            form,
            nominee,
        }
    }

    fn accepted_initiative() -> NomineeFacts {
        NomineeFacts::Initiative {
            accepted: true,
            acceptance: Some(AcceptanceFact {
                round_id: Uuid::from_u128(7),
                round_title: "Hội đồng Quận 1 năm 2023".into(),
            }),
            authors: vec![person(1, "Lê Thị Thu Trang")],
            violations: vec![],
        }
    }

    fn outcome(rs: &[RuleResult], code: RuleCode) -> RuleOutcome {
        rs.iter().find(|r| r.code == code).unwrap().outcome
    }

    #[test]
    fn an_accepted_initiative_within_dates_passes_every_rule() {
        let rs = evaluate(
            &facts(district_form(), d(2023, 12, 1), accepted_initiative()),
            None,
        );
        assert_eq!(
            rs.iter().map(|r| r.code).collect::<Vec<_>>(),
            rules_for(NomineeKind::Initiative)
        );
        assert!(failures(&rs).is_empty(), "{rs:?}");
        let acc = rs
            .iter()
            .find(|r| r.code == RuleCode::InitiativeAccepted)
            .unwrap();
        assert_eq!(acc.records[0].kind, RecordKind::EvaluationRound);
        assert_eq!(acc.records[0].id, Some(Uuid::from_u128(7)));
    }

    #[test]
    fn an_initiative_not_accepted_fails_alone() {
        let nominee = NomineeFacts::Initiative {
            accepted: false,
            acceptance: None,
            authors: vec![person(1, "A")],
            violations: vec![],
        };
        let rs = evaluate(&facts(district_form(), d(2023, 12, 1), nominee), None);
        let f = failures(&rs);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, RuleCode::InitiativeAccepted);
        // Marked accepted without a committee decision is not enough either.
        let nominee = NomineeFacts::Initiative {
            accepted: true,
            acceptance: None,
            authors: vec![],
            violations: vec![],
        };
        let rs = evaluate(&facts(district_form(), d(2023, 12, 1), nominee), None);
        assert_eq!(
            outcome(&rs, RuleCode::InitiativeAccepted),
            RuleOutcome::Fail
        );
    }

    #[test]
    fn an_authors_violation_fails_the_initiative_with_the_record() {
        let a = person(1, "Lê Thị Thu Trang");
        let v = violation(1, &a, Discipline::None);
        let nominee = NomineeFacts::Initiative {
            accepted: true,
            acceptance: Some(AcceptanceFact {
                round_id: Uuid::from_u128(7),
                round_title: "R".into(),
            }),
            authors: vec![a],
            violations: vec![v.clone()],
        };
        let rs = evaluate(&facts(district_form(), d(2023, 12, 1), nominee), None);
        let f = failures(&rs);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, RuleCode::NoViolation);
        assert_eq!(f[0].records[0].id, Some(v.id));
        assert!(f[0].records[0].label.contains("Lê Thị Thu Trang"));
        assert!(f[0].reason_vi.contains("Lê Thị Thu Trang"));
    }

    #[test]
    fn an_expired_form_fails_and_a_form_not_yet_in_force_too() {
        let rs = evaluate(
            &facts(district_form(), d(2025, 7, 1), accepted_initiative()),
            None,
        );
        assert_eq!(outcome(&rs, RuleCode::AwardFormValid), RuleOutcome::Fail);
        assert_eq!(failures(&rs).len(), 1);
        // The last day of validity still counts.
        let rs = evaluate(
            &facts(district_form(), d(2025, 6, 30), accepted_initiative()),
            None,
        );
        assert_eq!(outcome(&rs, RuleCode::AwardFormValid), RuleOutcome::Pass);
        let rs = evaluate(
            &facts(district_form(), d(2015, 12, 31), accepted_initiative()),
            None,
        );
        assert_eq!(outcome(&rs, RuleCode::AwardFormValid), RuleOutcome::Fail);
    }

    #[test]
    fn a_form_not_given_to_that_kind_of_nominee_fails() {
        let mut form = city_form();
        form.nominee_kinds = vec![NomineeKind::Initiative];
        let nominee = NomineeFacts::Person {
            person: person(1, "A"),
            annual_rating: Some(RatingFact {
                id: Uuid::from_u128(9),
                rating: Rating::Excellent,
            }),
            violations: vec![],
        };
        let rs = evaluate(&facts(form, d(2023, 11, 1), nominee), None);
        assert_eq!(outcome(&rs, RuleCode::AwardFormValid), RuleOutcome::Fail);
    }

    #[test]
    fn city_dossiers_close_on_5_december() {
        let on_time = evaluate(
            &facts(city_form(), d(2023, 12, 5), accepted_initiative()),
            None,
        );
        assert_eq!(
            outcome(&on_time, RuleCode::WithinDeadline),
            RuleOutcome::Pass
        );
        let late = evaluate(
            &facts(city_form(), d(2023, 12, 6), accepted_initiative()),
            None,
        );
        assert_eq!(outcome(&late, RuleCode::WithinDeadline), RuleOutcome::Fail);
        assert!(
            late[1].reason_vi.contains("05/12/2023"),
            "{}",
            late[1].reason_vi
        );
        // No deadline on the form: nothing to miss.
        let rs = evaluate(
            &facts(district_form(), d(2024, 3, 1), accepted_initiative()),
            None,
        );
        assert_eq!(outcome(&rs, RuleCode::WithinDeadline), RuleOutcome::Pass);
    }

    #[test]
    fn a_deadline_on_a_day_the_month_lacks_is_its_last_day() {
        let mut form = city_form();
        form.deadline = Some((2, 31));
        assert_eq!(form.deadline_for(2024), Some(d(2024, 2, 29)));
        assert_eq!(form.deadline_for(2023), Some(d(2023, 2, 28)));
    }

    #[test]
    fn a_person_needs_at_least_good() {
        for (rating, pass) in [
            (Rating::Excellent, true),
            (Rating::Good, true),
            (Rating::Completed, false),
            (Rating::NotCompleted, false),
        ] {
            let nominee = NomineeFacts::Person {
                person: person(1, "A"),
                annual_rating: Some(RatingFact {
                    id: Uuid::from_u128(9),
                    rating,
                }),
                violations: vec![],
            };
            let rs = evaluate(&facts(district_form(), d(2023, 12, 1), nominee), None);
            assert_eq!(
                outcome(&rs, RuleCode::PersonRating) == RuleOutcome::Pass,
                pass,
                "{rating:?}"
            );
            assert_eq!(failures(&rs).is_empty(), pass);
            let r = rs
                .iter()
                .find(|r| r.code == RuleCode::PersonRating)
                .unwrap();
            assert_eq!(r.records[0].kind, RecordKind::StaffRating);
        }
        let nominee = NomineeFacts::Person {
            person: person(1, "A"),
            annual_rating: None,
            violations: vec![],
        };
        let rs = evaluate(&facts(district_form(), d(2023, 12, 1), nominee), None);
        assert_eq!(outcome(&rs, RuleCode::PersonRating), RuleOutcome::Fail);
    }

    #[test]
    fn a_person_with_a_violation_fails_even_when_rated_excellent() {
        let a = person(1, "Phạm Thị Hồng Nhung");
        let nominee = NomineeFacts::Person {
            person: a.clone(),
            annual_rating: Some(RatingFact {
                id: Uuid::from_u128(9),
                rating: Rating::Excellent,
            }),
            violations: vec![violation(1, &a, Discipline::Reprimand)],
        };
        let rs = evaluate(&facts(district_form(), d(2023, 12, 1), nominee), None);
        let f = failures(&rs);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, RuleCode::NoViolation);
        assert_eq!(f[0].records[0].kind, RecordKind::ViolationRecord);
    }

    fn unit(
        rating: Rating,
        heads: Vec<PersonFact>,
        violations: Vec<ViolationFact>,
    ) -> NomineeFacts {
        NomineeFacts::Unit {
            rating: Some(RatingFact {
                id: Uuid::from_u128(9),
                rating,
            }),
            heads,
            violations,
        }
    }

    #[test]
    fn a_unit_needs_excellent_a_clean_head_and_clean_members() {
        let head = person(1, "Nguyễn Thị Minh Hạnh");
        let teacher = person(2, "Giáo viên");
        let ok = evaluate(
            &facts(
                district_form(),
                d(2023, 12, 1),
                unit(Rating::Excellent, vec![head.clone()], vec![]),
            ),
            None,
        );
        assert!(failures(&ok).is_empty(), "{ok:?}");

        let good = evaluate(
            &facts(
                district_form(),
                d(2023, 12, 1),
                unit(Rating::Good, vec![head.clone()], vec![]),
            ),
            None,
        );
        assert_eq!(
            failures(&good).iter().map(|r| r.code).collect::<Vec<_>>(),
            vec![RuleCode::UnitRating]
        );

        // A member's violation (no discipline) fails the collective, not the head rule.
        let member = evaluate(
            &facts(
                district_form(),
                d(2023, 12, 1),
                unit(
                    Rating::Excellent,
                    vec![head.clone()],
                    vec![violation(1, &teacher, Discipline::Warning)],
                ),
            ),
            None,
        );
        assert_eq!(
            failures(&member).iter().map(|r| r.code).collect::<Vec<_>>(),
            vec![RuleCode::NoViolation]
        );

        // The head disciplined: both the head rule and the collective rule fail.
        let disciplined = evaluate(
            &facts(
                district_form(),
                d(2023, 12, 1),
                unit(
                    Rating::Excellent,
                    vec![head.clone()],
                    vec![violation(1, &head, Discipline::Reprimand)],
                ),
            ),
            None,
        );
        assert_eq!(
            failures(&disciplined)
                .iter()
                .map(|r| r.code)
                .collect::<Vec<_>>(),
            vec![RuleCode::HeadNotDisciplined, RuleCode::NoViolation]
        );

        let no_head = evaluate(
            &facts(
                district_form(),
                d(2023, 12, 1),
                unit(Rating::Excellent, vec![], vec![]),
            ),
            None,
        );
        assert_eq!(
            outcome(&no_head, RuleCode::HeadNotDisciplined),
            RuleOutcome::Fail
        );
        let unrated = NomineeFacts::Unit {
            rating: None,
            heads: vec![head],
            violations: vec![],
        };
        let rs = evaluate(&facts(district_form(), d(2023, 12, 1), unrated), None);
        assert_eq!(outcome(&rs, RuleCode::UnitRating), RuleOutcome::Fail);
    }

    #[test]
    fn every_failure_is_reported_together() {
        let head = person(1, "H");
        let rs = evaluate(
            &facts(
                city_form(),
                d(2023, 12, 20),
                unit(
                    Rating::Completed,
                    vec![head.clone()],
                    vec![violation(1, &head, Discipline::Warning)],
                ),
            ),
            None,
        );
        assert_eq!(
            failures(&rs).iter().map(|r| r.code).collect::<Vec<_>>(),
            vec![
                RuleCode::WithinDeadline,
                RuleCode::UnitRating,
                RuleCode::HeadNotDisciplined,
                RuleCode::NoViolation
            ]
        );
    }

    #[test]
    fn an_override_clears_one_failed_rule_and_only_that_one() {
        let late = facts(city_form(), d(2023, 12, 6), accepted_initiative());
        let rs = evaluate(&late, Some(RuleCode::WithinDeadline));
        assert_eq!(
            outcome(&rs, RuleCode::WithinDeadline),
            RuleOutcome::Overridden
        );
        assert!(failures(&rs).is_empty());
        // Overriding another rule leaves the failure standing.
        let rs = evaluate(&late, Some(RuleCode::NoViolation));
        assert_eq!(outcome(&rs, RuleCode::WithinDeadline), RuleOutcome::Fail);
        assert_eq!(outcome(&rs, RuleCode::NoViolation), RuleOutcome::Pass);
    }

    #[test]
    fn replication_moves_forward_only() {
        use ReplicationStatus::*;
        assert!(Planned.may_move_to(InProgress));
        assert!(Planned.may_move_to(Abandoned));
        assert!(InProgress.may_move_to(Adopted));
        assert!(InProgress.may_move_to(Abandoned));
        assert!(!Planned.may_move_to(Adopted));
        assert!(!Adopted.may_move_to(InProgress));
        assert!(!Abandoned.may_move_to(Planned));
        assert!(Adopted.may_move_to(Adopted));
    }

    #[test]
    fn periods_read_as_a_civil_servant_writes_them() {
        assert_eq!(
            period_label_vi(d(2024, 1, 1), d(2024, 3, 31)),
            "Quý I năm 2024"
        );
        assert_eq!(
            period_label_vi(d(2024, 10, 1), d(2024, 12, 31)),
            "Quý IV năm 2024"
        );
        assert_eq!(period_label_vi(d(2024, 1, 1), d(2024, 12, 31)), "Năm 2024");
        assert_eq!(
            period_label_vi(d(2024, 1, 15), d(2024, 3, 31)),
            "15/01/2024 – 31/03/2024"
        );
        assert_eq!(
            quarter_bounds(2024, 1),
            Some((d(2024, 1, 1), d(2024, 3, 31)))
        );
        assert_eq!(quarter_bounds(2024, 5), None);
        assert_eq!(period_label_en(d(2024, 1, 1), d(2024, 3, 31)), "Q1 2024");
        assert_eq!(
            ReplicationStatus::Planned.next(),
            vec![ReplicationStatus::InProgress, ReplicationStatus::Abandoned]
        );
        assert!(ReplicationStatus::Adopted.next().is_empty());
    }

    #[test]
    fn decision_numbers_read_like_decree_30() {
        for ok in ["1234/QĐ-UBND", "45/QĐ-MNCG", "12/2023/QĐ-UBND", "7/QĐ.PNV"] {
            assert!(valid_decision_number(ok), "{ok}");
        }
        for bad in [
            "QĐ một",
            "1234",
            "/QĐ-UBND",
            "12a/QĐ",
            "1234/",
            "1234//QĐ",
            "1234/QĐ-",
            "1234/QĐ UBND",
        ] {
            assert!(!valid_decision_number(bad), "{bad}");
        }
    }

    #[test]
    fn ratings_are_ordered() {
        assert!(Rating::Excellent.at_least(Rating::Good));
        assert!(Rating::Good.at_least(Rating::Good));
        assert!(!Rating::Completed.at_least(Rating::Good));
        for r in Rating::ALL {
            assert_eq!(Rating::parse(r.as_str()), Some(*r));
        }
    }
}
