use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{NewReport, ReportRow};
use thidua_db::queries::{
    campaigns as campaign_queries, initiatives as initiative_queries, organizations as org_queries,
    reports as report_queries,
};
use thidua_domain::FieldError;
use thidua_domain::initiative::InitiativeStatus;
use thidua_domain::report::ReportKind;
use thidua_domain::validation::optional_text;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, CampaignOp, InitiativeOp};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::{audit, campaigns, initiatives};
use crate::state::AppState;
use crate::views::reports::{OpenReportRequest, ReportView};

/// What an indicator line of a new report says until the writer changes it.
const FIRST_INDICATOR: &str = "Kết quả thực hiện";

/// Open a report of the unit for a campaign's milestone (people of the unit; for an
/// acceptance report the initiative's authors, head or focal officer). Returns the existing
/// one when it is already open. A new report's results table starts with one line per
/// initiative the unit registered in the campaign (for an acceptance report, its initiative).
#[utoipa::path(
    tag = "reports",
    operation_id = "open_report",
    request_body = OpenReportRequest,
    responses(
        (status = 200, description = "It already existed", body = ReportView),
        (status = 201, description = "Opened", body = ReportView, headers(("Location" = String))),
        (status = 403, description = "Not allowed to write the unit's reports", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Campaign, unit or initiative not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a participant, no such milestone, an initiative missing or not under way", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/reports")]
pub async fn open_report(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<OpenReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let kind: ReportKind = req.kind.into();
    let title = optional_text("title", req.title.as_deref(), 500).map_err(ApiError::field)?;
    let mut conn = state.conn().await?;

    let initiative = match (kind.per_initiative(), req.initiative_id) {
        (true, None) => return Err(ApiError::field(FieldError::required("initiative_id"))),
        (false, Some(_)) => {
            return Err(ApiError::field(FieldError::new(
                "initiative_id",
                "not_per_initiative",
                "Chỉ báo cáo nghiệm thu gắn với một sáng kiến.",
                "Only an acceptance report is about one initiative.",
            )));
        }
        (true, Some(id)) => {
            let i = initiatives::load(&mut conn, id).await?;
            i.authorize(&p, InitiativeOp::View)?;
            Some(i)
        }
        (false, None) => None,
    };
    let unit_id = match &initiative {
        Some(i) => i.unit.id,
        None => req.organization_id.unwrap_or(p.organization_id),
    };
    let unit = org_queries::find(&mut conn, unit_id).await?;
    let author = initiative.as_ref().is_some_and(|i| i.is_author(&p));
    authz::open_report(&p, &unit.ancestry(), kind.per_initiative(), author).into_result()?;
    let campaign = campaigns::load(&mut conn, req.campaign_id).await?;
    campaign.authorize(&p, CampaignOp::View)?;
    if !unit.ancestry().contains(&campaign.organization.id) || unit.id == campaign.organization.id {
        return Err(ApiError::field(FieldError::new(
            "campaign_id",
            "not_a_participant",
            "Đơn vị không thuộc phạm vi của kế hoạch này.",
            "The unit does not take part in this campaign.",
        )));
    }
    if let Some(i) = &initiative {
        if i.initiative.campaign_id != campaign.campaign.id
            || req.organization_id.is_some_and(|o| o != i.unit.id)
        {
            return Err(ApiError::field(FieldError::new(
                "initiative_id",
                "not_in_campaign",
                "Sáng kiến không thuộc kế hoạch và đơn vị này.",
                "The initiative is not the unit's in this campaign.",
            )));
        }
        if !matches!(
            i.status()?,
            InitiativeStatus::Registered
                | InitiativeStatus::InProgress
                | InitiativeStatus::Completed
        ) {
            return Err(ApiError::field(FieldError::new(
                "initiative_id",
                "not_under_way",
                "Chỉ lập báo cáo nghiệm thu cho sáng kiến đã đăng ký, đang hoặc đã thực hiện xong.",
                "Only a registered, running or completed initiative has an acceptance report.",
            )));
        }
    }

    let milestones = campaign_queries::milestones_of(&mut conn, &[campaign.campaign.id]).await?;
    let milestone = match req.milestone_id {
        Some(id) => milestones.into_iter().find(|m| m.id == id).ok_or_else(|| {
            ApiError::field(FieldError::new(
                "milestone_id",
                "unknown_milestone",
                "Mốc thời gian không thuộc kế hoạch này.",
                "No such milestone in this campaign.",
            ))
        })?,
        None => kind
            .milestone_kind()
            .and_then(|k| milestones.into_iter().find(|m| m.kind == k.as_str()))
            .ok_or_else(|| {
                ApiError::field(FieldError::new(
                    "milestone_id",
                    "required",
                    "Kế hoạch không có mốc cho loại báo cáo này; hãy chọn mốc thời gian.",
                    "The campaign has no milestone for this kind of report; name one.",
                ))
            })?,
    };

    let title = title.unwrap_or_else(|| match &initiative {
        Some(i) => format!("{}: {}", kind.name_vi(), i.initiative.title),
        None => format!("{} — {}", kind.name_vi(), unit.name),
    });
    let title: String = title.chars().take(500).collect();
    let lines: Vec<(Uuid, String)> = match &initiative {
        Some(i) => vec![(i.initiative.id, i.initiative.title.clone())],
        None => initiative_queries::registered_of(&mut conn, &[campaign.campaign.id], &[unit.id])
            .await?
            .into_iter()
            .map(|i| (i.id, i.title))
            .collect(),
    };
    let new = NewReport {
        id: Uuid::now_v7(),
        kind: kind.as_str().into(),
        campaign_id: campaign.campaign.id,
        organization_id: unit.id,
        milestone_id: milestone.id,
        initiative_id: initiative.as_ref().map(|i| i.initiative.id),
        title,
        sections: serde_json::json!({}),
        created_by: p.user_id,
    };
    let actor = p.user_id;
    let (id, created) = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let (r, created) = report_queries::find_or_create(conn, &new).await?;
            if created {
                let now = chrono::Utc::now();
                let rows: Vec<ReportRow> = lines
                    .into_iter()
                    .enumerate()
                    .map(|(n, (initiative_id, _))| ReportRow {
                        id: Uuid::now_v7(),
                        report_id: r.id,
                        initiative_id: Some(initiative_id),
                        indicator: FIRST_INDICATOR.into(),
                        unit_of_measure: None,
                        baseline: None,
                        target: None,
                        actual: None,
                        status_note: None,
                        sort_order: n as i32,
                        created_at: now,
                        updated_at: now,
                    })
                    .collect();
                report_queries::replace_rows(conn, r.id, &rows).await?;
                audit(
                    conn,
                    Some(actor),
                    "report.open",
                    "report",
                    Some(r.id),
                    Some(r.organization_id),
                    serde_json::json!({
                        "kind": r.kind,
                        "campaign_id": r.campaign_id,
                        "milestone_id": r.milestone_id,
                        "initiative_id": r.initiative_id,
                    }),
                )
                .await?;
            }
            Ok((r.id, created))
        })
        .await?;
    let view = super::view_one(&mut conn, &p, id).await?;
    let mut resp = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(resp
        .insert_header(("ETag", view.etag.clone()))
        .insert_header(("Location", format!("/api/v1/reports/{id}")))
        .json(view))
}
