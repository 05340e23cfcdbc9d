//! Initiatives (SPEC §4): registration with authors and a roadmap, the lifecycle
//! draft → submitted → returned | registered → in_progress → completed with its history,
//! the 409s that name the current state, concurrency, lists and diacritics-blind search.

use chrono::Duration;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Resp, TestApp, lit, spawn_app, vietnam_today};

const TEACHER: &str = "giaovien.cogiang.1";
const TEACHER_2: &str = "giaovien.cogiang.2";
const TEACHER_3: &str = "giaovien.cogiang.3";
/// Unit focal officer of Cô Giang.
const VICE_PRINCIPAL: &str = "phohieutruong.cogiang";
const HEAD: &str = "hieutruong.cogiang";
const OTHER_HEAD: &str = "hieutruong.tranhungdao";
const OTHER_TEACHER: &str = "giaovien.tranhungdao.1";
const OFFICER: &str = "noivu.quan1";

/// A fresh open campaign of Quận 1 (so lists filtered by it hold only a test's rows).
async fn open_district_campaign(app: &TestApp) -> Uuid {
    let q1 = app.org_id("Q1").await;
    app.insert_campaign(q1, "open").await.0
}

fn minimal(campaign: Uuid) -> Value {
    json!({
        "campaign_id": campaign,
        "kind": "solution",
        "reform_area": "administrative_procedures",
        "title": "Cải cách thủ tục tiếp nhận hồ sơ nhập học",
    })
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Item ids of a page, in order.
fn ids(page: &Value) -> Vec<Uuid> {
    page["items"]
        .as_array()
        .unwrap_or_else(|| panic!("not a page: {page}"))
        .iter()
        .map(|i| i["id"].as_str().unwrap().parse().unwrap())
        .collect()
}

fn sorted(mut v: Vec<Uuid>) -> Vec<Uuid> {
    v.sort();
    v
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// What any write of an initiative leaves behind.
async fn written(app: &TestApp) -> [i64; 5] {
    [
        app.count("initiatives").await,
        app.count("initiative_authors").await,
        app.count("initiative_milestones").await,
        app.count("initiative_transitions").await,
        app.count("audit_log WHERE action LIKE 'initiative.%'")
            .await,
    ]
}

/// A 409 naming the current state: `errors[0]` is `{field: "status", code: <state>}`.
#[track_caller]
fn assert_conflict_names_state(r: Resp, state: &str) {
    let r = r.expect_problem(409, "invalid_transition");
    assert_eq!(
        r.field_errors().first(),
        Some(&("status".to_string(), state.to_string())),
        "{}",
        r.text
    );
}

#[track_caller]
fn assert_names_field(r: Resp, field: &str, code: &str) {
    let r = r.expect_problem(422, "validation_failed");
    assert!(
        r.field_errors()
            .contains(&(field.to_string(), code.to_string())),
        "expected {field}: {code} in {}",
        r.text
    );
}

// ----- creation --------------------------------------------------------------------------

#[tokio::test]
async fn the_creator_is_the_sole_author_by_default() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let teacher = app.token(TEACHER).await;
    let teacher_id = app.user_id(TEACHER).await;
    let before = written(&app).await;

    let r = app
        .post("/api/v1/initiatives", &teacher, &minimal(campaign))
        .await
        .expect(201);
    let id = r.uuid("/id");
    assert_eq!(r.header("etag").as_deref(), r.body["etag"].as_str());
    assert_eq!(
        r.header("location"),
        Some(format!("/api/v1/initiatives/{id}"))
    );
    let i = &r.body;
    assert_eq!(i["status"], "draft");
    assert_eq!(i["collective"], false);
    assert_eq!(i["authors"].as_array().unwrap().len(), 1, "{i}");
    assert_eq!(i["authors"][0]["user"]["id"], teacher_id.to_string());
    assert_eq!(i["authors"][0]["contribution_pct"], 100);
    assert!(
        !i["authors"][0]["user"]["display_name"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    assert_eq!(i["created_by"]["id"], teacher_id.to_string());
    assert_eq!(i["organization"]["code"], "Q1-MN-COGIANG");
    assert_eq!(i["campaign"]["id"], campaign.to_string());
    assert_eq!(i["kind"], "solution");
    assert_eq!(i["reform_area"]["code"], "administrative_procedures");
    assert_eq!(i["reform_area"]["name_vi"], "Cải cách thủ tục hành chính");
    assert_eq!(i["roadmap"], json!([]));
    assert_eq!(i["progress"], 0);
    assert_eq!(i["overdue_steps"], 0);
    assert_eq!(i["summary"], "");
    assert_eq!(i["starts_on"], Value::Null);
    assert_eq!(
        strings(&i["allowed_actions"]),
        vec!["update", "submit", "withdraw"]
    );
    let after = written(&app).await;
    assert_eq!(
        [
            after[0] - before[0],
            after[1] - before[1],
            after[4] - before[4]
        ],
        [1, 1, 1],
        "one initiative, one author, one audit row"
    );
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'initiative.create' AND entity_id = '{id}' \
             AND actor_user_id = '{teacher_id}'"
        ))
        .await,
        1
    );

    // Read back, by the head of the unit and by the district's officer.
    for who in [HEAD, OFFICER, "bcd.quan1.1"] {
        let token = app.token(who).await;
        let got = app
            .get(&format!("/api/v1/initiatives/{id}"), &token)
            .await
            .expect(200);
        assert_eq!(got.body["title"], i["title"], "{who}");
    }
}

#[tokio::test]
async fn collective_and_explicit_authors_and_a_roadmap() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let head = app.token(HEAD).await;
    let (t1, t2) = (app.user_id(TEACHER).await, app.user_id(TEACHER_2).await);
    let today = vietnam_today();

    // The unit as a collective, registered by its head.
    let mut body = minimal(campaign);
    body["collective"] = json!(true);
    body["kind"] = json!("model");
    let r = app
        .post("/api/v1/initiatives", &head, &body)
        .await
        .expect(201);
    assert_eq!(r.body["collective"], true);
    assert_eq!(r.body["authors"], json!([]));
    assert_eq!(r.body["kind"], "model");

    // Two teachers, 60 / 40, in the given order, with their positions; and a roadmap.
    let future = date(today + Duration::days(60));
    let body = json!({
        "campaign_id": campaign,
        "kind": "good_practice",
        "reform_area": "digital_government",
        "title": "  Số hóa hồ sơ trẻ mầm non  ",
        "summary": "Quản lý hồ sơ trẻ trên phần mềm",
        "problem": "Hồ sơ giấy thất lạc",
        "objectives": "100% hồ sơ được số hóa",
        "approach": "Nhập liệu theo từng lớp",
        "expected_results": "Tra cứu trong một phút",
        "starts_on": "2023-05-01",
        "ends_on": "2023-12-31",
        "authors": [
            { "user_id": t2, "contribution_pct": 60 },
            { "user_id": t1, "contribution_pct": 40 }
        ],
        "roadmap": [
            { "title": "Tổng kết", "due_on": future },
            { "title": "Khảo sát", "due_on": "2023-05-15" }
        ]
    });
    let r = app
        .post("/api/v1/initiatives", &head, &body)
        .await
        .expect(201);
    let i = &r.body;
    assert_eq!(i["title"], "Số hóa hồ sơ trẻ mầm non", "trimmed");
    assert_eq!(i["collective"], false);
    assert_eq!(i["authors"][0]["user"]["id"], t2.to_string());
    assert_eq!(i["authors"][0]["contribution_pct"], 60);
    assert_eq!(i["authors"][0]["position"], "Giáo viên");
    assert_eq!(i["authors"][1]["user"]["id"], t1.to_string());
    assert_eq!(i["authors"][1]["contribution_pct"], 40);
    assert_eq!(i["starts_on"], "2023-05-01");
    assert_eq!(i["ends_on"], "2023-12-31");
    assert_eq!(
        i["reform_area"]["name_vi"],
        "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số"
    );
    // The roadmap comes by due date; the past step is overdue.
    let steps = i["roadmap"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0]["title"], "Khảo sát");
    assert_eq!(steps[0]["overdue"], true);
    assert_eq!(steps[0]["done_on"], Value::Null);
    assert_eq!(steps[0]["progress"], 0);
    assert_eq!(steps[1]["title"], "Tổng kết");
    assert_eq!(steps[1]["due_on"], future.as_str());
    assert_eq!(steps[1]["overdue"], false);
    assert_eq!(i["overdue_steps"], 1);
    assert_eq!(i["progress"], 0);
    // A named author may edit and submit what the head registered for them.
    let t1_view = app
        .get(
            &format!("/api/v1/initiatives/{}", r.str("/id")),
            &app.token(TEACHER).await,
        )
        .await
        .expect(200);
    assert_eq!(
        strings(&t1_view.body["allowed_actions"]),
        vec!["update", "submit", "withdraw"]
    );
}

#[tokio::test]
async fn invalid_creations_name_the_field_and_write_nothing() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let teacher = app.token(TEACHER).await;
    let (t1, t2) = (app.user_id(TEACHER).await, app.user_id(TEACHER_2).await);
    let outsider = app.user_id(OTHER_TEACHER).await;
    let before = written(&app).await;
    let post = |body: Value| {
        let (app, teacher) = (&app, teacher.clone());
        async move { app.post("/api/v1/initiatives", &teacher, &body).await }
    };
    let with = |key: &str, value: Value| {
        let mut b = minimal(campaign);
        b[key] = value;
        b
    };

    let cases: Vec<(Value, &str, &str)> = vec![
        (
            with(
                "authors",
                json!([{ "user_id": t1, "contribution_pct": 60 },
                                    { "user_id": t2, "contribution_pct": 30 }]),
            ),
            "authors",
            "contributions_not_100",
        ),
        (
            with(
                "authors",
                json!([{ "user_id": t1, "contribution_pct": 60 },
                                    { "user_id": t2, "contribution_pct": 60 }]),
            ),
            "authors",
            "contributions_not_100",
        ),
        (
            with(
                "authors",
                json!([{ "user_id": t1, "contribution_pct": 50 },
                                    { "user_id": t1, "contribution_pct": 50 }]),
            ),
            "authors[1].user_id",
            "duplicate",
        ),
        (
            with(
                "authors",
                json!([{ "user_id": t1, "contribution_pct": 50 },
                                    { "user_id": outsider, "contribution_pct": 50 }]),
            ),
            "authors[1].user_id",
            "not_a_member",
        ),
        (
            with(
                "authors",
                json!([{ "user_id": Uuid::new_v4(), "contribution_pct": 100 }]),
            ),
            "authors[0].user_id",
            "not_a_member",
        ),
        (
            with(
                "authors",
                json!([{ "user_id": t1, "contribution_pct": 0 },
                                    { "user_id": t2, "contribution_pct": 100 }]),
            ),
            "authors[0].contribution_pct",
            "out_of_range",
        ),
        (with("authors", json!([])), "authors", "required"),
        (
            {
                let mut b = with("collective", json!(true));
                b["authors"] = json!([{ "user_id": t1, "contribution_pct": 100 }]);
                b
            },
            "authors",
            "collective_has_authors",
        ),
        (
            {
                let mut b = with("starts_on", json!("2023-09-01"));
                b["ends_on"] = json!("2023-05-01");
                b
            },
            "ends_on",
            "before_starts_on",
        ),
        (
            with("reform_area", json!("cai_cach_khac")),
            "reform_area",
            "unknown_reform_area",
        ),
        (with("title", json!("   ")), "title", "required"),
        (with("kind", json!("poem")), "kind", "invalid_type"),
        (
            with("roadmap", json!([{ "title": " ", "due_on": "2023-06-01" }])),
            "roadmap[0].title",
            "required",
        ),
    ];
    for (body, field, code) in cases {
        assert_names_field(post(body).await, field, code);
    }

    // Several bad fields at once are named together.
    let mut b = with("starts_on", json!("2023-09-01"));
    b["ends_on"] = json!("2023-05-01");
    b["reform_area"] = json!("khong_co");
    let r = post(b).await.expect_problem(422, "validation_failed");
    let fields: Vec<String> = r.field_errors().into_iter().map(|e| e.0).collect();
    assert!(
        fields.contains(&"ends_on".to_string()) && fields.contains(&"reform_area".to_string()),
        "{}",
        r.text
    );

    // A campaign that is not open: 409 naming its state.
    let q1 = app.org_id("Q1").await;
    let (closed, _) = app.insert_campaign(q1, "closed").await;
    assert_conflict_names_state(post(minimal(closed)).await, "closed");

    // Another unit's campaign, another unit, an unknown campaign: hidden.
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let (theirs, _) = app.insert_campaign(thd, "open").await;
    post(minimal(theirs)).await.expect_problem(404, "not_found");
    post(with("organization_id", json!(thd)))
        .await
        .expect_problem(404, "not_found");
    post(minimal(Uuid::new_v4()))
        .await
        .expect_problem(404, "not_found");

    assert_eq!(written(&app).await, before, "nothing written");
}

#[tokio::test]
async fn another_units_initiative_is_hidden() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let author = app.user_id(OTHER_TEACHER).await;
    let id = app
        .insert_initiative(thd, campaign, "submitted", author, &[(author, 100)])
        .await;
    let step = app
        .insert_roadmap_step(id, "Khảo sát", "2023-06-01", None, 0)
        .await;
    let base = format!("/api/v1/initiatives/{id}");
    let before = written(&app).await;
    for who in [TEACHER, VICE_PRINCIPAL, HEAD] {
        let t = app.token(who).await;
        app.get(&base, &t).await.expect_problem(404, "not_found");
        app.get(&format!("{base}/history"), &t)
            .await
            .expect_problem(404, "not_found");
        app.patch(&base, &t, Some("*"), &json!({ "title": "Sửa" }))
            .await
            .expect_problem(404, "not_found");
        for action in ["register", "withdraw", "submit"] {
            app.action(&format!("{base}/{action}"), &t)
                .await
                .expect_problem(404, "not_found");
        }
        app.post(&format!("{base}/return"), &t, &json!({ "reason": "Thiếu" }))
            .await
            .expect_problem(404, "not_found");
        app.patch(
            &format!("{base}/roadmap/{step}"),
            &t,
            Some("*"),
            &json!({ "progress": 10 }),
        )
        .await
        .expect_problem(404, "not_found");
    }
    // An unknown id looks the same.
    let t = app.token(HEAD).await;
    app.get(&format!("/api/v1/initiatives/{}", Uuid::new_v4()), &t)
        .await
        .expect_problem(404, "not_found");
    // Nor is their roadmap step reached through one of Cô Giang's own initiatives.
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let t1 = app.user_id(TEACHER).await;
    let ours = app
        .insert_initiative(cg, campaign, "draft", t1, &[(t1, 100)])
        .await;
    let teacher = app.token(TEACHER).await;
    let through_ours = format!("/api/v1/initiatives/{ours}/roadmap/{step}");
    app.patch(
        &through_ours,
        &teacher,
        Some("*"),
        &json!({ "title": "Sửa" }),
    )
    .await
    .expect_problem(404, "not_found");
    app.delete(&through_ours, &teacher)
        .await
        .expect_problem(404, "not_found");
    assert_eq!(written(&app).await[2..], before[2..]);
    assert_eq!(
        app.count(&format!(
            "initiative_milestones WHERE id = '{step}' AND title = 'Khảo sát' AND version = 1"
        ))
        .await,
        1
    );
    // Their own head sees it.
    app.get(&base, &app.token(OTHER_HEAD).await)
        .await
        .expect(200);
}

// ----- the lifecycle ----------------------------------------------------------------------

#[tokio::test]
async fn the_full_lifecycle_with_history_and_audit() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let teacher = app.token(TEACHER).await;
    let vice = app.token(VICE_PRINCIPAL).await;
    let head = app.token(HEAD).await;
    let (t1, t2) = (app.user_id(TEACHER).await, app.user_id(TEACHER_2).await);
    let (vice_id, head_id) = (app.user_id(VICE_PRINCIPAL).await, app.user_id(HEAD).await);
    let today = vietnam_today();
    let in_60_days = date(today + Duration::days(60));

    // The teacher registers it with a roadmap and submits it.
    let mut body = minimal(campaign);
    body["roadmap"] = json!([
        { "title": "Khảo sát thực trạng", "due_on": "2023-05-15" },
        { "title": "Triển khai thí điểm", "due_on": "2023-06-30" },
        { "title": "Đánh giá giữa kỳ", "due_on": in_60_days }
    ]);
    let created = app
        .post("/api/v1/initiatives", &teacher, &body)
        .await
        .expect(201);
    let id = created.uuid("/id");
    let first_etag = created.str("/etag");
    assert_eq!(created.body["overdue_steps"], 2);
    let base = format!("/api/v1/initiatives/{id}");

    let r = app
        .action(&format!("{base}/submit"), &teacher)
        .await
        .expect(200);
    assert_eq!(r.body["status"], "submitted");
    assert_eq!(strings(&r.body["allowed_actions"]), vec!["withdraw"]);
    // The author does not approve their own work.
    app.action(&format!("{base}/register"), &teacher)
        .await
        .expect_problem(403, "forbidden");
    let seen_by_vice = app.get(&base, &vice).await.expect(200);
    assert_eq!(
        strings(&seen_by_vice.body["allowed_actions"]),
        vec!["return", "register", "withdraw"]
    );

    // The vice-principal returns it: a reason is required.
    let before = written(&app).await;
    assert_names_field(
        app.post(&format!("{base}/return"), &vice, &json!({})).await,
        "reason",
        "required",
    );
    assert_names_field(
        app.post(
            &format!("{base}/return"),
            &vice,
            &json!({ "reason": "  \n " }),
        )
        .await,
        "reason",
        "required",
    );
    assert_eq!(
        written(&app).await,
        before,
        "a refused return writes nothing"
    );
    assert_eq!(app.initiative_status(id).await, "submitted");
    let reason = "Bổ sung lộ trình chi tiết và tỷ lệ đóng góp của tác giả";
    let r = app
        .post(
            &format!("{base}/return"),
            &vice,
            &json!({ "reason": reason }),
        )
        .await
        .expect(200);
    assert_eq!(r.body["status"], "returned");

    // The teacher corrects it: If-Match is required and must be current.
    let current = app.get(&base, &teacher).await.expect(200);
    assert_eq!(
        strings(&current.body["allowed_actions"]),
        vec!["update", "submit", "withdraw"]
    );
    let etag = current.header("etag").unwrap();
    let change = json!({
        "title": "Cải cách thủ tục tiếp nhận hồ sơ nhập học trực tuyến",
        "summary": "Phụ huynh nộp hồ sơ qua cổng dịch vụ công",
        "authors": [
            { "user_id": t1, "contribution_pct": 70 },
            { "user_id": t2, "contribution_pct": 30 }
        ]
    });
    app.patch(&base, &teacher, None, &change)
        .await
        .expect_problem(428, "precondition_required");
    app.patch(&base, &teacher, Some(&first_etag), &change)
        .await
        .expect_problem(412, "precondition_failed");
    let r = app
        .patch(&base, &teacher, Some(&etag), &change)
        .await
        .expect(200);
    assert_eq!(r.body["title"], change["title"]);
    assert_eq!(r.body["authors"][1]["user"]["id"], t2.to_string());
    assert_eq!(r.body["authors"][1]["contribution_pct"], 30);
    assert_ne!(r.header("etag").unwrap(), etag);
    let r = app
        .post(
            &format!("{base}/roadmap"),
            &teacher,
            &json!({ "title": "Tổng kết", "due_on": date(today + Duration::days(90)) }),
        )
        .await
        .expect(201);
    assert_eq!(r.body["roadmap"].as_array().unwrap().len(), 4);

    // Resubmitted, then registered by the head.
    app.action(&format!("{base}/submit"), &teacher)
        .await
        .expect(200);
    let r = app
        .action(&format!("{base}/register"), &head)
        .await
        .expect(200);
    assert_eq!(r.body["status"], "registered");

    // Registered: its core fields and plan are frozen, for the author and the head alike.
    let current = app.get(&base, &teacher).await.expect(200);
    assert_eq!(
        strings(&current.body["allowed_actions"]),
        vec!["report_progress", "start", "withdraw"]
    );
    let etag = current.header("etag").unwrap();
    for who in [&teacher, &head] {
        assert_conflict_names_state(
            app.patch(&base, who, Some(&etag), &json!({ "title": "Đổi tên" }))
                .await,
            "registered",
        );
    }
    assert_conflict_names_state(
        app.post(
            &format!("{base}/roadmap"),
            &teacher,
            &json!({ "title": "Thêm mốc", "due_on": "2023-10-01" }),
        )
        .await,
        "registered",
    );
    let steps = current.body["roadmap"].as_array().unwrap().clone();
    let step_url = |i: usize| format!("{base}/roadmap/{}", steps[i]["id"].as_str().unwrap());
    let step_etag = |i: usize| steps[i]["etag"].as_str().unwrap().to_string();
    assert_conflict_names_state(
        app.patch(
            &step_url(0),
            &teacher,
            Some(&step_etag(0)),
            &json!({ "title": "Khảo sát lại" }),
        )
        .await,
        "registered",
    );
    assert_conflict_names_state(app.delete(&step_url(0), &teacher).await, "registered");

    // Started by the author; progress is reported on the roadmap.
    let r = app
        .action(&format!("{base}/start"), &teacher)
        .await
        .expect(200);
    assert_eq!(r.body["status"], "in_progress");
    let r = app
        .patch(
            &step_url(0),
            &teacher,
            Some(&step_etag(0)),
            &json!({ "done_on": "2023-05-14" }),
        )
        .await
        .expect(200);
    assert_eq!(r.body["roadmap"][0]["done_on"], "2023-05-14");
    assert_eq!(r.body["roadmap"][0]["progress"], 100);
    assert_eq!(r.body["roadmap"][0]["overdue"], false);
    assert_eq!(r.body["overdue_steps"], 1);
    // The same step's old ETag is stale now.
    app.patch(
        &step_url(0),
        &teacher,
        Some(&step_etag(0)),
        &json!({ "progress": 10 }),
    )
    .await
    .expect_problem(412, "precondition_failed");
    let r = app
        .patch(
            &step_url(1),
            &teacher,
            Some(&step_etag(1)),
            &json!({ "progress": 40 }),
        )
        .await
        .expect(200);
    assert_eq!(r.body["roadmap"][1]["progress"], 40);
    assert_eq!(r.body["roadmap"][1]["overdue"], true);
    // (100 + 40 + 0 + 0) / 4
    assert_eq!(r.body["progress"], 35);
    assert_eq!(r.body["overdue_steps"], 1);
    let fresh = r.body["roadmap"][2]["etag"].as_str().unwrap().to_string();
    let step2 = format!(
        "{base}/roadmap/{}",
        r.body["roadmap"][2]["id"].as_str().unwrap()
    );
    assert_names_field(
        app.patch(&step2, &teacher, Some(&fresh), &json!({ "progress": 101 }))
            .await,
        "progress",
        "out_of_range",
    );
    assert_names_field(
        app.patch(
            &step2,
            &teacher,
            Some(&fresh),
            &json!({ "done_on": date(today + Duration::days(2)) }),
        )
        .await,
        "done_on",
        "in_the_future",
    );
    // A colleague who is not an author may read, not report.
    app.patch(
        &step2,
        &app.token(TEACHER_3).await,
        Some(&fresh),
        &json!({ "progress": 20 }),
    )
    .await
    .expect_problem(403, "forbidden");

    // Completed: nothing more to report, and it can no longer be withdrawn.
    let r = app
        .action(&format!("{base}/complete"), &teacher)
        .await
        .expect(200);
    assert_eq!(r.body["status"], "completed");
    assert_eq!(r.body["progress"], 35);
    assert_eq!(strings(&r.body["allowed_actions"]), Vec::<String>::new());
    assert_conflict_names_state(
        app.patch(&step2, &teacher, Some(&fresh), &json!({ "progress": 90 }))
            .await,
        "completed",
    );
    assert_conflict_names_state(
        app.action(&format!("{base}/withdraw"), &teacher).await,
        "completed",
    );

    // The history: every transition with its actor, oldest first; the reason of the return.
    let h = app
        .get(&format!("{base}/history"), &head)
        .await
        .expect(200)
        .body;
    let h = h.as_array().unwrap();
    let summary: Vec<(String, String, String, String)> = h
        .iter()
        .map(|t| {
            (
                t["action"].as_str().unwrap().to_string(),
                t["from_status"].as_str().unwrap().to_string(),
                t["to_status"].as_str().unwrap().to_string(),
                t["actor"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let row = |a: &str, f: &str, t: &str, who: Uuid| {
        (a.to_string(), f.to_string(), t.to_string(), who.to_string())
    };
    assert_eq!(
        summary,
        vec![
            row("submit", "draft", "submitted", t1),
            row("return", "submitted", "returned", vice_id),
            row("submit", "returned", "submitted", t1),
            row("register", "submitted", "registered", head_id),
            row("start", "registered", "in_progress", t1),
            row("complete", "in_progress", "completed", t1),
        ]
    );
    assert_eq!(h[1]["reason"], reason);
    assert!(
        h.iter()
            .enumerate()
            .all(|(i, t)| i == 1 || t["reason"].is_null())
    );
    assert!(
        h.iter()
            .all(|t| !t["actor"]["display_name"].as_str().unwrap().is_empty())
    );
    let times: Vec<&str> = h
        .iter()
        .map(|t| t["occurred_at"].as_str().unwrap())
        .collect();
    let parsed: Vec<chrono::DateTime<chrono::Utc>> =
        times.iter().map(|t| t.parse().unwrap()).collect();
    assert!(parsed.windows(2).all(|w| w[0] <= w[1]), "{times:?}");

    // The audit log has each write, with its actor.
    for (action, actor, n) in [
        ("initiative.create", t1, 1),
        ("initiative.submit", t1, 2),
        ("initiative.return", vice_id, 1),
        ("initiative.register", head_id, 1),
        ("initiative.start", t1, 1),
        ("initiative.complete", t1, 1),
        ("initiative.update", t1, 1),
        ("initiative.roadmap_add", t1, 1),
        ("initiative.roadmap_update", t1, 2),
    ] {
        assert_eq!(
            app.count(&format!(
                "audit_log WHERE entity_id = '{id}' AND action = {} AND actor_user_id = '{actor}'",
                lit(action)
            ))
            .await,
            n,
            "{action}"
        );
    }
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE entity_id = '{id}' AND action = 'initiative.return' \
             AND details->>'reason' = {}",
            lit(reason)
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn invalid_transitions_name_the_current_state_whoever_asks() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let unit = app.org_id("Q1-MN-COGIANG").await;
    let t1 = app.user_id(TEACHER).await;
    let teacher = app.token(TEACHER).await;
    let head = app.token(HEAD).await;
    let cases = [
        ("draft", "register"),
        ("draft", "return"),
        ("draft", "start"),
        ("submitted", "submit"),
        ("submitted", "start"),
        ("returned", "register"),
        ("registered", "submit"),
        ("registered", "complete"),
        ("in_progress", "start"),
        ("completed", "withdraw"),
        ("completed", "start"),
        ("accepted", "withdraw"),
        ("not_accepted", "complete"),
        ("withdrawn", "submit"),
        ("withdrawn", "withdraw"),
    ];
    let before = written(&app).await;
    for (state, action) in cases {
        // The state is checked before the role: the author and the head get the same 409.
        for who in [&teacher, &head] {
            let id = app
                .insert_initiative(unit, campaign, state, t1, &[(t1, 100)])
                .await;
            let url = format!("/api/v1/initiatives/{id}/{action}");
            let r = if action == "return" {
                app.post(&url, who, &json!({ "reason": "Chưa đạt" })).await
            } else {
                app.action(&url, who).await
            };
            assert_conflict_names_state(r, state);
            assert_eq!(app.initiative_status(id).await, state);
        }
    }
    // Editing outside draft and returned.
    for state in [
        "submitted",
        "registered",
        "in_progress",
        "completed",
        "withdrawn",
    ] {
        let id = app
            .insert_initiative(unit, campaign, state, t1, &[(t1, 100)])
            .await;
        assert_conflict_names_state(
            app.patch(
                &format!("/api/v1/initiatives/{id}"),
                &teacher,
                Some("*"),
                &json!({ "title": "Tên mới" }),
            )
            .await,
            state,
        );
        assert_eq!(
            app.count(&format!(
                "initiatives WHERE id = '{id}' AND title = 'Sáng kiến thử nghiệm' AND version = 1"
            ))
            .await,
            1,
            "unchanged"
        );
    }
    let after = written(&app).await;
    assert_eq!(after[3..], before[3..], "no transition, no audit row");
}

#[tokio::test]
async fn concurrent_identical_submits_give_one_transition_and_one_conflict() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let unit = app.org_id("Q1-MN-COGIANG").await;
    let t1 = app.user_id(TEACHER).await;
    let teacher = app.token(TEACHER).await;
    for _ in 0..5 {
        let id = app
            .insert_initiative(unit, campaign, "draft", t1, &[(t1, 100)])
            .await;
        let url = format!("/api/v1/initiatives/{id}/submit");
        let (a, b) = tokio::join!(app.action(&url, &teacher), app.action(&url, &teacher));
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [200, 409], "{} / {}", a.text, b.text);
        let conflict = if a.status == 409 { a } else { b };
        assert_conflict_names_state(conflict, "submitted");
        assert_eq!(
            app.count(&format!(
                "initiative_transitions WHERE initiative_id = '{id}'"
            ))
            .await,
            1
        );
        assert_eq!(
            app.count(&format!(
                "audit_log WHERE action = 'initiative.submit' AND entity_id = '{id}'"
            ))
            .await,
            1
        );
        assert_eq!(app.initiative_status(id).await, "submitted");
    }
}

// ----- lists and search ---------------------------------------------------------------------

#[tokio::test]
async fn lists_filter_within_the_callers_reach() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let (t1, t2) = (app.user_id(TEACHER).await, app.user_id(TEACHER_2).await);
    let head_id = app.user_id(HEAD).await;
    let other = app.user_id(OTHER_TEACHER).await;
    let today = vietnam_today();

    let a = app
        .insert_initiative(cg, campaign, "draft", t1, &[(t1, 100)])
        .await;
    let b = app
        .insert_initiative(cg, campaign, "registered", t2, &[(t2, 100)])
        .await;
    app.exec_ok(&format!(
        "UPDATE initiatives SET kind = 'model', reform_area = 'digital_government' WHERE id = '{b}'"
    ))
    .await;
    app.insert_roadmap_step(b, "Quá hạn", "2023-06-30", None, 20)
        .await;
    let c = app
        .insert_initiative(cg, campaign, "in_progress", t1, &[(t1, 60), (t2, 40)])
        .await;
    app.exec_ok(&format!(
        "UPDATE initiatives SET kind = 'initiative', reform_area = 'civil_service' WHERE id = '{c}'"
    ))
    .await;
    app.insert_roadmap_step(c, "Đã xong", "2023-06-30", Some("2023-06-20"), 0)
        .await;
    app.insert_roadmap_step(c, "Sắp tới", &date(today + Duration::days(30)), None, 50)
        .await;
    let d = app
        .insert_initiative(thd, campaign, "submitted", other, &[(other, 100)])
        .await;
    // Completed with a step never marked done: past evaluation, no longer "overdue".
    let e = app
        .insert_initiative(cg, campaign, "completed", head_id, &[(head_id, 100)])
        .await;
    app.exec_ok(&format!(
        "UPDATE initiatives SET kind = 'work', reform_area = 'public_finance' WHERE id = '{e}'"
    ))
    .await;
    app.insert_roadmap_step(e, "Không đánh dấu", "2023-06-30", None, 90)
        .await;

    let list = |who: &'static str, query: String| {
        let app = &app;
        async move {
            let t = app.token(who).await;
            app.get(
                &format!("/api/v1/initiatives?campaign_id={campaign}{query}"),
                &t,
            )
            .await
            .expect(200)
            .body
        }
    };
    let set = |v: &[Uuid]| sorted(v.to_vec());

    let all = list(HEAD, String::new()).await;
    assert_eq!(all["total"], 4);
    assert_eq!(sorted(ids(&all)), set(&[a, b, c, e]));
    let cases: Vec<(&str, String, Vec<Uuid>)> = vec![
        (HEAD, "&status=registered".into(), vec![b]),
        (HEAD, "&status=in_progress".into(), vec![c]),
        (HEAD, "&kind=model".into(), vec![b]),
        (HEAD, "&kind=solution".into(), vec![a]),
        (HEAD, "&reform_area=civil_service".into(), vec![c]),
        (HEAD, "&reform_area=institutions".into(), vec![]),
        (HEAD, format!("&author_id={t2}"), vec![b, c]),
        (HEAD, format!("&author_id={head_id}"), vec![e]),
        (HEAD, "&overdue=true".into(), vec![b]),
        (HEAD, "&status=registered&kind=solution".into(), vec![]),
        (HEAD, format!("&organization_id={cg}"), vec![a, b, c, e]),
        (HEAD, format!("&organization_id={thd}"), vec![]),
        (TEACHER, "&mine=true".into(), vec![a, c]),
        (TEACHER_2, "&mine=true".into(), vec![b, c]),
        (TEACHER, String::new(), vec![a, b, c, e]),
        // The district sees every unit; another unit's head sees only their own.
        (OFFICER, String::new(), vec![a, b, c, d, e]),
        ("bcd.quan1.1", "&status=submitted".into(), vec![d]),
        ("admin", String::new(), vec![a, b, c, d, e]),
        (OTHER_HEAD, String::new(), vec![d]),
        (OTHER_HEAD, format!("&organization_id={cg}"), vec![]),
        (OTHER_HEAD, format!("&author_id={t1}"), vec![]),
    ];
    for (who, query, want) in cases {
        let page = list(who, query.clone()).await;
        assert_eq!(sorted(ids(&page)), set(&want), "{who} {query}");
        assert_eq!(page["total"], want.len(), "{who} {query}");
    }

    // The view carries progress and overdue steps.
    let page = list(HEAD, "&status=in_progress".into()).await;
    assert_eq!(page["items"][0]["progress"], 75);
    assert_eq!(page["items"][0]["overdue_steps"], 0);
    assert_eq!(page["items"][0]["authors"].as_array().unwrap().len(), 2);

    // Pages: newest first by default, two by two.
    app.exec_ok(&format!(
        "UPDATE initiatives SET created_at = now() - make_interval(days => 10) WHERE id = '{a}'; \
         UPDATE initiatives SET created_at = now() - make_interval(days => 8) WHERE id = '{b}'; \
         UPDATE initiatives SET created_at = now() - make_interval(days => 6) WHERE id = '{c}'; \
         UPDATE initiatives SET created_at = now() - make_interval(days => 4) WHERE id = '{e}';"
    ))
    .await;
    let p1 = list(HEAD, "&per_page=2".into()).await;
    let p2 = list(HEAD, "&per_page=2&page=2".into()).await;
    assert_eq!(
        (p1["total"].clone(), p2["total"].clone()),
        (json!(4), json!(4))
    );
    assert_eq!(ids(&p1), vec![e, c]);
    assert_eq!(ids(&p2), vec![b, a]);
    let oldest = list(HEAD, "&sort=created_at".into()).await;
    assert_eq!(ids(&oldest), vec![a, b, c, e]);

    // Bad filters are bad requests.
    let t = app.token(HEAD).await;
    for q in [
        "status=bogus",
        "kind=poem",
        "sort=password",
        "per_page=1000",
        "campaign_id=42",
    ] {
        let r = app.get(&format!("/api/v1/initiatives?{q}"), &t).await;
        assert_eq!(r.status, 400, "{q}: {}", r.text);
    }
}

#[tokio::test]
async fn search_ignores_diacritics_and_ranks_title_matches_first() {
    let app = spawn_app().await;
    let campaign = open_district_campaign(&app).await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let t1 = app.user_id(TEACHER).await;
    let other = app.user_id(OTHER_TEACHER).await;
    let add = |unit: Uuid,
               author: Uuid,
               title: &'static str,
               summary: &'static str,
               problem: &'static str| {
        let app = &app;
        async move {
            let id = app
                .insert_initiative(unit, campaign, "submitted", author, &[(author, 100)])
                .await;
            app.exec_ok(&format!(
                "UPDATE initiatives SET title = {}, summary = {}, problem = {} WHERE id = '{id}'",
                lit(title),
                lit(summary),
                lit(problem)
            ))
            .await;
            id
        }
    };
    // The summary-only match is the newest: only relevance puts the title match first.
    let title_match = add(
        cg,
        t1,
        "Cải cách thủ tục hành chính tại bộ phận một cửa của trường",
        "Rút ngắn thời gian tiếp nhận hồ sơ nhập học",
        "",
    )
    .await;
    let doi_moi = add(cg, t1, "Đổi mới phương thức tiếp nhận hồ sơ", "", "").await;
    let problem_only = add(
        cg,
        t1,
        "Trang trí lớp học bằng vật liệu tái chế",
        "Tiết kiệm chi phí",
        "Lớp học thiếu sinh động",
    )
    .await;
    let summary_match = add(
        cg,
        t1,
        "Số hóa hồ sơ trẻ mầm non",
        "Góp phần cải cách thủ tục hành chính trong nhà trường",
        "",
    )
    .await;
    let theirs = add(thd, other, "Cải cách thủ tục tuyển sinh đầu cấp", "", "").await;
    app.exec_ok(&format!(
        "UPDATE initiatives SET created_at = now() - make_interval(days => 3) WHERE id = '{title_match}'; \
         UPDATE initiatives SET created_at = now() - make_interval(days => 2) WHERE id = '{doi_moi}'; \
         UPDATE initiatives SET created_at = now() - make_interval(days => 1) WHERE id = '{problem_only}';"
    ))
    .await;

    let head = app.token(HEAD).await;
    let search = |who: String, q: &'static str, extra: &'static str| {
        let app = &app;
        async move {
            let url = format!(
                "/api/v1/initiatives?campaign_id={campaign}&q={}{extra}",
                urlencode(q)
            );
            app.get(&url, &who).await.expect(200).body
        }
    };
    let cases: Vec<(&str, &str, Vec<Uuid>)> = vec![
        ("cai cach thu tuc", "", vec![title_match, summary_match]),
        ("CẢI CÁCH THỦ TỤC", "", vec![title_match, summary_match]),
        ("Cải cách thủ tục", "", vec![title_match, summary_match]),
        // The last word is a prefix (search as you type).
        ("cai cach thu tu", "", vec![title_match, summary_match]),
        ("doi moi", "", vec![doi_moi]),
        ("ĐỔI MỚI", "", vec![doi_moi]),
        // A title match (weight A) before a summary match (weight B), newer though it is.
        ("tiep nhan ho so", "", vec![doi_moi, title_match]),
        // The problem is searched too.
        ("sinh dong", "", vec![problem_only]),
        (
            "cai cach thu tuc",
            "&sort=-title",
            vec![summary_match, title_match],
        ),
        ("khong co tu nay", "", vec![]),
    ];
    for (q, extra, want) in cases {
        let page = search(head.clone(), q, extra).await;
        assert_eq!(ids(&page), want, "q={q}{extra}: {page}");
        assert_eq!(page["total"], want.len(), "q={q}");
    }
    // Searching stays within the caller's reach.
    let officer = app.token(OFFICER).await;
    let page = search(officer, "cai cach thu tuc", "").await;
    assert_eq!(
        sorted(ids(&page)),
        sorted(vec![title_match, summary_match, theirs])
    );
    let page = search(app.token(OTHER_HEAD).await, "cai cach", "").await;
    assert_eq!(ids(&page), vec![theirs]);

    // Nothing searchable in q: a clean 200 over everything; hostile input is only words.
    let everything = [title_match, doi_moi, problem_only, summary_match];
    for q in ["!!!", "  ", "%_*:&|'\"()", "-"] {
        let page = search(head.clone(), q, "").await;
        assert_eq!(sorted(ids(&page)), sorted(everything.to_vec()), "q={q:?}");
    }
    let page = search(head.clone(), "'); DROP TABLE initiatives; --", "").await;
    assert_eq!(page["total"], 0);
    let page = search(head.clone(), "thu:* & !tuc | cai", "").await;
    assert!(page["items"].is_array());
    assert!(
        app.count("initiatives").await >= 5,
        "the table is still there"
    );
}

/// Percent-encodes a query-string value.
fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ----- catalogue ------------------------------------------------------------------------------

#[tokio::test]
async fn the_six_reform_areas_of_resolution_76() {
    let app = spawn_app().await;
    let t = app.token(TEACHER).await;
    let areas = app.get("/api/v1/reform-areas", &t).await.expect(200).body;
    let got: Vec<(String, String)> = areas
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            assert!(!a["name_en"].as_str().unwrap().is_empty());
            (
                a["code"].as_str().unwrap().to_string(),
                a["name_vi"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("institutions", "Cải cách thể chế"),
        ("administrative_procedures", "Cải cách thủ tục hành chính"),
        (
            "state_apparatus",
            "Cải cách tổ chức bộ máy hành chính nhà nước",
        ),
        ("civil_service", "Cải cách chế độ công vụ"),
        ("public_finance", "Cải cách tài chính công"),
        (
            "digital_government",
            "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
        ),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(c, n)| (c.to_string(), n.to_string()))
        .collect();
    assert_eq!(got, want);
    app.get_anon("/api/v1/reform-areas")
        .await
        .expect_problem(401, "unauthenticated");
}
