use actix_web::{HttpResponse, get, web};
use thidua_db::queries::{organizations as org_queries, registrations as reg_queries};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::CampaignOp;
use crate::error::ApiError;
use crate::exports::mau1::{self, Mau1, Mau1Row};
use crate::routes::registrations::export::{heading, snapshot_of};
use crate::state::AppState;

/// Every unit's latest submitted version, in one table with a "Đơn vị" column, issued by
/// the campaign's organisation.
async fn document(state: &AppState, p: &Principal, id: Uuid) -> Result<Mau1, ApiError> {
    let mut conn = state.conn().await?;
    let c = super::load(&mut conn, id).await?;
    c.authorize(p, CampaignOp::ExportRegistrations)?;
    let mut doc = heading(&mut conn, &c.organization, &c.campaign).await?;
    doc.with_unit_column = true;
    let regs = reg_queries::submitted_of_campaign(&mut conn, c.campaign.id).await?;
    let unit_ids: Vec<Uuid> = regs.iter().map(|r| r.organization_id).collect();
    let mut units = org_queries::find_many(&mut conn, &unit_ids).await?;
    units.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let reg_ids: Vec<Uuid> = regs.iter().map(|r| r.id).collect();
    let versions = reg_queries::latest_versions(&mut conn, &reg_ids).await?;
    for unit in &units {
        let Some(reg) = regs.iter().find(|r| r.organization_id == unit.id) else {
            continue;
        };
        let Some(v) = versions.iter().find(|v| v.registration_id == reg.id) else {
            continue;
        };
        let (initiatives, _) = snapshot_of(v)?;
        doc.rows
            .extend(initiatives.into_iter().map(|initiative| Mau1Row {
                unit: Some(unit.name.clone()),
                initiative,
            }));
    }
    Ok(doc)
}

const NAME: &str = "Mẫu 1 - Tổng hợp đăng ký thi đua CCHC";

/// Mẫu 1 over all units of the campaign as an Excel workbook (authority officers).
#[utoipa::path(
    tag = "campaigns",
    operation_id = "export_campaign_registrations_xlsx",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/campaigns/{id}/registrations/export.xlsx")]
pub async fn export_campaign_registrations_xlsx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let doc = document(&state, &p, id.into_inner()).await?;
    mau1::response(&doc, false, "Mau1-tong-hop", NAME)
}

/// Mẫu 1 over all units of the campaign as a Word document (authority officers).
#[utoipa::path(
    tag = "campaigns",
    operation_id = "export_campaign_registrations_docx",
    params(("id" = Uuid, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/campaigns/{id}/registrations/export.docx")]
pub async fn export_campaign_registrations_docx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let doc = document(&state, &p, id.into_inner()).await?;
    mau1::response(&doc, true, "Mau1-tong-hop", NAME)
}
