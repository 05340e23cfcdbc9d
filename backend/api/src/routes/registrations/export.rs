use std::collections::HashMap;

use actix_web::{HttpResponse, get, web};
use thidua_db::AsyncPgConnection;
use thidua_db::models::{Campaign, Organization, RegistrationVersion};
use thidua_db::queries::{
    initiatives as initiative_queries, organizations as org_queries, registrations as reg_queries,
    users as user_queries,
};
use thidua_domain::deadline::vietnam_date;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::RegistrationOp;
use crate::error::ApiError;
use crate::exports::mau1::{self, Mau1, Mau1Row};
use crate::state::AppState;
use crate::views::registrations::{CommitmentView, RegisteredInitiative};

/// Where a document is signed: the district above the unit, else the city.
pub async fn place_of(
    conn: &mut AsyncPgConnection,
    org: &Organization,
) -> Result<String, ApiError> {
    let ancestors = org_queries::find_many(conn, &org.ancestry()).await?;
    let district = org.ancestry().iter().rev().find_map(|id| {
        ancestors
            .iter()
            .find(|a| a.id == *id && a.kind == "district")
    });
    Ok(match district {
        Some(d) => d
            .name
            .strip_prefix("Ủy ban nhân dân ")
            .unwrap_or(&d.name)
            .to_string(),
        None => "Thành phố Hồ Chí Minh".to_string(),
    })
}

/// Who issues a document: the body above the unit, the unit's abbreviation for the number,
/// where it is signed and by whom (the unit's head).
pub struct Issuer {
    pub governing_body: Option<String>,
    pub unit_short: String,
    pub place: String,
    pub head_name: Option<String>,
}

pub async fn issuer(conn: &mut AsyncPgConnection, org: &Organization) -> Result<Issuer, ApiError> {
    let governing_body = match org.parent_id {
        Some(id) => Some(org_queries::find(conn, id).await?.name),
        None => None,
    };
    let head_name = user_queries::role_holders_at(conn, "unit_head", &[org.id])
        .await?
        .into_iter()
        .next()
        .map(|(_, name)| name);
    Ok(Issuer {
        governing_body,
        unit_short: Some(crate::exports::mau1::abbreviation(
            org.short_name.as_deref().unwrap_or(&org.name),
        ))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| org.code.clone()),
        place: place_of(conn, org).await?,
        head_name,
    })
}

/// The heading of a Mẫu 1 document issued by `org`, without its rows.
pub async fn heading(
    conn: &mut AsyncPgConnection,
    org: &Organization,
    campaign: &Campaign,
) -> Result<Mau1, ApiError> {
    let who = issuer(conn, org).await?;
    let reform_areas: HashMap<String, String> = initiative_queries::reform_areas(conn)
        .await?
        .into_iter()
        .map(|a| (a.code, a.name_vi))
        .collect();
    Ok(Mau1 {
        governing_body: who.governing_body,
        unit_name: org.name.clone(),
        unit_short: who.unit_short,
        place: who.place,
        date: None,
        year: campaign.year,
        campaign_reference: campaign_reference(campaign),
        reform_areas,
        rows: Vec::new(),
        with_unit_column: false,
        commitments: None,
        head_name: who.head_name,
    })
}

/// "(Căn cứ Kế hoạch số 175/KH-UBND: …)".
pub fn campaign_reference(campaign: &Campaign) -> String {
    format!("(Căn cứ Kế hoạch số {}: {})", campaign.code, campaign.title)
}

pub fn snapshot_of(
    v: &RegistrationVersion,
) -> Result<(Vec<RegisteredInitiative>, Vec<CommitmentView>), ApiError> {
    let initiatives =
        serde_json::from_value(v.snapshot["initiatives"].clone()).map_err(ApiError::internal)?;
    let commitments =
        serde_json::from_value(v.snapshot["commitments"].clone()).map_err(ApiError::internal)?;
    Ok((initiatives, commitments))
}

/// The registration as its latest submitted version froze it, else as it stands now.
async fn document(state: &AppState, p: &Principal, id: Uuid) -> Result<Mau1, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(p, RegistrationOp::View)?;
    let mut doc = heading(&mut conn, &r.unit, &r.campaign).await?;
    let latest = reg_queries::versions_of(&mut conn, id).await?.pop();
    let (initiatives, commitments) = match &latest {
        Some(v) => {
            doc.date = Some(vietnam_date(v.submitted_at));
            snapshot_of(v)?
        }
        None => {
            let reg = &r.registration;
            let items =
                super::registered_initiatives(&mut conn, reg.campaign_id, reg.organization_id)
                    .await?;
            let commitments = reg_queries::commitments_of(&mut conn, &[reg.id]).await?;
            (
                items,
                commitments.iter().map(super::commitment_view).collect(),
            )
        }
    };
    doc.rows = initiatives
        .into_iter()
        .map(|initiative| Mau1Row {
            unit: None,
            initiative,
        })
        .collect();
    doc.commitments = Some(commitments);
    Ok(doc)
}

const NAME: &str = "Mẫu 1 - Bản đăng ký thi đua CCHC";

/// Mẫu 1 as an Excel workbook (Decree 30/2020/NĐ-CP layout).
#[utoipa::path(
    tag = "registrations",
    operation_id = "export_registration_xlsx",
    params(("id" = Uuid, Path, description = "Registration id")),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/registrations/{id}/export.xlsx")]
pub async fn export_registration_xlsx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let doc = document(&state, &p, id.into_inner()).await?;
    mau1::response(&doc, false, "Mau1-dang-ky", NAME)
}

/// Mẫu 1 as a Word document (Decree 30/2020/NĐ-CP layout).
#[utoipa::path(
    tag = "registrations",
    operation_id = "export_registration_docx",
    params(("id" = Uuid, Path, description = "Registration id")),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/registrations/{id}/export.docx")]
pub async fn export_registration_docx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let doc = document(&state, &p, id.into_inner()).await?;
    mau1::response(&doc, true, "Mau1-dang-ky", NAME)
}
