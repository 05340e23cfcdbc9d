//! Award decisions (quyết định khen thưởng): number and symbol, date, signer, the issuing
//! authority, the approved nominations it grants (which become `decided`), and the ceremony
//! at the year-end conference. Awardees see their awards on their profile and unit page.

use actix_web::{HttpResponse, get, post, web};
use diesel_async::AsyncConnection;
use thidua_db::AsyncPgConnection;
use thidua_db::queries::awards::{self as q, AwardDecision};
use thidua_domain::page::Page as PageReq;
use thidua_domain::validation::{optional_text, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use super::nominations::load as load_nomination;
use super::{Nominee, form_ref};
use crate::auth::Principal;
use crate::authz::{self, NominationAction};
use crate::error::ApiError;
use crate::extract::{Json, Query};
use crate::routes::{audit, today};
use crate::state::AppState;
use crate::views::awards::{
    AwardDecisionRequest, AwardDecisionView, AwardView, DecisionRef, GrantedView,
};
use crate::views::{OrganizationRef, Page, PageParams};

pub async fn granted_views(
    conn: &mut AsyncPgConnection,
    decision_id: Uuid,
) -> Result<Vec<GrantedView>, ApiError> {
    let found = q::list_nominations(
        conn,
        &q::NominationFilter {
            award_decision_id: Some(decision_id),
            ..Default::default()
        },
        None,
    )
    .await?;
    let mut out = Vec::new();
    for n in found.items {
        let form = q::find_award_form(conn, n.award_form_id).await?;
        let nominee = Nominee::of(conn, &n).await?;
        let org = thidua_db::queries::organizations::find_many(conn, &[n.organization_id])
            .await?
            .pop()
            .ok_or_else(|| super::internal("organization"))?;
        out.push(GrantedView {
            nomination_id: n.id,
            award_form: form_ref(&form),
            nominee: nominee.view(conn).await?,
            organization: OrganizationRef::from(&org),
            year: n.year,
        });
    }
    out.sort_by(|a, b| {
        (a.organization.name.as_str(), a.nominee.label.as_str())
            .cmp(&(b.organization.name.as_str(), b.nominee.label.as_str()))
    });
    Ok(out)
}

pub async fn view(
    conn: &mut AsyncPgConnection,
    d: &AwardDecision,
) -> Result<AwardDecisionView, ApiError> {
    let org = thidua_db::queries::organizations::find_many(conn, &[d.organization_id])
        .await?
        .pop()
        .ok_or_else(|| super::internal("organization"))?;
    Ok(AwardDecisionView {
        id: d.id,
        number: d.number.clone(),
        signed_on: d.signed_on,
        signer_name: d.signer_name.clone(),
        signer_title: d.signer_title.clone(),
        organization: OrganizationRef::from(&org),
        ceremony_on: d.ceremony_on,
        ceremony_note: d.ceremony_note.clone(),
        granted: granted_views(conn, d.id).await?,
        created_by: d.created_by,
        created_at: d.created_at,
    })
}

/// Record a decision (the authority): it grants the listed approved nominations, which
/// become `decided`.
#[utoipa::path(
    tag = "awards",
    operation_id = "create_award_decision",
    request_body = AwardDecisionRequest,
    responses(
        (status = 201, description = "Recorded", body = AwardDecisionView, headers(("Location" = String))),
        (status = 403, description = "Not the authority", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The authority or a nomination is not in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The number is already used by this authority", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid; `not_approved` (a nomination is not approved) or `outside_authority`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/award-decisions")]
pub async fn create_award_decision(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<AwardDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut errs = ValidationErrors::new();
    let number = req.number.trim().to_string();
    if !thidua_domain::award::valid_decision_number(&number) {
        errs.push(FieldError::new(
            "number",
            "invalid_number",
            "Số, ký hiệu văn bản có dạng 1234/QĐ-UBND.",
            "A number and symbol such as 1234/QĐ-UBND.",
        ));
    }
    let signer_name = errs.check(required_text("signer_name", &req.signer_name, 200));
    let signer_title = errs.check(required_text("signer_title", &req.signer_title, 200));
    let ceremony_note = errs
        .check(optional_text(
            "ceremony_note",
            req.ceremony_note.as_deref(),
            500,
        ))
        .flatten();
    let now = today();
    if req.signed_on > now || chrono::Datelike::year(&req.signed_on) < 2000 {
        errs.push(FieldError::new(
            "signed_on",
            "out_of_range",
            "Ngày ký không được ở tương lai hay trước năm 2000.",
            "The signing day must not be in the future nor before 2000.",
        ));
    }
    if let Some(c) = req.ceremony_on
        && (c < req.signed_on || (c - req.signed_on).num_days() > 366)
    {
        errs.push(FieldError::new(
            "ceremony_on",
            "out_of_range",
            "Ngày trao thưởng phải từ ngày ký quyết định đến một năm sau.",
            "The ceremony must fall within a year after the signing day.",
        ));
    }
    let mut ids = req.nomination_ids.clone();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        errs.push(FieldError::required("nomination_ids"));
    }
    if ids.len() > 500 {
        errs.push(FieldError::new(
            "nomination_ids",
            "too_many",
            "Tối đa 500 đề nghị trong một quyết định.",
            "At most 500 nominations in one decision.",
        ));
    }
    errs.into_result().map_err(ApiError::validation)?;
    let mut conn = state.conn().await?;
    let org = super::org(&mut conn, req.organization_id).await?;
    authz::decide_awards(&p, &org.ancestry()).into_result()?;
    let mut loaded = Vec::new();
    for id in &ids {
        let l = load_nomination(&mut conn, *id).await?;
        l.authorize(&p, NominationAction::View)?;
        loaded.push(l);
    }
    let outside: Vec<FieldError> = loaded
        .iter()
        .filter(|l| !l.org.ancestry().contains(&org.id))
        .map(|l| {
            FieldError::new(
                format!("nomination_ids.{}", l.n.id),
                "outside_authority",
                format!(
                    "“{}” không thuộc thẩm quyền của {}.",
                    l.nominee.label(),
                    org.name
                ),
                "The nomination is not under this authority.",
            )
        })
        .collect();
    if !outside.is_empty() {
        return Err(ApiError::unprocessable(
            "outside_authority",
            "Có đề nghị không thuộc thẩm quyền của cơ quan ban hành quyết định.",
            "A nomination is not under the issuing authority.",
        )
        .with_errors(outside));
    }
    let decision = AwardDecision {
        id: Uuid::now_v7(),
        number,
        signed_on: req.signed_on,
        signer_name: signer_name.unwrap_or_default(),
        signer_title: signer_title.unwrap_or_default(),
        organization_id: org.id,
        ceremony_on: req.ceremony_on,
        ceremony_note,
        created_by: p.user_id,
        created_at: chrono::Utc::now(),
    };
    // An initiative the decision awards is recognised as a model: it enters the showcase
    // (SPEC §8), with its summary and the achievements of its dossier.
    let models: Vec<(Uuid, String, String)> = loaded
        .iter()
        .filter_map(|l| match &l.nominee {
            Nominee::Initiative { initiative, .. } => Some((
                initiative.id,
                initiative.summary.clone(),
                if l.n.achievements.trim().is_empty() {
                    initiative.expected_results.clone()
                } else {
                    l.n.achievements.clone()
                },
            )),
            _ => None,
        })
        .collect();
    let d = decision.clone();
    let actor = p.user_id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let mut not_approved = Vec::new();
        for id in &ids {
            let n = q::lock_nomination(conn, *id).await?;
            if n.status != "approved" {
                not_approved.push(FieldError::new(
                    format!("nomination_ids.{id}"),
                    "not_approved",
                    format!("Đề nghị đang ở trạng thái “{}”, chưa được duyệt.", n.status),
                    format!("The nomination is {}, not approved.", n.status),
                ));
            }
        }
        if !not_approved.is_empty() {
            return Err(ApiError::unprocessable(
                "not_approved",
                "Chỉ các đề nghị đã được duyệt mới đưa vào quyết định.",
                "Only approved nominations go into a decision.",
            )
            .with_errors(not_approved));
        }
        q::insert_decision(conn, &d, &ids)
            .await
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => ApiError::conflict(
                    "duplicate_number",
                    "Số quyết định này đã được cơ quan sử dụng.",
                    "This authority already used that number.",
                ),
                e => e.into(),
            })?;
        for (initiative_id, summary, results) in models {
            if q::model_of_initiative(conn, initiative_id).await?.is_none() {
                super::showcase::publish_in(
                    conn,
                    super::showcase::Publication {
                        id: Uuid::now_v7(),
                        initiative_id,
                        summary,
                        results,
                        recognized_on: d.signed_on,
                        by: actor,
                        files: vec![],
                        via: "decision",
                    },
                )
                .await?;
            }
        }
        audit(
            conn,
            Some(actor),
            "award_decision.create",
            "award_decision",
            Some(d.id),
            Some(d.organization_id),
            serde_json::json!({ "number": d.number, "nominations": ids }),
        )
        .await
    })
    .await?;
    let v = view(&mut conn, &decision).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/award-decisions/{}", v.id)))
        .json(v))
}

/// Decisions issued by authorities in the caller's reach; newest first.
#[utoipa::path(
    tag = "awards",
    operation_id = "list_award_decisions",
    params(PageParams),
    responses((status = 200, description = "One page", body = Page<AwardDecisionView>)),
    security(("bearer" = []))
)]
#[get("/award-decisions")]
pub async fn list_award_decisions(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<PageParams>,
) -> Result<web::Json<Page<AwardDecisionView>>, ApiError> {
    let page = PageReq::parse(params.0.page, params.0.per_page).map_err(ApiError::invalid_query)?;
    let roots = (!p.is_admin()).then(|| p.roots());
    let mut conn = state.conn().await?;
    let found = q::list_decisions(&mut conn, roots.as_deref(), page).await?;
    let mut items = Vec::new();
    for d in &found.items {
        items.push(view(&mut conn, d).await?);
    }
    Ok(web::Json(Page::of(items, found.total, page)))
}

/// Whether the caller sees a decision: inside their reach, or granting one of their units.
pub async fn visible(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    d: &AwardDecision,
) -> Result<bool, ApiError> {
    let org = thidua_db::queries::organizations::find_many(conn, &[d.organization_id]).await?;
    if org.iter().any(|o| authz::can_see_org(p, &o.ancestry())) {
        return Ok(true);
    }
    let granted = q::list_nominations(
        conn,
        &q::NominationFilter {
            award_decision_id: Some(d.id),
            ..Default::default()
        },
        None,
    )
    .await?;
    let orgs = super::org_map(conn, granted.items.iter().map(|n| n.organization_id)).await?;
    Ok(orgs.values().any(|o| authz::can_see_org(p, &o.ancestry())))
}

/// A decision with the nominations it granted.
#[utoipa::path(
    tag = "awards",
    operation_id = "get_award_decision",
    params(("id" = Uuid, Path, description = "Decision id")),
    responses(
        (status = 200, description = "The decision", body = AwardDecisionView),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/award-decisions/{id}")]
pub async fn get_award_decision(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<AwardDecisionView>, ApiError> {
    let mut conn = state.conn().await?;
    let d = q::find_decision(&mut conn, id.into_inner()).await?;
    if !visible(&mut conn, &p, &d).await? {
        return Err(ApiError::not_found());
    }
    Ok(web::Json(view(&mut conn, &d).await?))
}

async fn award_views(
    conn: &mut AsyncPgConnection,
    rows: Vec<q::Nomination>,
) -> Result<Vec<AwardView>, ApiError> {
    let mut out = Vec::new();
    for n in rows {
        let Some(decision_id) = n.award_decision_id else {
            continue;
        };
        let d = q::find_decision(conn, decision_id).await?;
        let form = q::find_award_form(conn, n.award_form_id).await?;
        let nominee = Nominee::of(conn, &n).await?;
        out.push(AwardView {
            nomination_id: n.id,
            award_form: form_ref(&form),
            year: n.year,
            nominee: nominee.view(conn).await?,
            decision: DecisionRef {
                id: d.id,
                number: d.number,
                signed_on: d.signed_on,
                ceremony_on: d.ceremony_on,
            },
        });
    }
    Ok(out)
}

/// The awards a person received (as a person, or as an author of an initiative).
#[utoipa::path(
    tag = "awards",
    operation_id = "list_user_awards",
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The awards, newest first", body = Vec<AwardView>),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/users/{id}/awards")]
pub async fn list_user_awards(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<AwardView>>, ApiError> {
    let mut conn = state.conn().await?;
    let user = super::user(&mut conn, id.into_inner()).await?;
    let unit = super::org(&mut conn, user.organization_id).await?;
    if user.id != p.user_id && !authz::can_see_org(&p, &unit.ancestry()) {
        return Err(ApiError::not_found());
    }
    let rows = q::awards_of_person(&mut conn, user.id).await?;
    Ok(web::Json(award_views(&mut conn, rows).await?))
}

/// The awards of a unit: as a collective, and those it proposed (its initiatives, its people).
#[utoipa::path(
    tag = "awards",
    operation_id = "list_organization_awards",
    params(("id" = Uuid, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "The awards, newest first", body = Vec<AwardView>),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/awards")]
pub async fn list_organization_awards(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<AwardView>>, ApiError> {
    let mut conn = state.conn().await?;
    let org = super::org(&mut conn, id.into_inner()).await?;
    if !authz::can_see_org(&p, &org.ancestry()) {
        return Err(ApiError::not_found());
    }
    let rows = q::awards_of_unit(&mut conn, org.id).await?;
    Ok(web::Json(award_views(&mut conn, rows).await?))
}
