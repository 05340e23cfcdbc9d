//! Mẫu 2 downloads of a report: as it stands while it is being written, as its latest
//! version froze it once sent, or any version by number.

use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use thidua_db::queries::{organizations as org_queries, reports as report_queries};
use thidua_domain::deadline::vietnam_date;
use thidua_domain::report::EvidenceCategory;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::ReportOp;
use crate::error::ApiError;
use crate::exports::mau2::{self, EvidenceLine, Mau2};
use crate::extract::Query;
use crate::routes::registrations::export::{campaign_reference, issuer};
use crate::state::AppState;
use crate::views::files::FileCategoryCode;
use crate::views::reports::{ReportRowView, ReportSnapshot};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// A submitted version; by default the report as it stands while a draft or returned,
    /// else its latest version.
    #[param(minimum = 1)]
    pub version: Option<i32>,
}

/// Where each evidence file is attached, in words.
fn attached_to(rows: &[ReportRowView], row: Option<Uuid>, on_initiative: bool) -> String {
    if on_initiative {
        return "Hồ sơ sáng kiến".into();
    }
    match row.and_then(|id| rows.iter().position(|r| r.id == id)) {
        Some(n) => format!("Dòng {}: {}", n + 1, rows[n].indicator),
        None => "Báo cáo".into(),
    }
}

fn category_vi(c: FileCategoryCode) -> String {
    EvidenceCategory::from(c).name_vi().to_string()
}

async fn document(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    version: Option<i32>,
) -> Result<Mau2, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(p, ReportOp::View)?;
    let versions = report_queries::versions_of(&mut conn, &[id]).await?;
    let chosen = match version {
        Some(n) => Some(
            versions
                .into_iter()
                .find(|v| v.number == n)
                .ok_or_else(ApiError::not_found)?,
        ),
        None if r.status()?.editable() => None,
        None => versions.into_iter().last(),
    };
    let (date, sections, rows, evidence) = match chosen {
        Some(v) => {
            let snap: ReportSnapshot =
                serde_json::from_value(v.snapshot).map_err(ApiError::internal)?;
            let evidence = snap
                .files
                .iter()
                .map(|f| EvidenceLine {
                    name: f.original_name.clone(),
                    category: category_vi(f.category),
                    attached_to: attached_to(
                        &snap.rows,
                        f.report_row_id,
                        f.initiative_id.is_some(),
                    ),
                    size_bytes: f.size_bytes,
                })
                .collect();
            (
                Some(vietnam_date(v.submitted_at)),
                snap.sections,
                snap.rows,
                evidence,
            )
        }
        None => {
            let rows = super::rows_of(&mut conn, &[id])
                .await?
                .remove(&id)
                .unwrap_or_default();
            let files = super::evidence_of(&mut conn, std::slice::from_ref(&r))
                .await?
                .remove(&id)
                .unwrap_or_default();
            let evidence = files
                .iter()
                .map(|(f, b)| EvidenceLine {
                    name: f.original_name.clone(),
                    category: EvidenceCategory::parse(&f.category)
                        .unwrap_or(EvidenceCategory::Other)
                        .name_vi()
                        .to_string(),
                    attached_to: attached_to(&rows, f.report_row_id, f.initiative_id.is_some()),
                    size_bytes: b.size_bytes,
                })
                .collect();
            (None, super::sections_of(&r.report.sections), rows, evidence)
        }
    };
    let who = issuer(&mut conn, &r.unit).await?;
    let recipient = org_queries::find(&mut conn, r.campaign.organization_id)
        .await?
        .name;
    Ok(Mau2 {
        governing_body: who.governing_body,
        unit_name: r.unit.name.clone(),
        unit_short: who.unit_short,
        place: who.place,
        date,
        year: r.campaign.year,
        kind: r.kind,
        initiative_title: r.initiative.as_ref().map(|(i, _)| i.title.clone()),
        campaign_reference: campaign_reference(&r.campaign),
        sections,
        rows,
        evidence,
        recipient,
        head_name: who.head_name,
    })
}

const NAME: &str = "Mẫu 2 - Báo cáo";

/// Mẫu 2 as an Excel workbook (Decree 30/2020/NĐ-CP layout): the outline, the results
/// table, the list of evidence.
#[utoipa::path(
    tag = "reports",
    operation_id = "export_report_xlsx",
    params(("id" = Uuid, Path, description = "Report id"), ExportParams),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 404, description = "Not found in the caller's reach, or no such version", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/reports/{id}/export.xlsx")]
pub async fn export_report_xlsx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    params: Query<ExportParams>,
) -> Result<HttpResponse, ApiError> {
    let doc = document(&state, &p, id.into_inner(), params.0.version).await?;
    mau2::response(&doc, false, "Mau2-bao-cao", NAME)
}

/// Mẫu 2 as a Word document (Decree 30/2020/NĐ-CP layout).
#[utoipa::path(
    tag = "reports",
    operation_id = "export_report_docx",
    params(("id" = Uuid, Path, description = "Report id"), ExportParams),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 404, description = "Not found in the caller's reach, or no such version", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/reports/{id}/export.docx")]
pub async fn export_report_docx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    params: Query<ExportParams>,
) -> Result<HttpResponse, ApiError> {
    let doc = document(&state, &p, id.into_inner(), params.0.version).await?;
    mau2::response(&doc, true, "Mau2-bao-cao", NAME)
}
