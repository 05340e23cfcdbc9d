//! `POST /initiatives/{id}/{submit|return|register|start|complete|withdraw}`: checked by the
//! state machine and the policy, executed as one conditional update that also writes the
//! history row and the audit row, so that two concurrent identical actions give one
//! transition and one 409.

use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::NewInitiativeTransition;
use thidua_db::queries::initiatives as initiative_queries;
use thidua_domain::initiative::InitiativeAction;
use thidua_domain::validation::required_text;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::InitiativeOp;
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::initiatives::{InitiativeView, ReasonRequest};

async fn transition(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    action: InitiativeAction,
    reason: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let current = super::load(&mut conn, id).await?;
    current.authorize(p, InitiativeOp::Transition(action))?;
    let reason = match (action.needs_reason(), reason) {
        (true, r) => Some(required_text("reason", r.as_deref().unwrap_or(""), 2000)?),
        (false, r) => r,
    };
    let from = current.status()?;
    let to = from
        .next(action)
        .ok_or_else(|| ApiError::invalid_transition(from.as_str(), action.as_str()))?;
    let (org_id, actor) = (current.initiative.organization_id, p.user_id);
    conn.transaction::<_, ApiError, _>(async move |conn| {
        if initiative_queries::transition(conn, id, from.as_str(), to.as_str())
            .await?
            .is_none()
        {
            // Another request moved it first: name the state it is in now, not the one read.
            let now = initiative_queries::find(conn, id).await?.status;
            return Err(ApiError::invalid_transition(&now, action.as_str()));
        }
        initiative_queries::record_transition(
            conn,
            &NewInitiativeTransition {
                initiative_id: id,
                action: action.as_str().to_string(),
                from_status: from.as_str().to_string(),
                to_status: to.as_str().to_string(),
                actor_user_id: actor,
                reason: reason.clone(),
            },
        )
        .await?;
        audit(
            conn,
            Some(actor),
            &format!("initiative.{}", action.as_str()),
            "initiative",
            Some(id),
            Some(org_id),
            serde_json::json!({ "from": from.as_str(), "to": to.as_str(), "reason": reason }),
        )
        .await
    })
    .await?;
    let view = super::view_one(&mut conn, p, id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}

macro_rules! action_endpoint {
    ($fn_name:ident, $op_id:literal, $path:literal, $action:expr, $doc:literal, $ok:literal, $forbidden:literal, $conflict:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "initiatives",
            operation_id = $op_id,
            params(("id" = Uuid, Path, description = "Initiative id")),
            responses(
                (status = 200, description = $ok, body = InitiativeView),
                (status = 403, description = $forbidden, body = crate::error::Problem, content_type = "application/problem+json"),
                (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
                (status = 409, description = $conflict, body = crate::error::Problem, content_type = "application/problem+json"),
            ),
            security(("bearer" = []))
        )]
        #[post($path)]
        pub async fn $fn_name(state: web::Data<AppState>, p: Principal, id: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
            transition(&state, &p, id.into_inner(), $action, None).await
        }
    };
}

action_endpoint!(
    submit_initiative,
    "submit_initiative",
    "/initiatives/{id}/submit",
    InitiativeAction::Submit,
    "Submit a draft (or a returned initiative, corrected) to the unit.",
    "Submitted",
    "Only its authors submit it",
    "Not a draft or returned (the state is in `errors[0].code`)"
);
action_endpoint!(
    register_initiative,
    "register_initiative",
    "/initiatives/{id}/register",
    InitiativeAction::Register,
    "Approve a submitted initiative into the unit's list (focal officer or head).",
    "Registered",
    "Only the unit's focal officer or head registers",
    "Not submitted (the state is in `errors[0].code`)"
);
action_endpoint!(
    start_initiative,
    "start_initiative",
    "/initiatives/{id}/start",
    InitiativeAction::Start,
    "Start carrying out a registered initiative.",
    "In progress",
    "Neither an author nor an officer of the unit",
    "Not registered (the state is in `errors[0].code`)"
);
action_endpoint!(
    complete_initiative,
    "complete_initiative",
    "/initiatives/{id}/complete",
    InitiativeAction::Complete,
    "Mark an initiative in progress as completed (its final report is filed).",
    "Completed",
    "Neither an author nor an officer of the unit",
    "Not in progress (the state is in `errors[0].code`)"
);
action_endpoint!(
    withdraw_initiative,
    "withdraw_initiative",
    "/initiatives/{id}/withdraw",
    InitiativeAction::Withdraw,
    "Withdraw an initiative before it goes to evaluation.",
    "Withdrawn",
    "Neither an author nor an officer of the unit",
    "Already completed, evaluated or withdrawn"
);

/// Return a submitted initiative to its authors for correction, with the reason
/// (focal officer or head).
#[utoipa::path(
    tag = "initiatives",
    operation_id = "return_initiative",
    params(("id" = Uuid, Path, description = "Initiative id")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Returned", body = InitiativeView),
        (status = 403, description = "Only the unit's focal officer or head returns", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not submitted (the state is in `errors[0].code`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/initiatives/{id}/return")]
pub async fn return_initiative(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: Json<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    transition(
        &state,
        &p,
        id.into_inner(),
        InitiativeAction::Return,
        Some(body.0.reason),
    )
    .await
}
