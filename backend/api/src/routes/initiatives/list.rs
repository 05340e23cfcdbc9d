use actix_web::{get, web};
use std::sync::Arc;

use thidua_db::queries::initiatives::{
    self as initiative_queries, InitiativeFilter, InitiativeSort,
};
use thidua_db::queries::{Scope, data_version};
use thidua_domain::initiative::{InitiativeKind, InitiativeStatus};
use thidua_domain::page::ListRequest;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Query;
use crate::routes::today;
use crate::state::AppState;
use crate::views::Page;
use crate::views::initiatives::{InitiativeListParams, InitiativeView};

/// List and search the initiatives of the units in the caller's reach.
///
/// With `q`, a full-text search over title, summary and problem that ignores diacritics and
/// case, ranked by relevance (title first).
#[utoipa::path(
    tag = "initiatives",
    operation_id = "list_initiatives",
    params(InitiativeListParams),
    responses((status = 200, description = "One page of initiatives", body = Page<InitiativeView>)),
    security(("bearer" = []))
)]
#[get("/initiatives")]
pub async fn list_initiatives(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<InitiativeListParams>,
) -> Result<web::Json<Page<InitiativeView>>, ApiError> {
    let params = params.0;
    let search = params
        .q
        .as_deref()
        .and_then(initiative_queries::search_query);
    let by_relevance =
        search.is_some() && params.sort.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut req = ListRequest::parse(
        params.page,
        params.per_page,
        params.sort.as_deref(),
        &[
            ("created_at", InitiativeSort::CreatedAt),
            ("updated_at", InitiativeSort::UpdatedAt),
            ("title", InitiativeSort::Title),
            ("starts_on", InitiativeSort::StartsOn),
            ("ends_on", InitiativeSort::EndsOn),
            ("relevance", InitiativeSort::Relevance),
        ],
        true,
    )
    .map_err(ApiError::invalid_query)?;
    if by_relevance {
        req.sort.field = InitiativeSort::Relevance;
    }
    let scope = if p.is_admin() {
        Scope::All
    } else {
        Scope::Subtrees(p.roots())
    };
    let author_id = if params.mine == Some(true) {
        Some(p.user_id)
    } else {
        params.author_id
    };
    let filter = InitiativeFilter {
        search,
        campaign_id: params.campaign_id,
        organization_id: params.organization_id,
        statuses: params
            .status
            .map(|s| vec![InitiativeStatus::from(s).as_str().to_string()])
            .unwrap_or_default(),
        kind: params
            .kind
            .map(|k| InitiativeKind::from(k).as_str().to_string()),
        reform_area: params.reform_area,
        author_id,
        overdue_on: (params.overdue == Some(true)).then(today),
    };
    let mut conn = state.conn().await?;
    let version = data_version(&mut conn).await?;
    let key = format!("{scope:?}|{filter:?}|{req:?}");
    let found = state
        .aggregates
        .initiative_pages
        .get_or_compute(key, version, || async {
            let (found, storable) = initiative_queries::list(&conn, &scope, &filter, &req).await?;
            let related = initiative_queries::related(&conn, &found.items).await?;
            Ok::<_, ApiError>((Arc::new((found, related)), storable))
        })
        .await?;
    drop(conn);
    let (found, related) = found.as_ref();
    let items = super::assemble(&p, found.items.clone(), related.clone())?;
    Ok(web::Json(Page::of(items, found.total, req.page)))
}
