//! Regressions for defects found in review: each test failed before its fix.

use serde_json::json;

use crate::helpers::{lit, spawn_app};

/// A unit head may not manage an account whose roles reach beyond the head's unit (the
/// teacher here is also focal officer of another school).
#[tokio::test]
async fn a_head_cannot_take_over_an_account_that_reaches_another_unit() {
    let app = spawn_app().await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let teacher = app.insert_user(cogiang, "staff", true).await;
    app.exec_ok(&format!(
        "INSERT INTO role_grants (id, user_id, role, organization_id) VALUES ('{}', '{}', 'unit_focal', '{thd}')",
        uuid::Uuid::new_v4(),
        teacher.id
    ))
    .await;
    let head = app.token("hieutruong.cogiang").await;
    let view = app
        .get(&format!("/api/v1/users/{}", teacher.id), &head)
        .await
        .expect(200)
        .body;
    assert!(
        !view["allowed_actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "reset_password"),
        "{view}"
    );
    app.post(
        &format!("/api/v1/users/{}/reset-password", teacher.id),
        &head,
        &json!({ "new_password": "MatKhau@2024" }),
    )
    .await
    .expect_problem(403, "forbidden");
}

/// Concurrent wrong guesses cannot get more password checks than the free budget.
#[tokio::test]
async fn a_burst_of_guesses_gets_no_more_than_five_checks() {
    let app = spawn_app().await;
    let attempts = (0..30).map(|_| app.login_resp("giaovien.cogiang.3", "wrong-password-1"));
    let results = futures_util::future::join_all(attempts).await;
    let checked = results.iter().filter(|r| r.status == 401).count();
    let refused = results.iter().filter(|r| r.status == 429).count();
    assert_eq!(checked + refused, 30);
    assert!(checked <= 5, "{checked} passwords were checked");
    // And the right password is refused while locked.
    app.login_resp("giaovien.cogiang.3", "ThiDua@2023")
        .await
        .expect_problem(429, "too_many_attempts");
}

/// Out-of-range dates in queries are a clear 400, not a database error.
#[tokio::test]
async fn absurd_dates_in_queries_are_bad_requests() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    for path in [
        "/api/v1/organizations?in_force_on=-5000-01-01",
        "/api/v1/organizations/tree?in_force_on=-5000-01-01",
        "/api/v1/audit-events?since=-5000-01-01T00:00:00Z",
    ] {
        app.get(path, &admin)
            .await
            .expect_problem(400, "invalid_query");
    }
}

/// The list and the single read agree on which campaigns a district evaluator sees.
#[tokio::test]
async fn campaign_list_and_read_agree() {
    let app = spawn_app().await;
    let evaluator = app.token("bcd.quan1.1").await;
    let list = app
        .get("/api/v1/campaigns?per_page=100", &evaluator)
        .await
        .expect(200)
        .body;
    let listed: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap().to_string())
        .collect();
    let plan = app.campaign_id("112/KH-MNCG").await;
    app.get(&format!("/api/v1/campaigns/{plan}"), &evaluator)
        .await
        .expect(200);
    assert!(listed.contains(&"112/KH-MNCG".to_string()), "{listed:?}");
}

/// A unit's extension never makes its deadline earlier than everyone else's.
#[tokio::test]
async fn an_extension_never_shortens_a_deadline() {
    let app = spawn_app().await;
    let q1 = app.org_id("Q1").await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let (campaign, milestone) = app.insert_campaign(q1, "open").await;
    let officer = app.token("noivu.quan1").await;
    app.post(
        &format!("/api/v1/campaigns/{campaign}/extensions"),
        &officer,
        &json!({ "milestone_id": milestone, "organization_id": cogiang, "due_on": "2027-01-10", "reason": "Đơn vị đang sửa chữa phòng học" }),
    )
    .await
    .expect(201);
    app.exec_ok(&format!(
        "UPDATE campaign_milestones SET due_on = '2027-03-31' WHERE id = {}",
        lit(&milestone.to_string())
    ))
    .await;
    let head = app.token("hieutruong.cogiang").await;
    let c = app
        .get(&format!("/api/v1/campaigns/{campaign}"), &head)
        .await
        .expect(200)
        .body;
    assert_eq!(c["milestones"][0]["effective_due_on"], "2027-03-31", "{c}");
}

/// Metric labels come from a closed set of methods.
#[tokio::test]
async fn made_up_methods_do_not_mint_metric_series() {
    let app = spawn_app().await;
    let client = app.plain_client();
    for i in 0..5 {
        let method = reqwest::Method::from_bytes(format!("X{i:05}").as_bytes()).unwrap();
        let _ = client
            .request(method, app.url("/health"))
            .send()
            .await
            .unwrap();
    }
    let metrics = client
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!metrics.contains("X00001"), "made-up method in metrics");
    assert!(metrics.contains("method=\"other\""), "{metrics}");
}
