//! Award documents (Decree 30/2020/NĐ-CP): the nomination list (danh sách đề nghị khen
//! thưởng) as .xlsx and .docx, the draft decision with its annex prepared from the approved
//! nominations, a recorded decision, and one nomination's dossier (tờ trình) with its
//! checklist and any override printed on it.

use actix_web::{HttpResponse, get, web};
use thidua_db::AsyncPgConnection;
use thidua_db::queries::awards::{self as q, NominationFilter};
use thidua_domain::award::{NominationStatus, NomineeKind};
use uuid::Uuid;

use super::nominations::{load, view};
use super::org;
use crate::auth::Principal;
use crate::authz::{self, NominationAction};
use crate::error::ApiError;
use crate::exports::awards::{
    self as doc, AwardLine, DecisionDoc, Dossier, DossierRule, NominationList,
};
use crate::exports::{DOCX, ExportFile, XLSX};
use crate::extract::Query;
use crate::routes::registrations::export::issuer;
use crate::routes::today;
use crate::state::AppState;
use crate::views::awards::{
    DraftDecisionParams, NominationListParams, NominationStatusCode, NominationView,
    NomineeKindCode, RuleOutcomeCode,
};

fn kind_label(k: NomineeKindCode) -> &'static str {
    match k {
        NomineeKindCode::Initiative => "Sáng kiến",
        NomineeKindCode::Person => "Cá nhân",
        NomineeKindCode::Unit => "Tập thể",
    }
}

fn status_label(s: NominationStatusCode) -> &'static str {
    match s {
        NominationStatusCode::Draft => "Nháp",
        NominationStatusCode::Submitted => "Đã gửi",
        NominationStatusCode::Approved => "Đã duyệt",
        NominationStatusCode::Rejected => "Không duyệt",
        NominationStatusCode::Decided => "Đã có quyết định",
    }
}

fn excerpt(s: &str, max: usize) -> String {
    let t = s.trim();
    if t.chars().count() <= max {
        t.to_string()
    } else {
        format!("{}…", t.chars().take(max).collect::<String>().trim_end())
    }
}

pub fn line(v: &NominationView) -> AwardLine {
    let e = &v.eligibility;
    let failed: Vec<&str> = e
        .rules
        .iter()
        .filter(|r| r.outcome == RuleOutcomeCode::Fail)
        .map(|r| r.title_vi.as_str())
        .collect();
    let overridden: Vec<&str> = e
        .rules
        .iter()
        .filter(|r| r.outcome == RuleOutcomeCode::Overridden)
        .map(|r| r.title_vi.as_str())
        .collect();
    let eligibility = if !failed.is_empty() {
        format!("Chưa đủ điều kiện: {}", failed.join("; "))
    } else if !overridden.is_empty() {
        format!("Đủ điều kiện (ngoại lệ: {})", overridden.join("; "))
    } else {
        "Đủ điều kiện".to_string()
    };
    let detail = match v.nominee.kind {
        NomineeKindCode::Initiative => v
            .nominee
            .authors
            .iter()
            .map(|a| a.display_name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        NomineeKindCode::Person => v
            .nominee
            .person
            .as_ref()
            .and_then(|p| p.position.clone())
            .unwrap_or_default(),
        NomineeKindCode::Unit => String::new(),
    };
    AwardLine {
        nominee: v.nominee.label.clone(),
        kind_label: kind_label(v.nominee.kind).to_string(),
        detail,
        unit: v.organization.name.clone(),
        award: v.award_form.name_vi.clone(),
        achievements: excerpt(&v.achievements, 400),
        eligibility,
        status: status_label(v.status).to_string(),
    }
}

fn file(bytes: Vec<u8>, docx: bool, ascii: &str, name: &str) -> HttpResponse {
    let (content_type, ext) = if docx { (DOCX, "docx") } else { (XLSX, "xlsx") };
    ExportFile {
        bytes,
        content_type,
        ascii_name: format!("{ascii}.{ext}"),
        name: format!("{name}.{ext}"),
    }
    .into_response()
}

async fn views_of(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    filter: &NominationFilter,
) -> Result<Vec<NominationView>, ApiError> {
    let found = q::list_nominations(conn, filter, None).await?;
    if found.total > 1000 {
        return Err(ApiError::unprocessable(
            "too_many_rows",
            "Danh sách quá 1.000 đề nghị: hãy lọc theo đơn vị, năm hoặc hình thức.",
            "More than 1,000 nominations: filter by unit, year or form.",
        ));
    }
    let mut out = Vec::new();
    for n in found.items {
        let l = load(conn, n.id).await?;
        out.push(view(conn, p, &l).await?);
    }
    out.sort_by(|a, b| {
        (a.organization.name.as_str(), a.nominee.label.as_str())
            .cmp(&(b.organization.name.as_str(), b.nominee.label.as_str()))
    });
    Ok(out)
}

async fn nomination_list(
    state: &AppState,
    p: &Principal,
    params: NominationListParams,
    docx: bool,
) -> Result<HttpResponse, ApiError> {
    use thidua_domain::role::Role;
    super::ratings::query_year(params.year)?;
    let mut conn = state.conn().await?;
    let issuer_org = match params.organization_id {
        Some(id) => {
            let o = org(&mut conn, id).await?;
            if !authz::can_see_org(p, &o.ancestry()) {
                return Err(ApiError::not_found());
            }
            o
        }
        None => {
            let roots = p.roots_with(&[Role::UnitHead, Role::AuthorityOfficer]);
            match roots.first() {
                Some(r) => org(&mut conn, *r).await?,
                None if p.is_admin() => org(&mut conn, p.roots()[0]).await?,
                None => return Err(ApiError::forbidden()),
            }
        }
    };
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
    let items = views_of(&mut conn, p, &filter).await?;
    let who = issuer(&mut conn, &issuer_org).await?;
    let list = NominationList {
        governing_body: who.governing_body,
        issuer_name: issuer_org.name.clone(),
        place: who.place,
        date: today(),
        year: params.year,
        lines: items.iter().map(line).collect(),
    };
    let bytes = if docx {
        doc::nomination_list_docx(&list).map_err(ApiError::internal)?
    } else {
        doc::nomination_list_xlsx(&list).map_err(ApiError::internal)?
    };
    Ok(file(
        bytes,
        docx,
        "Danh-sach-de-nghi-khen-thuong",
        "Danh sách đề nghị khen thưởng",
    ))
}

/// The nomination list (danh sách đề nghị khen thưởng) as a workbook, with the list's filters.
#[utoipa::path(
    tag = "awards",
    operation_id = "export_nominations_xlsx",
    params(NominationListParams),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Neither a unit head nor an authority officer", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The organisation is not in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/nominations/export.xlsx")]
pub async fn export_nominations_xlsx(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<NominationListParams>,
) -> Result<HttpResponse, ApiError> {
    nomination_list(&state, &p, params.0, false).await
}

/// The nomination list as a Word document in the layout of Decree 30/2020/NĐ-CP.
#[utoipa::path(
    tag = "awards",
    operation_id = "export_nominations_docx",
    params(NominationListParams),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Neither a unit head nor an authority officer", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The organisation is not in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/nominations/export.docx")]
pub async fn export_nominations_docx(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<NominationListParams>,
) -> Result<HttpResponse, ApiError> {
    nomination_list(&state, &p, params.0, true).await
}

fn subject(year: Option<i32>) -> String {
    match year {
        Some(y) => {
            format!("Về việc khen thưởng trong phong trào thi đua cải cách hành chính năm {y}")
        }
        None => "Về việc khen thưởng trong phong trào thi đua cải cách hành chính".into(),
    }
}

async fn draft_decision(
    state: &AppState,
    p: &Principal,
    params: DraftDecisionParams,
    docx: bool,
) -> Result<HttpResponse, ApiError> {
    super::ratings::query_year(params.year)?;
    let mut conn = state.conn().await?;
    let authority = org(&mut conn, params.organization_id).await?;
    authz::decide_awards(p, &authority.ancestry()).into_result()?;
    let filter = NominationFilter {
        roots: None,
        organization_id: Some(authority.id),
        status: Some("approved".into()),
        year: params.year,
        award_form_id: params.award_form_id,
        ..Default::default()
    };
    let items = views_of(&mut conn, p, &filter).await?;
    let who = issuer(&mut conn, &authority).await?;
    let d = DecisionDoc {
        governing_body: who.governing_body,
        authority_name: authority.name.clone(),
        place: who.place,
        number: None,
        signed_on: None,
        signer_name: None,
        signer_title: Some("CHỦ TỊCH".into()),
        bases: vec![],
        subject: subject(params.year),
        ceremony_on: None,
        lines: items.iter().map(line).collect(),
    };
    let bytes = if docx {
        doc::decision_docx(&d).map_err(ApiError::internal)?
    } else {
        doc::decision_xlsx(&d).map_err(ApiError::internal)?
    };
    Ok(file(
        bytes,
        docx,
        "Du-thao-quyet-dinh-khen-thuong",
        "Dự thảo quyết định khen thưởng",
    ))
}

/// The draft decision (dự thảo quyết định) with its annex, from the approved nominations under
/// the authority (by form and year), for the officer to take to signature.
#[utoipa::path(
    tag = "awards",
    operation_id = "export_draft_decision_docx",
    params(DraftDecisionParams),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not the authority", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/nominations/draft-decision.docx")]
pub async fn export_draft_decision_docx(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<DraftDecisionParams>,
) -> Result<HttpResponse, ApiError> {
    draft_decision(&state, &p, params.0, true).await
}

/// The draft decision's annex (the list to be awarded) as a workbook.
#[utoipa::path(
    tag = "awards",
    operation_id = "export_draft_decision_xlsx",
    params(DraftDecisionParams),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 403, description = "Not the authority", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/nominations/draft-decision.xlsx")]
pub async fn export_draft_decision_xlsx(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<DraftDecisionParams>,
) -> Result<HttpResponse, ApiError> {
    draft_decision(&state, &p, params.0, false).await
}

/// A nomination's dossier (tờ trình): the proposal, the achievements, the checklist with any
/// override and its reason, the attached evidence and the committee's minutes.
#[utoipa::path(
    tag = "awards",
    operation_id = "export_nomination_dossier",
    params(("id" = Uuid, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/nominations/{id}/dossier.docx")]
pub async fn export_nomination_dossier(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let l = load(&mut conn, id.into_inner()).await?;
    l.authorize(&p, NominationAction::View)?;
    let v = view(&mut conn, &p, &l).await?;
    let who = issuer(&mut conn, &l.org).await?;
    let addressee = match l.org.parent_id {
        Some(parent) => org(&mut conn, parent).await?.name,
        None => "Hội đồng Thi đua - Khen thưởng".into(),
    };
    let minutes = match v.minutes_round_id {
        Some(round) => Some(format!(
            "Biên bản họp {} (kèm theo)",
            thidua_db::queries::evaluation::find_round(&mut conn, round)
                .await?
                .title
        )),
        None => None,
    };
    let d = Dossier {
        governing_body: who.governing_body,
        unit_name: l.org.name.clone(),
        place: who.place,
        number_line: format!("Số:      /TTr-{}", who.unit_short),
        date: l.n.submitted_on,
        addressee,
        line: line(&v),
        year: v.year,
        proposal: v.proposal.clone(),
        achievements: v.achievements.clone(),
        rules: v
            .eligibility
            .rules
            .iter()
            .map(|r| DossierRule {
                title: r.title_vi.clone(),
                outcome: match r.outcome {
                    RuleOutcomeCode::Pass => "Đạt",
                    RuleOutcomeCode::Fail => "Không đạt",
                    RuleOutcomeCode::Overridden => "Ngoại lệ",
                }
                .into(),
                reason: r.reason_vi.clone(),
            })
            .collect(),
        override_note: v.eligibility.override_.as_ref().map(|o| {
            let rule: thidua_domain::award::RuleCode = o.rule.into();
            (
                rule.title_vi().to_string(),
                o.reason.clone(),
                o.by.display_name.clone(),
                thidua_domain::deadline::vietnam_date(o.at),
            )
        }),
        evidence: v.files.iter().map(|f| f.original_name.clone()).collect(),
        minutes,
        signer_title: "THỦ TRƯỞNG ĐƠN VỊ".into(),
        signer_name: who.head_name.unwrap_or_default(),
    };
    let bytes = doc::dossier_docx(&d).map_err(ApiError::internal)?;
    Ok(file(
        bytes,
        true,
        "To-trinh-de-nghi-khen-thuong",
        "Tờ trình đề nghị khen thưởng",
    ))
}

/// A recorded decision with its annex, as a Word document.
#[utoipa::path(
    tag = "awards",
    operation_id = "export_award_decision_docx",
    params(("id" = Uuid, Path, description = "Decision id")),
    responses(
        (status = 200, description = "The document", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = crate::views::BinaryFile, headers(("Content-Disposition" = String))),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/award-decisions/{id}/decision.docx")]
pub async fn export_award_decision_docx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let d = q::find_decision(&mut conn, id.into_inner()).await?;
    if !super::decisions::visible(&mut conn, &p, &d).await? {
        return Err(ApiError::not_found());
    }
    let authority = org(&mut conn, d.organization_id).await?;
    let filter = NominationFilter {
        award_decision_id: Some(d.id),
        ..Default::default()
    };
    let items = views_of(&mut conn, &p, &filter).await?;
    let year = items.first().map(|v| v.year);
    let who = issuer(&mut conn, &authority).await?;
    let document = DecisionDoc {
        governing_body: who.governing_body,
        authority_name: authority.name.clone(),
        place: who.place,
        number: Some(d.number.clone()),
        signed_on: Some(d.signed_on),
        signer_name: Some(d.signer_name.clone()),
        signer_title: Some(d.signer_title.to_uppercase()),
        bases: vec![],
        subject: subject(year),
        ceremony_on: d.ceremony_on,
        lines: items.iter().map(line).collect(),
    };
    let bytes = doc::decision_docx(&document).map_err(ApiError::internal)?;
    Ok(file(
        bytes,
        true,
        "Quyet-dinh-khen-thuong",
        &format!("Quyết định {}", d.number.replace('/', "-")),
    ))
}
