//! Evaluation rounds (issue 5): the criteria-set catalogue, setting up a committee's round,
//! who may, and what a round refuses.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};

const OFFICER: &str = "noivu.quan1";
const HEAD: &str = "hieutruong.cogiang";
const TEACHER: &str = "giaovien.cogiang.1";

async fn set_id(app: &TestApp, code: &str) -> Uuid {
    app.uuid(&format!(
        "SELECT id AS v FROM criteria_sets WHERE code = '{code}' AND version = 1"
    ))
    .await
}

async fn district_round(app: &TestApp, members: Value) -> crate::helpers::Resp {
    let officer = app.token(OFFICER).await;
    let body = json!({
        "campaign_id": app.campaign_id("175/KH-UBND").await,
        "level": "authority_committee",
        "organization_id": app.org_id("Q1").await,
        "title": "Hội đồng đánh giá, nghiệm thu sáng kiến cải cách hành chính Quận 1 năm 2023",
        "criteria_set_id": set_id(app, "seed-selection").await,
        "scoring_opens_on": "2023-11-27",
        "scoring_closes_on": "2023-12-08",
        "meeting_on": "2023-12-12",
        "meeting_place": "Phòng họp số 2, Ủy ban nhân dân Quận 1",
        "members": members,
    });
    app.post("/api/v1/evaluation-rounds", &officer, &body).await
}

async fn committee(app: &TestApp) -> Value {
    json!([
        { "user_id": app.user_id("bcd.quan1.1").await, "role": "chair" },
        { "user_id": app.user_id("bcd.quan1.2").await, "role": "secretary" },
        { "user_id": app.user_id("bcd.quan1.3").await, "role": "member" },
        { "user_id": app.user_id("bcd.quan1.4").await, "role": "member" },
    ])
}

#[tokio::test]
async fn the_catalogue_ships_the_two_criteria_sets() {
    let app = spawn_app().await;
    let token = app.token(TEACHER).await;
    let sets = app.get("/api/v1/criteria-sets", &token).await.expect(200);
    let sets = sets.body.as_array().unwrap().clone();
    assert_eq!(sets.len(), 2);
    let selection = sets.iter().find(|s| s["code"] == "seed-selection").unwrap();
    assert_eq!(selection["criteria"][0]["code"], "legality");
    assert_eq!(selection["criteria"][0]["gate"], true);
    assert_eq!(selection["criteria"].as_array().unwrap().len(), 5);
    assert_eq!(selection["max_total"], 100.0);
    let award = sets
        .iter()
        .find(|s| s["code"] == "hcmc-creativity-award-field3")
        .unwrap();
    assert_eq!(award["criteria"].as_array().unwrap().len(), 7);
    assert_eq!(award["max_total"], 100.0);
    assert!(
        award["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name_vi"] == "Tính mới, tính sáng tạo")
    );
    app.get_anon("/api/v1/criteria-sets").await.expect(401);
}

#[tokio::test]
async fn the_district_sets_up_its_committee_round() {
    let app = spawn_app().await;
    let members = committee(&app).await;
    let created = district_round(&app, members).await.expect(201);
    let id = created.uuid("/id");
    assert_eq!(created.body["status"], "setup");
    assert_eq!(created.body["level"], "authority_committee");
    assert_eq!(created.body["aggregation"], "mean");
    assert_eq!(created.body["evaluators_per_initiative"], 3);
    assert_eq!(created.body["criteria_set"]["code"], "seed-selection");
    assert_eq!(created.body["members"].as_array().unwrap().len(), 4);
    assert_eq!(created.body["allowed_actions"], json!(["manage"]));
    assert_eq!(
        created.header("location").unwrap(),
        format!("/api/v1/evaluation-rounds/{id}")
    );
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'evaluation_round.create' AND entity_id = '{id}'"
        ))
        .await,
        1
    );
    // The chair sees their seat and may manage it; a member may not.
    let chair = app.token("bcd.quan1.1").await;
    let seen = app
        .get(&format!("/api/v1/evaluation-rounds/{id}"), &chair)
        .await
        .expect(200);
    assert_eq!(seen.body["my_role"], "chair");
    assert_eq!(seen.body["allowed_actions"], json!(["manage"]));
    let member = app.token("bcd.quan1.3").await;
    let seen = app
        .get(&format!("/api/v1/evaluation-rounds/{id}"), &member)
        .await
        .expect(200);
    assert_eq!(seen.body["my_role"], "member");
    assert_eq!(seen.body["allowed_actions"], json!([]));
    // Listed for the committee and the district, not for another district's people.
    let listed = app
        .get("/api/v1/evaluation-rounds", &member)
        .await
        .expect(200);
    assert_eq!(listed.body["total"], 1);
    let ward = app.token("chutich.bennghe").await;
    let listed = app
        .get("/api/v1/evaluation-rounds", &ward)
        .await
        .expect(200);
    assert_eq!(listed.body["total"], 0);
    // A later version of the set does not change the round's.
    app.exec_ok(
        "INSERT INTO criteria_sets (id, code, version, name_vi, name_en, criteria) \
         SELECT gen_random_uuid(), code, 2, name_vi, name_en, '[{\"code\":\"x\",\"name_vi\":\"X\",\"name_en\":\"X\",\"guidance_vi\":\"\",\"max_points\":10,\"weight\":1,\"gate\":false}]' \
         FROM criteria_sets WHERE code = 'seed-selection'",
    )
    .await;
    let again = app
        .get(&format!("/api/v1/evaluation-rounds/{id}"), &chair)
        .await
        .expect(200);
    assert_eq!(again.body["criteria_set"]["version"], 1);
    assert_eq!(
        again.body["criteria_set"]["criteria"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

#[tokio::test]
async fn a_school_sets_up_its_own_committee_and_others_may_not() {
    let app = spawn_app().await;
    let head = app.token(HEAD).await;
    let body = |members: Value| {
        json!({
            "campaign_id": Uuid::nil(),
            "level": "unit_committee",
            "title": "Ban Chỉ đạo CCHC Trường Mầm non Cô Giang",
            "criteria_set_id": Uuid::nil(),
            "scoring_opens_on": "2023-12-01",
            "scoring_closes_on": "2023-12-15",
            "members": members,
        })
    };
    let members = json!([
        { "user_id": app.user_id(HEAD).await, "role": "chair" },
        { "user_id": app.user_id("phohieutruong.cogiang").await, "role": "secretary" },
        { "user_id": app.user_id("congdoan.cogiang").await, "role": "member" },
    ]);
    let mut ok = body(members.clone());
    ok["campaign_id"] = json!(app.campaign_id("175/KH-UBND").await);
    ok["criteria_set_id"] = json!(set_id(&app, "seed-selection").await);
    app.post("/api/v1/evaluation-rounds", &head, &ok)
        .await
        .expect(201);
    // A teacher may not; another school's head does not reach Cô Giang.
    app.post("/api/v1/evaluation-rounds", &app.token(TEACHER).await, &ok)
        .await
        .expect_problem(403, "forbidden");
    let mut other = ok.clone();
    other["organization_id"] = json!(app.org_id("Q1-MN-COGIANG").await);
    app.post(
        "/api/v1/evaluation-rounds",
        &app.token("hieutruong.tranhungdao").await,
        &other,
    )
    .await
    .expect_problem(404, "not_found");
    // The head cannot set up the district's committee.
    let mut district = ok.clone();
    district["level"] = json!("authority_committee");
    district["organization_id"] = json!(app.org_id("Q1").await);
    app.post("/api/v1/evaluation-rounds", &head, &district)
        .await
        .expect_problem(404, "not_found");
}

#[tokio::test]
async fn a_badly_composed_round_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let officer = app.token(OFFICER).await;
    // The city's administrator works outside the district.
    let outsider = app.user_id("admin").await;
    let two_chairs = json!([
        { "user_id": app.user_id("bcd.quan1.1").await, "role": "chair" },
        { "user_id": app.user_id("bcd.quan1.2").await, "role": "chair" },
        { "user_id": app.user_id("bcd.quan1.2").await, "role": "member" },
        { "user_id": Uuid::new_v4(), "role": "member" },
    ]);
    let r = district_round(&app, two_chairs)
        .await
        .expect_problem(422, "validation_failed");
    let fields = r.field_errors();
    assert!(fields.contains(&("members".into(), "one_chair".into())));
    assert!(fields.contains(&("members".into(), "duplicate_member".into())));
    assert!(fields.contains(&("members[3].user_id".into(), "not_in_organization".into())));
    let r = district_round(
        &app,
        json!([
            { "user_id": app.user_id("bcd.quan1.1").await, "role": "chair" },
            { "user_id": outsider, "role": "member" },
        ]),
    )
    .await
    .expect_problem(422, "validation_failed");
    let fields = r.field_errors();
    assert!(fields.contains(&("members".into(), "too_few_members".into())));
    assert!(fields.contains(&("members[1].user_id".into(), "not_in_organization".into())));

    let mut body = json!({
        "campaign_id": app.campaign_id("175/KH-UBND").await,
        "level": "authority_committee",
        "organization_id": app.org_id("Q1").await,
        "title": " ",
        "criteria_set_id": Uuid::new_v4(),
        "scoring_opens_on": "2023-12-08",
        "scoring_closes_on": "2023-11-27",
        "evaluators_per_initiative": 0,
        "members": committee(&app).await,
    });
    let r = app
        .post("/api/v1/evaluation-rounds", &officer, &body)
        .await
        .expect_problem(422, "validation_failed");
    let mut fields: Vec<String> = r.field_errors().into_iter().map(|f| f.0).collect();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "criteria_set_id",
            "evaluators_per_initiative",
            "scoring_closes_on",
            "title"
        ]
    );
    body["aggregation"] = json!("mode");
    app.post("/api/v1/evaluation-rounds", &officer, &body)
        .await
        .expect(422);
    assert_eq!(app.count("evaluation_rounds").await, 0);
    assert_eq!(app.count("round_members").await, 0);
}
