use actix_web::{HttpResponse, patch, web};
use diesel_async::AsyncConnection;
use thidua_db::models::OrganizationChanges;
use thidua_db::queries::organizations as org_queries;
use thidua_domain::validation::{optional_text, org_code, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, OrgAction};
use crate::error::ApiError;
use crate::extract::{IfMatch, Json, etag};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::organizations::{OrganizationView, UpdateOrganizationRequest};

/// Update an organisation (administrators): rename, move with its subtree, or set the day it
/// ceased to exist.
#[utoipa::path(
    tag = "organizations",
    operation_id = "update_organization",
    params(("id" = Uuid, Path, description = "Organisation id"), ("If-Match" = String, Header, description = "The organisation's ETag")),
    request_body = UpdateOrganizationRequest,
    responses(
        (status = 200, description = "Updated", body = OrganizationView, headers(("ETag" = String))),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ETag is stale", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/organizations/{id}")]
pub async fn update_organization(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateOrganizationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    let current = org_queries::find(&mut conn, id.into_inner()).await?;
    authz::org(&p, OrgAction::Update, &current.ancestry()).into_result()?;
    if_match.check(&etag(current.id, current.version))?;

    let mut errs = ValidationErrors::new();
    let code = req
        .code
        .as_deref()
        .and_then(|c| errs.check(org_code("code", c)));
    let name = req
        .name
        .as_deref()
        .and_then(|n| errs.check(required_text("name", n, 300)));
    let short_name = req
        .short_name
        .as_ref()
        .map(|s| errs.check(optional_text("short_name", s.as_deref(), 100)));
    let from = req.valid_from.unwrap_or(current.valid_from);
    let to = req.valid_to.unwrap_or(current.valid_to);
    super::create::check_validity(&mut errs, from, to);
    if let Some(kind) = &req.kind
        && !org_queries::kind_exists(&mut conn, kind).await?
    {
        errs.push(FieldError::new(
            "kind",
            "unknown_kind",
            "Loại tổ chức không có trong danh mục.",
            "Unknown organisation kind.",
        ));
    }
    if let Some(Some(parent_id)) = req.parent_id {
        match org_queries::find(&mut conn, parent_id).await {
            Ok(parent) if parent.ancestry().contains(&current.id) => errs.push(FieldError::new(
                "parent_id",
                "cycle",
                "Không thể đặt tổ chức dưới chính nó hoặc đơn vị cấp dưới của nó.",
                "An organisation cannot be placed under itself or its own descendant.",
            )),
            Ok(parent) => {
                authz::org(&p, OrgAction::CreateChild, &parent.ancestry()).into_result()?
            }
            Err(diesel::result::Error::NotFound) => errs.push(FieldError::new(
                "parent_id",
                "not_found",
                "Không tìm thấy tổ chức cấp trên.",
                "The parent organisation does not exist.",
            )),
            Err(e) => return Err(e.into()),
        }
    }
    errs.into_result()?;
    let changes = OrganizationChanges {
        code,
        name,
        short_name: short_name.flatten(),
        kind: req.kind,
        parent_id: req.parent_id,
        valid_from: req.valid_from,
        valid_to: req.valid_to,
    };
    let (org_id, version, actor) = (current.id, current.version, p.user_id);
    let org = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            if let Some(Some(parent_id)) = changes.parent_id {
                // Moves are serialised and the cycle check repeated under the lock: two
                // concurrent moves (A under B, B under A) must not both pass.
                org_queries::lock_tree_moves(conn).await?;
                if org_queries::find(conn, parent_id).await?.ancestry().contains(&org_id) {
                    return Err(ApiError::field(FieldError::new(
                        "parent_id",
                        "cycle",
                        "Không thể đặt tổ chức dưới chính nó hoặc đơn vị cấp dưới của nó.",
                        "An organisation cannot be placed under itself or its own descendant.",
                    )));
                }
            }
            let org = match org_queries::update(conn, org_id, version, &changes).await {
                Err(diesel::result::Error::NotFound) => return Err(ApiError::precondition_failed()),
                other => other?,
            };
            audit(conn, Some(actor), "organization.update", "organization", Some(org.id), Some(org.id),
                serde_json::json!({ "code": org.code, "name": org.name, "parent_id": org.parent_id, "valid_to": org.valid_to })).await?;
            Ok(org)
        })
        .await?;
    // Cached principals (this user's, or any under a changed tree) are stale now.
    state.principals.invalidate_all();
    let view = super::view(&p, &org);
    Ok(HttpResponse::Ok()
        .insert_header(("ETag", view.etag.clone()))
        .json(view))
}
