//! Nominations (đề nghị khen thưởng, SPEC §7): proposed by the unit head with a dossier,
//! `draft → submitted → approved | rejected → decided`, with the eligibility checklist
//! computed on every read, at submit and at approval. An authority officer may override one
//! failed rule with a written reason (audited, printed on the dossier).

use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use chrono::NaiveDate;
use diesel_async::AsyncConnection;
use thidua_db::AsyncPgConnection;
use thidua_db::models::Organization;
use thidua_db::queries::awards::{
    self as q, AwardForm, NewNomination, Nomination, NominationEdit, NominationFilter,
};
use thidua_domain::FieldError;
use thidua_domain::award::{NominationStatus, NomineeKind, RuleCode, RuleOutcome, rules_for};
use thidua_domain::page::Page as PageReq;
use uuid::Uuid;

use super::{Nominee, eligibility, form_ref, ineligible, user_map};
use crate::auth::Principal;
use crate::authz::{self, NominationAction};
use crate::error::ApiError;
use crate::extract::{IfMatch, Json, Query, etag};
use crate::routes::{audit, today};
use crate::state::AppState;
use crate::views::awards::{
    CreateNominationRequest, DecisionRef, DossierFileView, EligibilityView, NominationListParams,
    NominationView, NomineeRequest, OverrideRequest, ReasonRequest, UpdateNominationRequest,
};
use crate::views::{OrganizationRef, Page, UserRef};

/// A nomination with what every handler needs to judge it.
pub struct Loaded {
    pub n: Nomination,
    pub form: AwardForm,
    pub org: Organization,
    pub nominee: Nominee,
}

impl Loaded {
    pub fn status(&self) -> Result<NominationStatus, ApiError> {
        NominationStatus::parse(&self.n.status).ok_or_else(|| super::internal("status"))
    }

    pub fn authorize(&self, p: &Principal, a: NominationAction) -> Result<(), ApiError> {
        authz::nomination(p, a, &self.org.ancestry()).into_result()
    }

    /// The day eligibility is judged on: today for a draft, the submission day after.
    pub fn as_of(&self) -> NaiveDate {
        self.n.submitted_on.unwrap_or_else(today)
    }

    fn override_rule(&self) -> Option<RuleCode> {
        self.n.override_rule.as_deref().and_then(RuleCode::parse)
    }

    pub async fn eligibility(
        &self,
        conn: &mut AsyncPgConnection,
        p: &Principal,
    ) -> Result<(EligibilityView, Vec<thidua_domain::award::RuleResult>), ApiError> {
        let overridden = match (
            self.override_rule(),
            &self.n.override_reason,
            self.n.override_by,
            self.n.override_at,
        ) {
            (Some(rule), Some(reason), Some(by), Some(at)) => {
                let users = user_map(conn, [by]).await?;
                let by = users
                    .get(&by)
                    .map(|u| UserRef {
                        id: u.id,
                        display_name: u.display_name.clone(),
                    })
                    .ok_or_else(|| super::internal("override_by"))?;
                Some((rule, reason.clone(), by, at))
            }
            _ => None,
        };
        eligibility(
            conn,
            p,
            &self.form,
            &self.nominee,
            self.n.year,
            self.as_of(),
            overridden,
            Some(self.n.id),
        )
        .await
    }
}

pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Loaded, ApiError> {
    let n = q::find_nomination(conn, id).await?;
    load_row(conn, n).await
}

async fn load_row(conn: &mut AsyncPgConnection, n: Nomination) -> Result<Loaded, ApiError> {
    let form = q::find_award_form(conn, n.award_form_id).await?;
    let org = thidua_db::queries::organizations::find_many(conn, &[n.organization_id])
        .await?
        .pop()
        .ok_or_else(|| super::internal("organization"))?;
    let nominee = Nominee::of(conn, &n).await?;
    Ok(Loaded {
        n,
        form,
        org,
        nominee,
    })
}

fn allowed_actions(p: &Principal, l: &Loaded) -> Result<Vec<String>, ApiError> {
    use NominationStatus as S;
    let status = l.status()?;
    Ok(NominationAction::ALL
        .into_iter()
        .filter(|a| {
            let state_ok = match a {
                NominationAction::View => false,
                NominationAction::Update | NominationAction::Delete | NominationAction::Submit => {
                    status == S::Draft
                }
                NominationAction::Approve | NominationAction::Reject => status == S::Submitted,
                NominationAction::Override => matches!(status, S::Draft | S::Submitted),
            };
            state_ok && l.authorize(p, *a).is_ok()
        })
        .map(|a| a.as_str().to_string())
        .collect())
}

pub async fn view(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    l: &Loaded,
) -> Result<NominationView, ApiError> {
    let (elig, _) = l.eligibility(conn, p).await?;
    let file_ids: Vec<Uuid> = q::nomination_file_ids(conn, &[l.n.id])
        .await?
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    let mut files = Vec::new();
    for f in &file_ids {
        let (file, blob) = thidua_db::queries::files::find(conn, *f).await?;
        files.push(DossierFileView {
            id: file.id,
            original_name: file.original_name,
            media_type: blob.media_type,
            size_bytes: blob.size_bytes,
            content_url: format!("/api/v1/files/{}/content", file.id),
        });
    }
    let decision = match l.n.award_decision_id {
        Some(d) => {
            let d = q::find_decision(conn, d).await?;
            Some(DecisionRef {
                id: d.id,
                number: d.number,
                signed_on: d.signed_on,
                ceremony_on: d.ceremony_on,
            })
        }
        None => None,
    };
    let users = user_map(
        conn,
        [l.n.submitted_by, l.n.reviewed_by].into_iter().flatten(),
    )
    .await?;
    let user_ref = |id: Option<Uuid>| {
        id.and_then(|i| users.get(&i)).map(|u| UserRef {
            id: u.id,
            display_name: u.display_name.clone(),
        })
    };
    let minutes_round_id = match &l.nominee {
        Nominee::Initiative { initiative, .. } => q::acceptance_of(conn, initiative.id)
            .await?
            .map(|(id, _)| id),
        _ => None,
    };
    Ok(NominationView {
        id: l.n.id,
        award_form: form_ref(&l.form),
        year: l.n.year,
        nominee: l.nominee.view(conn).await?,
        organization: OrganizationRef::from(&l.org),
        proposal: l.n.proposal.clone(),
        achievements: l.n.achievements.clone(),
        files,
        minutes_round_id,
        status: l.status()?.into(),
        submitted_at: l.n.submitted_at,
        submitted_by: user_ref(l.n.submitted_by),
        reviewed_at: l.n.reviewed_at,
        reviewed_by: user_ref(l.n.reviewed_by),
        rejection_reason: l.n.rejection_reason.clone(),
        decision,
        eligibility: elig,
        allowed_actions: allowed_actions(p, l)?,
        version: l.n.version,
        etag: etag(l.n.id, l.n.version),
        created_by: l.n.created_by,
        created_at: l.n.created_at,
        updated_at: l.n.updated_at,
    })
}

pub async fn view_one(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<NominationView, ApiError> {
    let l = load(conn, id).await?;
    view(conn, p, &l).await
}

fn text(field: &str, value: &str, max: usize) -> Result<String, ApiError> {
    if value.chars().count() > max {
        return Err(ApiError::field(FieldError::too_long(field, max)));
    }
    Ok(value.trim().to_string())
}

/// The form for a nomination: it exists, applies to the nominee and is in force today.
async fn usable_form(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    kind: NomineeKind,
) -> Result<AwardForm, ApiError> {
    let form = q::find_award_form(conn, id).await.map_err(|e| match e {
        diesel::result::Error::NotFound => ApiError::field(FieldError::new(
            "award_form_id",
            "unknown",
            "Không có hình thức khen thưởng này.",
            "No such award form.",
        )),
        e => e.into(),
    })?;
    let facts = super::form_facts(&form);
    if !facts.nominee_kinds.contains(&kind) {
        return Err(ApiError::field(FieldError::new(
            "award_form_id",
            "not_for_nominee",
            "Hình thức khen thưởng này không áp dụng cho loại đối tượng đã chọn.",
            "This award form is not given to that kind of nominee.",
        )));
    }
    if !facts.valid_on(today()) {
        return Err(ApiError::unprocessable(
            "award_form_expired",
            format!(
                "Hình thức “{}” không còn hiệu lực (hiệu lực từ {} đến {}).",
                form.name_vi,
                form.valid_from.format("%d/%m/%Y"),
                form.valid_to
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_else(|| "nay".into())
            ),
            format!("The award form “{}” is not in force today.", form.name_en),
        )
        .with_errors(vec![FieldError::new(
            "award_form_id",
            "award_form_expired",
            "Hình thức khen thưởng không còn hiệu lực.",
            "The award form is not in force.",
        )]));
    }
    Ok(form)
}

/// The nominee, in the caller's reach as its unit's head (404 otherwise: a person of
/// another unit does not exist for them).
async fn reachable_nominee(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    req: &NomineeRequest,
) -> Result<Nominee, ApiError> {
    let kind = NomineeKind::from(req.nominee_kind);
    let nominee = Nominee::load(
        conn,
        kind,
        req.initiative_id,
        req.user_id,
        req.organization_id,
    )
    .await?;
    let path = nominee.unit().ancestry();
    if !p.has_role_over(thidua_domain::role::Role::UnitHead, &path) {
        // Visible to an authority officer or an administrator, who do not propose.
        return Err(if authz::can_see_org(p, &path) {
            ApiError::forbidden()
        } else {
            ApiError::not_found()
        });
    }
    Ok(nominee)
}

fn year_of(req_year: Option<i32>, nominee: &Nominee) -> Result<i32, ApiError> {
    let y = req_year.unwrap_or_else(|| nominee.default_year());
    super::ratings::check_year("year", y)?;
    Ok(y)
}

/// Evidence files: each one of the proposing unit's (404 for another unit's file).
async fn check_files(
    conn: &mut AsyncPgConnection,
    unit: &Organization,
    ids: &[Uuid],
) -> Result<Vec<Uuid>, ApiError> {
    let mut out: Vec<Uuid> = Vec::new();
    if ids.len() > 50 {
        return Err(ApiError::field(FieldError::new(
            "file_ids",
            "too_many",
            "Tối đa 50 tệp minh chứng.",
            "At most 50 evidence files.",
        )));
    }
    for id in ids {
        if out.contains(id) {
            continue;
        }
        let (f, _) = thidua_db::queries::files::find(conn, *id).await?;
        let owner =
            thidua_db::queries::organizations::find_many(conn, &[f.organization_id]).await?;
        if !owner.iter().any(|o| o.ancestry().contains(&unit.id)) {
            return Err(ApiError::not_found());
        }
        out.push(*id);
    }
    Ok(out)
}

/// Nominations in the caller's reach: the unit head's own, the authority's review queue
/// (`status=submitted`), decided ones by form and year.
#[utoipa::path(
    tag = "awards",
    operation_id = "list_nominations",
    params(NominationListParams),
    responses((status = 200, description = "One page, most recently changed first", body = Page<NominationView>)),
    security(("bearer" = []))
)]
#[get("/nominations")]
pub async fn list_nominations(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<NominationListParams>,
) -> Result<web::Json<Page<NominationView>>, ApiError> {
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    super::ratings::query_year(params.year)?;
    use thidua_domain::role::Role;
    let filter = NominationFilter {
        roots: (!p.is_admin()).then(|| p.roots_with(&[Role::UnitHead, Role::AuthorityOfficer])),
        organization_id: params.organization_id,
        status: params
            .status
            .map(|s| NominationStatus::from(s).as_str().to_string()),
        year: params.year,
        award_form_id: params.award_form_id,
        nominee_kind: params
            .nominee_kind
            .map(|k| NomineeKind::from(k).as_str().to_string()),
        award_decision_id: None,
        drafts_in: None,
    };
    let mut conn = state.conn().await?;
    let found = q::list_nominations(&mut conn, &filter, Some(page)).await?;
    let mut items = Vec::with_capacity(found.items.len());
    for n in found.items {
        let l = load_row(&mut conn, n).await?;
        items.push(view(&mut conn, &p, &l).await?);
    }
    Ok(web::Json(Page::of(items, found.total, page)))
}

/// The checklist for a nominee, a form and a year, as it stands today — what the wizard
/// shows before anything is saved.
#[utoipa::path(
    tag = "awards",
    operation_id = "preview_nomination_eligibility",
    request_body = NomineeRequest,
    responses(
        (status = 200, description = "Every rule that applies, pass or fail, with its reason and records", body = EligibilityView),
        (status = 403, description = "Not the nominee's unit head", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The nominee is not in the caller's unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/nominations/eligibility")]
pub async fn preview_nomination_eligibility(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<NomineeRequest>,
) -> Result<web::Json<EligibilityView>, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let nominee = reachable_nominee(&mut conn, &p, &req).await?;
    let year = year_of(req.year, &nominee)?;
    let form = q::find_award_form(&mut conn, req.award_form_id)
        .await
        .map_err(|e| match e {
            diesel::result::Error::NotFound => ApiError::field(FieldError::new(
                "award_form_id",
                "unknown",
                "Không có hình thức khen thưởng này.",
                "No such award form.",
            )),
            e => e.into(),
        })?;
    let (v, _) = conn
        .transaction::<_, ApiError, _>(async |conn| {
            eligibility(conn, &p, &form, &nominee, year, today(), None, None).await
        })
        .await?;
    Ok(web::Json(v))
}

/// Propose a nominee (the unit head): a draft with its dossier; the checklist comes with it.
#[utoipa::path(
    tag = "awards",
    operation_id = "create_nomination",
    request_body = CreateNominationRequest,
    responses(
        (status = 201, description = "A draft", body = NominationView, headers(("ETag" = String), ("Location" = String))),
        (status = 403, description = "Not the nominee's unit head", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The nominee or a file is not in the caller's unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already proposed for this form and year", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid, or `award_form_expired`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/nominations")]
pub async fn create_nomination(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<CreateNominationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let proposal = text("proposal", &req.proposal, 20000)?;
    let achievements = text("achievements", &req.achievements, 50000)?;
    let mut conn = state.conn().await?;
    let nominee = reachable_nominee(&mut conn, &p, &req.nominee()).await?;
    let year = year_of(req.year, &nominee)?;
    let form = usable_form(&mut conn, req.award_form_id, nominee.kind()).await?;
    let files = check_files(&mut conn, nominee.unit(), &req.file_ids).await?;
    let new = NewNomination {
        id: Uuid::now_v7(),
        award_form_id: form.id,
        year,
        nominee_kind: nominee.kind().as_str().to_string(),
        initiative_id: req
            .initiative_id
            .filter(|_| nominee.kind() == NomineeKind::Initiative),
        nominee_user_id: req
            .user_id
            .filter(|_| nominee.kind() == NomineeKind::Person),
        nominee_organization_id: req
            .organization_id
            .filter(|_| nominee.kind() == NomineeKind::Unit),
        organization_id: nominee.unit().id,
        proposal,
        achievements,
        created_by: p.user_id,
    };
    let actor = p.user_id;
    let n = new.clone();
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if q::duplicate_nomination(conn, &n, None).await?.is_some() {
            return Err(duplicate());
        }
        q::insert_nomination(conn, &n, &files).await?;
        audit(
            conn,
            Some(actor),
            "nomination.create",
            "nomination",
            Some(n.id),
            Some(n.organization_id),
            serde_json::json!({ "award_form_id": n.award_form_id, "year": n.year, "nominee_kind": n.nominee_kind }),
        )
        .await
    })
    .await?;
    let v = view_one(&mut conn, &p, new.id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", v.etag.clone()))
        .insert_header(("Location", format!("/api/v1/nominations/{}", v.id)))
        .json(v))
}

fn duplicate() -> ApiError {
    ApiError::conflict(
        "duplicate_nomination",
        "Đối tượng này đã được đề nghị hình thức khen thưởng này trong năm.",
        "This nominee is already proposed for this award form and year.",
    )
}

/// A nomination with its dossier and its checklist, computed now.
#[utoipa::path(
    tag = "awards",
    operation_id = "get_nomination",
    params(("id" = Uuid, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "The nomination", body = NominationView, headers(("ETag" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/nominations/{id}")]
pub async fn get_nomination(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::View)?;
    let v = view(&mut conn, &p, &l).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v))
}

fn require(l: &Loaded, allowed: &[NominationStatus], action: &str) -> Result<(), ApiError> {
    let s = l.status()?;
    if allowed.contains(&s) {
        Ok(())
    } else {
        Err(ApiError::invalid_transition(s.as_str(), action))
    }
}

/// Change a draft (the unit head): form, year, tờ trình, báo cáo thành tích, evidence.
#[utoipa::path(
    tag = "awards",
    operation_id = "update_nomination",
    params(("id" = Uuid, Path, description = "Nomination id"), ("If-Match" = String, Header, description = "The nomination's ETag")),
    request_body = UpdateNominationRequest,
    responses(
        (status = 200, description = "Changed", body = NominationView, headers(("ETag" = String))),
        (status = 403, description = "Not the unit head", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach (or a file of another unit)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "No longer a draft, or a duplicate", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid, or `award_form_expired`", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/nominations/{id}")]
pub async fn update_nomination(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateNominationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::Update)?;
    require(&l, &[NominationStatus::Draft], "update")?;
    if_match.check(&etag(l.n.id, l.n.version))?;
    let form = match req.award_form_id {
        Some(f) if f != l.form.id => usable_form(&mut conn, f, l.nominee.kind()).await?.id,
        _ => l.form.id,
    };
    let year = match req.year {
        Some(y) => {
            super::ratings::check_year("year", y)?;
            y
        }
        None => l.n.year,
    };
    let edit = NominationEdit {
        award_form_id: form,
        year,
        proposal: match &req.proposal {
            Some(t) => text("proposal", t, 20000)?,
            None => l.n.proposal.clone(),
        },
        achievements: match &req.achievements {
            Some(t) => text("achievements", t, 50000)?,
            None => l.n.achievements.clone(),
        },
    };
    let files = match &req.file_ids {
        Some(ids) => Some(check_files(&mut conn, &l.org, ids).await?),
        None => None,
    };
    let probe = NewNomination {
        id: l.n.id,
        award_form_id: form,
        year,
        nominee_kind: l.n.nominee_kind.clone(),
        initiative_id: l.n.initiative_id,
        nominee_user_id: l.n.nominee_user_id,
        nominee_organization_id: l.n.nominee_organization_id,
        organization_id: l.n.organization_id,
        proposal: String::new(),
        achievements: String::new(),
        created_by: l.n.created_by,
    };
    let (nid, version, org_id, actor) = (l.n.id, l.n.version, l.org.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if q::duplicate_nomination(conn, &probe, Some(nid)).await?.is_some() {
            return Err(duplicate());
        }
        if !q::update_nomination(conn, nid, version, &edit).await? {
            return Err(ApiError::precondition_failed());
        }
        if let Some(files) = &files {
            q::set_nomination_files(conn, nid, files).await?;
        }
        audit(
            conn,
            Some(actor),
            "nomination.update",
            "nomination",
            Some(nid),
            Some(org_id),
            serde_json::json!({ "award_form_id": edit.award_form_id, "year": edit.year, "files": files.as_ref().map(Vec::len) }),
        )
        .await
    })
    .await?;
    let v = view_one(&mut conn, &p, nid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", v.etag.clone()))
        .json(v))
}

/// Delete a draft (the unit head).
#[utoipa::path(
    tag = "awards",
    operation_id = "delete_nomination",
    params(("id" = Uuid, Path, description = "Nomination id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not the unit head", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "No longer a draft", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/nominations/{id}")]
pub async fn delete_nomination(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::Delete)?;
    require(&l, &[NominationStatus::Draft], "delete")?;
    let (nid, org_id, actor) = (l.n.id, l.org.id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if q::delete_nomination(conn, nid).await? != 1 {
            return Err(ApiError::invalid_transition("submitted", "delete"));
        }
        audit(
            conn,
            Some(actor),
            "nomination.delete",
            "nomination",
            Some(nid),
            Some(org_id),
            serde_json::json!({}),
        )
        .await
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Re-reads the nomination under its row lock (a transition races nothing).
async fn relock(conn: &mut AsyncPgConnection, l: &Loaded) -> Result<Loaded, ApiError> {
    let n = q::lock_nomination(conn, l.n.id).await?;
    load_row(conn, n).await
}

/// A review transition of a nomination.
enum Move {
    /// Draft → submitted: every rule must pass; judged on this day from then on.
    Submit,
    /// Submitted → approved: the checklist (as of the submission day) must still pass.
    Approve,
    /// Submitted → rejected, with the reason.
    Reject(String),
}

/// Applies a transition under the nomination's row lock, with its audit row.
async fn apply(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    l: Loaded,
    m: Move,
) -> Result<Uuid, ApiError> {
    let p = p.clone();
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let l = relock(conn, &l).await?;
        let (from, verb) = match m {
            Move::Submit => (NominationStatus::Draft, "submit"),
            Move::Approve => (NominationStatus::Submitted, "approve"),
            Move::Reject(_) => (NominationStatus::Submitted, "reject"),
        };
        require(&l, &[from], verb)?;
        if !matches!(m, Move::Reject(_)) {
            let (_, results) = l.eligibility(conn, &p).await?;
            if results.iter().any(|r| r.outcome == RuleOutcome::Fail) {
                return Err(ineligible(&results));
            }
        }
        let details = match &m {
            Move::Submit => {
                let day = today();
                q::mark_submitted(conn, l.n.id, p.user_id, day).await?;
                serde_json::json!({ "as_of": day })
            }
            Move::Approve => {
                q::mark_reviewed(conn, l.n.id, p.user_id, "approved", None).await?;
                serde_json::json!({})
            }
            Move::Reject(why) => {
                q::mark_reviewed(conn, l.n.id, p.user_id, "rejected", Some(why.clone())).await?;
                serde_json::json!({ "reason": why })
            }
        };
        audit(
            conn,
            Some(p.user_id),
            &format!("nomination.{verb}"),
            "nomination",
            Some(l.n.id),
            Some(l.org.id),
            details,
        )
        .await?;
        Ok(l.n.id)
    })
    .await
}

/// Send the nomination to the authority (the unit head). Every rule must pass (or have been
/// overridden): otherwise 422 lists each failed rule.
#[utoipa::path(
    tag = "awards",
    operation_id = "submit_nomination",
    params(("id" = Uuid, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "Submitted; the checklist is judged on this day from now on", body = NominationView),
        (status = 403, description = "Not the unit head", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`ineligible`: one field `rules.<code>` per failed rule", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/nominations/{id}/submit")]
pub async fn submit_nomination(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<NominationView>, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::Submit)?;
    let nid = apply(&mut conn, &p, l, Move::Submit).await?;
    Ok(web::Json(view_one(&mut conn, &p, nid).await?))
}

/// Approve a submitted nomination (the authority): the checklist, judged on the submission
/// day, must still pass (a record added since counts).
#[utoipa::path(
    tag = "awards",
    operation_id = "approve_nomination",
    params(("id" = Uuid, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "Approved; it can go into a decision", body = NominationView),
        (status = 403, description = "Not the authority over the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not submitted", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`ineligible`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/nominations/{id}/approve")]
pub async fn approve_nomination(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<NominationView>, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::Approve)?;
    let nid = apply(&mut conn, &p, l, Move::Approve).await?;
    Ok(web::Json(view_one(&mut conn, &p, nid).await?))
}

fn reason(field: &str, raw: &str) -> Result<String, ApiError> {
    let t = raw.trim();
    if t.chars().count() < 10 {
        return Err(ApiError::unprocessable(
            "reason_required",
            "Cần ghi rõ lý do (ít nhất 10 ký tự).",
            "A written reason is required (at least 10 characters).",
        )
        .with_errors(vec![FieldError::new(
            field,
            "reason_required",
            "Cần ghi rõ lý do (ít nhất 10 ký tự).",
            "A written reason is required (at least 10 characters).",
        )]));
    }
    text(field, t, 2000)
}

/// Reject a submitted nomination with a reason (the authority).
#[utoipa::path(
    tag = "awards",
    operation_id = "reject_nomination",
    params(("id" = Uuid, Path, description = "Nomination id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Rejected", body = NominationView),
        (status = 403, description = "Not the authority over the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not submitted", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason_required`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/nominations/{id}/reject")]
pub async fn reject_nomination(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<ReasonRequest>,
) -> Result<web::Json<NominationView>, ApiError> {
    let why = reason("reason", &body.0.reason)?;
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::Reject)?;
    let nid = apply(&mut conn, &p, l, Move::Reject(why)).await?;
    Ok(web::Json(view_one(&mut conn, &p, nid).await?))
}

/// Override one failed rule with a written reason (the authority), on a draft or a
/// submitted nomination. One rule only: another override is refused while one stands.
#[utoipa::path(
    tag = "awards",
    operation_id = "override_nomination_rule",
    params(("id" = Uuid, Path, description = "Nomination id")),
    request_body = OverrideRequest,
    responses(
        (status = 200, description = "Overridden; the rule shows as `overridden` with the reason", body = NominationView),
        (status = 403, description = "Not the authority over the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already decided, or another rule is overridden", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason_required`, `rule_not_applicable` or `rule_passes`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/nominations/{id}/override")]
pub async fn override_nomination_rule(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<OverrideRequest>,
) -> Result<web::Json<NominationView>, ApiError> {
    let req = body.0;
    let why = reason("reason", &req.reason)?;
    let rule = RuleCode::from(req.rule);
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::Override)?;
    if !rules_for(l.nominee.kind()).contains(&rule) {
        return Err(ApiError::field(FieldError::new(
            "rule",
            "rule_not_applicable",
            "Tiêu chí này không áp dụng cho đối tượng được đề nghị.",
            "That rule does not apply to this nominee.",
        )));
    }
    let p2 = p.clone();
    let nid = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let l = relock(conn, &l).await?;
            require(
                &l,
                &[NominationStatus::Draft, NominationStatus::Submitted],
                "override a rule",
            )?;
            if let Some(existing) = l.override_rule()
                && existing != rule
            {
                return Err(ApiError::conflict(
                    "override_exists",
                    format!(
                        "Đã có ngoại lệ cho tiêu chí “{}”: mỗi đề nghị chỉ được một ngoại lệ.",
                        existing.title_vi()
                    ),
                    format!(
                        "The rule “{}” is already overridden: one rule only.",
                        existing.title_en()
                    ),
                ));
            }
            let as_of = l.as_of();
            let facts = thidua_domain::award::Facts {
                year: l.n.year,
                as_of,
                form: super::form_facts(&l.form),
                nominee: super::nominee_facts(conn, &l.nominee, l.n.year).await?,
            };
            let failing = thidua_domain::award::evaluate(&facts, None)
                .iter()
                .any(|r| r.code == rule && r.outcome == RuleOutcome::Fail);
            if !failing {
                return Err(ApiError::field(FieldError::new(
                    "rule",
                    "rule_passes",
                    "Tiêu chí này đang đạt: không cần ngoại lệ.",
                    "That rule passes: there is nothing to override.",
                )));
            }
            q::set_override(conn, l.n.id, p2.user_id, Some(rule.as_str()), Some(&why)).await?;
            audit(
                conn,
                Some(p2.user_id),
                "nomination.override",
                "nomination",
                Some(l.n.id),
                Some(l.org.id),
                serde_json::json!({ "rule": rule.as_str(), "reason": why }),
            )
            .await?;
            Ok(l.n.id)
        })
        .await?;
    Ok(web::Json(view_one(&mut conn, &p, nid).await?))
}
