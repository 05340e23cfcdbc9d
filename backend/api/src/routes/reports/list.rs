use actix_web::{get, web};
use thidua_db::queries::reports::{self as report_queries, ReportFilter, ReportScope};
use thidua_domain::page::Page as PageReq;
use thidua_domain::report::ReportKind;
use thidua_domain::role::Role;
use thidua_domain::submission::SubmissionStatus;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Query;
use crate::state::AppState;
use crate::views::Page;
use crate::views::reports::{ReportListParams, ReportView};

/// Reports in the caller's reach: their units', and (for an authority) those sent to the
/// campaigns it runs — `status=submitted` is its inbox.
#[utoipa::path(
    tag = "reports",
    operation_id = "list_reports",
    params(ReportListParams),
    responses((status = 200, description = "One page of reports, latest activity first", body = Page<ReportView>)),
    security(("bearer" = []))
)]
#[get("/reports")]
pub async fn list_reports(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<ReportListParams>,
) -> Result<web::Json<Page<ReportView>>, ApiError> {
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    let scope = if p.is_admin() {
        ReportScope::All
    } else {
        ReportScope::Scoped {
            unit_roots: p.roots(),
            authority_roots: p.roots_with(&[Role::AuthorityOfficer]),
        }
    };
    let filter = ReportFilter {
        campaign_id: params.campaign_id,
        organization_id: params.organization_id,
        kind: params
            .kind
            .map(|k| ReportKind::from(k).as_str().to_string()),
        status: params
            .status
            .map(|s| SubmissionStatus::from(s).as_str().to_string()),
        initiative_id: params.initiative_id,
    };
    let mut conn = state.conn().await?;
    let found = report_queries::list(&mut conn, &scope, &filter, page).await?;
    let loaded = super::load_many(&mut conn, found.items).await?;
    let items = super::views(&mut conn, &p, &loaded).await?;
    Ok(web::Json(Page::of(items, found.total, page)))
}
