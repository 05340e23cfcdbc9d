//! Campaigns: the 2023 plans of the demo data, the draft → open → closed → archived life,
//! milestones and per-unit deadline extensions.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, vietnam_today};

fn milestone<'a>(c: &'a Value, kind: &str) -> &'a Value {
    c["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} milestone in {}", c["code"]))
}

fn codes(page: &Value) -> Vec<String> {
    let mut c: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap().to_string())
        .collect();
    c.sort();
    c
}

fn draft_body(org: uuid::Uuid, code: &str) -> Value {
    json!({
        "code": code,
        "title": "Kế hoạch thi đua cải cách hành chính năm 2026",
        "year": 2026,
        "theme": "Chuyển đổi số trong cải cách hành chính",
        "issued_on": "2026-03-02",
        "organization_id": org,
        "content_items": [{ "code": "1.1", "title": "Trách nhiệm người đứng đầu" }],
        "milestones": [
            { "kind": "registration", "title": "Đăng ký thi đua", "due_on": "2026-12-15" },
            { "kind": "phase1_report", "title": "Báo cáo Đợt 1", "starts_on": "2026-12-01",
              "due_on": "2027-01-20", "late_policy": "refuse", "sort_order": 1 }
        ]
    })
}

/// The officer creates a Q1 draft; (campaign id, its view).
async fn officer_draft(app: &TestApp, code: &str) -> (uuid::Uuid, Value) {
    let officer = app.token("noivu.quan1").await;
    let q1 = app.org_id("Q1").await;
    let r = app
        .post("/api/v1/campaigns", &officer, &draft_body(q1, code))
        .await
        .expect(201);
    (r.uuid("/id"), r.body)
}

#[tokio::test]
async fn a_unit_head_sees_the_2023_plans_with_their_deadlines() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let list = app.get("/api/v1/campaigns", &head).await.expect(200).body;
    assert_eq!(list["total"], 2);
    assert_eq!(codes(&list), vec!["112/KH-MNCG", "175/KH-UBND"]);
    // Lists carry milestones but not extensions.
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["extensions"] == json!([]) && c["milestones"].as_array().unwrap().len() == 7)
    );

    let district = app.campaign_id("175/KH-UBND").await;
    let c = app
        .get(&format!("/api/v1/campaigns/{district}"), &head)
        .await
        .expect(200);
    assert_eq!(c.header("etag").as_deref(), c.body["etag"].as_str());
    let c = c.body;
    assert_eq!(c["status"], "open");
    assert_eq!(c["year"], 2023);
    assert_eq!(c["issued_on"], "2023-04-26");
    assert_eq!(c["organization"]["name"], "Ủy ban nhân dân Quận 1");
    assert_eq!(c["content_items"].as_array().unwrap().len(), 9);
    assert_eq!(c["allowed_actions"], json!([]), "a unit only takes part");
    let registration = milestone(&c, "registration");
    assert_eq!(registration["due_on"], "2023-04-22");
    assert_eq!(registration["effective_due_on"], "2023-04-22");
    let due = chrono::NaiveDate::from_ymd_opt(2023, 4, 22).unwrap();
    assert_eq!(
        registration["days_left"].as_i64().unwrap(),
        (due - vietnam_today()).num_days()
    );
    let phase1 = milestone(&c, "phase1_report");
    assert_eq!(phase1["starts_on"], "2023-04-26");
    assert_eq!(phase1["due_on"], "2023-06-10");
    assert_eq!(phase1["late_policy"], "accept_late");
    assert_eq!(milestone(&c, "award_dossier")["late_policy"], "refuse");
    // A timeline: by deadline (the self-assessment of 30/9 comes before the acceptance
    // round of 25/11, whatever the plan's numbering).
    let kinds: Vec<&str> = c["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "registration",
            "phase1_report",
            "self_assessment",
            "phase2_acceptance",
            "award_dossier",
            "unit_selection",
            "replication"
        ]
    );

    let own = app.campaign_id("112/KH-MNCG").await;
    let plan = app
        .get(&format!("/api/v1/campaigns/{own}"), &head)
        .await
        .expect(200)
        .body;
    assert_eq!(plan["parent_campaign"]["code"], "175/KH-UBND");
    assert_eq!(plan["organization"]["code"], "Q1-MN-COGIANG");
    assert_eq!(
        plan["allowed_actions"],
        json!(["update", "manage_milestones", "close"])
    );

    // Another unit's staff sees the district's plan only.
    let other = app.token("giaovien.tranhungdao.1").await;
    let theirs = app.get("/api/v1/campaigns", &other).await.expect(200).body;
    assert_eq!(codes(&theirs), vec!["175/KH-UBND"]);
    app.get(&format!("/api/v1/campaigns/{own}"), &other)
        .await
        .expect_problem(404, "not_found");

    // Filters.
    let admin = app.token("admin").await;
    let by_parent = app
        .get(
            &format!("/api/v1/campaigns?parent_campaign_id={district}"),
            &admin,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(codes(&by_parent), vec!["112/KH-MNCG"]);
    let searched = app
        .get("/api/v1/campaigns?q=co%20giang", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(codes(&searched), vec!["112/KH-MNCG"]);
    let none = app
        .get("/api/v1/campaigns?year=2024", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn an_officer_runs_a_campaign_from_draft_to_archive() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let head = app.token("hieutruong.cogiang").await;
    let (id, draft) = officer_draft(&app, "35/KH-UBND").await;
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["milestones"].as_array().unwrap().len(), 2);
    assert_eq!(milestone(&draft, "phase1_report")["late_policy"], "refuse");
    assert_eq!(
        milestone(&draft, "registration")["late_policy"],
        "accept_late"
    );
    assert_eq!(
        draft["allowed_actions"],
        json!(["update", "manage_milestones", "delete_milestone", "open"])
    );
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'campaign.create' AND entity_id = '{id}'"
        ))
        .await,
        1
    );
    let url = format!("/api/v1/campaigns/{id}");

    // Units do not see a draft.
    app.get(&url, &head).await.expect_problem(404, "not_found");
    assert_eq!(
        app.get("/api/v1/campaigns", &head).await.expect(200).body["total"],
        2
    );
    let staff = app.token("giaovien.cogiang.1").await;
    app.action(&format!("{url}/open"), &staff)
        .await
        .expect_problem(404, "not_found");

    let opened = app
        .action(&format!("{url}/open"), &officer)
        .await
        .expect(200);
    assert_eq!(opened.body["status"], "open");
    assert_eq!(
        opened.body["allowed_actions"],
        json!(["update", "manage_milestones", "close", "grant_extension"])
    );
    let seen = app.get(&url, &head).await.expect(200);
    assert_eq!(seen.body["status"], "open");
    assert_eq!(
        app.get("/api/v1/campaigns", &head).await.expect(200).body["total"],
        3
    );
    // Once visible, staff are refused the action rather than not finding the campaign.
    for action in ["close", "open", "archive"] {
        app.action(&format!("{url}/{action}"), &staff)
            .await
            .expect_problem(403, "forbidden");
    }
    app.action(&format!("{url}/close"), &head)
        .await
        .expect_problem(403, "forbidden");
    app.action(&format!("{url}/open"), &officer)
        .await
        .expect_problem(409, "invalid_transition");
    app.action(&format!("{url}/archive"), &officer)
        .await
        .expect_problem(409, "invalid_transition");

    let closed = app
        .action(&format!("{url}/close"), &officer)
        .await
        .expect(200);
    assert_eq!(closed.body["status"], "closed");
    assert_eq!(closed.body["allowed_actions"], json!(["reopen", "archive"]));
    app.patch(
        &url,
        &officer,
        Some("*"),
        &json!({ "title": "Sửa khi đã đóng" }),
    )
    .await
    .expect_problem(409, "invalid_transition");
    let reopened = app
        .action(&format!("{url}/reopen"), &officer)
        .await
        .expect(200);
    assert_eq!(reopened.body["status"], "open");
    app.action(&format!("{url}/close"), &officer)
        .await
        .expect(200);
    let archived = app
        .action(&format!("{url}/archive"), &officer)
        .await
        .expect(200);
    assert_eq!(archived.body["status"], "archived");
    assert_eq!(archived.body["allowed_actions"], json!([]));
    let etag = archived.header("etag").unwrap();
    app.patch(
        &url,
        &officer,
        Some(&etag),
        &json!({ "title": "Sửa bản lưu trữ" }),
    )
    .await
    .expect_problem(409, "invalid_transition");
    for action in ["open", "close", "reopen", "archive"] {
        app.action(&format!("{url}/{action}"), &officer)
            .await
            .expect_problem(409, "invalid_transition");
    }
    let m = milestone(&archived.body, "registration")["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.patch(
        &format!("{url}/milestones/{m}"),
        &officer,
        Some("*"),
        &json!({ "due_on": "2027-01-01" }),
    )
    .await
    .expect_problem(409, "invalid_transition");
    let transitions = app
        .count(&format!(
            "audit_log WHERE entity_id = '{id}' AND action IN \
             ('campaign.open', 'campaign.close', 'campaign.reopen', 'campaign.archive')"
        ))
        .await;
    assert_eq!(transitions, 5);
}

#[tokio::test]
async fn concurrent_opens_give_one_transition_and_one_conflict() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    for i in 0..5 {
        let (id, _) = officer_draft(&app, &format!("{}/KH-UBND", 40 + i)).await;
        let url = format!("/api/v1/campaigns/{id}/open");
        let (a, b) = tokio::join!(app.action(&url, &officer), app.action(&url, &officer));
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [200, 409], "{} / {}", a.text, b.text);
        let conflict = if a.status == 409 { a } else { b };
        conflict.expect_problem(409, "invalid_transition");
        assert_eq!(
            app.count(&format!(
                "audit_log WHERE action = 'campaign.open' AND entity_id = '{id}'"
            ))
            .await,
            1
        );
    }
}

#[tokio::test]
async fn updates_need_the_current_etag() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let (id, draft) = officer_draft(&app, "36/KH-UBND").await;
    let url = format!("/api/v1/campaigns/{id}");
    let etag = draft["etag"].as_str().unwrap().to_string();
    let change = json!({ "title": "Kế hoạch đã sửa", "theme": null });
    app.patch(&url, &officer, None, &change)
        .await
        .expect_problem(428, "precondition_required");
    app.patch(&url, &officer, Some("\"00000000.1\""), &change)
        .await
        .expect_problem(412, "precondition_failed");
    let updated = app
        .patch(&url, &officer, Some(&etag), &change)
        .await
        .expect(200);
    assert_eq!(updated.body["title"], "Kế hoạch đã sửa");
    assert_eq!(updated.body["theme"], Value::Null);
    assert_eq!(updated.body["code"], "36/KH-UBND");
    let new_etag = updated.header("etag").unwrap();
    assert_ne!(new_etag, etag);
    app.patch(&url, &officer, Some(&etag), &json!({ "title": "Lần nữa" }))
        .await
        .expect_problem(412, "precondition_failed");
    let self_parent = app
        .patch(
            &url,
            &officer,
            Some(&new_etag),
            &json!({ "parent_campaign_id": id }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(self_parent.field_errors()[0].0, "parent_campaign_id");
    // The number is unique per organisation and year.
    app.post(
        "/api/v1/campaigns",
        &officer,
        &draft_body(app.org_id("Q1").await, "36/KH-UBND"),
    )
    .await
    .expect_problem(409, "already_exists");
    app.patch(
        &url,
        &officer,
        Some(&new_etag),
        &json!({ "code": "175/KH-UBND", "year": 2023 }),
    )
    .await
    .expect_problem(409, "already_exists");
}

#[tokio::test]
async fn milestones_are_added_changed_and_removed_while_allowed() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let (id, draft) = officer_draft(&app, "37/KH-UBND").await;
    let url = format!("/api/v1/campaigns/{id}");
    let added = app
        .post(
            &format!("{url}/milestones"),
            &officer,
            &json!({ "kind": "self_assessment", "title": "Tự đánh giá", "due_on": "2027-03-31", "sort_order": 2 }),
        )
        .await
        .expect(201);
    assert_eq!(added.body["milestones"].as_array().unwrap().len(), 3);
    let bad = app
        .post(
            &format!("{url}/milestones"),
            &officer,
            &json!({ "kind": "other", "title": "Sai ngày", "starts_on": "2027-05-01", "due_on": "2027-04-01" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        bad.field_errors(),
        vec![("starts_on".into(), "after_due_on".into())]
    );

    let reg = milestone(&draft, "registration");
    let reg_url = format!("{url}/milestones/{}", reg["id"].as_str().unwrap());
    let reg_etag = reg["etag"].as_str().unwrap().to_string();
    app.patch(&reg_url, &officer, None, &json!({ "due_on": "2026-12-20" }))
        .await
        .expect_problem(428, "precondition_required");
    app.patch(
        &reg_url,
        &officer,
        Some("\"00000000.7\""),
        &json!({ "due_on": "2026-12-20" }),
    )
    .await
    .expect_problem(412, "precondition_failed");
    let moved = app
        .patch(
            &reg_url,
            &officer,
            Some(&reg_etag),
            &json!({ "due_on": "2026-12-20", "late_policy": "refuse" }),
        )
        .await
        .expect(200);
    let m = milestone(&moved.body, "registration");
    assert_eq!(m["due_on"], "2026-12-20");
    assert_eq!(m["late_policy"], "refuse");
    assert_ne!(m["etag"].as_str().unwrap(), reg_etag);

    let phase1 = milestone(&draft, "phase1_report")["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Open: deadlines move, but none disappears.
    app.action(&format!("{url}/open"), &officer)
        .await
        .expect(200);
    app.delete(&format!("{url}/milestones/{phase1}"), &officer)
        .await
        .expect_problem(409, "invalid_transition");

    // In a draft, removal works.
    let (other, other_view) = officer_draft(&app, "38/KH-UBND").await;
    let victim = milestone(&other_view, "phase1_report")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let after = app
        .delete(
            &format!("/api/v1/campaigns/{other}/milestones/{victim}"),
            &officer,
        )
        .await
        .expect(200);
    assert_eq!(after.body["milestones"].as_array().unwrap().len(), 1);
    app.delete(
        &format!("/api/v1/campaigns/{other}/milestones/{victim}"),
        &officer,
    )
    .await
    .expect_problem(404, "not_found");
    // A milestone of another campaign is not found under this one.
    app.patch(
        &format!("/api/v1/campaigns/{other}/milestones/{phase1}"),
        &officer,
        Some("*"),
        &json!({ "title": "Nhầm kế hoạch" }),
    )
    .await
    .expect_problem(404, "not_found");
}

#[tokio::test]
async fn an_extension_moves_one_units_deadline_only() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let (id, _) = officer_draft(&app, "39/KH-UBND").await;
    let url = format!("/api/v1/campaigns/{id}");
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let reg = app.milestone_id(id, "registration").await;
    let grant = json!({ "milestone_id": reg, "organization_id": cg, "due_on": "2027-01-10",
                        "reason": "Đơn vị đang sửa chữa cơ sở vật chất" });
    // Not before the campaign is open.
    app.post(&format!("{url}/extensions"), &officer, &grant)
        .await
        .expect_problem(409, "invalid_transition");
    app.action(&format!("{url}/open"), &officer)
        .await
        .expect(200);

    let ext = app
        .post(&format!("{url}/extensions"), &officer, &grant)
        .await
        .expect(201);
    assert_eq!(ext.body["due_on"], "2027-01-10");
    assert_eq!(ext.body["reason"], "Đơn vị đang sửa chữa cơ sở vật chất");
    assert_eq!(ext.body["organization"]["code"], "Q1-MN-COGIANG");
    assert_eq!(ext.body["milestone_id"], reg.to_string());
    assert_eq!(ext.body["granted_by"]["display_name"], "Lê Thị Thanh Tâm");
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'campaign.grant_extension' AND entity_id = '{id}'"
        ))
        .await,
        1
    );

    let head = app.token("hieutruong.cogiang").await;
    let seen = app.get(&url, &head).await.expect(200).body;
    let m = milestone(&seen, "registration");
    assert_eq!(m["due_on"], "2026-12-15");
    assert_eq!(m["effective_due_on"], "2027-01-10");
    let due = chrono::NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
    assert_eq!(
        m["days_left"].as_i64().unwrap(),
        (due - vietnam_today()).num_days()
    );
    assert_eq!(
        milestone(&seen, "phase1_report")["effective_due_on"],
        "2027-01-20"
    );
    assert_eq!(seen["extensions"].as_array().unwrap().len(), 1);
    let listed = app
        .get(&format!("{url}/extensions"), &head)
        .await
        .expect(200)
        .body;
    assert_eq!(listed.as_array().unwrap().len(), 1);

    // Another unit: its own deadline, and nothing of Cô Giang's.
    let other = app.token("hieutruong.tranhungdao").await;
    let theirs = app.get(&url, &other).await.expect(200).body;
    assert_eq!(
        milestone(&theirs, "registration")["effective_due_on"],
        "2026-12-15"
    );
    assert_eq!(theirs["extensions"], json!([]));
    assert_eq!(
        app.get(&format!("{url}/extensions"), &other)
            .await
            .expect(200)
            .body,
        json!([])
    );
    // The officer sees every unit's extensions; its own deadline is unchanged.
    let all = app.get(&url, &officer).await.expect(200).body;
    assert_eq!(all["extensions"].as_array().unwrap().len(), 1);
    assert_eq!(
        milestone(&all, "registration")["effective_due_on"],
        "2026-12-15"
    );

    // A later grant replaces the earlier one.
    let mut later = grant.clone();
    later["due_on"] = json!("2027-01-31");
    app.post(&format!("{url}/extensions"), &officer, &later)
        .await
        .expect(201);
    let seen = app.get(&url, &head).await.expect(200).body;
    assert_eq!(
        milestone(&seen, "registration")["effective_due_on"],
        "2027-01-31"
    );
    assert_eq!(seen["extensions"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn extensions_are_checked() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let district = app.campaign_id("175/KH-UBND").await;
    let url = format!("/api/v1/campaigns/{district}/extensions");
    let reg = app.milestone_id(district, "registration").await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let before = app.count("deadline_extensions").await;

    let earlier = app
        .post(
            &url,
            &officer,
            &json!({ "milestone_id": reg, "organization_id": cg, "due_on": "2023-04-20", "reason": "Sớm hơn" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        earlier.field_errors(),
        vec![("due_on".into(), "not_later".into())]
    );
    let same_day = app
        .post(
            &url,
            &officer,
            &json!({ "milestone_id": reg, "organization_id": cg, "due_on": "2023-04-22", "reason": "Cùng ngày" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(same_day.field_errors()[0].0, "due_on");
    let q1 = app.org_id("Q1").await;
    let saigon = app.org_id("P-SAIGON").await;
    for unit in [q1, saigon] {
        let r = app
            .post(
                &url,
                &officer,
                &json!({ "milestone_id": reg, "organization_id": unit, "due_on": "2023-05-01", "reason": "Ngoài phạm vi" }),
            )
            .await
            .expect_problem(422, "validation_failed");
        assert_eq!(
            r.field_errors(),
            vec![("organization_id".into(), "not_a_participant".into())]
        );
    }
    let blank = app
        .post(
            &url,
            &officer,
            &json!({ "milestone_id": reg, "organization_id": cg, "due_on": "2023-05-01", "reason": "  " }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(blank.field_errors()[0].0, "reason");
    let foreign = app.campaign_id("112/KH-MNCG").await;
    let foreign_milestone = app.milestone_id(foreign, "registration").await;
    app.post(
        &url,
        &officer,
        &json!({ "milestone_id": foreign_milestone, "organization_id": cg, "due_on": "2023-05-01", "reason": "Nhầm" }),
    )
    .await
    .expect_problem(404, "not_found");
    assert_eq!(app.count("deadline_extensions").await, before);

    // Only authority officers extend deadlines.
    let head = app.token("hieutruong.cogiang").await;
    app.post(
        &url,
        &head,
        &json!({ "milestone_id": reg, "organization_id": cg, "due_on": "2023-05-01", "reason": "Tự gia hạn" }),
    )
    .await
    .expect_problem(403, "forbidden");
}

#[tokio::test]
async fn who_may_create_campaigns() {
    let app = spawn_app().await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let saigon = app.org_id("P-SAIGON").await;
    let head = app.token("hieutruong.cogiang").await;
    // A unit head issues the unit's own plan, implementing the district's.
    let district = app.campaign_id("175/KH-UBND").await;
    let mut own = draft_body(cg, "15/KH-MNCG");
    own["parent_campaign_id"] = json!(district);
    let created = app.post("/api/v1/campaigns", &head, &own).await.expect(201);
    assert_eq!(created.body["parent_campaign"]["code"], "175/KH-UBND");

    let before = app.count("campaigns").await;
    app.post("/api/v1/campaigns", &head, &draft_body(thd, "1/KH"))
        .await
        .expect_problem(404, "not_found");
    let officer = app.token("noivu.quan1").await;
    app.post("/api/v1/campaigns", &officer, &draft_body(saigon, "1/KH"))
        .await
        .expect_problem(404, "not_found");
    let evaluator = app.token("bcd.quan1.1").await;
    app.post(
        "/api/v1/campaigns",
        &evaluator,
        &draft_body(app.org_id("Q1").await, "1/KH"),
    )
    .await
    .expect_problem(403, "forbidden");
    let staff = app.token("giaovien.cogiang.1").await;
    app.post("/api/v1/campaigns", &staff, &draft_body(cg, "1/KH"))
        .await
        .expect_problem(403, "forbidden");
    assert_eq!(app.count("campaigns").await, before);
}
