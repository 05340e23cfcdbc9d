//! Sending a report to the campaign's authority, and the authority's answer (receive, or
//! return with a reason). Each is one transaction: the conditional state change, the frozen
//! version (sections, table and evidence as read under the report's lock), the evidence
//! locked for good, and the audit row.

use std::collections::HashMap;

use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use diesel_async::AsyncConnection;
use thidua_db::models::ReportVersion;
use thidua_db::queries::{files as file_queries, reports as report_queries, users as user_queries};
use thidua_domain::FieldError;
use thidua_domain::report::{EvidenceCategory, missing_evidence, requirement_vi};
use thidua_domain::submission::SubmissionAction;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::ReportOp;
use crate::error::ApiError;
use crate::extract::Json;
use crate::files::store;
use crate::routes::{audit, submissions};
use crate::state::AppState;
use crate::views::UserRef;
use crate::views::initiatives::ReasonRequest;
use crate::views::reports::{ReportSnapshot, ReportView, SnapshotFile};

/// Send the report to the campaign's authority (its writers).
///
/// The sections, the results table and the evidence are frozen as a version and the evidence
/// files are locked. After the milestone's deadline (or the unit's extension) it is marked
/// late, or refused when the milestone refuses late submissions. An acceptance report is
/// refused while evidence the campaign requires is missing.
#[utoipa::path(
    tag = "reports",
    operation_id = "submit_report",
    params(("id" = Uuid, Path, description = "Report id")),
    responses(
        (status = 200, description = "Sent; the report with its new version", body = ReportView, headers(("ETag" = String))),
        (status = 403, description = "Not one of the report's writers", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already sent (the state is in `errors[0].code`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`missing_evidence` (each missing requirement in `errors`), `empty_report`, or `deadline_passed` under a refuse policy", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/reports/{id}/submit")]
pub async fn submit_report(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, ReportOp::Transition(SubmissionAction::Submit))?;
    let from = r.status()?;
    let to = from
        .next(SubmissionAction::Submit)
        .ok_or_else(|| ApiError::invalid_transition(from.as_str(), "submit"))?;
    let now = Utc::now();
    let deadline = submissions::deadlines(&mut conn, &[(&r.milestone, r.unit.id)])
        .await?
        .remove(&(r.milestone.id, r.unit.id));
    let (late, due_on) = submissions::judge(deadline.as_ref(), now, "báo cáo", "report")?;
    let required = r.requirements();
    let (rid, unit_id, actor) = (r.report.id, r.unit.id, p.user_id);
    let number = r.report.submitted_versions + 1;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if report_queries::transition(conn, rid, from.as_str(), to.as_str(), true)
            .await?
            .is_none()
        {
            let (current, _) = report_queries::lock(conn, rid).await?;
            return Err(ApiError::invalid_transition(&current, "submit"));
        }
        // Read under the report's lock: what is frozen is what is locked.
        let report = report_queries::find(conn, rid).await?;
        let sections = super::sections_of(&report.sections);
        let rows = super::rows_of(conn, &[rid])
            .await?
            .remove(&rid)
            .unwrap_or_default();
        let mut files = file_queries::of_reports(conn, &[rid]).await?;
        if let Some(i) = report.initiative_id {
            files.extend(file_queries::of_initiatives(conn, &[i]).await?);
        }
        let written = [
            &sections.situation,
            &sections.implementation,
            &sections.results,
            &sections.effectiveness,
            &sections.difficulties,
            &sections.proposals,
        ]
        .iter()
        .any(|s| !s.trim().is_empty());
        if !written {
            return Err(ApiError::unprocessable(
                "empty_report",
                "Báo cáo chưa có nội dung theo đề cương.",
                "The report has no section written.",
            ));
        }
        let attached: Vec<EvidenceCategory> = files
            .iter()
            .filter_map(|(f, _)| EvidenceCategory::parse(&f.category))
            .collect();
        let missing = missing_evidence(&required, &attached);
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|m| requirement_vi(m)).collect();
            return Err(ApiError::unprocessable(
                "missing_evidence",
                format!("Thiếu tài liệu minh chứng: {}.", names.join("; ")),
                format!(
                    "Required evidence is missing: {}.",
                    missing
                        .iter()
                        .map(|m| m
                            .iter()
                            .map(|c| c.as_str())
                            .collect::<Vec<_>>()
                            .join(" or "))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )
            .with_errors(
                missing
                    .iter()
                    .map(|m| {
                        FieldError::new(
                            "files",
                            "missing_evidence",
                            format!("Thiếu tài liệu minh chứng: {}.", requirement_vi(m)),
                            format!(
                                "Missing evidence: {}.",
                                m.iter()
                                    .map(|c| c.as_str())
                                    .collect::<Vec<_>>()
                                    .join(" or ")
                            ),
                        )
                    })
                    .collect(),
            ));
        }
        let uploaders: Vec<Uuid> = files.iter().map(|(f, _)| f.uploaded_by).collect();
        let names: HashMap<Uuid, String> = user_queries::display_names(conn, &uploaders)
            .await?
            .into_iter()
            .collect();
        let file_ids: Vec<Uuid> = files.iter().map(|(f, _)| f.id).collect();
        let snapshot = ReportSnapshot {
            title: report.title.clone(),
            sections,
            rows,
            files: files
                .into_iter()
                .map(|(f, b)| SnapshotFile {
                    id: f.id,
                    category: EvidenceCategory::parse(&f.category)
                        .unwrap_or(EvidenceCategory::Other)
                        .into(),
                    media_type: b.media_type,
                    size_bytes: b.size_bytes,
                    sha256: store::hex(&f.sha256),
                    initiative_id: f.initiative_id,
                    report_row_id: f.report_row_id,
                    uploaded_by: UserRef {
                        id: f.uploaded_by,
                        display_name: names.get(&f.uploaded_by).cloned().unwrap_or_default(),
                    },
                    created_at: f.created_at,
                    original_name: f.original_name,
                })
                .collect(),
        };
        file_queries::lock(conn, &file_ids, now).await?;
        report_queries::insert_version(
            conn,
            &ReportVersion {
                id: Uuid::now_v7(),
                report_id: rid,
                number,
                submitted_at: now,
                submitted_by: actor,
                late,
                due_on,
                snapshot: serde_json::to_value(&snapshot).map_err(ApiError::internal)?,
                decision: None,
                decided_at: None,
                decided_by: None,
                reason: None,
            },
        )
        .await?;
        audit(
            conn,
            Some(actor),
            "report.submit",
            "report",
            Some(rid),
            Some(unit_id),
            serde_json::json!({ "version": number, "late": late, "files": file_ids.len() }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, rid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

async fn decide(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    action: SubmissionAction,
    reason: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(p, ReportOp::Transition(action))?;
    submissions::decide::<submissions::Reports>(
        &mut conn,
        submissions::Decision {
            id: r.report.id,
            unit_id: r.unit.id,
            number: r.report.submitted_versions,
            from: r.status()?,
            action,
            actor: p.user_id,
            reason,
        },
    )
    .await?;
    let view = super::view_one(&mut conn, p, id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Receive a sent report (the campaign's authority officer).
#[utoipa::path(
    tag = "reports",
    operation_id = "receive_report",
    params(("id" = Uuid, Path, description = "Report id")),
    responses(
        (status = 200, description = "Received", body = ReportView, headers(("ETag" = String))),
        (status = 403, description = "Not an authority officer of the campaign", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not sent (the state is in `errors[0].code`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/reports/{id}/receive")]
pub async fn receive_report(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    decide(&state, &p, id.into_inner(), SubmissionAction::Receive, None).await
}

/// Return a sent report to the unit for correction, with the reason.
#[utoipa::path(
    tag = "reports",
    operation_id = "return_report",
    params(("id" = Uuid, Path, description = "Report id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Returned", body = ReportView, headers(("ETag" = String))),
        (status = 403, description = "Not an authority officer of the campaign", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not sent (the state is in `errors[0].code`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/reports/{id}/return")]
pub async fn return_report(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    decide(
        &state,
        &p,
        id.into_inner(),
        SubmissionAction::Return,
        Some(body.0.reason),
    )
    .await
}
