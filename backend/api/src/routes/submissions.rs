//! What registrations and reports share as documents sent to an authority: the deadline of a
//! milestone for a unit (with its extension), the judgement of a submission against it (on
//! time, late, or refused), and the summaries of submitted versions.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::AsyncConnection;
use thidua_db::AsyncPgConnection;
use thidua_db::models::Milestone;
use thidua_db::queries::{
    campaigns as campaign_queries, registrations as reg_queries, reports as report_queries,
    users as user_queries,
};
use thidua_domain::campaign::LatePolicy;
use thidua_domain::deadline::{SubmissionTiming, effective_due, is_late, judge_submission};
use thidua_domain::submission::{SubmissionAction, SubmissionStatus};
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

/// The state and version rows of one kind of sent document (registrations, reports).
pub trait SentDocuments {
    /// The audit's entity type, and the prefix of its actions (`report.receive`).
    const ENTITY: &'static str;

    /// The conditional state change; `false` when the row is no longer in `from`.
    fn transition(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        from: &str,
        to: &str,
    ) -> impl Future<Output = diesel::QueryResult<bool>> + Send;

    /// Locks the row and returns its state.
    fn lock_status(
        conn: &mut AsyncPgConnection,
        id: Uuid,
    ) -> impl Future<Output = diesel::QueryResult<String>> + Send;

    /// Records the authority's decision on version `number`.
    fn decide_latest(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        number: i32,
        decision: &str,
        by: Uuid,
        reason: Option<String>,
    ) -> impl Future<Output = diesel::QueryResult<()>> + Send;
}

/// What the authority decides on a sent document.
pub struct Decision {
    pub id: Uuid,
    pub unit_id: Uuid,
    /// The version decided on (the latest sent).
    pub number: i32,
    pub from: SubmissionStatus,
    pub action: SubmissionAction,
    pub actor: Uuid,
    pub reason: Option<String>,
}

/// Receives or returns a sent document in one transaction: the conditional state change
/// (409 naming the state when another request got there first), the decision on the latest
/// version, the audit row. The caller has authorised it; a return's reason is checked here.
pub async fn decide<D: SentDocuments>(
    conn: &mut AsyncPgConnection,
    d: Decision,
) -> Result<(), ApiError> {
    let Decision {
        id,
        unit_id,
        number,
        from,
        action,
        actor,
        reason,
    } = d;
    let reason = match reason {
        Some(text) => Some(
            thidua_domain::validation::required_text("reason", &text, 2000)
                .map_err(ApiError::field)?,
        ),
        None => None,
    };
    let to = from
        .next(action)
        .ok_or_else(|| ApiError::invalid_transition(from.as_str(), action.as_str()))?;
    let decision = match to {
        SubmissionStatus::Received => "received",
        _ => "returned",
    };
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if !D::transition(conn, id, from.as_str(), to.as_str()).await? {
            let current = D::lock_status(conn, id).await?;
            return Err(ApiError::invalid_transition(&current, action.as_str()));
        }
        D::decide_latest(conn, id, number, decision, actor, reason.clone()).await?;
        crate::routes::audit(
            conn,
            Some(actor),
            &format!("{}.{}", D::ENTITY, action.as_str()),
            D::ENTITY,
            Some(id),
            Some(unit_id),
            serde_json::json!({ "version": number, "reason": reason }),
        )
        .await
    })
    .await
}

pub struct Registrations;

impl SentDocuments for Registrations {
    const ENTITY: &'static str = "registration";

    async fn transition(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        from: &str,
        to: &str,
    ) -> diesel::QueryResult<bool> {
        Ok(reg_queries::transition(conn, id, from, to, false)
            .await?
            .is_some())
    }

    async fn lock_status(conn: &mut AsyncPgConnection, id: Uuid) -> diesel::QueryResult<String> {
        reg_queries::lock_status(conn, id).await
    }

    async fn decide_latest(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        number: i32,
        decision: &str,
        by: Uuid,
        reason: Option<String>,
    ) -> diesel::QueryResult<()> {
        reg_queries::decide_latest(conn, id, number, decision, by, Utc::now(), reason).await
    }
}

pub struct Reports;

impl SentDocuments for Reports {
    const ENTITY: &'static str = "report";

    async fn transition(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        from: &str,
        to: &str,
    ) -> diesel::QueryResult<bool> {
        Ok(report_queries::transition(conn, id, from, to, false)
            .await?
            .is_some())
    }

    async fn lock_status(conn: &mut AsyncPgConnection, id: Uuid) -> diesel::QueryResult<String> {
        Ok(report_queries::lock(conn, id).await?.0)
    }

    async fn decide_latest(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        number: i32,
        decision: &str,
        by: Uuid,
        reason: Option<String>,
    ) -> diesel::QueryResult<()> {
        report_queries::decide_latest(conn, id, number, decision, by, Utc::now(), reason).await
    }
}
