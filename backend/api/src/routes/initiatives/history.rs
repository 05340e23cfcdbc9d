use std::collections::HashMap;

use actix_web::{get, web};
use thidua_db::queries::{initiatives as initiative_queries, users as user_queries};
use thidua_domain::initiative::InitiativeStatus;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::InitiativeOp;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::UserRef;
use crate::views::initiatives::TransitionView;

/// Every transition of an initiative, oldest first: who, when, from which state to which,
/// and why.
#[utoipa::path(
    tag = "initiatives",
    operation_id = "get_initiative_history",
    params(("id" = Uuid, Path, description = "Initiative id")),
    responses(
        (status = 200, description = "The history", body = Vec<TransitionView>),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/initiatives/{id}/history")]
pub async fn get_initiative_history(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<TransitionView>>, ApiError> {
    let mut conn = state.conn().await?;
    let loaded = super::load(&mut conn, id.into_inner()).await?;
    loaded.authorize(&p, InitiativeOp::View)?;
    let rows = initiative_queries::history(&mut conn, loaded.initiative.id).await?;
    let mut actor_ids: Vec<Uuid> = rows.iter().map(|r| r.actor_user_id).collect();
    actor_ids.sort();
    actor_ids.dedup();
    let names: HashMap<Uuid, String> = user_queries::display_names(&mut conn, &actor_ids)
        .await?
        .into_iter()
        .collect();
    let parse = |s: &str| {
        InitiativeStatus::parse(s)
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("bad status {s}")))
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(TransitionView {
            id: r.id,
            action: r.action,
            from_status: parse(&r.from_status)?.into(),
            to_status: parse(&r.to_status)?.into(),
            actor: UserRef {
                id: r.actor_user_id,
                display_name: names.get(&r.actor_user_id).cloned().unwrap_or_default(),
            },
            reason: r.reason,
            occurred_at: r.occurred_at,
        });
    }
    Ok(web::Json(out))
}
