//! The criteria-set catalogue (SPEC §6): data, versioned.

use actix_web::{get, web};
use thidua_db::models::CriteriaSet;
use thidua_db::queries::evaluation as eval_queries;
use thidua_domain::evaluation::{Criterion, max_total};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::evaluation::CriteriaSetView;

pub fn criteria_of(set: &CriteriaSet) -> Result<Vec<Criterion>, ApiError> {
    serde_json::from_value(set.criteria.clone()).map_err(ApiError::internal)
}

pub fn view(set: &CriteriaSet) -> Result<CriteriaSetView, ApiError> {
    let criteria = criteria_of(set)?;
    Ok(CriteriaSetView {
        id: set.id,
        code: set.code.clone(),
        version: set.version,
        name_vi: set.name_vi.clone(),
        name_en: set.name_en.clone(),
        max_total: max_total(&criteria),
        criteria: criteria.into_iter().map(Into::into).collect(),
    })
}

/// The criteria sets, every version (by code, then version).
#[utoipa::path(
    tag = "evaluation",
    operation_id = "list_criteria_sets",
    responses((status = 200, description = "The catalogue", body = Vec<CriteriaSetView>)),
    security(("bearer" = []))
)]
#[get("/criteria-sets")]
pub async fn list_criteria_sets(
    state: web::Data<AppState>,
    _p: Principal,
) -> Result<web::Json<Vec<CriteriaSetView>>, ApiError> {
    let mut conn = state.conn().await?;
    let sets = eval_queries::criteria_sets(&mut conn).await?;
    Ok(web::Json(sets.iter().map(view).collect::<Result<_, _>>()?))
}
