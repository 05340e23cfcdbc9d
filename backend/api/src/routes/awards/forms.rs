//! The award-form catalogue (SPEC §7): dated data, read by everyone signed in, kept by
//! administrators. A form is never deleted (nominations name it); it ends with `valid_to`.

use actix_web::{HttpResponse, get, post, put, web};
use diesel_async::AsyncConnection;
use thidua_db::queries::awards::{self as q, AwardForm};
use thidua_domain::validation::required_text;
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json, etag};
use crate::routes::{audit, today};
use crate::state::AppState;
use crate::views::awards::{AwardFormRequest, AwardFormView, AwardLevelCode};

pub fn view(f: &AwardForm) -> AwardFormView {
    let facts = super::form_facts(f);
    AwardFormView {
        id: f.id,
        code: f.code.clone(),
        name_vi: f.name_vi.clone(),
        name_en: f.name_en.clone(),
        level: AwardLevelCode::parse(&f.level).unwrap_or(AwardLevelCode::Unit),
        granting_authority: f.granting_authority.clone(),
        granting_organization_id: f.granting_organization_id,
        nominee_kinds: facts.nominee_kinds.iter().map(|k| (*k).into()).collect(),
        valid_from: f.valid_from,
        valid_to: f.valid_to,
        deadline_month: f.deadline_month,
        deadline_day: f.deadline_day,
        sort_order: f.sort_order,
        in_force: facts.valid_on(today()),
        version: f.version,
        etag: etag(f.id, f.version),
    }
}

fn parse(req: &AwardFormRequest, id: Uuid, version: i32) -> Result<AwardForm, ApiError> {
    let mut errs = ValidationErrors::new();
    let code = req.code.trim().to_string();
    let code_ok = code.len() >= 2
        && code.len() <= 64
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && code
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !code_ok {
        errs.push(FieldError::new(
            "code",
            "invalid_code",
            "Mã gồm 2–64 chữ thường không dấu, số, gạch nối.",
            "2–64 lowercase letters, digits, '-' or '_'.",
        ));
    }
    let name_vi = errs.check(required_text("name_vi", &req.name_vi, 500));
    let name_en = errs.check(required_text("name_en", &req.name_en, 500));
    let authority = errs.check(required_text(
        "granting_authority",
        &req.granting_authority,
        500,
    ));
    if req.nominee_kinds.is_empty() {
        errs.push(FieldError::required("nominee_kinds"));
    }
    if req.valid_to.is_some_and(|to| to < req.valid_from) {
        errs.push(FieldError::new(
            "valid_to",
            "before_start",
            "Ngày hết hiệu lực phải sau ngày bắt đầu.",
            "The end of validity must not precede its start.",
        ));
    }
    match (req.deadline_month, req.deadline_day) {
        (None, None) => {}
        (Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {}
        _ => errs.push(FieldError::new(
            "deadline_day",
            "invalid_deadline",
            "Hạn nộp cần cả tháng (1–12) và ngày (1–31), hoặc để trống cả hai.",
            "A deadline needs both a month (1–12) and a day (1–31), or neither.",
        )),
    }
    if !(-1_000_000..=1_000_000).contains(&req.sort_order) {
        errs.push(FieldError::new(
            "sort_order",
            "out_of_range",
            "Thứ tự ngoài khoảng cho phép.",
            "Out of range.",
        ));
    }
    errs.into_result().map_err(ApiError::validation)?;
    let mut kinds: Vec<Option<String>> = req
        .nominee_kinds
        .iter()
        .map(|k| {
            Some(
                thidua_domain::award::NomineeKind::from(*k)
                    .as_str()
                    .to_string(),
            )
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    let now = chrono::Utc::now();
    Ok(AwardForm {
        id,
        code,
        name_vi: name_vi.unwrap_or_default(),
        name_en: name_en.unwrap_or_default(),
        level: req.level.as_str().to_string(),
        granting_authority: authority.unwrap_or_default(),
        granting_organization_id: req.granting_organization_id,
        nominee_kinds: kinds,
        valid_from: req.valid_from,
        valid_to: req.valid_to,
        deadline_month: req.deadline_month,
        deadline_day: req.deadline_day,
        sort_order: req.sort_order,
        version,
        created_at: now,
        updated_at: now,
    })
}

fn admin_only(p: &Principal) -> Result<(), ApiError> {
    if p.is_admin() {
        Ok(())
    } else {
        Err(ApiError::forbidden())
    }
}

async fn check_org(
    conn: &mut thidua_db::AsyncPgConnection,
    id: Option<Uuid>,
) -> Result<(), ApiError> {
    if let Some(id) = id
        && thidua_db::queries::organizations::find_many(conn, &[id])
            .await?
            .is_empty()
    {
        return Err(ApiError::field(FieldError::new(
            "granting_organization_id",
            "unknown",
            "Không có tổ chức này.",
            "No such organisation.",
        )));
    }
    Ok(())
}

/// The catalogue, in its order; `in_force` tells which can be proposed today.
#[utoipa::path(
    tag = "awards",
    operation_id = "list_award_forms",
    responses((status = 200, description = "Every form, past and present", body = Vec<AwardFormView>)),
    security(("bearer" = []))
)]
#[get("/award-forms")]
pub async fn list_award_forms(
    state: web::Data<AppState>,
    _p: Principal,
) -> Result<web::Json<Vec<AwardFormView>>, ApiError> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        q::award_forms(&mut conn).await?.iter().map(view).collect(),
    ))
}

/// Add an award form (administrators).
#[utoipa::path(
    tag = "awards",
    operation_id = "create_award_form",
    request_body = AwardFormRequest,
    responses(
        (status = 201, description = "Added", body = AwardFormView),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/award-forms")]
pub async fn create_award_form(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<AwardFormRequest>,
) -> Result<HttpResponse, ApiError> {
    admin_only(&p)?;
    let form = parse(&body.0, Uuid::now_v7(), 1)?;
    let mut conn = state.conn().await?;
    check_org(&mut conn, form.granting_organization_id).await?;
    let actor = p.user_id;
    let f = form.clone();
    conn.transaction::<_, ApiError, _>(async move |conn| {
        q::insert_award_form(conn, &f).await.map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => ApiError::conflict(
                "code_taken",
                "Mã hình thức khen thưởng đã có.",
                "That award-form code is taken.",
            ),
            e => e.into(),
        })?;
        audit(
            conn,
            Some(actor),
            "award_form.create",
            "award_form",
            Some(f.id),
            None,
            serde_json::json!({ "code": f.code }),
        )
        .await
    })
    .await?;
    let saved = q::find_award_form(&mut conn, form.id).await?;
    let v = view(&saved);
    Ok(HttpResponse::Created()
        .insert_header(("ETag", v.etag.clone()))
        .insert_header(("Location", format!("/api/v1/award-forms/{}", v.id)))
        .json(v))
}

/// Change an award form (administrators), e.g. end it when the authority is abolished.
#[utoipa::path(
    tag = "awards",
    operation_id = "update_award_form",
    params(("id" = Uuid, Path, description = "Award form id"), ("If-Match" = String, Header, description = "The form's ETag")),
    request_body = AwardFormRequest,
    responses(
        (status = 200, description = "Changed", body = AwardFormView, headers(("ETag" = String))),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/award-forms/{id}")]
pub async fn update_award_form(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<AwardFormRequest>,
) -> Result<HttpResponse, ApiError> {
    admin_only(&p)?;
    let mut conn = state.conn().await?;
    let current = q::find_award_form(&mut conn, id.into_inner()).await?;
    if_match.check(&etag(current.id, current.version))?;
    let mut form = parse(&body.0, current.id, current.version + 1)?;
    form.created_at = current.created_at;
    check_org(&mut conn, form.granting_organization_id).await?;
    let actor = p.user_id;
    let f = form.clone();
    let expected = current.version;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let ok = q::update_award_form(conn, &f, expected)
            .await
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => ApiError::conflict(
                    "code_taken",
                    "Mã hình thức khen thưởng đã có.",
                    "That award-form code is taken.",
                ),
                e => e.into(),
            })?;
        if !ok {
            return Err(ApiError::precondition_failed());
        }
        audit(
            conn,
            Some(actor),
            "award_form.update",
            "award_form",
            Some(f.id),
            None,
            serde_json::json!({ "code": f.code, "valid_to": f.valid_to }),
        )
        .await
    })
    .await?;
    let saved = q::find_award_form(&mut conn, form.id).await?;
    let v = view(&saved);
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v))
}
