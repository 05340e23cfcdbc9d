use actix_web::{HttpResponse, patch, web};
use diesel_async::AsyncConnection;
use thidua_db::models::CampaignChanges;
use thidua_db::queries::campaigns as campaign_queries;
use thidua_domain::ValidationErrors;
use thidua_domain::validation::{optional_text, required_text};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::CampaignOp;
use crate::error::ApiError;
use crate::extract::{IfMatch, Json};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::campaigns::{CampaignView, UpdateCampaignRequest};

/// Update a campaign's content while it is a draft or open.
#[utoipa::path(
    tag = "campaigns",
    operation_id = "update_campaign",
    params(("id" = Uuid, Path, description = "Campaign id"), ("If-Match" = String, Header, description = "The campaign's ETag")),
    request_body = UpdateCampaignRequest,
    responses(
        (status = 200, description = "Updated", body = CampaignView, headers(("ETag" = String))),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed or archived campaigns cannot change, or the number is taken", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/campaigns/{id}")]
pub async fn update_campaign(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateCampaignRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, id.into_inner()).await?;
    current.authorize(&p, CampaignOp::Update)?;
    if_match.check(&current.etag())?;
    let status = current.status()?;
    if !status.is_editable() {
        return Err(ApiError::invalid_transition(status.as_str(), "update"));
    }
    if let Some(Some(parent_id)) = req.parent_campaign_id {
        if parent_id == current.campaign.id {
            return Err(ApiError::field(thidua_domain::FieldError::new(
                "parent_campaign_id",
                "self_reference",
                "Kế hoạch không thể triển khai chính nó.",
                "A campaign cannot implement itself.",
            )));
        }
        super::load(&mut conn, parent_id)
            .await?
            .authorize(&p, CampaignOp::View)?;
    }
    let mut errs = ValidationErrors::new();
    let code = req
        .code
        .as_deref()
        .and_then(|v| errs.check(required_text("code", v, 100)));
    let title = req
        .title
        .as_deref()
        .and_then(|v| errs.check(required_text("title", v, 1000)));
    let theme = req
        .theme
        .as_ref()
        .map(|v| errs.check(optional_text("theme", v.as_deref(), 1000)));
    if let Some(y) = req.year {
        super::check_year(&mut errs, y);
    }
    if let Some(d) = req.issued_on {
        errs.check(thidua_domain::validation::plausible_date("issued_on", d));
    }
    let items = req
        .content_items
        .as_deref()
        .map(|c| super::check_content_items(&mut errs, c));
    if req.content_items.as_ref().is_some_and(|c| c.len() > 100) {
        errs.push(thidua_domain::FieldError::new(
            "content_items",
            "too_many",
            "Tối đa 100 nội dung.",
            "At most 100 items.",
        ));
    }
    let acceptance_evidence = req
        .acceptance_evidence
        .as_deref()
        .map(|r| super::check_acceptance_evidence(&mut errs, r));
    errs.into_result()?;
    let changes = CampaignChanges {
        code,
        title,
        year: req.year,
        theme: theme.flatten(),
        issued_on: req.issued_on,
        parent_campaign_id: req.parent_campaign_id,
        content_items: items
            .map(serde_json::to_value)
            .transpose()
            .map_err(ApiError::internal)?,
        acceptance_evidence,
    };
    let (cid, version, actor) = (current.campaign.id, current.campaign.version, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let c = match campaign_queries::update(conn, cid, version, &changes).await {
            Err(diesel::result::Error::NotFound) => return Err(ApiError::precondition_failed()),
            other => other?,
        };
        audit(
            conn,
            Some(actor),
            "campaign.update",
            "campaign",
            Some(c.id),
            Some(c.organization_id),
            serde_json::json!({}),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, &p, cid).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
