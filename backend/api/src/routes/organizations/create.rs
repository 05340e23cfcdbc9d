use actix_web::{HttpResponse, post, web};
use diesel_async::AsyncConnection;
use thidua_db::models::NewOrganization;
use thidua_db::queries::organizations as org_queries;
use thidua_domain::validation::{optional_text, org_code, required_text};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, OrgAction};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::audit;
use crate::state::AppState;
use crate::views::organizations::{CreateOrganizationRequest, OrganizationView};

pub fn check_validity(
    errs: &mut ValidationErrors,
    from: chrono::NaiveDate,
    to: Option<chrono::NaiveDate>,
) {
    errs.check(thidua_domain::validation::plausible_date(
        "valid_from",
        from,
    ));
    if let Some(to) = to {
        errs.check(thidua_domain::validation::plausible_date("valid_to", to));
    }
    if to.is_some_and(|t| t < from) {
        errs.push(FieldError::new(
            "valid_to",
            "before_valid_from",
            "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.",
            "valid_to must not be before valid_from.",
        ));
    }
}

/// Create an organisation (administrators).
#[utoipa::path(
    tag = "organizations",
    operation_id = "create_organization",
    request_body = CreateOrganizationRequest,
    responses(
        (status = 201, description = "Created", body = OrganizationView, headers(("ETag" = String), ("Location" = String))),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Parent not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/organizations")]
pub async fn create_organization(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<CreateOrganizationRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.0;
    let mut conn = state.conn().await?;
    match req.parent_id {
        Some(parent_id) => {
            let parent = org_queries::find(&mut conn, parent_id).await?;
            authz::org(&p, OrgAction::CreateChild, &parent.ancestry()).into_result()?;
        }
        None => authz::create_root_org(&p).into_result()?,
    }
    let mut errs = ValidationErrors::new();
    let code = errs.check(org_code("code", &req.code));
    let name = errs.check(required_text("name", &req.name, 300));
    let short_name = errs.check(optional_text("short_name", req.short_name.as_deref(), 100));
    check_validity(&mut errs, req.valid_from, req.valid_to);
    if !org_queries::kind_exists(&mut conn, &req.kind).await? {
        errs.push(FieldError::new(
            "kind",
            "unknown_kind",
            "Loại tổ chức không có trong danh mục.",
            "Unknown organisation kind.",
        ));
    }
    errs.into_result()?;
    let (Some(code), Some(name), Some(short_name)) = (code, name, short_name) else {
        return Err(ApiError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    let new = NewOrganization {
        id: Uuid::now_v7(),
        code,
        name,
        short_name,
        kind: req.kind,
        parent_id: req.parent_id,
        valid_from: req.valid_from,
        valid_to: req.valid_to,
    };
    let actor = p.user_id;
    let org = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let org = org_queries::insert(conn, &new).await?;
            audit(
                conn,
                Some(actor),
                "organization.create",
                "organization",
                Some(org.id),
                Some(org.id),
                serde_json::json!({ "code": org.code, "name": org.name }),
            )
            .await?;
            Ok(org)
        })
        .await?;
    let view = super::view(&p, &org);
    Ok(HttpResponse::Created()
        .insert_header(("ETag", view.etag.clone()))
        .insert_header(("Location", format!("/api/v1/organizations/{}", org.id)))
        .json(view))
}
