use std::collections::HashMap;

use actix_web::{get, web};
use thidua_db::audit::{self, AuditFilter};
use thidua_db::queries::users as user_queries;
use thidua_domain::page::Page as PageReq;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::extract::Query;
use crate::state::AppState;
use crate::views::audit::{AuditEventView, AuditListParams};
use crate::views::{Page, UserRef};

/// Read the audit log, newest first.
///
/// Administrators read all of it; authority officers and unit heads the entries about the
/// organisations of their subtrees.
#[utoipa::path(
    tag = "audit",
    operation_id = "list_audit_events",
    params(AuditListParams),
    responses(
        (status = 200, description = "One page of audit entries", body = Page<AuditEventView>),
        (status = 403, description = "The caller's roles do not read the audit log", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<AuditListParams>,
) -> Result<web::Json<Page<AuditEventView>>, ApiError> {
    let scope = authz::audit_scope(&p).ok_or_else(ApiError::forbidden)?;
    let params = params.0;
    let page = PageReq::parse(params.page, params.per_page).map_err(ApiError::invalid_query)?;
    for (name, t) in [("since", params.since), ("until", params.until)] {
        if let Some(t) = t {
            thidua_domain::validation::plausible_date(name, t.date_naive())
                .map_err(ApiError::invalid_query)?;
        }
    }
    let filter = AuditFilter {
        entity_type: params.entity_type,
        entity_id: params.entity_id,
        actor_user_id: params.actor_id,
        action: params.action,
        organization_id: params.organization_id,
        since: params.since,
        until: params.until,
    };
    let mut conn = state.conn().await?;
    let found = audit::list(&mut conn, &scope, &filter, page).await?;
    let mut actor_ids: Vec<Uuid> = found.items.iter().filter_map(|e| e.actor_user_id).collect();
    actor_ids.sort();
    actor_ids.dedup();
    let names: HashMap<Uuid, String> = user_queries::display_names(&mut conn, &actor_ids)
        .await?
        .into_iter()
        .collect();
    let items = found
        .items
        .into_iter()
        .map(|e| AuditEventView {
            id: e.id,
            occurred_at: e.occurred_at,
            actor: e.actor_user_id.map(|id| UserRef {
                id,
                display_name: names.get(&id).cloned().unwrap_or_default(),
            }),
            action: e.action,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
            organization_id: e.organization_id,
            request_id: e.request_id,
            details: e.details,
        })
        .collect();
    Ok(web::Json(Page::of(items, found.total, page)))
}
