//! The OpenAPI document: operations are collected from the handlers' `#[utoipa::path]` by
//! utoipa-actix-web; this module adds what every operation shares (security scheme, the
//! problem responses the extractors and the database layer can produce on any of them).

use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as OpenApiDoc, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::error::PROBLEM_JSON;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Thi đua CCHC API",
        description = "API of Thi đua CCHC — the platform on which Vietnamese public units run their yearly emulation movement on administrative reform (phong trào thi đua về cải cách hành chính). Errors are RFC 9457 problem documents with a stable `code` and messages in Vietnamese and English (`Accept-Language`). Lists are paginated (`page`, `per_page` ≤ 100); updates require `If-Match`.",
        version = "1.0.0",
        license(name = "MIT", identifier = "MIT")
    ),
    servers((url = "/", description = "This server")),
    tags(
        (name = "auth", description = "Sign-in, tokens and the current user"),
        (name = "organizations", description = "The dated organisation tree"),
        (name = "users", description = "Accounts and role grants"),
        (name = "campaigns", description = "Emulation campaigns, milestones and deadline extensions"),
        (name = "initiatives", description = "Initiatives, their roadmaps and lifecycle"),
        (name = "registrations", description = "The unit's registration (Mẫu 1): registered initiatives and commitments, sent to the authority"),
        (name = "reports", description = "Reports (Mẫu 2, progress, self-assessment, acceptance, year-end): the outline, the results table and evidence, sent to the authority"),
        (name = "evaluation", description = "Evaluation rounds: criteria sets, committees, assignments, score sheets, decisions"),
        (name = "awards", description = "Awards: the award-form catalogue, ratings, violation records, nominations with their eligibility checklist, decisions"),
        (name = "showcase", description = "The public showcase of typical models (no sign-in to read) and their replication"),
        (name = "files", description = "Evidence files (tài liệu minh chứng): streamed upload, download, kept once per content"),
        (name = "audit", description = "The append-only audit log"),
        (name = "operations", description = "Health, readiness and metrics"),
    ),
    components(schemas(crate::error::Problem, crate::error::ProblemField)),
    modifiers(&Shared)
)]
pub struct ApiDoc;

struct Shared;

fn problem(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                PROBLEM_JSON,
                Content::new(Some(Ref::from_schema_name("Problem"))),
            )
            .build(),
    )
}

fn add_missing(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| problem(description));
}

impl Modify for Shared {
    fn modify(&self, doc: &mut OpenApiDoc) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// Adds the shared problem responses; run after the paths are collected.
pub fn finish(mut doc: OpenApiDoc) -> OpenApiDoc {
    for (path, item) in doc.paths.paths.iter_mut() {
        let is_api = path.starts_with("/api/");
        let has_path_params = path.contains('{');
        for op in [
            item.get.as_mut(),
            item.post.as_mut(),
            item.patch.as_mut(),
            item.put.as_mut(),
            item.delete.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            let secured = op.security.as_ref().is_some_and(|s| {
                s.iter().any(|r| {
                    serde_json::to_value(r)
                        .is_ok_and(|v| v.as_object().is_some_and(|o| !o.is_empty()))
                })
            });
            let has_params = op.parameters.as_ref().is_some_and(|p| !p.is_empty());
            if !is_api {
                continue;
            }
            if has_params || op.request_body.is_some() {
                add_missing(
                    op,
                    "400",
                    "Malformed request: bad JSON, query or path parameter",
                );
            }
            if secured {
                add_missing(op, "401", "Missing, invalid or expired access token");
            }
            if has_path_params {
                add_missing(op, "404", "Not found in the caller's reach");
            }
            if op.request_body.is_some() {
                add_missing(op, "413", "Body larger than 1 MiB");
                add_missing(op, "415", "Body is not JSON");
                add_missing(op, "422", "Invalid fields");
            }
            add_missing(
                op,
                "500",
                "Unexpected error; the body carries only the request id",
            );
            add_missing(op, "503", "The database is unavailable; retry later");
        }
    }
    doc
}

/// The whole document, exactly as the server serves it.
pub fn document() -> OpenApiDoc {
    crate::startup::api_document()
}

pub fn to_pretty_json(doc: &OpenApiDoc) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(doc)?;
    s.push('\n');
    Ok(s)
}
