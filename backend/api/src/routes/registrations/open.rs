use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::NewRegistration;
use thidua_db::queries::{organizations as org_queries, registrations as reg_queries};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, CampaignOp};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::{audit, campaigns};
use crate::state::AppState;
use crate::views::registrations::{OpenRegistrationRequest, RegistrationView};

/// Open the unit's registration for a campaign (head or focal officer); returns the existing
/// one when it is already open.
#[utoipa::path(
    tag = "registrations",
    operation_id = "open_registration",
    request_body = OpenRegistrationRequest,
    responses(
        (status = 200, description = "It already existed", body = RegistrationView),
        (status = 201, description = "Opened", body = RegistrationView, headers(("Location" = String))),
        (status = 403, description = "Not the unit's head or focal officer", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Campaign or unit not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/registrations")]
pub async fn open_registration(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<OpenRegistrationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let unit =
        org_queries::find(&mut conn, req.organization_id.unwrap_or(p.organization_id)).await?;
    authz::open_registration(&p, &unit.ancestry()).into_result()?;
    let campaign = campaigns::load(&mut conn, req.campaign_id).await?;
    campaign.authorize(&p, CampaignOp::View)?;
    if !unit.ancestry().contains(&campaign.organization.id) || unit.id == campaign.organization.id {
        return Err(ApiError::field(thidua_domain::FieldError::new(
            "campaign_id",
            "not_a_participant",
            "Đơn vị không thuộc phạm vi của kế hoạch này.",
            "The unit does not take part in this campaign.",
        )));
    }
    let new = NewRegistration {
        id: Uuid::now_v7(),
        campaign_id: campaign.campaign.id,
        organization_id: unit.id,
    };
    let actor = p.user_id;
    let (id, created) = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let (r, created) = reg_queries::find_or_create(conn, &new).await?;
            if created {
                audit(
                    conn,
                    Some(actor),
                    "registration.open",
                    "registration",
                    Some(r.id),
                    Some(r.organization_id),
                    serde_json::json!({ "campaign_id": r.campaign_id }),
                )
                .await?;
            }
            Ok((r.id, created))
        })
        .await?;
    let view = super::view_one(&mut conn, &p, id).await?;
    let mut resp = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(resp
        .insert_header(("ETag", view.etag.clone()))
        .insert_header(("Location", format!("/api/v1/registrations/{id}")))
        .json(view))
}
