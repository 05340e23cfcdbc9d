//! Bad input of every kind: a clear 4xx problem, and nothing written.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Resp, TestApp, spawn_app};

/// Rows that a failed create must not add: organisations and audit entries.
async fn written(app: &TestApp) -> (i64, i64) {
    (
        app.count("organizations").await,
        app.count("audit_log").await,
    )
}

async fn raw_post(app: &TestApp, path: &str, token: &str, ct: Option<&str>, body: Vec<u8>) -> Resp {
    let mut rb = app.client.post(app.url(path)).bearer_auth(token);
    if let Some(ct) = ct {
        rb = rb.header("Content-Type", ct);
    }
    Resp::read(rb.body(body).send().await.unwrap()).await
}

fn new_org(parent: uuid::Uuid) -> Value {
    json!({
        "code": "Q1-MN-HOAHONG",
        "name": "Trường Mầm non Hoa Hồng",
        "kind": "school",
        "parent_id": parent,
        "valid_from": "2024-09-01"
    })
}

#[tokio::test]
async fn bad_json_bodies_are_clear_4xx_and_write_nothing() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let q1 = app.org_id("Q1").await;
    let before = written(&app).await;

    // Unknown field: named.
    let mut body = new_org(q1);
    body["is_admin"] = json!(true);
    let r = app
        .post("/api/v1/organizations", &admin, &body)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("is_admin".into(), "unknown_field".into())]
    );
    assert_eq!(r.body["title"], "Dữ liệu không hợp lệ");

    // Wrong type: named with its path.
    let mut body = new_org(q1);
    body["valid_from"] = json!(20240901);
    let r = app
        .post("/api/v1/organizations", &admin, &body)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("valid_from".into(), "invalid_type".into())]
    );

    // Missing field.
    let mut body = new_org(q1);
    body.as_object_mut().unwrap().remove("name");
    let r = app
        .post("/api/v1/organizations", &admin, &body)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(r.field_errors(), vec![("name".into(), "required".into())]);

    // An impossible date is a wrong value, named too.
    let mut body = new_org(q1);
    body["valid_from"] = json!("2023-02-30");
    let r = app
        .post("/api/v1/organizations", &admin, &body)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(r.field_errors()[0].0, "valid_from");

    // Malformed JSON, trailing junk.
    for bad in [
        &br#"{"code": "#[..],
        &br#"{"code":"X"} trailing"#[..],
        b"",
        b"null",
    ] {
        let r = raw_post(
            &app,
            "/api/v1/organizations",
            &admin,
            Some("application/json"),
            bad.to_vec(),
        )
        .await;
        assert!(
            r.status == 400 || r.status == 422,
            "{:?}: {}",
            String::from_utf8_lossy(bad),
            r.text
        );
        crate::helpers::assert_problem_shape(&r);
    }
    raw_post(
        &app,
        "/api/v1/organizations",
        &admin,
        Some("application/json"),
        br#"{"code": "#.to_vec(),
    )
    .await
    .expect_problem(400, "malformed_json");

    // Wrong or missing content type.
    let json_bytes = serde_json::to_vec(&new_org(q1)).unwrap();
    for ct in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        raw_post(
            &app,
            "/api/v1/organizations",
            &admin,
            ct,
            json_bytes.clone(),
        )
        .await
        .expect_problem(415, "unsupported_media_type");
    }
    // A JSON content type with parameters or a +json suffix is fine (and then validated).
    let r = raw_post(
        &app,
        "/api/v1/organizations",
        &admin,
        Some("application/merge-patch+json; charset=utf-8"),
        br#"{"bogus": 1}"#.to_vec(),
    )
    .await
    .expect_problem(422, "validation_failed");
    assert_eq!(r.field_errors()[0].0, "bogus");

    // Over 1 MiB.
    let mut big = new_org(q1);
    big["name"] = json!("a".repeat(1024 * 1024 + 10));
    app.post("/api/v1/organizations", &admin, &big)
        .await
        .expect_problem(413, "payload_too_large");

    // NUL cannot be stored in PostgreSQL text: refused up front, not a 5xx.
    let mut nul = new_org(q1);
    nul["name"] = json!("Trường\u{0}Mầm non");
    let r = app
        .post("/api/v1/organizations", &admin, &nul)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(r.body["errors"][0]["code"], "invalid_characters");

    assert_eq!(written(&app).await, before, "a refused create wrote rows");
}

/// A chunked body (no Content-Length) is cut off at 1 MiB too.
#[tokio::test]
async fn a_chunked_body_over_one_mebibyte_is_refused() {
    use std::io::{Read, Write};

    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let before = written(&app).await;
    let mut body = Vec::new();
    body.extend_from_slice(b"{\"code\":\"Q1-BIG\",\"name\":\"");
    let filler = vec![b'a'; 64 * 1024];
    let mut chunks = Vec::new();
    chunks.push(body);
    while chunks.iter().map(Vec::len).sum::<usize>() <= 1024 * 1024 {
        chunks.push(filler.clone());
    }
    let mut request = format!(
        "POST /api/v1/organizations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {admin}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    .into_bytes();
    for c in &chunks {
        request.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        request.extend_from_slice(c);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    let addr = app.base.trim_start_matches("http://").to_string();
    let answer = tokio::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        // The server may answer before reading everything; what it says is what counts.
        let _ = s.write_all(&request);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    })
    .await
    .unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 413"),
        "{}",
        &answer[..answer.len().min(400)]
    );
    assert!(answer.contains("payload_too_large"), "{answer}");
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn nested_fields_are_named_with_their_path() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let q1 = app.org_id("Q1").await;
    let campaigns_before = app.count("campaigns").await;
    let milestones_before = app.count("campaign_milestones").await;
    let audit_before = app.count("audit_log").await;
    let mut body = json!({
        "code": "200/KH-UBND",
        "title": "Kế hoạch thử",
        "year": 2026,
        "issued_on": "2026-02-01",
        "organization_id": q1,
        "milestones": [
            { "kind": "registration", "title": "Đăng ký", "due_on": "2026-03-01" },
            { "kind": "phase1_report", "title": "Báo cáo", "due_on": 20260401 }
        ]
    });
    let r = app
        .post("/api/v1/campaigns", &officer, &body)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("milestones[1].due_on".into(), "invalid_type".into())]
    );

    body["milestones"][1]["due_on"] = json!("2026-04-01");
    body["milestones"][1]["deadline"] = json!("2026-04-01");
    let r = app
        .post("/api/v1/campaigns", &officer, &body)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("milestones[1].deadline".into(), "unknown_field".into())]
    );

    body["milestones"][1]
        .as_object_mut()
        .unwrap()
        .remove("deadline");
    body["milestones"][1]["kind"] = json!("phase9");
    let r = app
        .post("/api/v1/campaigns", &officer, &body)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(r.field_errors()[0].0, "milestones[1].kind");

    // Several domain errors at once, each named.
    body["milestones"][1]["kind"] = json!("phase1_report");
    body["milestones"][1]["starts_on"] = json!("2026-05-01");
    body["year"] = json!(1999);
    body["title"] = json!("   ");
    let r = app
        .post("/api/v1/campaigns", &officer, &body)
        .await
        .expect_problem(422, "validation_failed");
    let fields: Vec<String> = r.field_errors().into_iter().map(|f| f.0).collect();
    for f in ["title", "year", "milestones[1].starts_on"] {
        assert!(fields.contains(&f.to_string()), "{f} in {fields:?}");
    }

    assert_eq!(app.count("campaigns").await, campaigns_before);
    assert_eq!(app.count("campaign_milestones").await, milestones_before);
    assert_eq!(app.count("audit_log").await, audit_before);
}

#[tokio::test]
async fn messages_follow_accept_language() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let r = app
        .client
        .post(app.url("/api/v1/organizations"))
        .bearer_auth(&admin)
        .header("Accept-Language", "en")
        .json(&json!({ "code": "X" }))
        .send()
        .await
        .unwrap();
    let r = Resp::read(r).await.expect_problem(422, "validation_failed");
    assert_eq!(r.body["title"], "Unprocessable content");
    assert_eq!(r.body["detail"], "Some fields are invalid.");
    assert_eq!(r.body["message_vi"], "Dữ liệu gửi lên không hợp lệ.");
    assert_eq!(r.body["errors"][0]["message"], "This field is required.");
    assert_eq!(r.header("content-language").as_deref(), Some("en"));

    let vi = app
        .post("/api/v1/organizations", &admin, &json!({ "code": "X" }))
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(vi.body["detail"], "Dữ liệu gửi lên không hợp lệ.");
    assert_eq!(vi.body["errors"][0]["message"], "Trường này là bắt buộc.");
}

#[tokio::test]
async fn bad_path_and_query_parameters_are_4xx() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;

    for path in [
        "/api/v1/organizations/khong-phai-uuid",
        "/api/v1/users/123",
        "/api/v1/campaigns/00000000-0000-0000-0000-00000000000g",
    ] {
        let r = app
            .get(path, &admin)
            .await
            .expect_problem(400, "invalid_path_parameter");
        assert_eq!(r.field_errors()[0].0, "path");
    }
    let r = app
        .action("/api/v1/users/123/deactivate", &admin)
        .await
        .expect_problem(400, "invalid_path_parameter");
    assert_eq!(r.field_errors()[0].0, "path");
    // A well-formed id that does not exist is a 404.
    app.get(
        &format!("/api/v1/campaigns/{}", uuid::Uuid::new_v4()),
        &admin,
    )
    .await
    .expect_problem(404, "not_found");

    // Paging and sorting outside what a list allows: a bad query parameter (400), named.
    for list in [
        "/api/v1/users",
        "/api/v1/organizations",
        "/api/v1/campaigns",
    ] {
        for (q, field, code) in [
            ("per_page=101", "per_page", "out_of_range"),
            ("per_page=0", "per_page", "out_of_range"),
            ("page=0", "page", "out_of_range"),
            ("per_page=abc", "per_page", "invalid_value"),
        ] {
            let r = app
                .get(&format!("{list}?{q}"), &admin)
                .await
                .expect_problem(400, "invalid_query");
            assert_eq!(
                r.field_errors(),
                vec![(field.to_string(), code.to_string())],
                "{list}?{q}"
            );
        }
        let r = app
            .get(&format!("{list}?sort=password_hash"), &admin)
            .await
            .expect_problem(400, "invalid_query");
        assert_eq!(r.field_errors()[0].0, "sort");
    }
    let r = app
        .get("/api/v1/campaigns?status=deleted", &admin)
        .await
        .expect_problem(400, "invalid_query");
    assert_eq!(r.field_errors()[0].0, "status");
    let r = app
        .get("/api/v1/users?organization_id=abc", &admin)
        .await
        .expect_problem(400, "invalid_query");
    assert_eq!(r.field_errors()[0].0, "organization_id");
    // per_page=100 is the largest page.
    let r = app
        .get("/api/v1/users?per_page=100", &admin)
        .await
        .expect(200);
    assert_eq!(r.body["per_page"], 100);
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    app.get("/api/v1/khong-ton-tai", &admin)
        .await
        .expect_problem(404, "not_found");
    app.get_anon("/api/v1/khong-ton-tai")
        .await
        .expect_problem(404, "not_found");
    app.get_anon("/api/v2/organizations")
        .await
        .expect_problem(404, "not_found");
    // A method the resource lacks: a 4xx problem, never a 5xx or an empty body.
    let r = app
        .call(
            Method::DELETE,
            "/api/v1/organizations",
            Some(&admin),
            None,
            None,
        )
        .await;
    assert!(matches!(r.status, 404 | 405), "{}: {}", r.status, r.text);
    crate::helpers::assert_problem_shape(&r);
    let r = app
        .call(Method::PUT, "/api/v1/me", Some(&admin), None, None)
        .await;
    assert!(matches!(r.status, 404 | 405), "{}: {}", r.status, r.text);
    crate::helpers::assert_problem_shape(&r);
}
