use actix_web::{get, web};
use thidua_db::queries::evaluation as eval_queries;
use thidua_domain::page::Page as PageReq;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Query;
use crate::state::AppState;
use crate::views::Page;
use crate::views::evaluation::{RoundListParams, RoundView};

/// Rounds in the caller's reach (organised within their subtrees) and those whose committee
/// they sit on; newest first.
#[utoipa::path(
    tag = "evaluation",
    operation_id = "list_evaluation_rounds",
    params(RoundListParams),
    responses((status = 200, description = "One page of rounds", body = Page<RoundView>)),
    security(("bearer" = []))
)]
#[get("/evaluation-rounds")]
pub async fn list_evaluation_rounds(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<RoundListParams>,
) -> Result<web::Json<Page<RoundView>>, ApiError> {
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    let roots = (!p.is_admin()).then(|| p.roots());
    let mut conn = state.conn().await?;
    let found = eval_queries::list_rounds(
        &mut conn,
        roots.as_deref(),
        p.user_id,
        params.campaign_id,
        page,
    )
    .await?;
    let loaded = super::load_many(&mut conn, found.items).await?;
    let items = super::views(&mut conn, &p, &loaded).await?;
    Ok(web::Json(Page::of(items, found.total, page)))
}
