//! Deadlines are calendar days in Vietnam (UTC+7, no daylight saving): "before 10/6/2023"
//! means anything up to 23:59:59 on 10/6/2023 in Hà Nội / TP.HCM time is on time.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};

use crate::campaign::LatePolicy;

const VIETNAM: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"),
};

pub fn vietnam_offset() -> FixedOffset {
    VIETNAM
}

use chrono::TimeZone as _;

/// The calendar day in Vietnam of an instant.
pub fn vietnam_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&vietnam_offset()).date_naive()
}

/// The deadline that applies to one unit: the later of the milestone's own due date and the
/// unit's extension (an extension never shortens a deadline, even after the milestone
/// itself moved past it).
pub fn effective_due(due_on: NaiveDate, extension: Option<NaiveDate>) -> NaiveDate {
    extension.map_or(due_on, |e| e.max(due_on))
}

/// Whether a submission at `at` is after the (effective) due day.
pub fn is_late(due_on: NaiveDate, at: DateTime<Utc>) -> bool {
    vietnam_date(at) > due_on
}

/// Days from `today` to `due_on`: positive means days left, negative days overdue.
pub fn days_left(today: NaiveDate, due_on: NaiveDate) -> i64 {
    (due_on - today).num_days()
}

/// The first instant after the due day, in UTC.
pub fn closes_at(due_on: NaiveDate) -> Option<DateTime<Utc>> {
    let next = due_on.checked_add_days(Days::new(1))?;
    let local = next.and_hms_opt(0, 0, 0)?;
    vietnam_offset()
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmissionTiming {
    OnTime,
    Late,
    Refused,
}

/// What a submission at `at` gets under the milestone's policy.
pub fn judge_submission(
    due_on: NaiveDate,
    extension: Option<NaiveDate>,
    policy: LatePolicy,
    at: DateTime<Utc>,
) -> SubmissionTiming {
    if !is_late(effective_due(due_on, extension), at) {
        SubmissionTiming::OnTime
    } else if policy == LatePolicy::Refuse {
        SubmissionTiming::Refused
    } else {
        SubmissionTiming::Late
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn the_due_day_ends_at_midnight_vietnam_time() {
        let due = d(2023, 6, 10);
        // 23:30 on 10/6 in Vietnam is 16:30 UTC: on time
        assert!(!is_late(due, utc("2023-06-10T16:30:00Z")));
        // 00:30 on 11/6 in Vietnam is 17:30 UTC on 10/6: late
        assert!(is_late(due, utc("2023-06-10T17:30:00Z")));
        assert_eq!(closes_at(due), Some(utc("2023-06-10T17:00:00Z")));
    }

    #[test]
    fn extensions_and_policies() {
        let due = d(2023, 4, 22);
        let at = utc("2023-04-25T03:00:00Z");
        assert_eq!(
            judge_submission(due, None, LatePolicy::AcceptLate, at),
            SubmissionTiming::Late
        );
        assert_eq!(
            judge_submission(due, None, LatePolicy::Refuse, at),
            SubmissionTiming::Refused
        );
        assert_eq!(
            judge_submission(due, Some(d(2023, 4, 30)), LatePolicy::Refuse, at),
            SubmissionTiming::OnTime
        );
    }

    #[test]
    fn an_extension_never_shortens_the_deadline() {
        assert_eq!(
            effective_due(d(2027, 3, 31), Some(d(2027, 1, 10))),
            d(2027, 3, 31)
        );
        assert_eq!(
            effective_due(d(2026, 12, 31), Some(d(2027, 1, 10))),
            d(2027, 1, 10)
        );
        assert_eq!(effective_due(d(2026, 12, 31), None), d(2026, 12, 31));
    }

    #[test]
    fn days_left_counts_calendar_days() {
        assert_eq!(days_left(d(2023, 4, 20), d(2023, 4, 22)), 2);
        assert_eq!(days_left(d(2023, 4, 22), d(2023, 4, 22)), 0);
        assert_eq!(days_left(d(2023, 4, 25), d(2023, 4, 22)), -3);
    }
}
