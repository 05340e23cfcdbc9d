use actix_web::{get, web};
use thidua_db::queries::reports as report_queries;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::ReportOp;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::files::FileView;
use crate::views::reports::{ReportSnapshot, ReportVersionView};

/// One submitted version, exactly as it was sent, with the evidence it carried.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_report_version",
    params(("id" = Uuid, Path, description = "Report id"), ("number" = i32, Path, description = "Version number, from 1")),
    responses(
        (status = 200, description = "The version", body = ReportVersionView),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/reports/{id}/versions/{number}")]
pub async fn get_report_version(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, i32)>,
) -> Result<web::Json<ReportVersionView>, ApiError> {
    let (id, number) = path.into_inner();
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(&p, ReportOp::View)?;
    let Some(v) = report_queries::versions_of(&mut conn, &[id])
        .await?
        .into_iter()
        .find(|v| v.number == number)
    else {
        return Err(ApiError::not_found());
    };
    let summary = super::version_summaries(&mut conn, std::slice::from_ref(&v))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let snapshot: ReportSnapshot =
        serde_json::from_value(v.snapshot).map_err(ApiError::internal)?;
    Ok(web::Json(ReportVersionView {
        summary,
        title: snapshot.title,
        sections: snapshot.sections,
        rows: snapshot.rows,
        files: snapshot
            .files
            .into_iter()
            .map(|f| FileView {
                download_url: format!("/api/v1/files/{}/content", f.id),
                allowed_actions: Vec::new(),
                id: f.id,
                original_name: f.original_name,
                category: f.category,
                media_type: f.media_type,
                size_bytes: f.size_bytes,
                sha256: f.sha256,
                organization_id: r.unit.id,
                initiative_id: f.initiative_id,
                report_id: f.initiative_id.is_none().then_some(id),
                report_row_id: f.report_row_id,
                uploaded_by: f.uploaded_by,
                created_at: f.created_at,
                locked: true,
            })
            .collect(),
    }))
}
