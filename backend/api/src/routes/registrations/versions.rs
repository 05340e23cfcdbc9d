use actix_web::{get, web};
use thidua_db::queries::registrations as reg_queries;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::RegistrationOp;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::registrations::{CommitmentView, RegisteredInitiative, RegistrationVersionView};

/// One submitted version, exactly as it was sent.
#[utoipa::path(
    tag = "registrations",
    operation_id = "get_registration_version",
    params(("id" = Uuid, Path, description = "Registration id"), ("number" = i32, Path, description = "Version number, from 1")),
    responses(
        (status = 200, description = "The version", body = RegistrationVersionView),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/registrations/{id}/versions/{number}")]
pub async fn get_registration_version(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, i32)>,
) -> Result<web::Json<RegistrationVersionView>, ApiError> {
    let (id, number) = path.into_inner();
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(&p, RegistrationOp::View)?;
    let versions = reg_queries::versions_of(&mut conn, id).await?;
    let Some(v) = versions.into_iter().find(|v| v.number == number) else {
        return Err(ApiError::not_found());
    };
    let summary = super::version_summaries(&mut conn, std::slice::from_ref(&v))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let initiatives: Vec<RegisteredInitiative> =
        serde_json::from_value(v.snapshot["initiatives"].clone()).map_err(ApiError::internal)?;
    let commitments: Vec<CommitmentView> =
        serde_json::from_value(v.snapshot["commitments"].clone()).map_err(ApiError::internal)?;
    Ok(web::Json(RegistrationVersionView {
        summary,
        initiatives,
        commitments,
    }))
}
