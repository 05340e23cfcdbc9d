//! Reports (issue 4): opening, writing the outline and the results table, evidence on a report
//! and its lines, submission with lateness and frozen versions, the authority's inbox and
//! answer, the completeness gate of an acceptance report, and who may do what.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Resp, TestApp, pdf, png, spawn_app};

// Cô Giang's phase-1 report is in the demo data: the phase-1 tests write Văn Lang's.
const WRITER: &str = "giaovien.vanlang.1";
const COLLEAGUE: &str = "giaovien.vanlang.2";
const WRITERS_HEAD: &str = "hieutruong.vanlang";
// Acceptance reports are about an initiative of Cô Giang by this teacher.
const TEACHER: &str = "giaovien.cogiang.1";
const OTHER_TEACHER: &str = "giaovien.cogiang.2";
const HEAD: &str = "hieutruong.cogiang";
const OFFICER: &str = "noivu.quan1";
const OTHER_HEAD: &str = "hieutruong.tranhungdao";

async fn open_phase1(app: &TestApp, token: &str) -> Resp {
    let campaign = app.campaign_id("175/KH-UBND").await;
    app.post(
        "/api/v1/reports",
        token,
        &json!({ "campaign_id": campaign, "kind": "phase1_result" }),
    )
    .await
}

fn sections() -> Value {
    json!({
        "situation": "Trường có 45 cán bộ, giáo viên, nhân viên; 520 trẻ.",
        "implementation": "Ban hành kế hoạch, phân công tổ chuyên môn thực hiện.",
        "results": "Tiếp nhận hồ sơ tuyển sinh trực tuyến.",
        "effectiveness": "Giảm thời gian chờ của phụ huynh.",
        "difficulties": "Một số phụ huynh chưa quen thao tác.",
        "proposals": "Đề nghị Phòng Nội vụ tổ chức tập huấn."
    })
}

/// The table of a report view, as the editor sends it back.
fn rows_of(view: &Value) -> Vec<Value> {
    view["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            json!({
                "id": r["id"],
                "initiative_id": r["initiative"]["id"],
                "indicator": r["indicator"],
                "unit_of_measure": r["unit_of_measure"],
                "baseline": r["baseline"],
                "target": r["target"],
                "actual": r["actual"],
                "status_note": r["status_note"],
            })
        })
        .collect()
}

async fn patch(app: &TestApp, token: &str, view: &Value, body: &Value) -> Resp {
    app.patch(
        &format!("/api/v1/reports/{}", view["id"].as_str().unwrap()),
        token,
        Some(view["etag"].as_str().unwrap()),
        body,
    )
    .await
}

#[tokio::test]
async fn a_teacher_writes_the_phase1_report_and_the_district_returns_then_receives_it() {
    let app = spawn_app().await;
    let teacher = app.token(WRITER).await;
    let officer = app.token(OFFICER).await;

    // Opened with one line per initiative Văn Lang registered in the district plan.
    let opened = open_phase1(&app, &teacher).await.expect(201);
    let id = opened.uuid("/id");
    assert_eq!(opened.body["status"], "draft");
    assert_eq!(opened.body["kind"], "phase1_result");
    assert_eq!(opened.body["milestone"]["kind"], "phase1_report");
    assert_eq!(opened.body["milestone"]["due_on"], "2023-06-10");
    assert_eq!(opened.body["deadline"]["late_now"], true);
    let registered = app
        .count(
            "initiatives i JOIN organizations o ON o.id = i.organization_id \
             JOIN campaigns c ON c.id = i.campaign_id WHERE o.code = 'Q1-THCS-VANLANG' \
             AND c.code = '175/KH-UBND' AND i.status IN \
             ('registered','in_progress','completed','accepted','not_accepted')",
        )
        .await;
    assert!(registered > 0);
    assert_eq!(
        opened.body["rows"].as_array().unwrap().len() as i64,
        registered
    );
    assert_eq!(
        opened.body["allowed_actions"],
        json!(["update", "submit"]),
        "the writer may write and send it"
    );
    // Opening again gives the same report.
    let again = open_phase1(&app, &teacher).await.expect(200);
    assert_eq!(again.uuid("/id"), id);
    // The district reaches the school's work but has nothing to answer in a draft.
    let draft = app
        .get(&format!("/api/v1/reports/{id}"), &officer)
        .await
        .expect(200);
    assert_eq!(draft.body["allowed_actions"], json!([]));
    app.action(&format!("/api/v1/reports/{id}/receive"), &officer)
        .await
        .expect_problem(409, "invalid_transition");

    // The outline and the figures, all but one.
    let mut rows = rows_of(&opened.body);
    rows[0]["indicator"] = json!("Tỷ lệ hồ sơ tuyển sinh nộp trực tuyến");
    rows[0]["unit_of_measure"] = json!("%");
    rows[0]["baseline"] = json!(12.5);
    rows[0]["target"] = json!(60);
    let written = patch(
        &app,
        &teacher,
        &opened.body,
        &json!({ "sections": sections(), "rows": rows }),
    )
    .await
    .expect(200);
    assert_eq!(
        written.body["sections"]["proposals"],
        sections()["proposals"]
    );
    assert_eq!(written.body["rows"][0]["baseline"], 12.5);
    assert_eq!(written.body["rows"][0]["actual"], Value::Null);
    let row0 = written.uuid("/rows/0/id");
    assert_eq!(row0, opened.uuid("/rows/0/id"), "lines keep their id");

    // Two photos on the first line and the plan on the report.
    app.upload_to_report(&teacher, id, Some(row0), "photo", "Ảnh 1.png", png(1))
        .await
        .expect(201);
    app.upload_to_report(&teacher, id, Some(row0), "photo", "Ảnh 2.png", png(2))
        .await
        .expect(201);
    let plan = app
        .upload_to_report(
            &teacher,
            id,
            None,
            "implementation_plan",
            "Kế hoạch số 112.pdf",
            pdf("Kế hoạch"),
        )
        .await
        .expect(201);
    assert_eq!(plan.body["report_id"], json!(id));
    let view = app
        .get(&format!("/api/v1/reports/{id}"), &teacher)
        .await
        .expect(200);
    assert_eq!(view.body["files"].as_array().unwrap().len(), 3);

    // Sent: late (the 2023 deadline has passed, the plan takes late reports), frozen, locked.
    let sent = app
        .action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect(200);
    assert_eq!(sent.body["status"], "submitted");
    assert_eq!(sent.body["versions"][0]["number"], 1);
    assert_eq!(sent.body["versions"][0]["late"], true);
    assert_eq!(sent.body["versions"][0]["due_on"], "2023-06-10");
    assert_eq!(sent.body["allowed_actions"], json!([]));
    assert_eq!(
        app.count(&format!(
            "files WHERE report_id = '{id}' AND locked_at IS NOT NULL"
        ))
        .await,
        3
    );
    app.delete(&format!("/api/v1/files/{}", plan.str("/id")), &teacher)
        .await
        .expect_problem(409, "file_locked");
    patch(&app, &teacher, &sent.body, &json!({ "title": "Khác" }))
        .await
        .expect(409);
    app.upload_to_report(&teacher, id, None, "other", "Thêm.pdf", pdf("x"))
        .await
        .expect(409);

    // The district's inbox has it; the officer returns it for the missing figure.
    let inbox = app
        .get("/api/v1/reports?status=submitted", &officer)
        .await
        .expect(200);
    assert!(
        inbox.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == json!(id))
    );
    let seen = app
        .get(&format!("/api/v1/reports/{id}"), &officer)
        .await
        .expect(200);
    assert_eq!(seen.body["allowed_actions"], json!(["receive", "return"]));
    app.post(
        &format!("/api/v1/reports/{id}/return"),
        &officer,
        &json!({ "reason": " " }),
    )
    .await
    .expect(422);
    let returned = app
        .post(
            &format!("/api/v1/reports/{id}/return"),
            &officer,
            &json!({ "reason": "Bổ sung số liệu thực hiện của dòng 1." }),
        )
        .await
        .expect(200);
    assert_eq!(returned.body["status"], "returned");
    assert_eq!(
        returned.body["versions"][0]["reason"],
        "Bổ sung số liệu thực hiện của dòng 1."
    );

    // The teacher adds the figure and sends it again.
    let current = app
        .get(&format!("/api/v1/reports/{id}"), &teacher)
        .await
        .expect(200);
    assert_eq!(current.body["allowed_actions"], json!(["update", "submit"]));
    let mut rows = rows_of(&current.body);
    rows[0]["actual"] = json!(72.4);
    let fixed = patch(&app, &teacher, &current.body, &json!({ "rows": rows }))
        .await
        .expect(200);
    assert_eq!(fixed.body["rows"][0]["actual"], 72.4);
    app.action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect(200);
    let received = app
        .action(&format!("/api/v1/reports/{id}/receive"), &officer)
        .await
        .expect(200);
    assert_eq!(received.body["status"], "received");
    assert_eq!(received.body["versions"].as_array().unwrap().len(), 2);
    assert_eq!(received.body["versions"][1]["decision"], "received");
    assert_eq!(received.body["versions"][0]["decision"], "returned");

    // Both versions, as sent.
    for who in [&teacher, &officer] {
        let v1 = app
            .get(&format!("/api/v1/reports/{id}/versions/1"), who)
            .await
            .expect(200);
        assert_eq!(v1.body["rows"][0]["actual"], Value::Null);
        assert_eq!(v1.body["files"].as_array().unwrap().len(), 3);
        assert_eq!(v1.body["sections"]["situation"], sections()["situation"]);
        assert_eq!(v1.body["decision"], "returned");
        let v2 = app
            .get(&format!("/api/v1/reports/{id}/versions/2"), who)
            .await
            .expect(200);
        assert_eq!(v2.body["rows"][0]["actual"], 72.4);
        assert_eq!(v2.body["files"][0]["locked"], true);
    }
    app.get(&format!("/api/v1/reports/{id}/versions/3"), &teacher)
        .await
        .expect_problem(404, "not_found");
    // The officer downloads the evidence it received.
    let res = app
        .plain_client()
        .get(app.url(&plan.str("/download_url")))
        .bearer_auth(&officer)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE entity_id = '{id}' AND action LIKE 'report.%'"
        ))
        .await,
        7,
        "open, update ×2, submit ×2, return, receive"
    );
}

/// An in-progress initiative of Cô Giang in the district plan authored by the teacher.
async fn running_initiative(app: &TestApp) -> Uuid {
    let org = app.org_id("Q1-MN-COGIANG").await;
    let campaign = app.campaign_id("175/KH-UBND").await;
    let teacher = app.user_id(TEACHER).await;
    app.insert_initiative(org, campaign, "in_progress", teacher, &[(teacher, 100)])
        .await
}

async fn open_acceptance(app: &TestApp, token: &str, initiative: Uuid) -> Resp {
    let campaign = app.campaign_id("175/KH-UBND").await;
    app.post(
        "/api/v1/reports",
        token,
        &json!({ "campaign_id": campaign, "kind": "acceptance", "initiative_id": initiative }),
    )
    .await
}

#[tokio::test]
async fn an_acceptance_report_is_refused_until_its_evidence_is_complete() {
    let app = spawn_app().await;
    let teacher = app.token(TEACHER).await;
    let initiative = running_initiative(&app).await;
    let opened = open_acceptance(&app, &teacher, initiative)
        .await
        .expect(201);
    let id = opened.uuid("/id");
    assert_eq!(opened.body["initiative"]["id"], json!(initiative));
    assert_eq!(opened.body["rows"].as_array().unwrap().len(), 1);
    assert_eq!(
        opened.body["evidence_requirements"],
        json!([
            { "any_of": ["implementation_plan"], "label_vi": "Kế hoạch triển khai", "met": false },
            { "any_of": ["data", "photo"], "label_vi": "Số liệu hoặc Hình ảnh", "met": false }
        ])
    );
    let written = patch(
        &app,
        &teacher,
        &opened.body,
        &json!({ "sections": sections() }),
    )
    .await
    .expect(200);
    let audits = app.count("audit_log").await;

    // Nothing attached: 422 listing both requirements, and nothing changes.
    let refused = app
        .action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect_problem(422, "missing_evidence");
    assert_eq!(
        refused.field_errors(),
        vec![
            ("files".to_string(), "missing_evidence".to_string()),
            ("files".to_string(), "missing_evidence".to_string())
        ]
    );
    assert!(
        refused.body["message_vi"]
            .as_str()
            .unwrap()
            .contains("Kế hoạch triển khai; Số liệu hoặc Hình ảnh")
    );
    let after = app
        .get(&format!("/api/v1/reports/{id}"), &teacher)
        .await
        .expect(200);
    assert_eq!(after.body["status"], "draft");
    assert_eq!(after.body["etag"], written.body["etag"]);
    assert_eq!(app.count("audit_log").await, audits);
    assert_eq!(
        app.count(&format!("report_versions WHERE report_id = '{id}'"))
            .await,
        0
    );

    // The plan uploaded on the initiative counts; photos are still missing.
    let plan = app
        .upload(
            &teacher,
            initiative,
            "implementation_plan",
            "Kế hoạch.pdf",
            pdf("kh"),
        )
        .await
        .expect(201);
    let refused = app
        .action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect_problem(422, "missing_evidence");
    assert_eq!(refused.field_errors().len(), 1);
    assert!(
        refused.body["message_vi"]
            .as_str()
            .unwrap()
            .contains("Số liệu hoặc Hình ảnh")
    );
    app.upload_to_report(&teacher, id, None, "photo", "Ảnh lễ ra mắt.png", png(7))
        .await
        .expect(201);
    let view = app
        .get(&format!("/api/v1/reports/{id}"), &teacher)
        .await
        .expect(200);
    assert!(
        view.body["evidence_requirements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["met"] == true)
    );
    // The initiative's own files are shown but managed from the initiative.
    let shown: Vec<&Value> = view.body["files"].as_array().unwrap().iter().collect();
    assert_eq!(shown.len(), 2);
    let from_initiative = shown
        .iter()
        .find(|f| f["initiative_id"] == json!(initiative))
        .unwrap();
    assert_eq!(from_initiative["allowed_actions"], json!([]));
    app.action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect(200);
    // Both the report's photo and the initiative's plan are now part of a version.
    app.delete(&format!("/api/v1/files/{}", plan.str("/id")), &teacher)
        .await
        .expect_problem(409, "file_locked");

    // Only one acceptance report per initiative and milestone; other kinds take none.
    let again = open_acceptance(&app, &teacher, initiative)
        .await
        .expect(200);
    assert_eq!(again.uuid("/id"), id);
}

#[tokio::test]
async fn a_campaign_can_require_other_evidence() {
    let app = spawn_app().await;
    let teacher = app.token(TEACHER).await;
    let initiative = running_initiative(&app).await;
    // The district sets what its acceptance reports must carry.
    let officer = app.token(OFFICER).await;
    let campaign = app.campaign_id("175/KH-UBND").await;
    let path = format!("/api/v1/campaigns/{campaign}");
    let current = app.get(&path, &officer).await.expect(200);
    assert_eq!(
        current.body["acceptance_evidence"],
        json!([["implementation_plan"], ["data", "photo"]])
    );
    let etag = current.body["etag"].as_str().unwrap().to_string();
    let bad = app
        .patch(
            &path,
            &officer,
            Some(&etag),
            &json!({ "acceptance_evidence": [["product"], []] }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        bad.field_errors(),
        vec![("acceptance_evidence[1]".to_string(), "required".to_string())]
    );
    app.patch(
        &path,
        &teacher,
        Some(&etag),
        &json!({ "acceptance_evidence": [] }),
    )
    .await
    .expect(403);
    let set = app
        .patch(
            &path,
            &officer,
            Some(&etag),
            &json!({ "acceptance_evidence": [["product", "product"]] }),
        )
        .await
        .expect(200);
    assert_eq!(set.body["acceptance_evidence"], json!([["product"]]));
    let opened = open_acceptance(&app, &teacher, initiative)
        .await
        .expect(201);
    let id = opened.uuid("/id");
    patch(
        &app,
        &teacher,
        &opened.body,
        &json!({ "sections": sections() }),
    )
    .await
    .expect(200);
    app.upload_to_report(&teacher, id, None, "photo", "Ảnh.png", png(3))
        .await
        .expect(201);
    let refused = app
        .action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect_problem(422, "missing_evidence");
    assert!(
        refused.body["message_vi"]
            .as_str()
            .unwrap()
            .contains("Sản phẩm")
    );
    app.upload_to_report(&teacher, id, None, "product", "Sản phẩm.pdf", pdf("sp"))
        .await
        .expect(201);
    app.action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect(200);
}

#[tokio::test]
async fn who_may_write_send_and_answer_a_report() {
    let app = spawn_app().await;
    let teacher = app.token(WRITER).await;
    let colleague = app.token(COLLEAGUE).await;
    let writers_head = app.token(WRITERS_HEAD).await;
    let officer = app.token(OFFICER).await;
    let other_head = app.token(OTHER_HEAD).await;
    let opened = open_phase1(&app, &teacher).await.expect(201);
    let id = opened.uuid("/id");

    // Another school does not see it at all; a colleague sees it but does not write it.
    app.get(&format!("/api/v1/reports/{id}"), &other_head)
        .await
        .expect_problem(404, "not_found");
    let seen = app
        .get(&format!("/api/v1/reports/{id}"), &colleague)
        .await
        .expect(200);
    assert_eq!(seen.body["allowed_actions"], json!([]));
    patch(
        &app,
        &colleague,
        &opened.body,
        &json!({ "title": "Của tôi" }),
    )
    .await
    .expect_problem(403, "forbidden");
    app.upload_to_report(&colleague, id, None, "photo", "Ảnh.png", png(9))
        .await
        .expect_problem(403, "forbidden");
    app.upload_to_report(&other_head, id, None, "photo", "Ảnh.png", png(9))
        .await
        .expect_problem(404, "not_found");
    // The head writes in it and could send it.
    let by_head = patch(
        &app,
        &writers_head,
        &opened.body,
        &json!({ "sections": sections() }),
    )
    .await
    .expect(200);
    assert_eq!(by_head.body["allowed_actions"], json!(["update", "submit"]));
    // The teacher cannot answer it; nobody answers a draft.
    app.action(&format!("/api/v1/reports/{id}/receive"), &teacher)
        .await
        .expect_problem(409, "invalid_transition");
    app.action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect(200);
    app.action(&format!("/api/v1/reports/{id}/receive"), &teacher)
        .await
        .expect_problem(403, "forbidden");
    app.action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect_problem(409, "invalid_transition");
    // The district officer answers once; again → 409.
    app.action(&format!("/api/v1/reports/{id}/receive"), &officer)
        .await
        .expect(200);
    app.action(&format!("/api/v1/reports/{id}/receive"), &officer)
        .await
        .expect_problem(409, "invalid_transition");
    // Another school's head does not see it in lists either.
    let list = app.get("/api/v1/reports", &other_head).await.expect(200);
    assert!(
        !list.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == json!(id))
    );
    // A staff member cannot open an acceptance report of somebody else's initiative.
    let other_teacher = app.token(OTHER_TEACHER).await;
    let head = app.token(HEAD).await;
    let initiative = running_initiative(&app).await;
    open_acceptance(&app, &other_teacher, initiative)
        .await
        .expect_problem(403, "forbidden");
    open_acceptance(&app, &head, initiative).await.expect(201);
    // Another school's head cannot open a report for Cô Giang.
    let campaign = app.campaign_id("175/KH-UBND").await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    app.post(
        "/api/v1/reports",
        &other_head,
        &json!({ "campaign_id": campaign, "kind": "phase1_result", "organization_id": cogiang }),
    )
    .await
    .expect_problem(404, "not_found");
}

#[tokio::test]
async fn bad_report_input_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let teacher = app.token(TEACHER).await;
    let writer = app.token(WRITER).await;
    let reports_before = app.count("reports").await;
    let campaign = app.campaign_id("175/KH-UBND").await;
    let initiative = running_initiative(&app).await;

    app.post(
        "/api/v1/reports",
        &teacher,
        &json!({ "campaign_id": campaign, "kind": "acceptance" }),
    )
    .await
    .expect_problem(422, "validation_failed");
    app.post(
        "/api/v1/reports",
        &teacher,
        &json!({ "campaign_id": campaign, "kind": "phase1_result", "initiative_id": initiative }),
    )
    .await
    .expect_problem(422, "validation_failed");
    let r = app
        .post(
            "/api/v1/reports",
            &teacher,
            &json!({ "campaign_id": campaign, "kind": "year_end_summary" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("milestone_id".into(), "required".into())]
    );
    let r = app
        .post(
            "/api/v1/reports",
            &teacher,
            &json!({ "campaign_id": campaign, "kind": "phase1_result", "milestone_id": Uuid::new_v4() }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("milestone_id".into(), "unknown_milestone".into())]
    );
    // The school's own plan is not one it reports to.
    let own = app.campaign_id("112/KH-MNCG").await;
    let r = app
        .post(
            "/api/v1/reports",
            &teacher,
            &json!({ "campaign_id": own, "kind": "phase1_result" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("campaign_id".into(), "not_a_participant".into())]
    );
    app.post(
        "/api/v1/reports",
        &teacher,
        &json!({ "campaign_id": campaign, "kind": "weekly" }),
    )
    .await
    .expect(422);
    assert_eq!(app.count("reports").await, reports_before);

    let opened = open_phase1(&app, &writer).await.expect(201);
    let id = opened.uuid("/id");
    let path = format!("/api/v1/reports/{id}");
    // Updates need the current ETag.
    app.patch(&path, &writer, None, &json!({ "title": "Mới" }))
        .await
        .expect_problem(428, "precondition_required");
    app.patch(
        &path,
        &writer,
        Some("\"stale\""),
        &json!({ "title": "Mới" }),
    )
    .await
    .expect_problem(412, "precondition_failed");
    // Each bad line is named.
    let mut rows = rows_of(&opened.body);
    rows[0]["indicator"] = json!("  ");
    rows[0]["actual"] = json!(1e15);
    rows.push(json!({ "id": Uuid::new_v4(), "indicator": "Lạ" }));
    rows.push(json!({ "initiative_id": Uuid::new_v4(), "indicator": "Sáng kiến lạ" }));
    let n = rows.len();
    let r = patch(
        &app,
        &writer,
        &opened.body,
        &json!({ "title": "", "rows": rows }),
    )
    .await
    .expect_problem(422, "validation_failed");
    let mut fields: Vec<String> = r.field_errors().into_iter().map(|(f, _)| f).collect();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "rows[0].actual".to_string(),
            "rows[0].indicator".to_string(),
            format!("rows[{}].id", n - 2),
            format!("rows[{}].initiative_id", n - 1),
            "title".to_string(),
        ]
    );
    patch(
        &app,
        &writer,
        &opened.body,
        &json!({ "sections": { "situation": "x".repeat(20_001) } }),
    )
    .await
    .expect_problem(422, "validation_failed");
    patch(&app, &writer, &opened.body, &json!({ "colour": "đỏ" }))
        .await
        .expect(422);
    let unchanged = app.get(&path, &writer).await.expect(200);
    assert_eq!(unchanged.body["etag"], opened.body["etag"]);
    assert_eq!(unchanged.body["rows"], opened.body["rows"]);

    // A report with nothing written is not sent.
    app.action(&format!("{path}/submit"), &writer)
        .await
        .expect_problem(422, "empty_report");
    // Evidence for a line of another report is refused.
    let other = open_acceptance(&app, &teacher, initiative)
        .await
        .expect(201);
    let foreign_row = other.uuid("/rows/0/id");
    app.upload_to_report(&writer, id, Some(foreign_row), "photo", "Ảnh.png", png(4))
        .await
        .expect_problem(422, "validation_failed");
    app.upload_form(
        Some(&writer),
        &[
            ("category", "photo".into()),
            ("initiative_id", initiative.to_string()),
            ("report_id", id.to_string()),
        ],
        "Ảnh.png",
        png(5),
    )
    .await
    .expect_problem(422, "validation_failed");
    assert_eq!(app.count("files WHERE created_at > '2024-01-01'").await, 0);

    // Under a refuse policy, a late report is refused.
    app.exec_ok(&format!(
        "UPDATE campaign_milestones SET late_policy = 'refuse' WHERE id = '{}'",
        opened.uuid("/milestone/id")
    ))
    .await;
    let current = app.get(&path, &writer).await.expect(200);
    patch(
        &app,
        &writer,
        &current.body,
        &json!({ "sections": sections() }),
    )
    .await
    .expect(200);
    app.action(&format!("{path}/submit"), &writer)
        .await
        .expect_problem(422, "deadline_passed");
    assert_eq!(
        app.count(&format!("report_versions WHERE report_id = '{id}'"))
            .await,
        0
    );
}

#[tokio::test]
async fn a_line_keeps_its_evidence_and_cannot_go_once_the_evidence_was_sent() {
    let app = spawn_app().await;
    let teacher = app.token(WRITER).await;
    let officer = app.token(OFFICER).await;
    let opened = open_phase1(&app, &teacher).await.expect(201);
    let id = opened.uuid("/id");
    let row0 = opened.uuid("/rows/0/id");
    let mut rows = rows_of(&opened.body);
    rows.push(json!({ "indicator": "Số buổi tập huấn", "unit_of_measure": "buổi", "actual": 3 }));
    let written = patch(
        &app,
        &teacher,
        &opened.body,
        &json!({ "sections": sections(), "rows": rows }),
    )
    .await
    .expect(200);
    let last = written.body["rows"].as_array().unwrap().len() - 1;
    let new_row = written.uuid(&format!("/rows/{last}/id"));
    // A photo on the new line; removing the line moves the photo to the report.
    let photo = app
        .upload_to_report(&teacher, id, Some(new_row), "photo", "Ảnh.png", png(6))
        .await
        .expect(201);
    assert_eq!(photo.body["report_row_id"], json!(new_row));
    let rows: Vec<Value> = rows_of(&written.body).into_iter().take(last).collect();
    let trimmed = patch(&app, &teacher, &written.body, &json!({ "rows": rows }))
        .await
        .expect(200);
    assert_eq!(trimmed.body["rows"].as_array().unwrap().len(), last);
    let f = trimmed.body["files"][0].clone();
    assert_eq!(f["report_row_id"], Value::Null);
    assert_eq!(f["report_id"], json!(id));

    // Evidence on line 0 is sent; after a return the line cannot be removed.
    app.upload_to_report(&teacher, id, Some(row0), "data", "Số liệu.pdf", pdf("sl"))
        .await
        .expect(201);
    app.action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect(200);
    app.post(
        &format!("/api/v1/reports/{id}/return"),
        &officer,
        &json!({ "reason": "Bổ sung" }),
    )
    .await
    .expect(200);
    let current = app
        .get(&format!("/api/v1/reports/{id}"), &teacher)
        .await
        .expect(200);
    let without_first: Vec<Value> = rows_of(&current.body).into_iter().skip(1).collect();
    patch(
        &app,
        &teacher,
        &current.body,
        &json!({ "rows": without_first }),
    )
    .await
    .expect_problem(409, "row_has_submitted_evidence");
    // New evidence can be added to a returned report.
    app.upload_to_report(&teacher, id, Some(row0), "photo", "Ảnh bổ sung.png", png(8))
        .await
        .expect(201);
}

#[tokio::test]
async fn the_initiative_lists_the_reports_about_it() {
    let app = spawn_app().await;
    let teacher = app.token(WRITER).await;
    let phase1 = open_phase1(&app, &teacher).await.expect(201);
    let about = phase1.uuid("/rows/0/initiative/id");
    let list = app
        .get(&format!("/api/v1/reports?initiative_id={about}"), &teacher)
        .await
        .expect(200);
    assert_eq!(list.body["total"], 1);
    assert_eq!(list.body["items"][0]["id"], phase1.body["id"]);
    let list = app
        .get(
            &format!("/api/v1/reports?initiative_id={}", Uuid::new_v4()),
            &teacher,
        )
        .await
        .expect(200);
    assert_eq!(list.body["total"], 0);
    let list = app
        .get("/api/v1/reports?kind=acceptance", &teacher)
        .await
        .expect(200);
    assert_eq!(list.body["total"], 0);
}

#[tokio::test]
async fn the_demo_reports_carry_their_evidence() {
    let app = spawn_app().await;
    let officer = app.token(OFFICER).await;
    let all = app
        .get("/api/v1/reports?kind=phase1_result", &officer)
        .await
        .expect(200);
    let by_unit = |code: &str| {
        all.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["organization"]["code"] == code)
            .cloned()
            .unwrap_or_else(|| panic!("no demo report of {code}"))
    };
    // Cô Giang's: sent on time, returned with a reason; Trần Hưng Đạo's: late, received.
    let cg = by_unit("Q1-MN-COGIANG");
    assert_eq!(cg["status"], "returned");
    assert_eq!(cg["versions"][0]["late"], false);
    assert!(
        cg["versions"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("Phụ huynh đồng hành")
    );
    let thd = by_unit("Q1-TH-TRANHUNGDAO");
    assert_eq!(thd["status"], "received");
    assert_eq!(thd["versions"][0]["late"], true);
    let files = cg["files"].as_array().unwrap();
    assert_eq!(files.len(), 4);
    for f in files {
        assert_eq!(f["locked"], true);
        let res = app
            .plain_client()
            .get(app.url(f["download_url"].as_str().unwrap()))
            .bearer_auth(&officer)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", f["original_name"]);
        let bytes = res.bytes().await.unwrap();
        assert_eq!(bytes.len() as i64, f["size_bytes"].as_i64().unwrap());
    }
    assert!(
        files
            .iter()
            .any(|f| f["media_type"] == "image/jpeg" && f["report_row_id"].is_string())
    );
}
