use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::{NewCampaign, NewMilestone};
use thidua_db::queries::{campaigns as campaign_queries, organizations as org_queries};
use thidua_domain::ValidationErrors;
use thidua_domain::campaign::CampaignStatus;
use thidua_domain::validation::{optional_text, required_text};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, CampaignOp};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::campaigns::{CampaignView, CreateCampaignRequest};

/// Create a campaign (as a draft) issued by an organisation.
///
/// Authority officers create campaigns for their organisation's subtree; a unit head
/// creates the unit's implementing plan.
#[utoipa::path(
    tag = "campaigns",
    operation_id = "create_campaign",
    request_body = CreateCampaignRequest,
    responses(
        (status = 201, description = "Created as a draft", body = CampaignView, headers(("ETag" = String), ("Location" = String))),
        (status = 403, description = "Not allowed to issue campaigns for this organisation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Organisation or parent campaign not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "This number/symbol is already used by the organisation that year", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/campaigns")]
pub async fn create_campaign(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<CreateCampaignRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let org = org_queries::find(&mut conn, req.organization_id).await?;
    authz::create_campaign(&p, &org.ancestry()).into_result()?;
    if let Some(parent_id) = req.parent_campaign_id {
        let parent = super::load(&mut conn, parent_id).await?;
        parent.authorize(&p, CampaignOp::View)?;
    }
    let mut errs = ValidationErrors::new();
    let code = errs.check(required_text("code", &req.code, 100));
    let title = errs.check(required_text("title", &req.title, 1000));
    let theme = errs.check(optional_text("theme", req.theme.as_deref(), 1000));
    super::check_year(&mut errs, req.year);
    errs.check(thidua_domain::validation::plausible_date(
        "issued_on",
        req.issued_on,
    ));
    let items =
        super::check_content_items(&mut errs, req.content_items.as_deref().unwrap_or_default());
    let milestones: Vec<_> = req
        .milestones
        .as_deref()
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, m)| super::check_milestone(&mut errs, &format!("milestones[{i}]"), m))
        .collect();
    if req.content_items.as_ref().is_some_and(|c| c.len() > 100)
        || req.milestones.as_ref().is_some_and(|m| m.len() > 50)
    {
        errs.push(thidua_domain::FieldError::new(
            "milestones",
            "too_many",
            "Quá nhiều mục.",
            "Too many items.",
        ));
    }
    let acceptance_evidence = req
        .acceptance_evidence
        .as_deref()
        .map(|r| super::check_acceptance_evidence(&mut errs, r));
    errs.into_result()?;
    let (Some(code), Some(title), Some(theme)) = (code, title, theme) else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    let id = Uuid::now_v7();
    let new = NewCampaign {
        id,
        code,
        title,
        year: req.year,
        theme,
        issued_on: req.issued_on,
        organization_id: org.id,
        parent_campaign_id: req.parent_campaign_id,
        status: CampaignStatus::Draft.as_str().to_string(),
        content_items: serde_json::to_value(items).map_err(ApiError::internal)?,
        created_by: Some(p.user_id),
        acceptance_evidence,
    };
    let new_milestones: Vec<NewMilestone> = milestones
        .into_iter()
        .map(|m| NewMilestone {
            id: Uuid::now_v7(),
            campaign_id: id,
            kind: m.kind.as_str().to_string(),
            title: m.title,
            starts_on: m.starts_on,
            due_on: m.due_on,
            late_policy: m.late_policy.as_str().to_string(),
            sort_order: m.sort_order,
        })
        .collect();
    let actor = p.user_id;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let c = campaign_queries::insert(conn, &new).await?;
        if !new_milestones.is_empty() {
            campaign_queries::insert_milestones(conn, &new_milestones).await?;
        }
        audit(
            conn,
            Some(actor),
            "campaign.create",
            "campaign",
            Some(c.id),
            Some(c.organization_id),
            serde_json::json!({ "code": c.code, "year": c.year }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", view.etag.clone()))
        .insert_header(("Location", format!("/api/v1/campaigns/{id}")))
        .json(view))
}
