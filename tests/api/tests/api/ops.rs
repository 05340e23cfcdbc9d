//! Operations endpoints and the request id.

use crate::helpers::{assert_problem_shape, spawn_app};

#[tokio::test]
async fn health_and_ready_answer() {
    let app = spawn_app().await;
    let health = app.get_anon("/health").await.expect(200);
    assert_eq!(health.body["status"], "ok");
    let ready = app.get_anon("/ready").await.expect(200);
    assert_eq!(ready.body["status"], "ready");
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let app = spawn_app().await;
    app.get_anon("/health").await.expect(200);
    app.get_anon("/api/v1/me").await.expect(401);
    let m = app.get_anon("/metrics").await.expect(200);
    assert!(
        m.header("content-type")
            .unwrap_or_default()
            .starts_with("text/plain"),
        "metrics content type: {:?}",
        m.header("content-type")
    );
    assert!(m.text.contains("# TYPE thidua_http_requests_total counter"));
    let has = |route: &str, status: &str| {
        m.text.lines().any(|l| {
            l.starts_with("thidua_http_requests_total{")
                && l.contains(&format!("route=\"{route}\""))
                && l.contains(&format!("status=\"{status}\""))
        })
    };
    assert!(has("/health", "200"), "{}", m.text);
    assert!(has("/api/v1/me", "401"), "{}", m.text);
    assert!(
        m.text
            .contains("thidua_http_request_duration_seconds_bucket")
    );
    assert!(m.text.contains("thidua_db_pool_connections"));
}

#[tokio::test]
async fn request_id_is_echoed_or_generated() {
    let app = spawn_app().await;
    let r = app
        .client
        .get(app.url("/health"))
        .header("X-Request-Id", "phieu-2023_04-26")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["x-request-id"].to_str().unwrap(),
        "phieu-2023_04-26"
    );

    let generated = app.get_anon("/health").await;
    let id = generated.header("x-request-id").expect("a generated id");
    assert_eq!(id.len(), 32, "a simple UUID: {id}");
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    let other = app.get_anon("/health").await.header("x-request-id");
    assert_ne!(Some(id), other, "each request gets its own id");

    // An id that could forge log lines is replaced, not echoed.
    let r = app
        .client
        .get(app.url("/health"))
        .header("X-Request-Id", "x\" level=error msg=forged")
        .send()
        .await
        .unwrap();
    let echoed = r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_ne!(echoed, "x\" level=error msg=forged");
    assert_eq!(echoed.len(), 32);

    // Error bodies carry the same id as the header.
    let r = app
        .client
        .get(app.url("/api/v1/khong-co"))
        .header("X-Request-Id", "req-404-check")
        .send()
        .await
        .unwrap();
    let r = crate::helpers::Resp::read(r).await;
    assert_eq!(r.status, 404);
    assert_problem_shape(&r);
    assert_eq!(r.body["request_id"], "req-404-check");
}

#[tokio::test]
async fn without_the_database_the_process_lives_but_is_not_ready() {
    use thidua_api::config::Settings;
    use thidua_api::startup::Application;

    crate::helpers::init_logging();
    let url =
        crate::helpers::with_database(&crate::helpers::superuser_url(), "thidua_khong_ton_tai");
    let app = Application::build(Settings::for_tests(&url))
        .await
        .expect("the server starts without a database");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let get = |path: &'static str| {
        let (client, base) = (&client, &base);
        async move {
            crate::helpers::Resp::read(client.get(format!("{base}{path}")).send().await.unwrap())
                .await
        }
    };

    // API requests get an opaque 503 that says to retry, never the database's message.
    let r = crate::helpers::Resp::read(
        client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&serde_json::json!({ "username": "admin", "password": "ThiDua@2023" }))
            .send()
            .await
            .unwrap(),
    )
    .await
    .expect_problem(503, "service_unavailable");
    assert_eq!(r.header("retry-after").as_deref(), Some("5"));
    assert!(!r.text.contains("khong_ton_tai"), "{}", r.text);
    assert!(
        !r.text.to_lowercase().contains("does not exist"),
        "{}",
        r.text
    );

    get("/health").await.expect(200);
    let ready = get("/ready").await.expect(503);
    assert_eq!(ready.body["status"], "unavailable");
}

#[tokio::test]
async fn the_audit_log_is_readable_within_ones_reach() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let head = app.token("hieutruong.cogiang").await;
    let other_head = app.token("hieutruong.tranhungdao").await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;

    // The head of Cô Giang creates a teacher: one audit entry about Cô Giang.
    let created = app
        .post(
            "/api/v1/users",
            &head,
            &serde_json::json!({ "username": "giaovien.cogiang.moi", "display_name": "Lê Thị Mới",
                                  "organization_id": cogiang, "password": "MatKhau@2024" }),
        )
        .await
        .expect(201);
    let user_id = created.body["id"].as_str().unwrap().to_string();

    let path = format!("/api/v1/audit-events?entity_type=user&entity_id={user_id}");
    let mine = app.get(&path, &head).await.expect(200).body;
    assert_eq!(mine["total"], 1, "{mine}");
    let entry = &mine["items"][0];
    assert_eq!(entry["action"], "user.create");
    assert_eq!(entry["actor"]["display_name"], "Nguyễn Thị Minh Hạnh");
    assert_eq!(entry["organization_id"], cogiang.to_string());
    assert_eq!(entry["details"]["username"], "giaovien.cogiang.moi");
    assert!(entry["request_id"].as_str().is_some_and(|r| !r.is_empty()));

    // Another unit's head does not see it; the administrator does.
    assert_eq!(
        app.get(&path, &other_head).await.expect(200).body["total"],
        0
    );
    assert_eq!(app.get(&path, &admin).await.expect(200).body["total"], 1);

    // Prefix filter, newest first, and staff may not read the log at all.
    let users = app
        .get("/api/v1/audit-events?action=user.&per_page=100", &admin)
        .await
        .expect(200)
        .body;
    let ids: Vec<i64> = users["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(
        !ids.is_empty() && ids.windows(2).all(|w| w[0] > w[1]),
        "{ids:?}"
    );
    assert!(
        users["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["action"].as_str().unwrap().starts_with("user."))
    );
    let staff = app.token("giaovien.cogiang.1").await;
    app.get("/api/v1/audit-events", &staff)
        .await
        .expect_problem(403, "forbidden");
}
