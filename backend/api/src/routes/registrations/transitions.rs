//! Sending the registration (head), and the authority's answer (receive or return with a
//! reason). Each is one conditional update with the version row and the audit row.

use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use diesel_async::AsyncConnection;
use thidua_db::models::RegistrationVersion;
use thidua_db::queries::registrations as reg_queries;
use thidua_domain::registration::RegistrationAction;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::RegistrationOp;
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::{audit, submissions};
use crate::state::AppState;
use crate::views::initiatives::ReasonRequest;
use crate::views::registrations::RegistrationView;

/// Send the registration to the campaign's authority (the unit's head).
///
/// Every submission is kept as a version. After the registration deadline (or the unit's
/// extension) it is marked late, or refused when the milestone refuses late submissions.
#[utoipa::path(
    tag = "registrations",
    operation_id = "submit_registration",
    params(("id" = Uuid, Path, description = "Registration id")),
    responses(
        (status = 200, description = "Sent; the registration with its new version", body = RegistrationView),
        (status = 403, description = "Only the unit's head sends it", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already sent (the state is in `errors[0].code`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`deadline_passed` under a refuse policy, or `empty_registration`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/registrations/{id}/submit")]
pub async fn submit_registration(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RegistrationOp::Transition(RegistrationAction::Submit))?;
    let from = r.status()?;
    let to = from
        .next(RegistrationAction::Submit)
        .ok_or_else(|| ApiError::invalid_transition(from.as_str(), "submit"))?;
    let (rid, campaign_id, unit_id) = (r.registration.id, r.registration.campaign_id, r.unit.id);
    let now = Utc::now();
    let deadline = super::deadline(&mut conn, campaign_id, unit_id).await?;
    let (late, due_on) = submissions::judge(deadline.as_ref(), now, "bản đăng ký", "registration")?;
    let initiatives = super::registered_initiatives(&mut conn, campaign_id, unit_id).await?;
    let commitments: Vec<_> = reg_queries::commitments_of(&mut conn, &[rid])
        .await?
        .iter()
        .map(super::commitment_view)
        .collect();
    if initiatives.is_empty() && commitments.is_empty() {
        return Err(ApiError::unprocessable(
            "empty_registration",
            "Bản đăng ký chưa có sáng kiến nào được đơn vị duyệt và chưa có cam kết nào.",
            "The registration has no registered initiative and no commitment.",
        ));
    }
    let snapshot = serde_json::json!({ "initiatives": initiatives, "commitments": commitments });
    let number = r.registration.submitted_versions + 1;
    let actor = p.user_id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if reg_queries::transition(conn, rid, from.as_str(), to.as_str(), true)
            .await?
            .is_none()
        {
            let current = reg_queries::lock_status(conn, rid).await?;
            return Err(ApiError::invalid_transition(&current, "submit"));
        }
        reg_queries::insert_version(
            conn,
            &RegistrationVersion {
                id: Uuid::now_v7(),
                registration_id: rid,
                number,
                submitted_at: now,
                submitted_by: actor,
                late,
                due_on,
                snapshot,
                decision: None,
                decided_at: None,
                decided_by: None,
                reason: None,
            },
        )
        .await?;
        audit(
            conn,
            Some(actor),
            "registration.submit",
            "registration",
            Some(rid),
            Some(unit_id),
            serde_json::json!({ "version": number, "late": late }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, rid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

async fn decide(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    action: RegistrationAction,
    reason: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id).await?;
    r.authorize(p, RegistrationOp::Transition(action))?;
    submissions::decide::<submissions::Registrations>(
        &mut conn,
        submissions::Decision {
            id: r.registration.id,
            unit_id: r.unit.id,
            number: r.registration.submitted_versions,
            from: r.status()?,
            action,
            actor: p.user_id,
            reason,
        },
    )
    .await?;
    let view = super::view_one(&mut conn, p, id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Receive a sent registration (the campaign's authority officer).
#[utoipa::path(
    tag = "registrations",
    operation_id = "receive_registration",
    params(("id" = Uuid, Path, description = "Registration id")),
    responses(
        (status = 200, description = "Received", body = RegistrationView),
        (status = 403, description = "Not an authority officer of the campaign", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not sent (the state is in `errors[0].code`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/registrations/{id}/receive")]
pub async fn receive_registration(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    decide(
        &state,
        &p,
        id.into_inner(),
        RegistrationAction::Receive,
        None,
    )
    .await
}

/// Return a sent registration to the unit for correction, with the reason.
#[utoipa::path(
    tag = "registrations",
    operation_id = "return_registration",
    params(("id" = Uuid, Path, description = "Registration id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Returned", body = RegistrationView),
        (status = 403, description = "Not an authority officer of the campaign", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not sent (the state is in `errors[0].code`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/registrations/{id}/return")]
pub async fn return_registration(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    decide(
        &state,
        &p,
        id.into_inner(),
        RegistrationAction::Return,
        Some(body.0.reason),
    )
    .await
}
