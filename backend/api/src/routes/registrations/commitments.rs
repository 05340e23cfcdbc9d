//! Commitments to fix last year's shortcomings (cam kết khắc phục tồn tại, hạn chế, §IV.1.4).
//! They change with the registration (If-Match: the registration's ETag) while it is a
//! draft or returned.

use actix_web::{HttpResponse, delete, patch, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{Commitment, CommitmentChanges};
use thidua_db::queries::registrations as reg_queries;
use thidua_domain::ValidationErrors;
use thidua_domain::registration::{CommitmentStatus, RegistrationStatus};
use thidua_domain::validation::{plausible_date, required_text};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::RegistrationOp;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::registrations::{CommitmentInput, RegistrationView, UpdateCommitmentRequest};

const EDITABLE: [RegistrationStatus; 2] = [RegistrationStatus::Draft, RegistrationStatus::Returned];

/// Inside the transaction: the registration is still editable.
async fn recheck(conn: &mut thidua_db::AsyncPgConnection, id: Uuid) -> Result<(), ApiError> {
    let status = reg_queries::lock_status(conn, id).await?;
    if EDITABLE.iter().any(|s| s.as_str() == status) {
        Ok(())
    } else {
        Err(ApiError::invalid_transition(&status, "update"))
    }
}

/// Add a commitment.
#[utoipa::path(
    tag = "registrations",
    operation_id = "add_commitment",
    params(("id" = Uuid, Path, description = "Registration id"), ("If-Match" = String, Header, description = "The registration's ETag")),
    request_body = CommitmentInput,
    responses(
        (status = 201, description = "Added; the registration", body = RegistrationView),
        (status = 403, description = "Not the unit's head or focal officer", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Sent and not returned", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/registrations/{id}/commitments")]
pub async fn add_commitment(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<CommitmentInput>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, id.into_inner()).await?;
    r.authorize(&p, RegistrationOp::Update)?;
    if_match.check(&r.etag())?;
    let mut errs = ValidationErrors::new();
    let shortcoming = errs.check(required_text("shortcoming", &req.shortcoming, 2000));
    let commitment = errs.check(required_text("commitment", &req.commitment, 2000));
    if let Some(d) = req.target_date {
        errs.check(plausible_date("target_date", d));
    }
    errs.into_result()?;
    let (Some(shortcoming), Some(commitment)) = (shortcoming, commitment) else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    let now = chrono::Utc::now();
    let row = Commitment {
        id: Uuid::now_v7(),
        registration_id: r.registration.id,
        shortcoming,
        commitment,
        target_date: req.target_date,
        status: req
            .status
            .map(CommitmentStatus::from)
            .unwrap_or(CommitmentStatus::Planned)
            .as_str()
            .to_string(),
        sort_order: req.sort_order.unwrap_or(0).clamp(0, 1000),
        created_at: now,
        updated_at: now,
    };
    let (rid, org_id, actor) = (r.registration.id, r.unit.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        recheck(conn, rid).await?;
        reg_queries::insert_commitment(conn, &row).await?;
        reg_queries::touch(conn, rid).await?;
        audit(
            conn,
            Some(actor),
            "registration.commitment_add",
            "registration",
            Some(rid),
            Some(org_id),
            serde_json::json!({ "commitment_id": row.id }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, rid).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Change a commitment (its status can be followed up while the registration is open for
/// editing).
#[utoipa::path(
    tag = "registrations",
    operation_id = "update_commitment",
    params(
        ("id" = Uuid, Path, description = "Registration id"),
        ("commitment_id" = Uuid, Path, description = "Commitment id"),
        ("If-Match" = String, Header, description = "The registration's ETag"),
    ),
    request_body = UpdateCommitmentRequest,
    responses(
        (status = 200, description = "Updated; the registration", body = RegistrationView),
        (status = 403, description = "Not the unit's head or focal officer", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Sent and not returned", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/registrations/{id}/commitments/{commitment_id}")]
pub async fn update_commitment(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: Json<UpdateCommitmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let (rid, cid) = path.into_inner();
    let req = body.0;
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, rid).await?;
    r.authorize(&p, RegistrationOp::Update)?;
    if_match.check(&r.etag())?;
    let current = reg_queries::find_commitment(&mut conn, rid, cid).await?;
    let mut errs = ValidationErrors::new();
    let shortcoming = req
        .shortcoming
        .as_deref()
        .and_then(|v| errs.check(required_text("shortcoming", v, 2000)));
    let commitment = req
        .commitment
        .as_deref()
        .and_then(|v| errs.check(required_text("commitment", v, 2000)));
    if let Some(Some(d)) = req.target_date {
        errs.check(plausible_date("target_date", d));
    }
    errs.into_result()?;
    let changes = CommitmentChanges {
        shortcoming,
        commitment,
        target_date: req.target_date,
        status: req
            .status
            .map(|s| CommitmentStatus::from(s).as_str().to_string()),
        sort_order: req.sort_order.map(|s| s.clamp(0, 1000)),
    };
    let (org_id, actor) = (r.unit.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        recheck(conn, rid).await?;
        reg_queries::update_commitment(conn, current.id, &changes).await?;
        reg_queries::touch(conn, rid).await?;
        audit(
            conn,
            Some(actor),
            "registration.commitment_update",
            "registration",
            Some(rid),
            Some(org_id),
            serde_json::json!({ "commitment_id": current.id }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, rid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

/// Remove a commitment.
#[utoipa::path(
    tag = "registrations",
    operation_id = "delete_commitment",
    params(
        ("id" = Uuid, Path, description = "Registration id"),
        ("commitment_id" = Uuid, Path, description = "Commitment id"),
        ("If-Match" = String, Header, description = "The registration's ETag"),
    ),
    responses(
        (status = 200, description = "Removed; the registration", body = RegistrationView),
        (status = 403, description = "Not the unit's head or focal officer", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Sent and not returned", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/registrations/{id}/commitments/{commitment_id}")]
pub async fn delete_commitment(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let (rid, cid) = path.into_inner();
    let mut conn = state.conn().await?;
    let r = super::load(&mut conn, rid).await?;
    r.authorize(&p, RegistrationOp::Update)?;
    if_match.check(&r.etag())?;
    let current = reg_queries::find_commitment(&mut conn, rid, cid).await?;
    let (org_id, actor) = (r.unit.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        recheck(conn, rid).await?;
        reg_queries::delete_commitment(conn, current.id).await?;
        reg_queries::touch(conn, rid).await?;
        audit(
            conn,
            Some(actor),
            "registration.commitment_delete",
            "registration",
            Some(rid),
            Some(org_id),
            serde_json::json!({ "commitment_id": current.id, "shortcoming": current.shortcoming }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, rid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
