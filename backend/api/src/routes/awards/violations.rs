//! Violation and discipline records (§II.3.2): read only by the person's unit head, the
//! authority and administrators — anyone else, the person included, gets 404 — and every
//! read of one is written to the audit log.

use actix_web::{HttpResponse, get, post, web};
use diesel_async::AsyncConnection;
use thidua_db::queries::awards::{self as q, ViolationRecord};
use thidua_domain::award::{Discipline, ViolationKind};
use thidua_domain::validation::{optional_text, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use super::{audit_violation_reads, org_map, person_ref};
use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::extract::{Json, Query};
use crate::routes::{audit, today};
use crate::state::AppState;
use crate::views::awards::{ViolationParams, ViolationRequest, ViolationView};

fn view(
    v: &ViolationRecord,
    u: &thidua_db::models::User,
    orgs: &std::collections::HashMap<Uuid, thidua_db::models::Organization>,
) -> Result<ViolationView, ApiError> {
    let kind = ViolationKind::parse(&v.kind).ok_or_else(|| super::internal("violation kind"))?;
    let discipline =
        Discipline::parse(&v.discipline).ok_or_else(|| super::internal("discipline"))?;
    Ok(ViolationView {
        id: v.id,
        person: person_ref(u, orgs),
        occurred_on: v.occurred_on,
        kind: kind.into(),
        kind_label_vi: kind.label_vi().to_string(),
        description: v.description.clone(),
        discipline: discipline.into(),
        discipline_label_vi: discipline.label_vi().to_string(),
        decision_ref: v.decision_ref.clone(),
        decided_on: v.decided_on,
        recorded_by: v.recorded_by,
        created_at: v.created_at,
    })
}

/// Records of the people of a unit (its subtree); each one listed is an audited read.
#[utoipa::path(
    tag = "awards",
    operation_id = "list_violation_records",
    params(ViolationParams),
    responses(
        (status = 200, description = "The records, newest first", body = Vec<ViolationView>),
        (status = 404, description = "Not a unit whose records the caller reads", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/violation-records")]
pub async fn list_violation_records(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<ViolationParams>,
) -> Result<web::Json<Vec<ViolationView>>, ApiError> {
    let params = params.0;
    super::ratings::query_year(params.year)?;
    let mut conn = state.conn().await?;
    let org = super::org(&mut conn, params.organization_id).await?;
    authz::person_records(&p, &org.ancestry()).into_result()?;
    let rows = q::violations_in(&mut conn, org.id, params.year, params.user_id).await?;
    // A head of one unit listing an ancestor's subtree would see other units' people: keep
    // only the records the caller may read.
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|(_, _, o)| authz::person_records(&p, &o.ancestry()).allowed())
        .collect();
    let ids: Vec<Uuid> = rows.iter().map(|(v, _, _)| v.id).collect();
    let orgs = org_map(&mut conn, rows.iter().map(|(_, _, o)| o.id)).await?;
    let views = rows
        .iter()
        .map(|(v, u, _)| view(v, u, &orgs))
        .collect::<Result<Vec<_>, _>>()?;
    if !ids.is_empty() {
        conn.transaction::<_, ApiError, _>(async |conn| {
            audit_violation_reads(conn, &p, &ids, "list", None).await
        })
        .await?;
    }
    Ok(web::Json(views))
}

/// One record (an audited read).
#[utoipa::path(
    tag = "awards",
    operation_id = "get_violation_record",
    params(("id" = Uuid, Path, description = "Record id")),
    responses(
        (status = 200, description = "The record", body = ViolationView),
        (status = 404, description = "Not found, or not the caller's to read", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/violation-records/{id}")]
pub async fn get_violation_record(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<ViolationView>, ApiError> {
    let mut conn = state.conn().await?;
    let (v, u, o) = q::find_violation(&mut conn, id.into_inner()).await?;
    authz::person_records(&p, &o.ancestry()).into_result()?;
    let orgs = org_map(&mut conn, [o.id]).await?;
    let out = view(&v, &u, &orgs)?;
    audit_violation_reads(&mut conn, &p, &[v.id], "get", None).await?;
    Ok(web::Json(out))
}

/// Record a violation (and the discipline decided, if any): the person's unit head, the
/// authority or an administrator.
#[utoipa::path(
    tag = "awards",
    operation_id = "create_violation_record",
    request_body = ViolationRequest,
    responses(
        (status = 201, description = "Recorded", body = ViolationView),
        (status = 403, description = "One's own record", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a person whose records the caller keeps", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/violation-records")]
pub async fn create_violation_record(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<ViolationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut errs = ValidationErrors::new();
    let description = errs.check(required_text("description", &req.description, 5000));
    let decision_ref = errs
        .check(optional_text(
            "decision_ref",
            req.decision_ref.as_deref(),
            200,
        ))
        .flatten();
    let now = today();
    if req.occurred_on > now || chrono::Datelike::year(&req.occurred_on) < 2000 {
        errs.push(FieldError::new(
            "occurred_on",
            "out_of_range",
            "Ngày vi phạm không được ở tương lai hay trước năm 2000.",
            "The day must not be in the future nor before 2000.",
        ));
    }
    if let Some(d) = req.decided_on
        && (d < req.occurred_on || d > now)
    {
        errs.push(FieldError::new(
            "decided_on",
            "out_of_range",
            "Ngày quyết định phải sau ngày vi phạm và không ở tương lai.",
            "The decision day must follow the violation and not be in the future.",
        ));
    }
    errs.into_result().map_err(ApiError::validation)?;
    let mut conn = state.conn().await?;
    let user = super::user(&mut conn, req.user_id).await?;
    let unit = super::org(&mut conn, user.organization_id).await?;
    authz::record_about_person(&p, user.id, &unit.ancestry()).into_result()?;
    let record = ViolationRecord {
        id: Uuid::now_v7(),
        user_id: user.id,
        occurred_on: req.occurred_on,
        kind: ViolationKind::from(req.kind).as_str().to_string(),
        description: description.unwrap_or_default(),
        discipline: Discipline::from(
            req.discipline
                .unwrap_or(crate::views::awards::DisciplineCode::None),
        )
        .as_str()
        .to_string(),
        decision_ref,
        decided_on: req.decided_on,
        recorded_by: p.user_id,
        created_at: chrono::Utc::now(),
    };
    let actor = p.user_id;
    let r = record.clone();
    let org_id = unit.id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        q::insert_violation(conn, &r).await?;
        audit(
            conn,
            Some(actor),
            "violation_record.create",
            "violation_record",
            Some(r.id),
            Some(org_id),
            serde_json::json!({ "user_id": r.user_id, "kind": r.kind, "discipline": r.discipline }),
        )
        .await
    })
    .await?;
    let (v, u, o) = q::find_violation(&mut conn, record.id).await?;
    let orgs = org_map(&mut conn, [o.id]).await?;
    let out = view(&v, &u, &orgs)?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/violation-records/{}", out.id)))
        .json(out))
}
