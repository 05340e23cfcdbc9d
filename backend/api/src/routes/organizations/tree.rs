use std::collections::{HashMap, HashSet};

use actix_web::{get, web};
use thidua_db::models::Organization;
use thidua_db::queries::organizations::{self as org_queries, OrganizationFilter};
use thidua_domain::org::is_in_force;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Query;
use crate::routes::today;
use crate::state::AppState;
use crate::views::organizations::{OrganizationNode, OrganizationTreeParams};

fn build(
    id: Uuid,
    by_id: &HashMap<Uuid, &Organization>,
    children: &HashMap<Uuid, Vec<Uuid>>,
    day: chrono::NaiveDate,
) -> Option<OrganizationNode> {
    let o = by_id.get(&id)?;
    Some(OrganizationNode {
        id: o.id,
        code: o.code.clone(),
        name: o.name.clone(),
        short_name: o.short_name.clone(),
        kind: o.kind.clone(),
        valid_from: o.valid_from,
        valid_to: o.valid_to,
        in_force: is_in_force(o.valid_from, o.valid_to, day),
        children: children
            .get(&id)
            .map(|c| {
                c.iter()
                    .filter_map(|cid| build(*cid, by_id, children, day))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// The organisation tree in the caller's reach: one node per subtree root, children sorted
/// by name.
#[utoipa::path(
    tag = "organizations",
    operation_id = "get_organization_tree",
    params(OrganizationTreeParams),
    responses((status = 200, description = "The roots of the caller's subtrees, with their descendants", body = Vec<OrganizationNode>)),
    security(("bearer" = []))
)]
#[get("/organizations/tree")]
pub async fn get_organization_tree(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<OrganizationTreeParams>,
) -> Result<web::Json<Vec<OrganizationNode>>, ApiError> {
    if let Some(d) = params.0.in_force_on {
        thidua_domain::validation::plausible_date("in_force_on", d)
            .map_err(ApiError::invalid_query)?;
    }
    let filter = OrganizationFilter {
        in_force_on: params.0.in_force_on,
        ..Default::default()
    };
    let mut conn = state.conn().await?;
    let orgs = org_queries::all_in_scope(&mut conn, &super::scope_of(&p), &filter).await?;
    let ids: HashSet<Uuid> = orgs.iter().map(|o| o.id).collect();
    let by_id: HashMap<Uuid, &Organization> = orgs.iter().map(|o| (o.id, o)).collect();
    let mut children: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    let mut roots = Vec::new();
    for o in &orgs {
        match o.parent_id.filter(|pid| ids.contains(pid)) {
            Some(pid) => children.entry(pid).or_default().push(o.id),
            None => roots.push(o.id),
        }
    }
    let day = today();
    Ok(web::Json(
        roots
            .into_iter()
            .filter_map(|r| build(r, &by_id, &children, day))
            .collect(),
    ))
}
