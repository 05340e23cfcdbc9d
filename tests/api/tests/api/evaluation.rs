//! Evaluation rounds (issue 5): the criteria-set catalogue, setting up a committee's round,
//! who may, and what a round refuses.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};

const OFFICER: &str = "noivu.quan1";
const HEAD: &str = "hieutruong.cogiang";
const TEACHER: &str = "giaovien.cogiang.1";

pub(crate) async fn set_id(app: &TestApp, code: &str) -> Uuid {
    app.uuid(&format!(
        "SELECT id AS v FROM criteria_sets WHERE code = '{code}' AND version = 1"
    ))
    .await
}

pub(crate) async fn district_round(app: &TestApp, members: Value) -> crate::helpers::Resp {
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
    // The organiser: sets it up, records decisions, sees the board and the results.
    assert_eq!(
        created.body["allowed_actions"],
        json!(["manage", "decide", "view_board", "view_results"])
    );
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
    assert_eq!(
        seen.body["allowed_actions"],
        json!(["manage", "decide", "view_board", "view_results"])
    );
    let member = app.token("bcd.quan1.3").await;
    let seen = app
        .get(&format!("/api/v1/evaluation-rounds/{id}"), &member)
        .await
        .expect(200);
    assert_eq!(seen.body["my_role"], "member");
    // A member sees the board and the live results, and decides nothing alone.
    assert_eq!(
        seen.body["allowed_actions"],
        json!(["view_board", "view_results"])
    );
    // Listed for the committee and the district (with the demo's two rounds: the district's
    // and Cô Giang's, within Quận 1), not for people outside.
    let listed = app
        .get("/api/v1/evaluation-rounds", &member)
        .await
        .expect(200);
    assert_eq!(listed.body["total"], 3);
    assert!(listed.text.contains(&id.to_string()));
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
    // Only the demo rounds are there.
    assert_eq!(app.count("evaluation_rounds").await, 2);
    assert_eq!(app.count("round_members").await, 10);
}

pub(crate) async fn full_committee(app: &TestApp) -> Value {
    json!([
        { "user_id": app.user_id("bcd.quan1.1").await, "role": "chair" },
        { "user_id": app.user_id("bcd.quan1.2").await, "role": "secretary" },
        { "user_id": app.user_id("bcd.quan1.3").await, "role": "member" },
        { "user_id": app.user_id("bcd.quan1.4").await, "role": "member" },
        { "user_id": app.user_id("bcd.quan1.5").await, "role": "member" },
    ])
}

/// Completed initiatives of Cô Giang, Trần Hưng Đạo and the steering committee's own unit.
pub(crate) async fn completed(app: &TestApp) -> (Uuid, Uuid, Uuid) {
    let campaign = app.campaign_id("175/KH-UBND").await;
    let mut ids = Vec::new();
    for (unit, author) in [
        ("Q1-MN-COGIANG", "giaovien.cogiang.3"),
        ("Q1-TH-TRANHUNGDAO", "giaovien.tranhungdao.1"),
        ("Q1-BCD-CCHC", "bcd.quan1.3"),
    ] {
        let org = app.org_id(unit).await;
        let who = app.user_id(author).await;
        ids.push(
            app.insert_initiative(org, campaign, "completed", who, &[(who, 100)])
                .await,
        );
    }
    (ids[0], ids[1], ids[2])
}

#[tokio::test]
async fn initiatives_enter_a_round_and_get_balanced_evaluators_without_conflicts() {
    let app = spawn_app().await;
    let (cg, thd, bcd) = completed(&app).await;
    let round = district_round(&app, full_committee(&app).await)
        .await
        .expect(201);
    let id = round.uuid("/id");
    let chair = app.token("bcd.quan1.1").await;
    // By default: every completed initiative of the campaign within Quận 1.
    let entries = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/entries"),
            &chair,
            &json!({}),
        )
        .await
        .expect(200);
    let entries = entries.body.as_array().unwrap().clone();
    let entry_of = |initiative: Uuid| {
        entries
            .iter()
            .find(|e| e["initiative"]["id"] == json!(initiative))
            .map(|e| e["id"].as_str().unwrap().parse::<Uuid>().unwrap())
            .unwrap()
    };
    let (e_cg, e_thd, e_bcd) = (entry_of(cg), entry_of(thd), entry_of(bcd));
    let demo_completed = entries.len() - 3;

    // By hand: the author of the committee's own initiative may not score it, nor (in the
    // district's round) anyone of that unit; the secretary does not score.
    let assign = |entry: Uuid, who: Uuid| {
        let chair = chair.clone();
        let app = &app;
        async move {
            app.post(
                &format!("/api/v1/evaluation-rounds/{id}/assignments"),
                &chair,
                &json!({ "entry_id": entry, "evaluator_id": who }),
            )
            .await
        }
    };
    let b3 = app.user_id("bcd.quan1.3").await;
    let b4 = app.user_id("bcd.quan1.4").await;
    assign(e_bcd, b3)
        .await
        .expect_problem(422, "conflict_of_interest");
    assign(e_bcd, b4)
        .await
        .expect_problem(422, "conflict_of_interest");
    assign(e_cg, app.user_id("bcd.quan1.2").await)
        .await
        .expect_problem(422, "validation_failed");
    // The answer is the entry with its evaluators now.
    let cg_row = assign(e_cg, b3).await.expect(200).body;
    assert_eq!(cg_row["id"], json!(e_cg));
    assert_eq!(cg_row["assignments"][0]["evaluator"]["id"], json!(b3));
    assert_eq!(cg_row["assignments"][0]["sheet"], "due");

    // Automatically: three each where three may, loads within one of each other.
    let board = app
        .action(
            &format!("/api/v1/evaluation-rounds/{id}/assignments/auto"),
            &chair,
        )
        .await
        .expect(200);
    let rows = board.body.as_array().unwrap();
    let mut load: std::collections::HashMap<String, usize> = Default::default();
    for e in rows {
        let a = e["assignments"].as_array().unwrap();
        if e["id"] == json!(e_bcd) {
            // Everyone who scores belongs to the committee's own unit.
            assert!(a.is_empty());
        } else {
            assert_eq!(a.len(), 3, "{}", e["initiative"]["title"]);
        }
        for x in a {
            *load
                .entry(x["evaluator"]["id"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let (lo, hi) = (load.values().min().unwrap(), load.values().max().unwrap());
    assert!(hi - lo <= 1, "{load:?}");
    assert_eq!(load.values().sum::<usize>(), 3 * (2 + demo_completed));

    // A member declares a conflict: recused; the next balancing gives the entry another.
    let mine = rows.iter().find(|e| e["id"] == json!(e_thd)).unwrap()["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["evaluator"]["id"] == json!(b3) || a["evaluator"]["id"] == json!(b4))
        .cloned()
        .unwrap();
    let who = mine["evaluator"]["id"].as_str().unwrap();
    let member = app
        .token(if who == b3.to_string() {
            "bcd.quan1.3"
        } else {
            "bcd.quan1.4"
        })
        .await;
    let recuse = format!(
        "/api/v1/evaluation-assignments/{}/recuse",
        mine["id"].as_str().unwrap()
    );
    app.post(&recuse, &chair, &json!({ "note": "Không phải tôi" }))
        .await
        .expect_problem(403, "forbidden");
    app.post(&recuse, &member, &json!({ "note": " " }))
        .await
        .expect(422);
    app.post(
        &recuse,
        &member,
        &json!({ "note": "Vợ tôi là tác giả của sáng kiến này." }),
    )
    .await
    .expect(204);
    app.post(&recuse, &member, &json!({ "note": "Lần nữa" }))
        .await
        .expect_problem(409, "cannot_recuse");
    let board = app
        .action(
            &format!("/api/v1/evaluation-rounds/{id}/assignments/auto"),
            &chair,
        )
        .await
        .expect(200);
    let thd_row = board
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == json!(e_thd))
        .unwrap()
        .clone();
    let a = thd_row["assignments"].as_array().unwrap();
    assert_eq!(a.len(), 4);
    assert_eq!(a.iter().filter(|x| x["recused"] == false).count(), 3);
    let recused = a.iter().find(|x| x["recused"] == true).unwrap();
    assert_eq!(
        recused["conflict_note"],
        "Vợ tôi là tác giả của sáng kiến này."
    );

    // The authors never see the board; the district's officer (the organiser) does.
    app.get(
        &format!("/api/v1/evaluation-rounds/{id}/entries"),
        &app.token("giaovien.cogiang.3").await,
    )
    .await
    .expect_problem(404, "not_found");
    app.get(
        &format!("/api/v1/evaluation-rounds/{id}/entries"),
        &app.token(OFFICER).await,
    )
    .await
    .expect(200);
    // Removing an entry is for the set-up only; a draft initiative cannot enter.
    let draft = app
        .insert_initiative(
            app.org_id("Q1-MN-COGIANG").await,
            app.campaign_id("175/KH-UBND").await,
            "draft",
            app.user_id(TEACHER).await,
            &[],
        )
        .await;
    let r = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/entries"),
            &chair,
            &json!({ "initiative_ids": [cg, draft] }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        r.field_errors(),
        vec![("initiative_ids[1]".to_string(), "not_eligible".to_string())]
    );
    app.delete(
        &format!("/api/v1/evaluation-rounds/{id}/entries/{e_bcd}"),
        &chair,
    )
    .await
    .expect(204);
    app.delete(
        &format!("/api/v1/evaluation-rounds/{id}/entries/{e_bcd}"),
        &chair,
    )
    .await
    .expect_problem(404, "not_found");
}

#[tokio::test]
async fn in_a_units_own_round_colleagues_score_but_authors_do_not_and_do_not_see_the_board() {
    let app = spawn_app().await;
    let head = app.token(HEAD).await;
    let campaign = app.campaign_id("175/KH-UBND").await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let author = app.user_id("giaovien.cogiang.4").await;
    let initiative = app
        .insert_initiative(cogiang, campaign, "completed", author, &[(author, 100)])
        .await;
    let round = app
        .post(
            "/api/v1/evaluation-rounds",
            &head,
            &json!({
                "campaign_id": campaign,
                "level": "unit_committee",
                "title": "Ban Chỉ đạo CCHC Trường Mầm non Cô Giang",
                "criteria_set_id": set_id(&app, "seed-selection").await,
                "scoring_opens_on": "2023-12-01",
                "scoring_closes_on": "2023-12-15",
                "evaluators_per_initiative": 2,
                "members": [
                    { "user_id": app.user_id(HEAD).await, "role": "chair" },
                    { "user_id": app.user_id("phohieutruong.cogiang").await, "role": "secretary" },
                    { "user_id": author, "role": "member" },
                    { "user_id": app.user_id("giaovien.cogiang.5").await, "role": "member" },
                ],
            }),
        )
        .await
        .expect(201);
    let id = round.uuid("/id");
    let board = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/entries"),
            &head,
            &json!({ "initiative_ids": [initiative] }),
        )
        .await
        .expect(200);
    let entry = board.uuid("/0/id");
    app.post(
        &format!("/api/v1/evaluation-rounds/{id}/assignments"),
        &head,
        &json!({ "entry_id": entry, "evaluator_id": author }),
    )
    .await
    .expect_problem(422, "conflict_of_interest");
    let board = app
        .action(
            &format!("/api/v1/evaluation-rounds/{id}/assignments/auto"),
            &head,
        )
        .await
        .expect(200);
    let who: Vec<&str> = board.body[0]["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["evaluator"]["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(who.len(), 2, "the head and the other teacher: {who:?}");
    // A teacher of the school sees the round but not who scores what.
    let teacher = app.token(TEACHER).await;
    app.get(&format!("/api/v1/evaluation-rounds/{id}"), &teacher)
        .await
        .expect(200);
    app.get(&format!("/api/v1/evaluation-rounds/{id}/entries"), &teacher)
        .await
        .expect_problem(403, "forbidden");
}

#[tokio::test]
async fn evaluators_score_submit_and_see_each_other_only_after_their_own() {
    let app = spawn_app().await;
    let (cg, _, _) = completed(&app).await;
    let round = district_round(&app, full_committee(&app).await)
        .await
        .expect(201);
    let id = round.uuid("/id");
    let chair = app.token("bcd.quan1.1").await;
    let board = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/entries"),
            &chair,
            &json!({ "initiative_ids": [cg] }),
        )
        .await
        .expect(200);
    let entry = board.uuid("/0/id");
    let mut assignment = std::collections::HashMap::new();
    for name in ["bcd.quan1.3", "bcd.quan1.4", "bcd.quan1.5"] {
        let who = app.user_id(name).await;
        let b = app
            .post(
                &format!("/api/v1/evaluation-rounds/{id}/assignments"),
                &chair,
                &json!({ "entry_id": entry, "evaluator_id": who }),
            )
            .await
            .expect(200);
        let a = b.body["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["evaluator"]["id"] == json!(who))
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        assignment.insert(name, a);
    }
    let sheet = |name: &str| format!("/api/v1/evaluation-assignments/{}/sheet", assignment[name]);
    let (t3, t4, t5) = (
        app.token("bcd.quan1.3").await,
        app.token("bcd.quan1.4").await,
        app.token("bcd.quan1.5").await,
    );
    let full = json!({
        "scores": { "solves_problems": 25, "social_impact": 20, "superiority": 18, "future_development": 15 },
        "gates": { "legality": true },
        "comments": { "social_impact": "Phụ huynh tiết kiệm thời gian đi lại." },
        "overall_comment": "Mô hình thiết thực, nên nhân rộng."
    });
    // Not before scoring opens.
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.3"),
        Some(&t3),
        Some("*"),
        Some(&full),
    )
    .await
    .expect_problem(409, "invalid_transition");
    app.action(
        &format!("/api/v1/evaluation-rounds/{id}/start-scoring"),
        &t3,
    )
    .await
    .expect_problem(403, "forbidden");
    let started = app
        .action(
            &format!("/api/v1/evaluation-rounds/{id}/start-scoring"),
            &chair,
        )
        .await
        .expect(200);
    assert_eq!(started.body["status"], "scoring");
    app.action(
        &format!("/api/v1/evaluation-rounds/{id}/start-scoring"),
        &chair,
    )
    .await
    .expect_problem(409, "invalid_transition");

    // One's own sheet, with the criteria and their guidance; not another's.
    let mine = app.get(&sheet("bcd.quan1.3"), &t3).await.expect(200);
    assert_eq!(mine.body["status"], "due");
    assert_eq!(mine.body["criteria"].as_array().unwrap().len(), 5);
    assert!(
        mine.body["criteria"][1]["guidance_vi"]
            .as_str()
            .unwrap()
            .contains("số liệu")
    );
    assert_eq!(mine.body["allowed_actions"], json!(["save", "submit"]));
    app.get(&sheet("bcd.quan1.3"), &t4)
        .await
        .expect_problem(403, "forbidden");
    // A score above the criterion's maximum: 422 naming it; nothing saved.
    let r = app
        .call(
            reqwest::Method::PUT,
            &sheet("bcd.quan1.3"),
            Some(&t3),
            Some("*"),
            Some(&json!({ "scores": { "solves_problems": 31, "novelty": 1 } })),
        )
        .await
        .expect_problem(422, "validation_failed");
    let fields = r.field_errors();
    assert!(fields.contains(&("scores.solves_problems".into(), "out_of_range".into())));
    assert!(fields.contains(&("scores.novelty".into(), "unknown_criterion".into())));
    assert!(r.body.to_string().contains("Giải quyết các vấn đề đặt ra"));
    assert_eq!(
        app.count(&format!(
            "score_sheets WHERE assignment_id = '{}'",
            assignment["bcd.quan1.3"]
        ))
        .await,
        0
    );
    // A draft, then an incomplete submission lists what is missing.
    let draft = app
        .call(
            reqwest::Method::PUT,
            &sheet("bcd.quan1.3"),
            Some(&t3),
            Some("*"),
            Some(&json!({ "scores": { "solves_problems": 20 } })),
        )
        .await
        .expect(200);
    assert_eq!(draft.body["status"], "draft");
    assert_eq!(draft.body["total"], 20.0);
    assert_eq!(draft.body["round"]["id"], json!(id));
    assert_eq!(draft.body["recused"], false);
    let r = app
        .action(&format!("{}/submit", sheet("bcd.quan1.3")), &t3)
        .await
        .expect_problem(422, "incomplete_sheet");
    let missing = r.field_errors();
    assert_eq!(missing.len(), 4);
    // The unanswered gate is named where it is answered.
    assert!(missing.contains(&("gates.legality".into(), "required".into())));
    // Two tabs: a save without If-Match, or over a stale ETag, is refused and changes nothing.
    let stale = draft.header("etag").unwrap();
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.3"),
        Some(&t3),
        None,
        Some(&full),
    )
    .await
    .expect_problem(428, "precondition_required");
    let current = app
        .call(
            reqwest::Method::PUT,
            &sheet("bcd.quan1.3"),
            Some(&t3),
            Some(&stale),
            Some(&json!({ "scores": { "solves_problems": 21 } })),
        )
        .await
        .expect(200)
        .header("etag")
        .unwrap();
    assert_ne!(current, stale);
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.3"),
        Some(&t3),
        Some(&stale),
        Some(&full),
    )
    .await
    .expect_problem(412, "precondition_failed");
    // Complete, submitted, locked.
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.3"),
        Some(&t3),
        Some(&current),
        Some(&full),
    )
    .await
    .expect(200);
    let sent = app
        .action(&format!("{}/submit", sheet("bcd.quan1.3")), &t3)
        .await
        .expect(200);
    assert_eq!(sent.body["status"], "submitted");
    assert_eq!(sent.body["total"], 78.0);
    assert_eq!(sent.body["allowed_actions"], json!([]));
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.3"),
        Some(&t3),
        Some("*"),
        Some(&full),
    )
    .await
    .expect_problem(409, "sheet_submitted");

    // The others' sheets: after one's own only.
    let others = format!("/api/v1/evaluation-rounds/{id}/entries/{entry}/sheets");
    app.get(&others, &t4)
        .await
        .expect_problem(403, "submit_first");
    let seen = app.get(&others, &t3).await.expect(200);
    assert_eq!(seen.body.as_array().unwrap().len(), 1);
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.4"),
        Some(&t4),
        Some("*"),
        Some(&full),
    )
    .await
    .expect(200);
    app.action(&format!("{}/submit", sheet("bcd.quan1.4")), &t4)
        .await
        .expect(200);
    let seen = app.get(&others, &t4).await.expect(200);
    assert_eq!(seen.body.as_array().unwrap().len(), 2);
    // The chair sees every sheet, due ones included; authors see nothing of it.
    let all = app.get(&others, &chair).await.expect(200);
    assert_eq!(all.body.as_array().unwrap().len(), 3);
    app.get(&others, &app.token("giaovien.cogiang.3").await)
        .await
        .expect_problem(404, "not_found");

    // The chair reopens a sheet with a reason; a member may not.
    let reopen = format!("{}/reopen", sheet("bcd.quan1.3"));
    app.post(&reopen, &t4, &json!({ "reason": "Tôi muốn" }))
        .await
        .expect_problem(403, "forbidden");
    app.post(&reopen, &chair, &json!({ "reason": "" }))
        .await
        .expect(422);
    let reopened = app
        .post(
            &reopen,
            &chair,
            &json!({ "reason": "Điểm tiêu chí 3 chưa khớp nhận xét." }),
        )
        .await
        .expect(200);
    assert_eq!(reopened.body["status"], "draft");
    assert_eq!(
        reopened.body["reopened_reason"],
        "Điểm tiêu chí 3 chưa khớp nhận xét."
    );
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.3"),
        Some(&t3),
        Some("*"),
        Some(&full),
    )
    .await
    .expect(200);

    // A recused evaluator does not score.
    app.post(
        &format!(
            "/api/v1/evaluation-assignments/{}/recuse",
            assignment["bcd.quan1.5"]
        ),
        &t5,
        &json!({ "note": "Tôi từng tư vấn cho sáng kiến này." }),
    )
    .await
    .expect(204);
    app.call(
        reqwest::Method::PUT,
        &sheet("bcd.quan1.5"),
        Some(&t5),
        Some("*"),
        Some(&full),
    )
    .await
    .expect_problem(403, "forbidden");
    assert_eq!(
        app.count("audit_log WHERE action LIKE 'score_sheet.%'")
            .await,
        3
    );
}

#[tokio::test]
async fn results_rank_by_aggregate_with_gates_and_the_stated_tie_break() {
    let app = spawn_app().await;
    let (cg, thd, _) = completed(&app).await;
    let round = district_round(&app, full_committee(&app).await)
        .await
        .expect(201);
    let id = round.uuid("/id");
    let chair = app.token("bcd.quan1.1").await;
    app.post(
        &format!("/api/v1/evaluation-rounds/{id}/entries"),
        &chair,
        &json!({ "initiative_ids": [cg, thd] }),
    )
    .await
    .expect(200);
    let board = app
        .action(
            &format!("/api/v1/evaluation-rounds/{id}/assignments/auto"),
            &chair,
        )
        .await
        .expect(200);
    // Scores written straight to the sheets: Cô Giang's gets 70 and 80 and a failed gate in
    // one sheet; Trần Hưng Đạo's 60 and 50; the third sheet of each stays due.
    let mut n = 0;
    for e in board.body.as_array().unwrap() {
        let cg_entry = e["initiative"]["id"] == json!(cg);
        for (k, a) in e["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .take(2)
            .enumerate()
        {
            let (points, legal) = match (cg_entry, k) {
                (true, 0) => (70, true),
                (true, _) => (80, false),
                (false, 0) => (60, true),
                (false, _) => (50, true),
            };
            app.exec_ok(&format!(
                "INSERT INTO score_sheets (assignment_id, scores, gates, status, submitted_at) \
                 VALUES ('{}', '{{\"solves_problems\": {points}}}', '{{\"legality\": {legal}}}', \
                 'submitted', now())",
                a["id"].as_str().unwrap()
            ))
            .await;
            n += 1;
        }
    }
    assert_eq!(n, 4);
    let results = app
        .get(&format!("/api/v1/evaluation-rounds/{id}/results"), &chair)
        .await
        .expect(200);
    let ranking = results.body["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 2);
    // Trần Hưng Đạo first: Cô Giang has more points (75) but failed the legality gate.
    assert_eq!(ranking[0]["initiative"]["id"], json!(thd));
    assert_eq!(ranking[0]["total"], 55.0);
    assert_eq!(ranking[0]["rank"], 1);
    assert_eq!(ranking[0]["eligible"], true);
    assert_eq!(ranking[1]["total"], 75.0);
    assert_eq!(ranking[1]["gate_failed"], true);
    assert_eq!(ranking[1]["eligible"], false);
    assert_eq!(ranking[1]["sheets_submitted"], 2);
    assert_eq!(ranking[1]["sheets_expected"], 3);
    assert_eq!(ranking[1]["per_criterion"][0]["code"], "solves_problems");
    assert_eq!(ranking[1]["per_criterion"][0]["value"], 75.0);
    assert_eq!(results.body["max_total"], 100.0);
    assert!(
        results.body["tie_break_vi"]
            .as_str()
            .unwrap()
            .contains("phiếu thấp nhất")
    );
    let progress = &results.body["progress"];
    assert_eq!(progress["expected"], 6);
    assert_eq!(progress["submitted"], 4);
    assert_eq!(progress["due"], 2);
    // The scoring window (to 08/12/2023) is past and two sheets are missing.
    assert_eq!(progress["overdue"], true);
    // A member sees them; an author of Cô Giang's does not reach the district's round.
    app.get(
        &format!("/api/v1/evaluation-rounds/{id}/results"),
        &app.token("bcd.quan1.4").await,
    )
    .await
    .expect(200);
    app.get(
        &format!("/api/v1/evaluation-rounds/{id}/results"),
        &app.token("giaovien.cogiang.3").await,
    )
    .await
    .expect_problem(404, "not_found");
}

/// The sheets of an entry are read through its own round only: a round one oversees does not
/// open another round's entries.
#[tokio::test]
async fn an_entry_is_read_through_its_own_round() {
    let app = spawn_app().await;
    let (cg, _, _) = completed(&app).await;
    let district = district_round(&app, full_committee(&app).await)
        .await
        .expect(201)
        .uuid("/id");
    let chair = app.token("bcd.quan1.1").await;
    let entry = app
        .post(
            &format!("/api/v1/evaluation-rounds/{district}/entries"),
            &chair,
            &json!({ "initiative_ids": [cg] }),
        )
        .await
        .expect(200)
        .uuid("/0/id");
    // Cô Giang's own round, overseen by its head.
    let head = app.token(HEAD).await;
    let own = app
        .post(
            "/api/v1/evaluation-rounds",
            &head,
            &json!({
                "campaign_id": app.campaign_id("175/KH-UBND").await,
                "level": "unit_committee",
                "title": "Ban Chỉ đạo CCHC Trường Mầm non Cô Giang",
                "criteria_set_id": set_id(&app, "seed-selection").await,
                "scoring_opens_on": "2023-12-01",
                "scoring_closes_on": "2023-12-15",
                "members": [
                    { "user_id": app.user_id(HEAD).await, "role": "chair" },
                    { "user_id": app.user_id("phohieutruong.cogiang").await, "role": "secretary" },
                    { "user_id": app.user_id("congdoan.cogiang").await, "role": "member" },
                ],
            }),
        )
        .await
        .expect(201)
        .uuid("/id");
    app.get(
        &format!("/api/v1/evaluation-rounds/{own}/entries/{entry}/sheets"),
        &head,
    )
    .await
    .expect_problem(404, "not_found");
    app.get(
        &format!("/api/v1/evaluation-rounds/{district}/entries/{entry}/sheets"),
        &chair,
    )
    .await
    .expect(200);
}
