//! Awards (SPEC §7–8): eligibility on the demo records, the bad inputs the issue names, the
//! audit of violation reads, the decision that grants and recognises, the public showcase.

use serde_json::{Value, json};

use crate::helpers::spawn_app;

const WARD_FORM: &str = "018c5e2b-0000-7000-8000-000000000002";
const DISTRICT_FORM: &str = "018c5e2b-0000-7000-8000-000000000001";

fn rule<'a>(e: &'a Value, code: &str) -> &'a Value {
    e["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == code)
        .unwrap_or_else(|| panic!("no rule {code} in {e}"))
}

#[tokio::test]
async fn an_accepted_initiative_passes_every_rule_and_goes_through_to_a_decision_and_the_showcase()
{
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let officer = app.token("noivu.quan1").await;
    let initiative = app
        .uuid("SELECT id AS v FROM initiatives WHERE title = 'Sổ liên lạc điện tử kết nối nhà trường và phụ huynh'")
        .await;
    let nominee = json!({ "award_form_id": WARD_FORM, "nominee_kind": "initiative", "initiative_id": initiative });
    let preview = app
        .post("/api/v1/nominations/eligibility", &head, &nominee)
        .await
        .expect(200)
        .body;
    assert_eq!(preview["eligible"], true, "{preview}");
    assert_eq!(preview["year"], 2023, "the campaign's year by default");
    let accepted = rule(&preview, "initiative_accepted");
    assert_eq!(accepted["outcome"], "pass");
    assert_eq!(accepted["records"][0]["kind"], "evaluation_round");
    assert!(accepted["records"][0]["id"].is_string());

    let mut body = nominee.clone();
    body["proposal"] = json!("Trường Mầm non Cô Giang kính đề nghị khen thưởng sáng kiến.");
    body["achievements"] = json!("Thời gian liên lạc giảm từ 2 ngày xuống 2 giờ.");
    let created = app
        .post("/api/v1/nominations", &head, &body)
        .await
        .expect(201);
    let id = created.uuid("/id");
    assert_eq!(created.body["status"], "draft");
    assert!(
        created.body["allowed_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("submit"))
    );
    // The same nominee, form and year twice is refused.
    app.post("/api/v1/nominations", &head, &body)
        .await
        .expect_problem(409, "duplicate_nomination");

    let submitted = app
        .action(&format!("/api/v1/nominations/{id}/submit"), &head)
        .await
        .expect(200);
    assert_eq!(submitted.body["status"], "submitted");
    // The queue of the officer holds it; the head cannot approve their own.
    app.action(&format!("/api/v1/nominations/{id}/approve"), &head)
        .await
        .expect_problem(403, "forbidden");
    let queue = app
        .get("/api/v1/nominations?status=submitted", &officer)
        .await
        .expect(200);
    assert!(
        queue.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == id.to_string())
    );
    app.action(&format!("/api/v1/nominations/{id}/approve"), &officer)
        .await
        .expect(200);

    let q1 = app.org_id("Q1").await;
    let decision = app
        .post(
            "/api/v1/award-decisions",
            &officer,
            &json!({ "number": "3001/QĐ-UBND", "signed_on": "2024-12-20", "signer_name": "Lê Đức Thanh",
                     "signer_title": "Chủ tịch", "organization_id": q1, "ceremony_on": "2024-12-28",
                     "nomination_ids": [id] }),
        )
        .await
        .expect(201);
    assert_eq!(decision.body["granted"][0]["nomination_id"], id.to_string());
    let n = app
        .get(&format!("/api/v1/nominations/{id}"), &head)
        .await
        .expect(200);
    assert_eq!(n.body["status"], "decided");
    assert_eq!(n.body["decision"]["number"], "3001/QĐ-UBND");
    // The same number again is refused; a decided nomination cannot be granted twice.
    app.post(
        "/api/v1/award-decisions",
        &officer,
        &json!({ "number": "3002/QĐ-UBND", "signed_on": "2024-12-20", "signer_name": "A",
                 "signer_title": "Chủ tịch", "organization_id": q1, "nomination_ids": [id] }),
    )
    .await
    .expect_problem(422, "not_approved");

    // The author sees the award on their profile, the unit on its page.
    let author = app.user_id("giaovien.cogiang.2").await;
    let teacher = app.token("giaovien.cogiang.2").await;
    let mine = app
        .get(&format!("/api/v1/users/{author}/awards"), &teacher)
        .await
        .expect(200);
    assert!(
        mine.body
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["decision"]["number"] == "3001/QĐ-UBND")
    );
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let unit = app
        .get(&format!("/api/v1/organizations/{cg}/awards"), &teacher)
        .await
        .expect(200);
    assert!(
        unit.body
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["nomination_id"] == id.to_string())
    );

    // The decision recognised it: it is in the public showcase, found without diacritics.
    let found = app
        .get_anon("/api/v1/showcase?q=so%20lien%20lac")
        .await
        .expect(200);
    let model = found.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["title"] == "Sổ liên lạc điện tử kết nối nhà trường và phụ huynh")
        .unwrap_or_else(|| panic!("not in the showcase: {}", found.body))
        .clone();
    let page = app
        .get_anon(&format!(
            "/api/v1/showcase/{}",
            model["id"].as_str().unwrap()
        ))
        .await
        .expect(200);
    assert_eq!(page.body["awards"][0]["decision_number"], "3001/QĐ-UBND");

    // Another unit plans its replication; the model's page lists it.
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let thd_head = app.token("hieutruong.tranhungdao").await;
    let rep = app
        .post(
            "/api/v1/replications",
            &thd_head,
            &json!({ "model_id": model["id"], "organization_id": thd, "planned_from": "2024-01-01",
                     "planned_to": "2024-03-31", "figures": [{ "label": "Thời gian liên lạc", "unit": "giờ", "before": 48, "after": 2 }] }),
        )
        .await
        .expect(201);
    assert_eq!(rep.body["period_label_vi"], "Quý I năm 2024");
    let page = app
        .get_anon(&format!(
            "/api/v1/showcase/{}",
            model["id"].as_str().unwrap()
        ))
        .await
        .expect(200);
    let spread = page.body["replications"].as_array().unwrap();
    assert!(
        spread
            .iter()
            .any(|r| r["unit"] == "Trường Tiểu học Trần Hưng Đạo" && r["status"] == "planned")
    );
    // Status moves forward only.
    let rid = rep.uuid("/id");
    app.patch(
        &format!("/api/v1/replications/{rid}"),
        &thd_head,
        Some("*"),
        &json!({ "status": "adopted" }),
    )
    .await
    .expect_problem(409, "invalid_transition");
    app.patch(
        &format!("/api/v1/replications/{rid}"),
        &thd_head,
        None,
        &json!({ "status": "in_progress" }),
    )
    .await
    .expect(428);
    app.patch(
        &format!("/api/v1/replications/{rid}"),
        &thd_head,
        Some("*"),
        &json!({ "figures": [{ "label": "x", "before": 1e300 }] }),
    )
    .await
    .expect_problem(422, "validation_failed");
}

#[tokio::test]
async fn a_teacher_with_a_violation_fails_with_the_record_and_cannot_be_submitted() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let teacher = app.user_id("giaovien.cogiang.3").await;
    let body = json!({ "award_form_id": WARD_FORM, "year": 2023, "nominee_kind": "person", "user_id": teacher });
    let before = app
        .count("audit_log WHERE action = 'violation_record.read'")
        .await;
    let e = app
        .post("/api/v1/nominations/eligibility", &head, &body)
        .await
        .expect(200)
        .body;
    assert_eq!(e["eligible"], false);
    let v = rule(&e, "no_violation");
    assert_eq!(v["outcome"], "fail");
    assert_eq!(v["records"][0]["kind"], "violation_record");
    assert!(
        v["records"][0]["label"]
            .as_str()
            .unwrap()
            .contains("16/10/2023"),
        "{v}"
    );
    // Rated "Hoàn thành nhiệm vụ" in 2023: the rating rule fails too, with its record.
    assert_eq!(rule(&e, "person_rating")["outcome"], "fail");
    // Showing the record in the checklist is a read of it: audited.
    assert_eq!(
        app.count("audit_log WHERE action = 'violation_record.read'")
            .await,
        before + 1
    );

    let id = app
        .post("/api/v1/nominations", &head, &body)
        .await
        .expect(201)
        .uuid("/id");
    let refused = app
        .action(&format!("/api/v1/nominations/{id}/submit"), &head)
        .await
        .expect_problem(422, "ineligible");
    let fields: Vec<String> = refused.field_errors().into_iter().map(|(f, _)| f).collect();
    assert!(
        fields.contains(&"rules.no_violation".to_string()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"rules.person_rating".to_string()),
        "{fields:?}"
    );
    assert_eq!(
        app.count(&format!(
            "nominations WHERE id = '{id}' AND status = 'draft'"
        ))
        .await,
        1
    );

    // The officer overrides one rule with a reason — not without one, not a second rule.
    let officer = app.token("noivu.quan1").await;
    app.call(
        reqwest::Method::PUT,
        &format!("/api/v1/nominations/{id}/override"),
        Some(&officer),
        None,
        Some(&json!({ "rule": "person_rating", "reason": " " })),
    )
    .await
    .expect_problem(422, "reason_required");
    app.call(
        reqwest::Method::PUT,
        &format!("/api/v1/nominations/{id}/override"),
        Some(&officer),
        None,
        Some(&json!({ "rule": "person_rating", "reason": "Đang phúc khảo kết quả xếp loại năm 2023 theo đơn của viên chức." })),
    )
    .await
    .expect(200);
    app.call(
        reqwest::Method::PUT,
        &format!("/api/v1/nominations/{id}/override"),
        Some(&officer),
        None,
        Some(&json!({ "rule": "no_violation", "reason": "Một ngoại lệ thứ hai không được phép." })),
    )
    .await
    .expect_problem(409, "override_exists");
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'nomination.override' AND entity_id = '{id}'"
        ))
        .await,
        1
    );
    let n = app
        .get(&format!("/api/v1/nominations/{id}"), &head)
        .await
        .expect(200);
    assert_eq!(
        rule(&n.body["eligibility"], "person_rating")["outcome"],
        "overridden"
    );
    assert_eq!(n.body["eligibility"]["override"]["rule"], "person_rating");
    // The violation still blocks it.
    app.action(&format!("/api/v1/nominations/{id}/submit"), &head)
        .await
        .expect_problem(422, "ineligible");
}

#[tokio::test]
async fn bad_inputs_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let before = app.count("nominations").await;
    // A person of another unit does not exist for this head.
    let other = app.user_id("giaovien.tranhungdao.1").await;
    app.post(
        "/api/v1/nominations",
        &head,
        &json!({ "award_form_id": WARD_FORM, "nominee_kind": "person", "user_id": other }),
    )
    .await
    .expect_problem(404, "not_found");
    // The District 1 chairman's form ended on 30/6/2025.
    let mine = app.user_id("giaovien.cogiang.1").await;
    let r = app
        .post(
            "/api/v1/nominations",
            &head,
            &json!({ "award_form_id": DISTRICT_FORM, "nominee_kind": "person", "user_id": mine }),
        )
        .await
        .expect_problem(422, "award_form_expired");
    assert!(
        r.body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("30/06/2025")
            || r.body.to_string().contains("30/06/2025")
    );
    // A missing nominee id names its field.
    app.post(
        "/api/v1/nominations",
        &head,
        &json!({ "award_form_id": WARD_FORM, "nominee_kind": "person" }),
    )
    .await
    .expect_problem(422, "validation_failed");
    assert_eq!(app.count("nominations").await, before);
    // A reject without a reason.
    let officer = app.token("noivu.quan1").await;
    let submitted = app
        .uuid("SELECT id AS v FROM nominations WHERE status = 'submitted' LIMIT 1")
        .await;
    app.post(
        &format!("/api/v1/nominations/{submitted}/reject"),
        &officer,
        &json!({ "reason": "" }),
    )
    .await
    .expect_problem(422, "reason_required");
    // A decision number must read like one.
    let q1 = app.org_id("Q1").await;
    app.post(
        "/api/v1/award-decisions",
        &officer,
        &json!({ "number": "QĐ một", "signed_on": "2024-12-20", "signer_name": "A", "signer_title": "Chủ tịch",
                 "organization_id": q1, "nomination_ids": [submitted] }),
    )
    .await
    .expect_problem(422, "validation_failed");
}

#[tokio::test]
async fn violation_records_are_hidden_from_staff_and_every_read_is_audited() {
    let app = spawn_app().await;
    let id = app
        .uuid("SELECT id AS v FROM violation_records LIMIT 1")
        .await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    // The person themselves and a colleague: it does not exist.
    for who in [
        "giaovien.cogiang.3",
        "giaovien.cogiang.1",
        "phohieutruong.cogiang",
    ] {
        let t = app.token(who).await;
        app.get(&format!("/api/v1/violation-records/{id}"), &t)
            .await
            .expect_problem(404, "not_found");
        app.get(
            &format!("/api/v1/violation-records?organization_id={cg}"),
            &t,
        )
        .await
        .expect_problem(404, "not_found");
    }
    assert_eq!(
        app.count("audit_log WHERE action = 'violation_record.read'")
            .await,
        0
    );
    // The head and the officer read it; each read leaves a row naming the reader.
    let head = app.token("hieutruong.cogiang").await;
    let r = app
        .get(&format!("/api/v1/violation-records/{id}"), &head)
        .await
        .expect(200);
    assert_eq!(r.body["discipline"], "reprimand");
    assert_eq!(r.body["decision_ref"], "45/QĐ-MNCG");
    let officer = app.token("noivu.quan1").await;
    let list = app
        .get(
            &format!("/api/v1/violation-records?organization_id={cg}&year=2023"),
            &officer,
        )
        .await
        .expect(200);
    assert_eq!(list.body.as_array().unwrap().len(), 1);
    let head_id = app.user_id("hieutruong.cogiang").await;
    let officer_id = app.user_id("noivu.quan1").await;
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'violation_record.read' AND entity_id = '{id}' \
             AND actor_user_id IN ('{head_id}', '{officer_id}')"
        ))
        .await,
        2
    );
    // Recording one's own rating is refused; a head rates their staff.
    let me = head_id;
    app.call(
        reqwest::Method::PUT,
        "/api/v1/staff-ratings",
        Some(&head),
        None,
        Some(&json!({ "user_id": me, "year": 2024, "period": "year", "rating": "excellent" })),
    )
    .await
    .expect_problem(403, "forbidden");
}

#[tokio::test]
async fn the_showcase_is_public_and_shows_no_more_than_name_position_and_unit() {
    let app = spawn_app().await;
    let list = app.get_anon("/api/v1/showcase").await.expect(200);
    let items = list.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{}", list.body);
    let library = items
        .iter()
        .find(|m| m["title"] == "Thư viện số cho học sinh tiểu học")
        .unwrap();
    assert_eq!(library["replications"], 2);
    let page = app
        .get_anon(&format!(
            "/api/v1/showcase/{}",
            library["id"].as_str().unwrap()
        ))
        .await
        .expect(200)
        .body;
    for a in page["authors"].as_array().unwrap() {
        let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["name", "position", "unit"], "{a}");
    }
    let text = page.to_string();
    for leak in ["username", "email", "password", "user_id", "giaovien.", "@"] {
        assert!(!text.contains(leak), "the public page shows {leak}: {text}");
    }
    let spread = page["replications"].as_array().unwrap();
    assert!(spread.iter().any(|r| r["unit"] == "Trường Mầm non Cô Giang"
        && r["status"] == "adopted"
        && r["period_label_vi"] == "Quý I năm 2024"));
    // Search ignores diacritics and finds nothing for nonsense.
    let found = app
        .get_anon("/api/v1/showcase?q=thu%20vien")
        .await
        .expect(200);
    assert_eq!(
        found.body["items"][0]["title"],
        "Thư viện số cho học sinh tiểu học"
    );
    let none = app
        .get_anon("/api/v1/showcase?q=khongcogi")
        .await
        .expect(200);
    assert_eq!(none.body["total"], 0);
    // Unknown ids are 404, not a leak of anything.
    app.get_anon(&format!("/api/v1/showcase/{}", uuid::Uuid::new_v4()))
        .await
        .expect_problem(404, "not_found");
}
