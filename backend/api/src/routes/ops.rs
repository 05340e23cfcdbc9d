//! Operations endpoints, outside `/api/v1`: liveness, readiness and Prometheus metrics.

use actix_web::{HttpResponse, get, web};
use diesel_async::RunQueryDsl;
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct HealthView {
    #[schema(example = "ok")]
    pub status: String,
}

/// Liveness: the process is up.
#[utoipa::path(tag = "operations", operation_id = "health",
    responses((status = 200, description = "Up", body = HealthView)), security(()))]
#[get("/health")]
pub async fn health() -> web::Json<HealthView> {
    web::Json(HealthView {
        status: "ok".into(),
    })
}

/// Readiness: the database answers.
#[utoipa::path(tag = "operations", operation_id = "ready",
    responses(
        (status = 200, description = "Ready", body = HealthView),
        (status = 503, description = "The database does not answer", body = HealthView),
    ),
    security(()))]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let ok = match state.pool.get().await {
        Ok(mut conn) => diesel::sql_query("SELECT 1")
            .execute(&mut conn)
            .await
            .is_ok(),
        Err(_) => false,
    };
    if ok {
        HttpResponse::Ok().json(HealthView {
            status: "ready".into(),
        })
    } else {
        HttpResponse::ServiceUnavailable().json(HealthView {
            status: "unavailable".into(),
        })
    }
}

/// Prometheus metrics (text exposition format).
#[utoipa::path(tag = "operations", operation_id = "metrics",
    responses((status = 200, description = "Metrics", body = String, content_type = "text/plain; version=0.0.4")),
    security(()))]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    state.metrics.set_pool(&state.pool);
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.metrics.render())
}
