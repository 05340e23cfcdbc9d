//! What registrations and reports share as documents sent to an authority: the deadline of a
//! milestone for a unit (with its extension), the judgement of a submission against it (on
//! time, late, or refused), and the summaries of submitted versions.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use thidua_db::AsyncPgConnection;
use thidua_db::models::Milestone;
use thidua_db::queries::{campaigns as campaign_queries, users as user_queries};
use thidua_domain::campaign::LatePolicy;
use thidua_domain::deadline::{SubmissionTiming, effective_due, is_late, judge_submission};
use uuid::Uuid;

use crate::error::ApiError;
use crate::views::UserRef;
use crate::views::submissions::{SubmissionDeadline, VersionSummary};

pub fn distinct(ids: impl Iterator<Item = Uuid>) -> Vec<Uuid> {
    let mut v: Vec<Uuid> = ids.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The deadline of each (milestone, unit): the milestone's due date with the unit's
/// extension, if any — one query for any number of pairs.
pub async fn deadlines(
    conn: &mut AsyncPgConnection,
    pairs: &[(&Milestone, Uuid)],
) -> Result<HashMap<(Uuid, Uuid), SubmissionDeadline>, ApiError> {
    let milestone_ids = distinct(pairs.iter().map(|(m, _)| m.id));
    let unit_ids = distinct(pairs.iter().map(|p| p.1));
    let extensions: HashMap<(Uuid, Uuid), NaiveDate> =
        campaign_queries::extensions_for(conn, &milestone_ids, &unit_ids)
            .await?
            .into_iter()
            .map(|e| ((e.milestone_id, e.organization_id), e.due_on))
            .collect();
    let now = Utc::now();
    Ok(pairs
        .iter()
        .map(|&(m, unit_id)| {
            let effective = effective_due(m.due_on, extensions.get(&(m.id, unit_id)).copied());
            let policy = LatePolicy::parse(&m.late_policy).unwrap_or(LatePolicy::AcceptLate);
            (
                (m.id, unit_id),
                SubmissionDeadline {
                    milestone_id: m.id,
                    due_on: m.due_on,
                    effective_due_on: effective,
                    late_policy: policy.into(),
                    late_now: is_late(effective, now),
                },
            )
        })
        .collect())
}

/// Whether a submission now is late, and the date it answered; refused (422
/// `deadline_passed`) when the milestone does not take late ones. `what_vi` / `what_en` name
/// the document in the message ("bản đăng ký" / "registration").
pub fn judge(
    deadline: Option<&SubmissionDeadline>,
    now: DateTime<Utc>,
    what_vi: &str,
    what_en: &str,
) -> Result<(bool, NaiveDate), ApiError> {
    let Some(d) = deadline else {
        return Ok((false, now.date_naive()));
    };
    match judge_submission(
        d.due_on,
        Some(d.effective_due_on),
        d.late_policy.into(),
        now,
    ) {
        SubmissionTiming::OnTime => Ok((false, d.effective_due_on)),
        SubmissionTiming::Late => Ok((true, d.effective_due_on)),
        SubmissionTiming::Refused => Err(ApiError::unprocessable(
            "deadline_passed",
            format!(
                "Đã quá hạn nộp {what_vi} ({}); kế hoạch không nhận {what_vi} trễ hạn.",
                d.effective_due_on.format("%d/%m/%Y")
            ),
            format!(
                "The deadline for the {what_en} ({}) has passed and late ones are refused.",
                d.effective_due_on
            ),
        )),
    }
}

/// The facts of one submitted version, whichever document it is a version of.
pub struct VersionFacts<'a> {
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub submitted_by: Uuid,
    pub late: bool,
    pub due_on: NaiveDate,
    pub decision: &'a Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<Uuid>,
    pub reason: &'a Option<String>,
}

/// Version summaries with the people named, in one query.
pub async fn version_summaries(
    conn: &mut AsyncPgConnection,
    versions: &[VersionFacts<'_>],
) -> Result<Vec<VersionSummary>, ApiError> {
    let ids = distinct(
        versions
            .iter()
            .map(|v| v.submitted_by)
            .chain(versions.iter().filter_map(|v| v.decided_by)),
    );
    let names: HashMap<Uuid, String> = user_queries::display_names(conn, &ids)
        .await?
        .into_iter()
        .collect();
    let user = |id: Uuid| UserRef {
        id,
        display_name: names.get(&id).cloned().unwrap_or_default(),
    };
    Ok(versions
        .iter()
        .map(|v| VersionSummary {
            number: v.number,
            submitted_at: v.submitted_at,
            submitted_by: user(v.submitted_by),
            late: v.late,
            due_on: v.due_on,
            decision: v.decision.clone(),
            decided_at: v.decided_at,
            decided_by: v.decided_by.map(user),
            reason: v.reason.clone(),
        })
        .collect())
}
