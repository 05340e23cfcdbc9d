use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{InitiativeAuthor, NewInitiative, NewRoadmapMilestone};
use thidua_db::queries::{initiatives as initiative_queries, organizations as org_queries};
use thidua_domain::ValidationErrors;
use thidua_domain::campaign::CampaignStatus;
use thidua_domain::initiative::InitiativeKind;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, CampaignOp};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::{audit, campaigns};
use crate::state::AppState;
use crate::views::initiatives::{CreateInitiativeRequest, InitiativeView};

/// Register a new initiative (as a draft) for a unit taking part in an open campaign.
///
/// Without `authors`, the caller is the sole author (100 %); with `collective`, the unit is.
#[utoipa::path(
    tag = "initiatives",
    operation_id = "create_initiative",
    request_body = CreateInitiativeRequest,
    responses(
        (status = 201, description = "Created as a draft", body = InitiativeView, headers(("ETag" = String), ("Location" = String))),
        (status = 403, description = "Not a member of the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Campaign or unit not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not open", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/initiatives")]
pub async fn create_initiative(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<CreateInitiativeRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let unit =
        org_queries::find(&mut conn, req.organization_id.unwrap_or(p.organization_id)).await?;
    authz::create_initiative(&p, &unit.ancestry()).into_result()?;
    let campaign = campaigns::load(&mut conn, req.campaign_id).await?;
    campaign.authorize(&p, CampaignOp::View)?;
    let mut errs = ValidationErrors::new();
    if !unit.ancestry().contains(&campaign.organization.id) {
        errs.push(thidua_domain::FieldError::new(
            "campaign_id",
            "not_a_participant",
            "Đơn vị không thuộc phạm vi của kế hoạch này.",
            "The unit does not take part in this campaign.",
        ));
    }
    let campaign_status = campaign.status()?;
    if campaign_status != CampaignStatus::Open {
        return Err(ApiError::invalid_transition(
            campaign_status.as_str(),
            "register an initiative",
        ));
    }
    let texts = super::check_texts(
        &mut errs,
        &[
            ("title", Some(req.title.as_str()), 500),
            ("summary", req.summary.as_deref(), 10000),
            ("problem", req.problem.as_deref(), 10000),
            ("objectives", req.objectives.as_deref(), 10000),
            ("approach", req.approach.as_deref(), 10000),
            ("expected_results", req.expected_results.as_deref(), 10000),
        ],
    );
    super::check_period(&mut errs, req.starts_on, req.ends_on);
    super::check_area(&mut conn, &mut errs, &req.reform_area).await?;
    let mut roadmap = Vec::new();
    for (i, step) in req
        .roadmap
        .as_deref()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let title = errs.check(thidua_domain::validation::required_text(
            &format!("roadmap[{i}].title"),
            &step.title,
            500,
        ));
        errs.check(thidua_domain::validation::plausible_date(
            &format!("roadmap[{i}].due_on"),
            step.due_on,
        ));
        if let Some(title) = title {
            roadmap.push((
                title,
                step.due_on,
                step.sort_order.unwrap_or(i as i32).clamp(0, 1000),
            ));
        }
    }
    if req.roadmap.as_ref().is_some_and(|r| r.len() > 50) {
        errs.push(thidua_domain::FieldError::new(
            "roadmap",
            "too_many",
            "Tối đa 50 mốc.",
            "At most 50 steps.",
        ));
    }
    errs.into_result()?;
    let collective = req.collective.unwrap_or(false);
    let default_authors = [crate::views::initiatives::AuthorInput {
        user_id: p.user_id,
        contribution_pct: 100,
    }];
    let author_input: &[_] = match (&req.authors, collective) {
        (Some(a), _) => a,
        (None, true) => &[],
        (None, false) => &default_authors,
    };
    let authors = super::checked_authors(&mut conn, &unit, collective, author_input).await?;

    let id = Uuid::now_v7();
    let text = |k: &str| texts.get(k).cloned().unwrap_or_default();
    let new = NewInitiative {
        id,
        campaign_id: campaign.campaign.id,
        organization_id: unit.id,
        kind: InitiativeKind::from(req.kind).as_str().to_string(),
        reform_area: req.reform_area,
        title: text("title"),
        summary: text("summary"),
        problem: text("problem"),
        objectives: text("objectives"),
        approach: text("approach"),
        expected_results: text("expected_results"),
        starts_on: req.starts_on,
        ends_on: req.ends_on,
        collective,
        created_by: p.user_id,
    };
    let author_rows: Vec<InitiativeAuthor> = authors
        .iter()
        .enumerate()
        .map(|(i, (user_id, pct))| InitiativeAuthor {
            initiative_id: id,
            user_id: *user_id,
            contribution_pct: *pct,
            sort_order: i as i32,
        })
        .collect();
    let steps: Vec<NewRoadmapMilestone> = roadmap
        .into_iter()
        .map(|(title, due_on, sort_order)| NewRoadmapMilestone {
            id: Uuid::now_v7(),
            initiative_id: id,
            title,
            due_on,
            done_on: None,
            progress: 0,
            sort_order,
        })
        .collect();
    let actor = p.user_id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        campaigns::recheck_status(
            conn,
            new.campaign_id,
            &[CampaignStatus::Open],
            "register an initiative",
        )
        .await?;
        let created = initiative_queries::insert(conn, &new).await?;
        initiative_queries::replace_authors(conn, id, &author_rows).await?;
        initiative_queries::insert_steps(conn, &steps).await?;
        audit(
            conn,
            Some(actor),
            "initiative.create",
            "initiative",
            Some(id),
            Some(created.organization_id),
            serde_json::json!({ "title": created.title, "campaign_id": created.campaign_id }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", view.etag.clone()))
        .insert_header(("Location", format!("/api/v1/initiatives/{id}")))
        .json(view))
}
