use actix_web::{get, web};
use thidua_db::queries::initiatives as initiative_queries;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::initiatives::ReformAreaView;

/// The six reform areas of Resolution 76/NQ-CP (a catalogue).
#[utoipa::path(
    tag = "initiatives",
    operation_id = "list_reform_areas",
    responses((status = 200, description = "Every area", body = Vec<ReformAreaView>)),
    security(("bearer" = []))
)]
#[get("/reform-areas")]
pub async fn list_reform_areas(
    state: web::Data<AppState>,
    _p: Principal,
) -> Result<web::Json<Vec<ReformAreaView>>, ApiError> {
    let mut conn = state.conn().await?;
    let areas = initiative_queries::reform_areas(&mut conn).await?;
    Ok(web::Json(
        areas
            .into_iter()
            .map(|a| ReformAreaView {
                code: a.code,
                name_vi: a.name_vi,
                name_en: a.name_en,
            })
            .collect(),
    ))
}
