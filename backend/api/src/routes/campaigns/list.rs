use actix_web::{get, web};
use thidua_db::queries::campaigns::{
    self as campaign_queries, CampaignFilter, CampaignSort, CampaignVisibility,
};
use thidua_db::queries::organizations as org_queries;
use thidua_domain::campaign::CampaignStatus;
use thidua_domain::page::ListRequest;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Query;
use crate::state::AppState;
use crate::views::Page;
use crate::views::campaigns::{CampaignListParams, CampaignView};

/// List the campaigns the caller runs or takes part in.
///
/// Newest first by default. A draft is listed only to those who run it.
#[utoipa::path(
    tag = "campaigns",
    operation_id = "list_campaigns",
    params(CampaignListParams),
    responses((status = 200, description = "One page of campaigns (without extensions)", body = Page<CampaignView>)),
    security(("bearer" = []))
)]
#[get("/campaigns")]
pub async fn list_campaigns(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<CampaignListParams>,
) -> Result<web::Json<Page<CampaignView>>, ApiError> {
    let params = params.0;
    let req = ListRequest::parse(
        params.page,
        params.per_page,
        params.sort.as_deref(),
        &[
            ("issued_on", CampaignSort::IssuedOn),
            ("year", CampaignSort::Year),
            ("code", CampaignSort::Code),
            ("title", CampaignSort::Title),
            ("created_at", CampaignSort::CreatedAt),
        ],
        true,
    )
    .map_err(ApiError::invalid_query)?;
    let vis = if p.is_admin() {
        CampaignVisibility::All
    } else {
        // Drafts are visible to their managers only: restrict the "managed" branch to the
        // subtrees where the caller runs campaigns.
        use thidua_domain::role::Role;
        CampaignVisibility::Scoped {
            managed_roots: p.roots_with(&[Role::AuthorityOfficer, Role::UnitHead]),
            roots: p.roots(),
            ancestors: p.ancestors(),
        }
    };
    let filter = CampaignFilter {
        q: params.q,
        year: params.year,
        status: params
            .status
            .map(|s| CampaignStatus::from(s).as_str().to_string()),
        organization_id: params.organization_id,
        parent_campaign_id: params.parent_campaign_id,
    };
    let mut conn = state.conn().await?;
    let found = campaign_queries::list(&mut conn, &vis, &filter, &req).await?;
    let org_ids: Vec<_> = found.items.iter().map(|c| c.organization_id).collect();
    let orgs = org_queries::find_many(&mut conn, &org_ids).await?;
    let loaded = found
        .items
        .into_iter()
        .filter_map(|c| {
            let organization = orgs.iter().find(|o| o.id == c.organization_id)?.clone();
            Some(super::LoadedCampaign {
                campaign: c,
                organization,
            })
        })
        .collect();
    let items = super::views(&mut conn, &p, loaded, false).await?;
    Ok(web::Json(Page::of(items, found.total, req.page)))
}
