//! Writing a report: its title, the outline's sections and the results table, while it is a
//! draft or returned (If-Match: the report's ETag).

use std::collections::{HashMap, HashSet};

use actix_web::{HttpResponse, patch, web};
use diesel_async::AsyncConnection;
use thidua_db::models::ReportRow;
use thidua_db::queries::{
    files as file_queries, initiatives as initiative_queries, reports as report_queries,
};
use thidua_domain::validation::{optional_text, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::ReportOp;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::reports::{ReportRowInput, ReportSectionsInput, ReportView, UpdateReportRequest};

const SECTION_MAX: usize = 20_000;
const MAX_ROWS: usize = 200;

/// A section's text: kept as written (blank allowed), bounded, without control characters.
fn section(errs: &mut ValidationErrors, field: &str, value: Option<String>, current: &mut String) {
    let Some(v) = value else { return };
    if v.trim().is_empty() {
        current.clear();
        return;
    }
    if let Some(text) = errs.check(required_text(field, &v, SECTION_MAX)) {
        *current = text;
    }
}

fn number(errs: &mut ValidationErrors, field: String, v: Option<f64>) -> Option<f64> {
    match v {
        Some(x) if !x.is_finite() || x.abs() > 1e12 => {
            errs.push(FieldError::new(
                field,
                "out_of_range",
                "Số liệu không hợp lệ.",
                "Not a plausible figure.",
            ));
            None
        }
        other => other,
    }
}

/// Change a report while it is a draft or returned: title, sections (each given is
/// replaced) and, when `rows` is given, the whole results table in order. Lines keep their
/// evidence by `id`; a removed line's evidence stays with the report.
#[utoipa::path(
    tag = "reports",
    operation_id = "update_report",
    params(("id" = Uuid, Path, description = "Report id"), ("If-Match" = String, Header, description = "The report's ETag")),
    request_body = UpdateReportRequest,
    responses(
        (status = 200, description = "Updated", body = ReportView, headers(("ETag" = String))),
        (status = 403, description = "Not one of the report's writers", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Sent and not returned, or a removed line carries submitted evidence", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/reports/{id}")]
pub async fn update_report(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, ReportOp::Update)?;
    if_match.check(&r.etag())?;

    let mut errs = ValidationErrors::new();
    let title = match &req.title {
        Some(t) => errs.check(required_text("title", t, 500)),
        None => Some(r.report.title.clone()),
    };
    let mut sections = super::sections_of(&r.report.sections);
    if let Some(s) = req.sections {
        let ReportSectionsInput {
            situation,
            implementation,
            results,
            effectiveness,
            difficulties,
            proposals,
        } = s;
        section(
            &mut errs,
            "sections.situation",
            situation,
            &mut sections.situation,
        );
        section(
            &mut errs,
            "sections.implementation",
            implementation,
            &mut sections.implementation,
        );
        section(
            &mut errs,
            "sections.results",
            results,
            &mut sections.results,
        );
        section(
            &mut errs,
            "sections.effectiveness",
            effectiveness,
            &mut sections.effectiveness,
        );
        section(
            &mut errs,
            "sections.difficulties",
            difficulties,
            &mut sections.difficulties,
        );
        section(
            &mut errs,
            "sections.proposals",
            proposals,
            &mut sections.proposals,
        );
    }

    let rid = r.report.id;
    let rows = match req.rows {
        None => None,
        Some(rows) => Some(checked_rows(&mut conn, &r, rows, &mut errs).await?),
    };
    errs.into_result()?;
    let title = title.ok_or_else(|| ApiError::internal(anyhow::anyhow!("title missing")))?;
    let sections = serde_json::to_value(&sections).map_err(ApiError::internal)?;

    // Lines that go away: their unlocked evidence moves to the report; submitted evidence
    // keeps its line.
    let removed: Vec<Uuid> = match &rows {
        None => Vec::new(),
        Some(rows) => {
            let keep: HashSet<Uuid> = rows.iter().map(|r| r.id).collect();
            report_queries::rows_of(&mut conn, &[rid])
                .await?
                .into_iter()
                .map(|r| r.id)
                .filter(|id| !keep.contains(id))
                .collect()
        }
    };
    let (version, unit, actor) = (r.report.version, r.unit.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let (status, current) = report_queries::lock(conn, rid).await?;
        if status != "draft" && status != "returned" {
            return Err(ApiError::invalid_transition(&status, "update"));
        }
        if current != version {
            return Err(ApiError::precondition_failed());
        }
        if !removed.is_empty() {
            if file_queries::rows_have_locked(conn, &removed).await? {
                return Err(ApiError::conflict(
                    "row_has_submitted_evidence",
                    "Không thể xóa dòng kết quả có tài liệu minh chứng đã gửi.",
                    "A line whose evidence was submitted cannot be removed.",
                ));
            }
            file_queries::detach_from_rows(conn, &removed).await?;
        }
        report_queries::update_content(conn, rid, &title, &sections).await?;
        if let Some(rows) = &rows {
            report_queries::replace_rows(conn, rid, rows).await?;
        }
        audit(
            conn,
            Some(actor),
            "report.update",
            "report",
            Some(rid),
            Some(unit),
            serde_json::json!({
                "title": title,
                "rows": rows.as_ref().map(Vec::len),
                "removed_rows": removed,
            }),
        )
        .await
    })
    .await?;
    let view: ReportView = super::view_one(&mut conn, &p, rid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// The table as it will be stored; problems go to `errs` (named `rows[i].field`).
async fn checked_rows(
    conn: &mut thidua_db::AsyncPgConnection,
    r: &super::LoadedReport,
    rows: Vec<ReportRowInput>,
    errs: &mut ValidationErrors,
) -> Result<Vec<ReportRow>, ApiError> {
    if rows.len() > MAX_ROWS {
        errs.push(FieldError::new(
            "rows",
            "too_many",
            format!("Bảng kết quả có tối đa {MAX_ROWS} dòng."),
            format!("At most {MAX_ROWS} lines."),
        ));
        return Ok(Vec::new());
    }
    let existing: HashMap<Uuid, ReportRow> = report_queries::rows_of(conn, &[r.report.id])
        .await?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let wanted: Vec<Uuid> = rows.iter().filter_map(|x| x.initiative_id).collect();
    let valid: HashSet<Uuid> = initiative_queries::find_many(conn, &wanted)
        .await?
        .into_iter()
        .filter(|i| {
            i.organization_id == r.report.organization_id && i.campaign_id == r.report.campaign_id
        })
        .map(|i| i.id)
        .collect();
    let now = chrono::Utc::now();
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(rows.len());
    for (n, row) in rows.into_iter().enumerate() {
        let at = |f: &str| format!("rows[{n}].{f}");
        let id = match row.id {
            Some(id) if !existing.contains_key(&id) || !seen.insert(id) => {
                errs.push(FieldError::new(
                    at("id"),
                    "unknown_row",
                    "Dòng không thuộc báo cáo này.",
                    "Not a line of this report.",
                ));
                continue;
            }
            Some(id) => id,
            None => Uuid::now_v7(),
        };
        if let Some(i) = row.initiative_id
            && !valid.contains(&i)
        {
            errs.push(FieldError::new(
                at("initiative_id"),
                "not_in_campaign",
                "Sáng kiến không thuộc đơn vị trong kế hoạch này.",
                "Not an initiative of the unit in this campaign.",
            ));
        }
        let indicator = errs.check(required_text(&at("indicator"), &row.indicator, 500));
        let unit_of_measure = errs
            .check(optional_text(
                &at("unit_of_measure"),
                row.unit_of_measure.as_deref(),
                50,
            ))
            .flatten();
        let status_note = errs
            .check(optional_text(
                &at("status_note"),
                row.status_note.as_deref(),
                2000,
            ))
            .flatten();
        let baseline = number(errs, at("baseline"), row.baseline);
        let target = number(errs, at("target"), row.target);
        let actual = number(errs, at("actual"), row.actual);
        out.push(ReportRow {
            id,
            report_id: r.report.id,
            initiative_id: row.initiative_id,
            indicator: indicator.unwrap_or_default(),
            unit_of_measure,
            baseline,
            target,
            actual,
            status_note,
            sort_order: n as i32,
            created_at: existing.get(&id).map_or(now, |e| e.created_at),
            updated_at: now,
        });
    }
    Ok(out)
}
