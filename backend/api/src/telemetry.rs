//! Logging and the per-request middleware: request id (taken from `X-Request-Id` when sane,
//! else generated), language, a tracing span around the whole request, metrics, and the
//! guarantee that every error leaves as `application/problem+json`.

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, ResponseError, web};
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;
use crate::context::{self, Lang, RequestContext};
use crate::error::{ApiError, PROBLEM_JSON};
use crate::state::AppState;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    let _ = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}

fn sane_request_id(v: &str) -> bool {
    (1..=64).contains(&v.len())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The error that actix produced itself (no route, wrong method, …) rendered as a problem.
fn problem_for(status: actix_web::http::StatusCode) -> ApiError {
    match status.as_u16() {
        404 => ApiError::not_found(),
        405 => ApiError::new(
            status,
            "method_not_allowed",
            "Phương thức không được hỗ trợ cho đường dẫn này.",
            "This method is not allowed here.",
        ),
        413 => ApiError::new(
            status,
            "payload_too_large",
            "Nội dung gửi lên quá lớn.",
            "The request body is too large.",
        ),
        503 => ApiError::service_unavailable(anyhow::anyhow!("unhandled {status}")),
        s if s >= 500 => ApiError::internal(anyhow::anyhow!("unhandled {status}")),
        _ => ApiError::new(
            status,
            "bad_request",
            "Yêu cầu không hợp lệ.",
            "Bad request.",
        ),
    }
}

pub async fn request_middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let request_id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| sane_request_id(v))
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
    let lang = Lang::from_accept_language(
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let method = req.method().to_string();
    // Metric labels come from a closed set: made-up methods must not mint new series.
    let method_label = match req.method().as_str() {
        m @ ("GET" | "POST" | "PATCH" | "PUT" | "DELETE" | "HEAD" | "OPTIONS") => m.to_string(),
        _ => "other".to_string(),
    };
    let path = req.path().to_string();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_string());
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    req.extensions_mut().insert(RequestContext {
        request_id: request_id.clone(),
        lang,
    });
    let span =
        tracing::info_span!("request", request_id = %request_id, method = %method, path = %path);
    let started = Instant::now();
    let ctx = RequestContext {
        request_id: request_id.clone(),
        lang,
    };

    context::scope(
        ctx.clone(),
        async move {
            let res = match next.call(req).await {
                Ok(res) => res.map_into_boxed_body(),
                Err(err) => {
                    // Errors that escaped as actix errors still leave as problems.
                    let status = err.as_response_error().status_code();
                    let (req, _) = (err, ());
                    let api = problem_for(status);
                    tracing::warn!(error = %req, "request failed outside a handler");
                    return Err(api.into());
                }
            };
            let status = res.status();
            // A handler's own JSON error body is its documented answer (the readiness probe's
            // `503 {"status":"unavailable"}`); only actix's bare errors are rewritten.
            let is_json = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|ct| {
                    ct.starts_with(PROBLEM_JSON) || ct.starts_with("application/json")
                });
            let mut res = if (status.is_client_error() || status.is_server_error()) && !is_json {
                let (http_req, _) = res.into_parts();
                ServiceResponse::new(http_req, problem_for(status).error_response())
            } else {
                res
            };
            if let Ok(v) = HeaderValue::from_str(&request_id) {
                res.headers_mut().insert(REQUEST_ID, v);
            }
            let elapsed = started.elapsed();
            if let Some(m) = metrics {
                m.requests
                    .with_label_values(&[method_label.as_str(), &route, status.as_str()])
                    .inc();
                m.latency
                    .with_label_values(&[method_label.as_str(), &route])
                    .observe(elapsed.as_secs_f64());
            }
            tracing::info!(
                status = status.as_u16(),
                elapsed_ms = elapsed.as_millis() as u64,
                "request done"
            );
            Ok(res)
        }
        .instrument(span),
    )
    .await
}
