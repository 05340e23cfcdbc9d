//! The showcase (SPEC §8): models recognised as typical (điển hình tiên tiến), readable by
//! everyone without signing in, searchable without diacritics. What it shows of people is
//! limited to their name, position and unit; evidence is only what was chosen for
//! publication.

use std::collections::HashMap;

use actix_web::{HttpResponse, get, post, put, web};
use diesel_async::AsyncConnection;
use thidua_db::AsyncPgConnection;
use thidua_db::queries::awards::{self as q, NewShowcaseModel, ShowcaseFile, ShowcaseModel};
use thidua_domain::award::{ReplicationStatus, period_label_en, period_label_vi};
use thidua_domain::page::Page as PageReq;
use thidua_domain::text::fold;
use thidua_domain::validation::{optional_text, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use super::{Nominee, user_map};
use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::extract::{Json, Query};
use crate::routes::{audit, today};
use crate::state::AppState;
use crate::views::Page;
use crate::views::awards::{
    PublicAward, PublicFile, PublicPerson, PublicReplication, PublishModelRequest,
    ShowcaseModelView, ShowcaseParams, ShowcaseSummary, UpdateModelRequest,
};

/// The initiatives (with their units) behind the given models.
async fn initiatives_of(
    conn: &mut AsyncPgConnection,
    models: &[ShowcaseModel],
) -> Result<
    HashMap<
        Uuid,
        (
            thidua_db::models::Initiative,
            thidua_db::models::Organization,
        ),
    >,
    ApiError,
> {
    let ids: Vec<Uuid> = models.iter().map(|m| m.initiative_id).collect();
    Ok(q::initiatives_by_ids(conn, &ids)
        .await?
        .into_iter()
        .map(|(i, o)| (i.id, (i, o)))
        .collect())
}

async fn public_awards(
    conn: &mut AsyncPgConnection,
    initiative_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<PublicAward>>, ApiError> {
    let rows = q::awards_of_initiatives(conn, initiative_ids).await?;
    let decisions: HashMap<Uuid, q::AwardDecision> = q::decisions_by_ids(
        conn,
        &rows
            .iter()
            .filter_map(|n| n.award_decision_id)
            .collect::<Vec<_>>(),
    )
    .await?
    .into_iter()
    .map(|d| (d.id, d))
    .collect();
    let forms: HashMap<Uuid, q::AwardForm> = q::award_forms_by_ids(
        conn,
        &rows.iter().map(|n| n.award_form_id).collect::<Vec<_>>(),
    )
    .await?
    .into_iter()
    .map(|f| (f.id, f))
    .collect();
    let mut out: HashMap<Uuid, Vec<PublicAward>> = HashMap::new();
    for n in rows {
        let (Some(i), Some(d), Some(f)) = (
            n.initiative_id,
            n.award_decision_id.and_then(|d| decisions.get(&d)),
            forms.get(&n.award_form_id),
        ) else {
            continue;
        };
        out.entry(i).or_default().push(PublicAward {
            award_name_vi: f.name_vi.clone(),
            award_name_en: f.name_en.clone(),
            year: n.year,
            decision_number: d.number.clone(),
            signed_on: d.signed_on,
        });
    }
    Ok(out)
}

fn public_replication(
    r: &q::Replication,
    o: &thidua_db::models::Organization,
) -> Result<PublicReplication, ApiError> {
    Ok(PublicReplication {
        unit: o.name.clone(),
        organization_id: o.id,
        status: ReplicationStatus::parse(&r.status)
            .ok_or_else(|| super::internal("replication status"))?
            .into(),
        planned_from: r.planned_from,
        planned_to: r.planned_to,
        period_label_vi: period_label_vi(r.planned_from, r.planned_to),
        period_label_en: period_label_en(r.planned_from, r.planned_to),
    })
}

/// Reform areas by code: (Vietnamese, English) names.
async fn area_names(
    conn: &mut AsyncPgConnection,
) -> Result<HashMap<String, (String, String)>, ApiError> {
    Ok(thidua_db::queries::initiatives::reform_areas(conn)
        .await?
        .into_iter()
        .map(|a| (a.code, (a.name_vi, a.name_en)))
        .collect())
}

/// Search score: every word must be somewhere; words in the title count most.
fn score(title: &str, words: &[String]) -> usize {
    let t = fold(title);
    words.iter().filter(|w| t.contains(w.as_str())).count()
}

/// The showcase: typical models, newest recognition first, or best match first when
/// searching (diacritics ignored: "so lien lac" finds "Sổ liên lạc").
#[utoipa::path(
    tag = "showcase",
    operation_id = "list_showcase",
    params(ShowcaseParams),
    responses((status = 200, description = "One page of models", body = Page<ShowcaseSummary>)),
    security(())
)]
#[get("/showcase")]
pub async fn list_showcase(
    state: web::Data<AppState>,
    params: Query<ShowcaseParams>,
) -> Result<web::Json<Page<ShowcaseSummary>>, ApiError> {
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    let q_text = optional_text("q", params.q.as_deref(), 200)
        .map_err(ApiError::invalid_query)?
        .unwrap_or_default();
    let words: Vec<String> = fold(&q_text)
        .split_whitespace()
        .take(10)
        .map(str::to_string)
        .collect();
    let mut conn = state.conn().await?;
    let mut models = q::search_models(&mut conn, &words).await?;
    if let Some(i) = params.initiative_id {
        models.retain(|m| m.initiative_id == i);
    }
    let inits = initiatives_of(&mut conn, &models).await?;
    let mut ranked: Vec<(usize, &ShowcaseModel)> = models
        .iter()
        .map(|m| {
            let title = inits
                .get(&m.initiative_id)
                .map(|(i, _)| i.title.as_str())
                .unwrap_or("");
            (score(title, &words), m)
        })
        .collect();
    // Stable: equal scores keep the newest-first order of the query.
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let total = ranked.len() as i64;
    let chosen: Vec<&ShowcaseModel> = ranked
        .into_iter()
        .skip(page.offset() as usize)
        .take(page.per_page as usize)
        .map(|(_, m)| m)
        .collect();
    let initiative_ids: Vec<Uuid> = chosen.iter().map(|m| m.initiative_id).collect();
    let awards = public_awards(&mut conn, &initiative_ids).await?;
    let reps =
        q::replications_of_models(&mut conn, &chosen.iter().map(|m| m.id).collect::<Vec<_>>())
            .await?;
    let areas = area_names(&mut conn).await?;
    let mut items = Vec::new();
    for m in chosen {
        let Some((i, o)) = inits.get(&m.initiative_id) else {
            continue;
        };
        let (area_vi, area_en) = areas.get(&i.reform_area).cloned().unwrap_or_default();
        items.push(ShowcaseSummary {
            id: m.id,
            title: i.title.clone(),
            unit: o.name.clone(),
            organization_id: o.id,
            reform_area: i.reform_area.clone(),
            reform_area_vi: area_vi,
            reform_area_en: area_en,
            summary: m.summary.clone(),
            recognized_on: m.recognized_on,
            awards: awards.get(&i.id).map_or(0, Vec::len),
            replications: reps
                .iter()
                .filter(|(r, _)| r.model_id == m.id && r.status != "abandoned")
                .count(),
        });
    }
    Ok(web::Json(Page::of(items, total, page)))
}

pub async fn model_view(
    conn: &mut AsyncPgConnection,
    m: &ShowcaseModel,
) -> Result<ShowcaseModelView, ApiError> {
    let (i, unit) = initiatives_of(conn, std::slice::from_ref(m))
        .await?
        .remove(&m.initiative_id)
        .ok_or_else(|| super::internal("showcase initiative"))?;
    let nominee = Nominee::load(
        conn,
        thidua_domain::award::NomineeKind::Initiative,
        Some(i.id),
        None,
        None,
    )
    .await?;
    let authors = match &nominee {
        Nominee::Initiative { authors, .. } => authors.clone(),
        _ => vec![],
    };
    let orgs = super::org_map(conn, authors.iter().map(|a| a.organization_id)).await?;
    let evidence = q::model_files(conn, m.id)
        .await?
        .into_iter()
        .map(|(sf, f, b)| PublicFile {
            id: f.id,
            name: f.original_name,
            media_type: b.media_type,
            size_bytes: b.size_bytes,
            caption: sf.caption,
            content_url: format!("/api/v1/showcase/{}/files/{}/content", m.id, f.id),
        })
        .collect();
    let awards = public_awards(conn, &[i.id])
        .await?
        .remove(&i.id)
        .unwrap_or_default();
    let replications = q::replications_of_models(conn, &[m.id])
        .await?
        .iter()
        .map(|(r, o)| public_replication(r, o))
        .collect::<Result<_, _>>()?;
    let (area_vi, area_en) = area_names(conn)
        .await?
        .remove(&i.reform_area)
        .unwrap_or_default();
    Ok(ShowcaseModelView {
        id: m.id,
        initiative_id: i.id,
        title: i.title.clone(),
        kind: i.kind.clone(),
        reform_area: i.reform_area.clone(),
        reform_area_vi: area_vi,
        reform_area_en: area_en,
        unit: unit.name.clone(),
        organization_id: unit.id,
        summary: m.summary.clone(),
        results: m.results.clone(),
        recognized_on: m.recognized_on,
        authors: authors
            .iter()
            .map(|a| PublicPerson {
                name: a.display_name.clone(),
                position: a.position.clone(),
                unit: orgs
                    .get(&a.organization_id)
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        evidence,
        awards,
        replications,
    })
}

/// A model's page: summary, results, published evidence, awards, and where it has spread.
#[utoipa::path(
    tag = "showcase",
    operation_id = "get_showcase_model",
    params(("id" = Uuid, Path, description = "Model id")),
    responses(
        (status = 200, description = "The model", body = ShowcaseModelView),
        (status = 404, description = "Not in the showcase", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/showcase/{id}")]
pub async fn get_showcase_model(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<web::Json<ShowcaseModelView>, ApiError> {
    let mut conn = state.conn().await?;
    let m = q::find_model(&mut conn, id.into_inner()).await?;
    Ok(web::Json(model_view(&mut conn, &m).await?))
}

/// A piece of evidence published with a model (no sign-in).
#[utoipa::path(
    tag = "showcase",
    operation_id = "download_showcase_file",
    params(("id" = Uuid, Path, description = "Model id"), ("file_id" = Uuid, Path, description = "File id")),
    responses(
        (status = 200, description = "The bytes", content_type = "application/octet-stream", body = crate::views::common::BinaryFile),
        (status = 404, description = "Not published with this model", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/showcase/{id}/files/{file_id}/content")]
pub async fn download_showcase_file(
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, file_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let Some((_, f, b)) = q::model_files(&mut conn, id)
        .await?
        .into_iter()
        .find(|(_, f, _)| f.id == file_id)
    else {
        return Err(ApiError::not_found());
    };
    drop(conn);
    crate::routes::files::send(&state, &f, &b, "public, max-age=300").await
}

/// Publish an accepted initiative as a typical model (the authority over its unit), with a
/// public summary, results and the evidence chosen for publication.
#[utoipa::path(
    tag = "showcase",
    operation_id = "publish_showcase_model",
    request_body = PublishModelRequest,
    responses(
        (status = 201, description = "Published", body = ShowcaseModelView, headers(("Location" = String))),
        (status = 403, description = "Not the authority over the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The initiative, or a file of it, not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already in the showcase", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid, or `initiative_not_accepted`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/showcase")]
pub async fn publish_showcase_model(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<PublishModelRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let (summary, results, captions) =
        check_publication(&req.summary, &req.results, req.recognized_on, &req.files)?;
    let mut conn = state.conn().await?;
    let loaded = crate::routes::initiatives::load(&mut conn, req.initiative_id).await?;
    authz::publish_model(&p, &loaded.unit.ancestry()).into_result()?;
    if loaded.initiative.status != "accepted" {
        return Err(ApiError::unprocessable(
            "initiative_not_accepted",
            "Chỉ sáng kiến đã được nghiệm thu đạt mới được công nhận điển hình.",
            "Only an accepted initiative can be recognised as a typical model.",
        ));
    }
    let id = Uuid::now_v7();
    let files = chosen_files(&mut conn, id, loaded.initiative.id, &req.files, &captions).await?;
    let actor = p.user_id;
    let recognized_on = req.recognized_on;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if q::model_of_initiative(conn, loaded.initiative.id)
            .await?
            .is_some()
        {
            return Err(ApiError::conflict(
                "already_published",
                "Sáng kiến này đã có trong danh mục điển hình.",
                "This initiative is already in the showcase.",
            ));
        }
        publish_in(
            conn,
            Publication {
                id,
                initiative_id: loaded.initiative.id,
                summary,
                results,
                recognized_on,
                by: actor,
                files,
                via: "manual",
            },
        )
        .await
    })
    .await?;
    let m = q::find_model(&mut conn, id).await?;
    let v = model_view(&mut conn, &m).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/showcase/{id}")))
        .json(v))
}

/// What a publication writes.
pub struct Publication {
    pub id: Uuid,
    pub initiative_id: Uuid,
    pub summary: String,
    pub results: String,
    pub recognized_on: chrono::NaiveDate,
    pub by: Uuid,
    pub files: Vec<ShowcaseFile>,
    /// "manual", or "decision" when an award decision recognised it.
    pub via: &'static str,
}

/// The text the showcase search looks in: title, unit, summary, results and the authors'
/// names, folded (no diacritics, lower case).
pub async fn search_text(
    conn: &mut AsyncPgConnection,
    initiative_id: Uuid,
    summary: &str,
    results: &str,
) -> Result<String, ApiError> {
    let loaded = crate::routes::initiatives::load(conn, initiative_id).await?;
    let authors = user_map(conn, loaded.authors.iter().map(|a| a.user_id)).await?;
    Ok(fold(&format!(
        "{} {} {} {} {}",
        loaded.initiative.title,
        loaded.unit.name,
        summary,
        results,
        authors
            .values()
            .map(|u| u.display_name.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    )))
}

/// Publishes a model inside the caller's transaction, with its audit row.
pub async fn publish_in(conn: &mut AsyncPgConnection, p: Publication) -> Result<(), ApiError> {
    let loaded = crate::routes::initiatives::load(conn, p.initiative_id).await?;
    let new = NewShowcaseModel {
        id: p.id,
        initiative_id: p.initiative_id,
        search_text: search_text(conn, p.initiative_id, &p.summary, &p.results).await?,
        summary: p.summary,
        results: p.results,
        recognized_on: p.recognized_on,
        published_by: p.by,
    };
    q::insert_model(conn, &new, &p.files).await?;
    audit(
        conn,
        Some(p.by),
        "showcase.publish",
        "showcase_model",
        Some(new.id),
        Some(loaded.unit.id),
        serde_json::json!({ "initiative_id": new.initiative_id, "files": p.files.len(), "via": p.via }),
    )
    .await
}

/// Change what the showcase shows of a model (the authority over its unit): the public
/// summary and results, the recognition day, the evidence chosen for publication.
#[utoipa::path(
    tag = "showcase",
    operation_id = "update_showcase_model",
    params(("id" = Uuid, Path, description = "Model id")),
    request_body = UpdateModelRequest,
    responses(
        (status = 200, description = "Changed", body = ShowcaseModelView),
        (status = 403, description = "Not the authority over the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not in the showcase, or a file not of this initiative", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/showcase/{id}")]
pub async fn update_showcase_model(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdateModelRequest>,
) -> Result<web::Json<ShowcaseModelView>, ApiError> {
    let req = body.0;
    let (summary, results, captions) =
        check_publication(&req.summary, &req.results, req.recognized_on, &req.files)?;
    let mut conn = state.conn().await?;
    let m = q::find_model(&mut conn, id.into_inner()).await?;
    let loaded = crate::routes::initiatives::load(&mut conn, m.initiative_id).await?;
    authz::publish_model(&p, &loaded.unit.ancestry()).into_result()?;
    let files = chosen_files(&mut conn, m.id, loaded.initiative.id, &req.files, &captions).await?;
    let text = search_text(&mut conn, m.initiative_id, &summary, &results).await?;
    let actor = p.user_id;
    let (mid, org_id, recognized_on) = (m.id, loaded.unit.id, req.recognized_on);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        q::update_model(conn, mid, &summary, &results, recognized_on, &text, &files).await?;
        audit(
            conn,
            Some(actor),
            "showcase.update",
            "showcase_model",
            Some(mid),
            Some(org_id),
            serde_json::json!({ "files": files.len() }),
        )
        .await
    })
    .await?;
    let m = q::find_model(&mut conn, mid).await?;
    Ok(web::Json(model_view(&mut conn, &m).await?))
}

type Checked = (String, String, Vec<Option<String>>);

fn check_publication(
    summary: &str,
    results: &str,
    recognized_on: chrono::NaiveDate,
    files: &[crate::views::awards::PublishFileRequest],
) -> Result<Checked, ApiError> {
    let mut errs = ValidationErrors::new();
    let summary = errs.check(required_text("summary", summary, 5000));
    let results = errs.check(required_text("results", results, 10000));
    if recognized_on > today() || chrono::Datelike::year(&recognized_on) < 2000 {
        errs.push(FieldError::new(
            "recognized_on",
            "out_of_range",
            "Ngày công nhận không được ở tương lai hay trước năm 2000.",
            "The recognition day must not be in the future nor before 2000.",
        ));
    }
    if files.len() > 30 {
        errs.push(FieldError::new(
            "files",
            "too_many",
            "Tối đa 30 tệp công bố.",
            "At most 30 published files.",
        ));
    }
    let mut captions = Vec::new();
    for (k, f) in files.iter().enumerate() {
        captions.push(
            errs.check(optional_text(
                &format!("files.{k}.caption"),
                f.caption.as_deref(),
                500,
            ))
            .flatten(),
        );
    }
    errs.into_result().map_err(ApiError::validation)?;
    Ok((
        summary.unwrap_or_default(),
        results.unwrap_or_default(),
        captions,
    ))
}

/// The evidence chosen for publication: files of the initiative itself (404 otherwise).
async fn chosen_files(
    conn: &mut AsyncPgConnection,
    model_id: Uuid,
    initiative_id: Uuid,
    files: &[crate::views::awards::PublishFileRequest],
    captions: &[Option<String>],
) -> Result<Vec<ShowcaseFile>, ApiError> {
    let mut out: Vec<ShowcaseFile> = Vec::new();
    for (k, f) in files.iter().enumerate() {
        if out.iter().any(|x| x.file_id == f.file_id) {
            continue;
        }
        let (file, _) = thidua_db::queries::files::find(conn, f.file_id).await?;
        if file.initiative_id != Some(initiative_id) {
            return Err(ApiError::not_found());
        }
        out.push(ShowcaseFile {
            model_id,
            file_id: f.file_id,
            caption: captions.get(k).cloned().flatten(),
            sort_order: k as i32,
        });
    }
    Ok(out)
}
