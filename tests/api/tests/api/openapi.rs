//! The OpenAPI document is an artifact: the committed file must be what the code generates,
//! and every operation must be fully described.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::helpers::spawn_app;

fn committed_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../openapi/openapi.json")
}

fn committed() -> String {
    std::fs::read_to_string(committed_path())
        .unwrap_or_else(|e| panic!("read {}: {e}", committed_path().display()))
}

fn generated() -> String {
    thidua_api::openapi::to_pretty_json(&thidua_api::openapi::document())
        .expect("serialise the document")
}

#[test]
fn committed_openapi_matches_the_code() {
    let (committed, generated) = (committed(), generated());
    if committed != generated {
        let first = committed
            .lines()
            .zip(generated.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| {
                format!(
                    "first difference at line {}:\n  committed: {a}\n  generated: {b}",
                    i + 1
                )
            })
            .unwrap_or_else(|| "the files differ in length".to_string());
        panic!("openapi/openapi.json is stale: run `make openapi` and commit the result\n{first}");
    }
}

/// Every (method, path, operation) of the document.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            out.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    out
}

#[test]
fn every_operation_is_fully_described() {
    let doc: Value = serde_json::from_str(&generated()).unwrap();
    let ops = operations(&doc);
    assert!(ops.len() >= 36, "only {} operations", ops.len());
    let schemes = doc["components"]["securitySchemes"].as_object().unwrap();
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    let mut ids = BTreeSet::new();
    let mut problems = Vec::new();
    for (method, path, op) in &ops {
        let name = format!("{method} {path}");
        match op["operationId"].as_str() {
            Some(id) if !id.is_empty() => {
                if !ids.insert(id.to_string()) {
                    problems.push(format!("{name}: duplicate operationId {id}"));
                }
                if !id.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    problems.push(format!("{name}: operationId {id} is not snake_case"));
                }
            }
            _ => problems.push(format!("{name}: no operationId")),
        }
        if op["tags"].as_array().is_none_or(Vec::is_empty) {
            problems.push(format!("{name}: no tag"));
        }
        if !op["security"].is_array() {
            problems.push(format!("{name}: security not declared"));
        }
        let responses = op["responses"].as_object().cloned().unwrap_or_default();
        if !responses.keys().any(|k| k.starts_with('2')) {
            problems.push(format!("{name}: no success response"));
        }
        let bearer = op["security"]
            .as_array()
            .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        if bearer && !responses.contains_key("401") {
            problems.push(format!("{name}: secured but no 401"));
        }
        if path.contains('{') && !responses.contains_key("404") {
            problems.push(format!("{name}: has path parameters but no 404"));
        }
        if op.get("requestBody").is_some() {
            for code in ["400", "413", "415", "422"] {
                if !responses.contains_key(code) {
                    problems.push(format!("{name}: takes a body but documents no {code}"));
                }
            }
        }
        // Every API operation documents its refusals as problem documents. The three
        // operations endpoints take no input and cannot be refused.
        if path.starts_with("/api/") {
            let problem_4xx = responses.iter().any(|(code, r)| {
                code.starts_with('4')
                    && r["content"]["application/problem+json"]["schema"]["$ref"]
                        == "#/components/schemas/Problem"
            });
            if !problem_4xx {
                problems.push(format!("{name}: no 4xx problem response"));
            }
            for (code, r) in &responses {
                if (code.starts_with('4') || code.starts_with('5'))
                    && r["content"]["application/problem+json"].is_null()
                {
                    problems.push(format!("{name}: {code} is not application/problem+json"));
                }
            }
        } else {
            assert!(
                ["/health", "/ready", "/metrics"].contains(&path.as_str()),
                "{name}: an operation outside /api/ that is not an operations endpoint"
            );
        }
    }
    assert!(
        problems.is_empty(),
        "incomplete OpenAPI operations:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn the_server_serves_the_committed_document() {
    let app = spawn_app().await;
    let served = app.get_anon("/api/v1/openapi.json").await.expect(200);
    let committed: Value = serde_json::from_str(&committed()).unwrap();
    assert_eq!(served.body, committed);
    let docs = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    let html = docs.text().await.unwrap();
    assert!(html.to_lowercase().contains("swagger"), "{html}");
}
