use actix_web::{HttpResponse, patch, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{InitiativeAuthor, InitiativeChanges};
use thidua_db::queries::initiatives as initiative_queries;
use thidua_domain::ValidationErrors;
use thidua_domain::initiative::InitiativeKind;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::InitiativeOp;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::initiatives::{InitiativeView, UpdateInitiativeRequest};

/// Change an initiative's content or authors while it is a draft or returned.
///
/// Once the unit registers it, its core fields change only after a `return`.
#[utoipa::path(
    tag = "initiatives",
    operation_id = "update_initiative",
    params(("id" = Uuid, Path, description = "Initiative id"), ("If-Match" = String, Header, description = "The initiative's ETag")),
    request_body = UpdateInitiativeRequest,
    responses(
        (status = 200, description = "Updated", body = InitiativeView, headers(("ETag" = String))),
        (status = 403, description = "Neither an author nor an officer of the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not editable in its state", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/initiatives/{id}")]
pub async fn update_initiative(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateInitiativeRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, id.into_inner()).await?;
    current.authorize(&p, InitiativeOp::Update)?;
    if_match.check(&current.etag())?;

    let mut errs = ValidationErrors::new();
    let texts = super::check_texts(
        &mut errs,
        &[
            ("title", req.title.as_deref(), 500),
            ("summary", req.summary.as_deref(), 10000),
            ("problem", req.problem.as_deref(), 10000),
            ("objectives", req.objectives.as_deref(), 10000),
            ("approach", req.approach.as_deref(), 10000),
            ("expected_results", req.expected_results.as_deref(), 10000),
        ],
    );
    let i = &current.initiative;
    super::check_period(
        &mut errs,
        req.starts_on.unwrap_or(i.starts_on),
        req.ends_on.unwrap_or(i.ends_on),
    );
    if let Some(area) = &req.reform_area {
        super::check_area(&mut conn, &mut errs, area).await?;
    }
    errs.into_result()?;
    let collective = req.collective.unwrap_or(i.collective);
    // Authors are checked again whenever they or the collective flag change.
    let authors = match (&req.authors, req.collective) {
        (Some(a), _) => {
            Some(super::checked_authors(&mut conn, &current.unit, collective, a).await?)
        }
        (None, Some(true)) => Some(Vec::new()),
        (None, Some(false)) if i.collective => {
            Some(super::checked_authors(&mut conn, &current.unit, false, &[]).await?)
        }
        _ => None,
    };
    let changes = InitiativeChanges {
        kind: req
            .kind
            .map(|k| InitiativeKind::from(k).as_str().to_string()),
        reform_area: req.reform_area,
        title: texts.get("title").cloned(),
        summary: texts.get("summary").cloned(),
        problem: texts.get("problem").cloned(),
        objectives: texts.get("objectives").cloned(),
        approach: texts.get("approach").cloned(),
        expected_results: texts.get("expected_results").cloned(),
        starts_on: req.starts_on,
        ends_on: req.ends_on,
        collective: req.collective,
    };
    let (iid, version, org_id, actor) = (i.id, i.version, i.organization_id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        match initiative_queries::update(conn, iid, version, &changes).await {
            Err(diesel::result::Error::NotFound) => return Err(ApiError::precondition_failed()),
            other => other?,
        };
        if let Some(authors) = authors {
            let rows: Vec<InitiativeAuthor> = authors
                .iter()
                .enumerate()
                .map(|(n, (user_id, pct))| InitiativeAuthor {
                    initiative_id: iid,
                    user_id: *user_id,
                    contribution_pct: *pct,
                    sort_order: n as i32,
                })
                .collect();
            initiative_queries::replace_authors(conn, iid, &rows).await?;
        }
        audit(
            conn,
            Some(actor),
            "initiative.update",
            "initiative",
            Some(iid),
            Some(org_id),
            serde_json::json!({}),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, iid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
