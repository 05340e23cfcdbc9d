//! The unit's registration (Mẫu 1): commitments, sending with lateness, the authority's
//! answer, every version kept.

use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};

const HEAD: &str = "hieutruong.cogiang";
const FOCAL: &str = "phohieutruong.cogiang";
const OFFICER: &str = "noivu.quan1";

/// A fresh open district campaign whose registration milestone is due on `due_on` under
/// `policy`, with one registered initiative of Cô Giang in it; (campaign, milestone).
async fn campaign_with(app: &TestApp, due_on: &str, policy: &str) -> (Uuid, Uuid) {
    let q1 = app.org_id("Q1").await;
    let (campaign, milestone) = app.insert_campaign(q1, "open").await;
    app.exec_ok(&format!(
        "UPDATE campaign_milestones SET due_on = '{due_on}', late_policy = '{policy}' WHERE id = '{milestone}'"
    ))
    .await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let teacher = app.user_id("giaovien.cogiang.1").await;
    app.insert_initiative(cogiang, campaign, "registered", teacher, &[(teacher, 100)])
        .await;
    (campaign, milestone)
}

async fn open(app: &TestApp, campaign: Uuid) -> serde_json::Value {
    let head = app.token(HEAD).await;
    app.post(
        "/api/v1/registrations",
        &head,
        &json!({ "campaign_id": campaign }),
    )
    .await
    .expect(201)
    .body
}

#[tokio::test]
async fn a_registration_goes_back_and_forth_and_keeps_every_version() {
    let app = spawn_app().await;
    let (campaign, _) = campaign_with(&app, "2099-12-31", "accept_late").await;
    let head = app.token(HEAD).await;
    let focal = app.token(FOCAL).await;
    let officer = app.token(OFFICER).await;

    let r = open(&app, campaign).await;
    let id = r["id"].as_str().unwrap().to_string();
    assert_eq!(r["status"], "draft");
    assert_eq!(r["initiatives"].as_array().unwrap().len(), 1);
    assert_eq!(r["deadline"]["late_now"], false);
    // Opening again gives the same registration.
    let again = app
        .post(
            "/api/v1/registrations",
            &head,
            &json!({ "campaign_id": campaign }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(again["id"], r["id"]);
    // The authority does not see a draft in its inbox.
    let inbox = app
        .get(
            &format!("/api/v1/registrations?status=submitted&campaign_id={campaign}"),
            &officer,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(inbox["total"], 0);

    // The focal officer writes the commitment (If-Match), the head sends it.
    let base = format!("/api/v1/registrations/{id}");
    let commitment = json!({ "shortcoming": "Tỷ lệ hồ sơ trực tuyến năm 2022 còn thấp", "commitment": "Đạt 100% hồ sơ tuyển sinh trực tuyến", "target_date": "2023-09-30" });
    app.post(&format!("{base}/commitments"), &focal, &commitment)
        .await
        .expect_problem(428, "precondition_required");
    let r = app
        .call(
            reqwest::Method::POST,
            &format!("{base}/commitments"),
            Some(&focal),
            Some(r["etag"].as_str().unwrap()),
            Some(&commitment),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(r["commitments"][0]["status"], "planned");
    app.action(&format!("{base}/submit"), &focal)
        .await
        .expect_problem(403, "forbidden");
    let r = app
        .action(&format!("{base}/submit"), &head)
        .await
        .expect(200)
        .body;
    assert_eq!(r["status"], "submitted");
    assert_eq!(r["versions"][0]["number"], 1);
    assert_eq!(r["versions"][0]["late"], false);
    app.action(&format!("{base}/submit"), &head)
        .await
        .expect_problem(409, "invalid_transition");
    let frozen = r["etag"].as_str().unwrap().to_string();
    app.call(
        reqwest::Method::POST,
        &format!("{base}/commitments"),
        Some(&focal),
        Some(&frozen),
        Some(&commitment),
    )
    .await
    .expect_problem(409, "invalid_transition");

    // The officer returns it with a reason; a missing reason changes nothing.
    app.post(
        &format!("{base}/return"),
        &officer,
        &json!({ "reason": " " }),
    )
    .await
    .expect_problem(422, "validation_failed");
    let r = app
        .post(
            &format!("{base}/return"),
            &officer,
            &json!({ "reason": "Bổ sung chỉ tiêu cụ thể cho từng cam kết" }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(r["status"], "returned");
    assert_eq!(r["versions"][0]["decision"], "returned");
    assert_eq!(
        r["versions"][0]["reason"],
        "Bổ sung chỉ tiêu cụ thể cho từng cam kết"
    );

    // Corrected and sent again; received.
    let cid = r["commitments"][0]["id"].as_str().unwrap().to_string();
    let r = app
        .patch(&format!("{base}/commitments/{cid}"), &focal, Some(r["etag"].as_str().unwrap()), &json!({ "commitment": "Đạt 100% hồ sơ trực tuyến trước 30/9/2023", "status": "in_progress" }))
        .await
        .expect(200)
        .body;
    assert_eq!(r["commitments"][0]["status"], "in_progress");
    app.action(&format!("{base}/submit"), &head)
        .await
        .expect(200);
    let r = app
        .action(&format!("{base}/receive"), &officer)
        .await
        .expect(200)
        .body;
    assert_eq!(r["status"], "received");
    let versions = r["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["decision"], "received");
    assert_eq!(
        versions[1]["decided_by"]["display_name"],
        "Lê Thị Thanh Tâm"
    );

    // Each version is what was sent then.
    let v1 = app
        .get(&format!("{base}/versions/1"), &head)
        .await
        .expect(200)
        .body;
    assert_eq!(
        v1["commitments"][0]["commitment"],
        "Đạt 100% hồ sơ tuyển sinh trực tuyến"
    );
    let v2 = app
        .get(&format!("{base}/versions/2"), &officer)
        .await
        .expect(200)
        .body;
    assert_eq!(
        v2["commitments"][0]["commitment"],
        "Đạt 100% hồ sơ trực tuyến trước 30/9/2023"
    );
    assert_eq!(v2["initiatives"].as_array().unwrap().len(), 1);
    app.get(&format!("{base}/versions/3"), &head)
        .await
        .expect_problem(404, "not_found");
    for action in [
        "submit",
        "return",
        "receive",
        "commitment_add",
        "commitment_update",
    ] {
        assert!(
            app.count(&format!(
                "audit_log WHERE entity_id = '{id}' AND action = 'registration.{action}'"
            ))
            .await
                >= 1,
            "{action}"
        );
    }
}

#[tokio::test]
async fn late_registrations_are_marked_or_refused_by_policy() {
    let app = spawn_app().await;
    let head = app.token(HEAD).await;

    // Accepted and marked late.
    let (campaign, _) = campaign_with(&app, "2023-04-22", "accept_late").await;
    let r = open(&app, campaign).await;
    assert_eq!(r["deadline"]["late_now"], true);
    let r = app
        .action(
            &format!("/api/v1/registrations/{}/submit", r["id"].as_str().unwrap()),
            &head,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(r["versions"][0]["late"], true);
    assert_eq!(r["versions"][0]["due_on"], "2023-04-22");

    // Refused: 422 deadline_passed and nothing written.
    let (campaign, milestone) = campaign_with(&app, "2023-04-22", "refuse").await;
    let r = open(&app, campaign).await;
    let id = r["id"].as_str().unwrap().to_string();
    let before = app.count("registration_versions").await;
    app.action(&format!("/api/v1/registrations/{id}/submit"), &head)
        .await
        .expect_problem(422, "deadline_passed");
    assert_eq!(app.count("registration_versions").await, before);
    assert_eq!(
        app.get(&format!("/api/v1/registrations/{id}"), &head)
            .await
            .expect(200)
            .body["status"],
        "draft"
    );

    // An extension for the unit makes it on time.
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let officer = app.token(OFFICER).await;
    app.post(
        &format!("/api/v1/campaigns/{campaign}/extensions"),
        &officer,
        &json!({ "milestone_id": milestone, "organization_id": cogiang, "due_on": "2099-01-31", "reason": "Đơn vị mới thay đổi nhân sự phụ trách" }),
    )
    .await
    .expect(201);
    let r = app
        .action(&format!("/api/v1/registrations/{id}/submit"), &head)
        .await
        .expect(200)
        .body;
    assert_eq!(r["versions"][0]["late"], false);
    assert_eq!(r["versions"][0]["due_on"], "2099-01-31");
}

#[tokio::test]
async fn an_empty_registration_is_not_sent_and_concurrent_sends_give_one_version() {
    let app = spawn_app().await;
    let head = app.token(HEAD).await;
    let q1 = app.org_id("Q1").await;
    let (empty_campaign, _) = app.insert_campaign(q1, "open").await;
    let r = app
        .post(
            "/api/v1/registrations",
            &head,
            &json!({ "campaign_id": empty_campaign }),
        )
        .await
        .expect(201)
        .body;
    app.action(
        &format!("/api/v1/registrations/{}/submit", r["id"].as_str().unwrap()),
        &head,
    )
    .await
    .expect_problem(422, "empty_registration");

    let (campaign, _) = campaign_with(&app, "2099-12-31", "accept_late").await;
    let id = open(&app, campaign).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let url = format!("/api/v1/registrations/{id}/submit");
    let (a, b) = tokio::join!(app.action(&url, &head), app.action(&url, &head));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [200, 409]);
    assert_eq!(
        app.count(&format!(
            "registration_versions WHERE registration_id = '{id}'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn other_units_registrations_are_hidden() {
    let app = spawn_app().await;
    let (campaign, _) = campaign_with(&app, "2099-12-31", "accept_late").await;
    let id = open(&app, campaign).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let other = app.token("hieutruong.tranhungdao").await;
    app.get(&format!("/api/v1/registrations/{id}"), &other)
        .await
        .expect_problem(404, "not_found");
    let list = app
        .get("/api/v1/registrations", &other)
        .await
        .expect(200)
        .body;
    assert_eq!(list["total"], 0);
    // A unit cannot open a registration for a campaign it does not take part in.
    let ward = app.org_id("P-SAIGON").await;
    let (ward_campaign, _) = app.insert_campaign(ward, "open").await;
    let head = app.token(HEAD).await;
    app.post(
        "/api/v1/registrations",
        &head,
        &json!({ "campaign_id": ward_campaign }),
    )
    .await
    .expect_problem(404, "not_found");
}
