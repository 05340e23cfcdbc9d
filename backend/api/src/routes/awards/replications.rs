//! Replication (nhân rộng, SPEC §8, §III.2.3): a unit adopts a showcased model over a planned
//! period, `planned → in_progress → adopted | abandoned`, with its adaptation notes and
//! before/after figures. The model's public page lists every adopting unit.

use actix_web::{HttpResponse, get, patch, post, web};
use diesel_async::AsyncConnection;
use thidua_db::AsyncPgConnection;
use thidua_db::models::Organization;
use thidua_db::queries::awards::{self as q, NewReplication, Replication, ReplicationEdit};
use thidua_domain::award::{ReplicationStatus, period_label_en, period_label_vi};
use thidua_domain::page::Page as PageReq;
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json, Query, etag};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::awards::{
    CreateReplicationRequest, FigureView, ModelRef, ReplicationListParams, ReplicationStatusCode,
    ReplicationView, UpdateReplicationRequest,
};
use crate::views::{OrganizationRef, Page};

const FIGURE_LIMIT: f64 = 1e12;

fn check_figures(figures: &[FigureView], errs: &mut ValidationErrors) {
    if figures.len() > 30 {
        errs.push(FieldError::new(
            "figures",
            "too_many",
            "Tối đa 30 chỉ số.",
            "At most 30 figures.",
        ));
    }
    for (k, f) in figures.iter().enumerate() {
        if f.label.trim().is_empty() || f.label.chars().count() > 200 {
            errs.push(FieldError::new(
                format!("figures.{k}.label"),
                "required",
                "Cần tên chỉ số (tối đa 200 ký tự).",
                "A label is required (at most 200 characters).",
            ));
        }
        if f.unit.as_ref().is_some_and(|u| u.chars().count() > 50) {
            errs.push(FieldError::too_long(&format!("figures.{k}.unit"), 50));
        }
        for (name, v) in [("before", f.before), ("after", f.after)] {
            if let Some(v) = v
                && (!v.is_finite() || v.abs() > FIGURE_LIMIT)
            {
                errs.push(FieldError::new(
                    format!("figures.{k}.{name}"),
                    "out_of_range",
                    "Giá trị ngoài khoảng cho phép.",
                    "The value is out of range.",
                ));
            }
        }
    }
}

fn check_period(from: chrono::NaiveDate, to: chrono::NaiveDate, errs: &mut ValidationErrors) {
    if to < from {
        errs.push(FieldError::new(
            "planned_to",
            "before_start",
            "Thời gian kết thúc phải sau thời gian bắt đầu.",
            "The end must not precede the start.",
        ));
    }
    if (to - from).num_days() > 366 * 5 || chrono::Datelike::year(&from) < 2000 {
        errs.push(FieldError::new(
            "planned_to",
            "out_of_range",
            "Thời gian nhân rộng từ năm 2000 và không quá 5 năm.",
            "The period starts in 2000 or later and lasts at most 5 years.",
        ));
    }
}

fn notes(raw: &str, errs: &mut ValidationErrors) -> String {
    if raw.chars().count() > 10000 {
        errs.push(FieldError::too_long("adaptation_notes", 10000));
    }
    raw.trim().to_string()
}

pub async fn view(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    r: &Replication,
    org: &Organization,
) -> Result<ReplicationView, ApiError> {
    let m = q::find_model(conn, r.model_id).await?;
    let (i, unit) = q::initiatives_by_ids(conn, &[m.initiative_id])
        .await?
        .pop()
        .ok_or_else(|| super::internal("model initiative"))?;
    let figures: Vec<FigureView> =
        serde_json::from_value(r.figures.clone()).map_err(ApiError::internal)?;
    let allowed = authz::replication(p, &org.ancestry()).allowed();
    let status =
        ReplicationStatus::parse(&r.status).ok_or_else(|| super::internal("replication status"))?;
    Ok(ReplicationView {
        id: r.id,
        model: ModelRef {
            id: m.id,
            title: i.title,
            unit: unit.name,
        },
        organization: OrganizationRef::from(org),
        planned_from: r.planned_from,
        planned_to: r.planned_to,
        period_label_vi: period_label_vi(r.planned_from, r.planned_to),
        period_label_en: period_label_en(r.planned_from, r.planned_to),
        status: status.into(),
        next_statuses: if allowed {
            status.next().into_iter().map(Into::into).collect()
        } else {
            vec![]
        },
        adaptation_notes: r.adaptation_notes.clone(),
        figures,
        allowed_actions: if allowed {
            vec!["update".into()]
        } else {
            vec![]
        },
        version: r.version,
        etag: etag(r.id, r.version),
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// Replications by units in the caller's reach (the authority tracks its units').
#[utoipa::path(
    tag = "showcase",
    operation_id = "list_replications",
    params(ReplicationListParams),
    responses((status = 200, description = "One page, latest period first", body = Page<ReplicationView>)),
    security(("bearer" = []))
)]
#[get("/replications")]
pub async fn list_replications(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<ReplicationListParams>,
) -> Result<web::Json<Page<ReplicationView>>, ApiError> {
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    let roots = (!p.is_admin()).then(|| p.roots());
    let status = params.status.map(|s| ReplicationStatus::from(s).as_str());
    let mut conn = state.conn().await?;
    let found =
        q::list_replications(&mut conn, roots.as_deref(), params.model_id, status, page).await?;
    let mut items = Vec::new();
    for (r, o) in &found.items {
        items.push(view(&mut conn, &p, r, o).await?);
    }
    Ok(web::Json(Page::of(items, found.total, page)))
}

/// A unit plans to adopt a showcased model (its head or focal officer, or the authority).
#[utoipa::path(
    tag = "showcase",
    operation_id = "create_replication",
    request_body = CreateReplicationRequest,
    responses(
        (status = 201, description = "Planned", body = ReplicationView, headers(("ETag" = String), ("Location" = String))),
        (status = 403, description = "Not the unit's head, focal officer or authority", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The model, or the unit in the caller's reach, not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The unit already replicates this model", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid, or `own_model`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/replications")]
pub async fn create_replication(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<CreateReplicationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut errs = ValidationErrors::new();
    check_period(req.planned_from, req.planned_to, &mut errs);
    check_figures(&req.figures, &mut errs);
    let adaptation_notes = notes(&req.adaptation_notes, &mut errs);
    errs.into_result().map_err(ApiError::validation)?;
    let mut conn = state.conn().await?;
    let org = super::org(&mut conn, req.organization_id).await?;
    authz::replication(&p, &org.ancestry()).into_result()?;
    let model = q::find_model(&mut conn, req.model_id).await?;
    let (_, model_unit) = q::initiatives_by_ids(&mut conn, &[model.initiative_id])
        .await?
        .pop()
        .ok_or_else(|| super::internal("model initiative"))?;
    if model_unit.id == org.id {
        return Err(ApiError::field(FieldError::new(
            "organization_id",
            "own_model",
            "Đơn vị không nhân rộng mô hình của chính mình.",
            "A unit does not replicate its own model.",
        )));
    }
    let new = NewReplication {
        id: Uuid::now_v7(),
        model_id: model.id,
        organization_id: org.id,
        planned_from: req.planned_from,
        planned_to: req.planned_to,
        adaptation_notes,
        figures: serde_json::to_value(&req.figures).map_err(ApiError::internal)?,
        created_by: p.user_id,
    };
    let actor = p.user_id;
    let n = new.clone();
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if q::replication_exists(conn, n.model_id, n.organization_id).await? {
            return Err(ApiError::conflict(
                "already_replicating",
                "Đơn vị đã đăng ký nhân rộng mô hình này.",
                "The unit already replicates this model.",
            ));
        }
        q::insert_replication(conn, &n).await?;
        audit(
            conn,
            Some(actor),
            "replication.create",
            "replication",
            Some(n.id),
            Some(n.organization_id),
            serde_json::json!({ "model_id": n.model_id, "planned_from": n.planned_from, "planned_to": n.planned_to }),
        )
        .await
    })
    .await?;
    let (r, o) = q::find_replication(&mut conn, new.id).await?;
    let v = view(&mut conn, &p, &r, &o).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", v.etag.clone()))
        .insert_header(("Location", format!("/api/v1/replications/{}", v.id)))
        .json(v))
}

/// One replication.
#[utoipa::path(
    tag = "showcase",
    operation_id = "get_replication",
    params(("id" = Uuid, Path, description = "Replication id")),
    responses(
        (status = 200, description = "The replication", body = ReplicationView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/replications/{id}")]
pub async fn get_replication(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let (r, o) = q::find_replication(&mut conn, id.into_inner()).await?;
    if !authz::can_see_org(&p, &o.ancestry()) {
        return Err(ApiError::not_found());
    }
    let v = view(&mut conn, &p, &r, &o).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v))
}

/// Track a replication: period, status (forward only), notes, before/after figures.
#[utoipa::path(
    tag = "showcase",
    operation_id = "update_replication",
    params(("id" = Uuid, Path, description = "Replication id"), ("If-Match" = String, Header, description = "The replication's ETag")),
    request_body = UpdateReplicationRequest,
    responses(
        (status = 200, description = "Changed", body = ReplicationView, headers(("ETag" = String))),
        (status = 403, description = "Not the unit's head, focal officer or authority", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The status cannot move that way (adopted and abandoned are final)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/replications/{id}")]
pub async fn update_replication(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateReplicationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let (r, o) = q::find_replication(&mut conn, id.into_inner()).await?;
    authz::replication(&p, &o.ancestry()).into_result()?;
    if_match.check(&etag(r.id, r.version))?;
    let mut errs = ValidationErrors::new();
    let from = req.planned_from.unwrap_or(r.planned_from);
    let to = req.planned_to.unwrap_or(r.planned_to);
    check_period(from, to, &mut errs);
    if let Some(f) = &req.figures {
        check_figures(f, &mut errs);
    }
    let adaptation_notes = match &req.adaptation_notes {
        Some(n) => notes(n, &mut errs),
        None => r.adaptation_notes.clone(),
    };
    errs.into_result().map_err(ApiError::validation)?;
    let current =
        ReplicationStatus::parse(&r.status).ok_or_else(|| super::internal("replication status"))?;
    let next = req.status.map(ReplicationStatus::from).unwrap_or(current);
    if !current.may_move_to(next) {
        return Err(ApiError::invalid_transition(
            current.as_str(),
            ReplicationStatusCode::from(next).as_action(),
        ));
    }
    let edit = ReplicationEdit {
        planned_from: from,
        planned_to: to,
        status: next.as_str().to_string(),
        adaptation_notes,
        figures: match &req.figures {
            Some(f) => serde_json::to_value(f).map_err(ApiError::internal)?,
            None => r.figures.clone(),
        },
    };
    let (rid, version, org_id, actor) = (r.id, r.version, o.id, p.user_id);
    let from_status = r.status.clone();
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if !q::update_replication(conn, rid, version, &edit).await? {
            return Err(ApiError::precondition_failed());
        }
        audit(
            conn,
            Some(actor),
            "replication.update",
            "replication",
            Some(rid),
            Some(org_id),
            serde_json::json!({ "from": from_status, "to": edit.status }),
        )
        .await
    })
    .await?;
    let (r, o) = q::find_replication(&mut conn, rid).await?;
    let v = view(&mut conn, &p, &r, &o).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v))
}

impl ReplicationStatusCode {
    /// The verb an error message names for a move to this status.
    pub fn as_action(self) -> &'static str {
        match self {
            ReplicationStatusCode::Planned => "plan",
            ReplicationStatusCode::InProgress => "start",
            ReplicationStatusCode::Adopted => "adopt",
            ReplicationStatusCode::Abandoned => "abandon",
        }
    }
}
