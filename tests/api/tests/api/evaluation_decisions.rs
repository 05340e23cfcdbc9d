//! Evaluation rounds, second part (issue 5): reminders, the evaluator's workspace and dossier,
//! the committee's decisions and the two-thirds rule, closing (with the model a unit
//! committee must choose), publishing, what authors then see, and the minutes.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::evaluation::{completed, district_round, full_committee, set_id};
use crate::exports::{document_xml, download, named_sheet};
use crate::helpers::{TestApp, spawn_app};

const EVALUATOR_NAMES: [&str; 2] = ["Hồ Minh Tuấn", "Lâm Thị Thùy Linh"];

/// A district round in scoring over the given initiatives, each assigned to bcd.quan1.3 and
/// bcd.quan1.4; returns the round id and the board.
async fn scoring_round(app: &TestApp, initiatives: &[Uuid]) -> (Uuid, Value) {
    let round = district_round(app, full_committee(app).await)
        .await
        .expect(201);
    let id = round.uuid("/id");
    let chair = app.token("bcd.quan1.1").await;
    let board = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/entries"),
            &chair,
            &json!({ "initiative_ids": initiatives }),
        )
        .await
        .expect(200);
    for e in board.body.as_array().unwrap() {
        for name in ["bcd.quan1.3", "bcd.quan1.4"] {
            app.post(
                &format!("/api/v1/evaluation-rounds/{id}/assignments"),
                &chair,
                &json!({ "entry_id": e["id"], "evaluator_id": app.user_id(name).await }),
            )
            .await
            .expect(200);
        }
    }
    app.action(
        &format!("/api/v1/evaluation-rounds/{id}/start-scoring"),
        &chair,
    )
    .await
    .expect(200);
    let board = app
        .get(&format!("/api/v1/evaluation-rounds/{id}/entries"), &chair)
        .await
        .expect(200);
    assert_eq!(board.body["total"], initiatives.len());
    (id, board.body["items"].clone())
}

/// Writes a submitted sheet straight to the database.
async fn submitted_sheet(app: &TestApp, assignment: &Value, points: u32, legal: bool) {
    app.exec_ok(&format!(
        "INSERT INTO score_sheets (assignment_id, scores, gates, status, submitted_at) \
         VALUES ('{}', '{{\"solves_problems\": {points}}}', '{{\"legality\": {legal}}}', \
         'submitted', now())",
        assignment["id"].as_str().unwrap()
    ))
    .await;
}

fn entry_of(board: &Value, initiative: Uuid) -> &Value {
    board
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["initiative"]["id"] == json!(initiative))
        .unwrap()
}

fn decision(verdict: &str, selected: bool, votes: (i32, i32, i32)) -> Value {
    json!({
        "verdict": verdict,
        "selected_for_award": selected,
        "votes_for": votes.0,
        "votes_against": votes.1,
        "votes_abstain": votes.2,
        "note": "Hội đồng thống nhất theo kết quả chấm.",
    })
}

async fn put(app: &TestApp, path: &str, token: &str, body: &Value) -> crate::helpers::Resp {
    app.call(reqwest::Method::PUT, path, Some(token), None, Some(body))
        .await
}

#[tokio::test]
async fn the_chair_reminds_evaluators_who_see_it_in_their_workspace() {
    let app = spawn_app().await;
    let (cg, _, _) = completed(&app).await;
    let (id, board) = scoring_round(&app, &[cg]).await;
    let entry = entry_of(&board, cg);
    // The results are computed once per change of the data: a sheet submitted (here even by
    // a statement outside the server) shows at once.
    let chair = app.token("bcd.quan1.1").await;
    let results = format!("/api/v1/evaluation-rounds/{id}/results");
    let before = app.get(&results, &chair).await.expect(200);
    assert_eq!(before.body["progress"]["submitted"], 0);
    assert_eq!(
        app.get(&results, &chair).await.expect(200).body,
        before.body
    );
    submitted_sheet(&app, &entry["assignments"][0], 80, true).await;
    let after = app.get(&results, &chair).await.expect(200);
    assert_eq!(after.body["progress"]["submitted"], 1);
    assert_eq!(after.body["ranking"][0]["total"], 80.0);
    let member = app.token("bcd.quan1.3").await;
    app.action(
        &format!("/api/v1/evaluation-rounds/{id}/reminders"),
        &member,
    )
    .await
    .expect_problem(403, "forbidden");
    let chair = app.token("bcd.quan1.1").await;
    let sent = app
        .action(&format!("/api/v1/evaluation-rounds/{id}/reminders"), &chair)
        .await
        .expect(200);
    // Only the sheet still due: bcd.quan1.4's.
    assert_eq!(sent.body["sheets"], 1);
    assert_eq!(
        sent.body["evaluators"][0]["display_name"],
        EVALUATOR_NAMES[1]
    );
    let late = app.token("bcd.quan1.4").await;
    let mine = app
        .get("/api/v1/evaluation-assignments", &late)
        .await
        .expect(200);
    // The demo's finished district round (four initiatives) is there too, after this one.
    let mine = mine.body.as_array().unwrap();
    assert_eq!(mine.len(), 5);
    assert_eq!(mine[0]["sheet"], "due");
    assert_eq!(mine[0]["round"]["id"], json!(id));
    assert_eq!(mine[0]["round"]["status"], "scoring");
    assert!(mine[0]["reminded_at"].is_string());
    let done = app
        .get("/api/v1/evaluation-assignments", &member)
        .await
        .expect(200);
    assert_eq!(done.body[0]["sheet"], "submitted");
    assert!(done.body[0]["reminded_at"].is_null());
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'evaluation_round.remind' AND entity_id = '{id}'"
        ))
        .await,
        1
    );
    // Somebody without assignments has an empty workspace.
    let teacher = app.token("giaovien.cogiang.1").await;
    let none = app
        .get("/api/v1/evaluation-assignments", &teacher)
        .await
        .expect(200);
    assert_eq!(none.body, json!([]));
}

#[tokio::test]
async fn an_evaluator_reads_the_dossier_and_its_evidence_wherever_the_unit_is() {
    let app = spawn_app().await;
    let (cg, _, _) = completed(&app).await;
    let author = app.token("giaovien.cogiang.3").await;
    let file = app
        .upload(
            &author,
            cg,
            "implementation_plan",
            "Kế hoạch thực hiện.pdf",
            crate::helpers::pdf("Ke hoach"),
        )
        .await
        .expect(201)
        .uuid("/id");
    // A district round whose committee counts the ward's chairman, who has no reach into
    // the school: being assigned opens the dossier and its evidence, nothing else.
    let mut members = full_committee(&app).await;
    members
        .as_array_mut()
        .unwrap()
        .push(json!({ "user_id": app.user_id("chutich.bennghe").await, "role": "member" }));
    let id = district_round(&app, members).await.expect(201).uuid("/id");
    let chair = app.token("bcd.quan1.1").await;
    let entry = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/entries"),
            &chair,
            &json!({ "initiative_ids": [cg] }),
        )
        .await
        .expect(200)
        .str("/0/id");
    let board = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/assignments"),
            &chair,
            &json!({ "entry_id": entry, "evaluator_id": app.user_id("chutich.bennghe").await }),
        )
        .await
        .expect(200);
    let a = board.body["assignments"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let evaluator = app.token("chutich.bennghe").await;
    app.get(&format!("/api/v1/initiatives/{cg}"), &evaluator)
        .await
        .expect(404);
    let dossier = app
        .get(
            &format!("/api/v1/evaluation-assignments/{a}/dossier"),
            &evaluator,
        )
        .await
        .expect(200);
    assert_eq!(dossier.body["initiative"]["id"], json!(cg));
    assert_eq!(dossier.body["files"][0]["id"], json!(file));
    let url = dossier.body["files"][0]["download_url"].as_str().unwrap();
    let (status, _, bytes) = download(&app, url, &evaluator).await;
    assert_eq!(status, 200);
    assert!(bytes.starts_with(b"%PDF"));
    // Somebody else reads neither, even of the committee.
    for other in ["giaovien.vanlang.1", "bcd.quan1.5"] {
        let other = app.token(other).await;
        app.get(
            &format!("/api/v1/evaluation-assignments/{a}/dossier"),
            &other,
        )
        .await
        .expect_problem(404, "not_found");
    }
    let stranger = app.token("giaovien.vanlang.1").await;
    assert_eq!(download(&app, url, &stranger).await.0, 404);
    // A recused evaluator no longer does.
    app.post(
        &format!("/api/v1/evaluation-assignments/{a}/recuse"),
        &evaluator,
        &json!({ "note": "Tôi từng hướng dẫn nhóm tác giả." }),
    )
    .await
    .expect(204);
    app.get(
        &format!("/api/v1/evaluation-assignments/{a}/dossier"),
        &evaluator,
    )
    .await
    .expect_problem(403, "forbidden");
    assert_eq!(download(&app, url, &evaluator).await.0, 404);
}

#[tokio::test]
async fn decisions_need_two_thirds_close_and_publish_and_authors_see_the_aggregate_only() {
    let app = spawn_app().await;
    let (cg, thd, _) = completed(&app).await;
    let (id, board) = scoring_round(&app, &[cg, thd]).await;
    // The board comes a page at a time, and can be searched by title (without diacritics).
    let chair = app.token("bcd.quan1.1").await;
    let second = app
        .get(
            &format!("/api/v1/evaluation-rounds/{id}/entries?page=2&per_page=1"),
            &chair,
        )
        .await
        .expect(200);
    assert_eq!(second.body["total"], 2);
    assert_eq!(second.body["items"].as_array().unwrap().len(), 1);
    assert_eq!(second.body["items"][0]["id"], board[1]["id"]);
    assert_eq!(
        second.body["items"][0]["assignments"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let title = board[0]["initiative"]["title"]
        .as_str()
        .unwrap()
        .to_string();
    // As a person types it: without diacritics, in lower case.
    let folded = thidua_domain::text::fold(&title);
    let found = app
        .get(
            &format!(
                "/api/v1/evaluation-rounds/{id}/entries?q={}",
                urlencode(&folded)
            ),
            &chair,
        )
        .await
        .expect(200);
    assert!(found.body["total"].as_i64().unwrap() >= 1);
    assert_eq!(found.body["items"][0]["initiative"]["title"], json!(title));
    app.get(
        &format!("/api/v1/evaluation-rounds/{id}/entries?per_page=500"),
        &chair,
    )
    .await
    .expect_problem(400, "invalid_query");
    let (cg_entry, thd_entry) = (
        entry_of(&board, cg)["id"].as_str().unwrap().to_string(),
        entry_of(&board, thd)["id"].as_str().unwrap().to_string(),
    );
    let secretary = app.token("bcd.quan1.2").await;
    let member = app.token("bcd.quan1.3").await;
    let decide = |entry: &str| format!("/api/v1/evaluation-rounds/{id}/entries/{entry}/decision");

    // Sheets still due: no decision yet.
    put(
        &app,
        &decide(&cg_entry),
        &chair,
        &decision("accepted", true, (5, 0, 0)),
    )
    .await
    .expect_problem(422, "scoring_incomplete");
    let cg_sheets = entry_of(&board, cg)["assignments"].clone();
    submitted_sheet(&app, &cg_sheets[0], 80, true).await;
    submitted_sheet(&app, &cg_sheets[1], 70, true).await;
    let thd_sheets = entry_of(&board, thd)["assignments"].clone();
    submitted_sheet(&app, &thd_sheets[0], 90, true).await;
    submitted_sheet(&app, &thd_sheets[1], 85, false).await;

    // Short of two thirds of the five members: refused with the reason, nothing changed.
    let short = put(
        &app,
        &decide(&cg_entry),
        &chair,
        &decision("accepted", true, (3, 1, 1)),
    )
    .await
    .expect_problem(422, "two_thirds_not_reached");
    assert!(short.body["detail"].as_str().unwrap().contains("4 trên 5"));
    assert_eq!(short.field_errors()[0].0, "votes_for");
    put(
        &app,
        &decide(&cg_entry),
        &chair,
        &decision("accepted", false, (4, 1, 1)),
    )
    .await
    .expect_problem(422, "votes_exceed_members");
    put(
        &app,
        &decide(&cg_entry),
        &chair,
        &decision("not_accepted", true, (5, 0, 0)),
    )
    .await
    .expect_problem(422, "selected_not_accepted");
    put(
        &app,
        &decide(&cg_entry),
        &chair,
        &decision("accepted", false, (-1, 0, 0)),
    )
    .await
    .expect_problem(422, "validation_failed");
    // Trần Hưng Đạo's failed the legality gate in one sheet: it cannot be accepted.
    put(
        &app,
        &decide(&thd_entry),
        &chair,
        &decision("accepted", false, (5, 0, 0)),
    )
    .await
    .expect_problem(422, "ineligible");
    // A member records nothing; the entry must be the round's.
    put(
        &app,
        &decide(&cg_entry),
        &member,
        &decision("accepted", true, (5, 0, 0)),
    )
    .await
    .expect_problem(403, "forbidden");
    put(
        &app,
        &decide(&Uuid::now_v7().to_string()),
        &chair,
        &decision("accepted", true, (5, 0, 0)),
    )
    .await
    .expect_problem(404, "not_found");
    assert_eq!(app.initiative_status(cg).await, "completed");
    assert_eq!(
        app.count(&format!(
            "round_entries WHERE decision IS NOT NULL AND round_id = '{id}'"
        ))
        .await,
        0
    );

    // The secretary records the meeting's decision: the initiative is accepted.
    let decided = put(
        &app,
        &decide(&cg_entry),
        &secretary,
        &decision("accepted", true, (4, 0, 1)),
    )
    .await
    .expect(200);
    assert_eq!(decided.body["decision"]["verdict"], "accepted");
    assert_eq!(decided.body["decision"]["selected_for_award"], true);
    assert_eq!(decided.body["decision"]["votes_for"], 4);
    assert_eq!(app.initiative_status(cg).await, "accepted");
    assert_eq!(
        app.count(&format!(
            "initiative_transitions WHERE initiative_id = '{cg}' AND action = 'committee_accept' \
             AND from_status = 'completed' AND to_status = 'accepted'"
        ))
        .await,
        1
    );

    // Closing needs every initiative decided.
    let present = json!({ "present_member_ids": [
        app.user_id("bcd.quan1.1").await, app.user_id("bcd.quan1.2").await,
        app.user_id("bcd.quan1.3").await, app.user_id("bcd.quan1.4").await,
    ]});
    app.post(
        &format!("/api/v1/evaluation-rounds/{id}/close"),
        &chair,
        &present,
    )
    .await
    .expect_problem(422, "undecided_entries");
    put(
        &app,
        &decide(&thd_entry),
        &chair,
        &decision("not_accepted", false, (5, 0, 0)),
    )
    .await
    .expect(200);
    assert_eq!(app.initiative_status(thd).await, "not_accepted");

    // Publishing comes after closing; closing is the chair's or the organiser's, with members.
    app.action(&format!("/api/v1/evaluation-rounds/{id}/publish"), &chair)
        .await
        .expect_problem(409, "invalid_transition");
    app.post(
        &format!("/api/v1/evaluation-rounds/{id}/close"),
        &member,
        &present,
    )
    .await
    .expect_problem(403, "forbidden");
    let stranger = json!({ "present_member_ids": [app.user_id("giaovien.cogiang.1").await] });
    let refused = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/close"),
            &chair,
            &stranger,
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(refused.field_errors()[0].0, "present_member_ids[0]");
    let closed = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/close"),
            &chair,
            &present,
        )
        .await
        .expect(200);
    assert_eq!(closed.body["status"], "closed");
    assert!(closed.body["closed_at"].is_string());
    let absent: Vec<&Value> = closed.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["present"] == false)
        .collect();
    assert_eq!(absent.len(), 1);
    assert_eq!(absent[0]["user"]["display_name"], "Cao Văn Khánh");
    // Decisions are frozen with the meeting.
    put(
        &app,
        &decide(&thd_entry),
        &chair,
        &decision("not_accepted", false, (4, 1, 0)),
    )
    .await
    .expect_problem(409, "invalid_transition");

    // The minutes: the committee, attendance, the table with votes, the two signatures.
    let (status, headers, bytes) = download(
        &app,
        &format!("/api/v1/evaluation-rounds/{id}/minutes.docx"),
        &chair,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .contains("wordprocessingml")
    );
    let xml = document_xml(bytes);
    for s in [
        "BIÊN BẢN",
        "ỦY BAN NHÂN DÂN QUẬN 1",
        "Phòng họp số 2, Ủy ban nhân dân Quận 1",
        "Trương Văn Phúc — Chủ tịch Hội đồng (có mặt)",
        "Cao Văn Khánh — Ủy viên (vắng mặt)",
        "Có mặt 4/5 thành viên Hội đồng.",
        "4 / 0 / 1",
        "Nghiệm thu đạt; đề nghị khen thưởng",
        "không đạt tiêu chí bắt buộc",
        "CHỦ TỊCH HỘI ĐỒNG",
        "THƯ KÝ",
        "Đỗ Thị Bích Ngọc",
    ] {
        assert!(xml.contains(s), "the minutes lack {s}");
    }
    let (status, _, bytes) = download(
        &app,
        &format!("/api/v1/evaluation-rounds/{id}/results.xlsx"),
        &chair,
    )
    .await;
    assert_eq!(status, 200);
    let sheet = named_sheet(bytes, "Kết quả");
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "Tiêu chí 2"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "75"));

    // Before publication the author sees nothing of it.
    let author = app.token("giaovien.cogiang.3").await;
    let before = app
        .get(&format!("/api/v1/initiatives/{cg}/evaluations"), &author)
        .await
        .expect(200);
    assert_eq!(before.body, json!([]));

    let published = app
        .action(&format!("/api/v1/evaluation-rounds/{id}/publish"), &chair)
        .await
        .expect(200);
    assert_eq!(published.body["status"], "published");
    assert!(published.body["published_at"].is_string());
    app.action(&format!("/api/v1/evaluation-rounds/{id}/publish"), &chair)
        .await
        .expect_problem(409, "invalid_transition");

    // The author: the aggregate, the rank, the decision and the committee's note; no
    // evaluator named, no sheet.
    let seen = app
        .get(&format!("/api/v1/initiatives/{cg}/evaluations"), &author)
        .await
        .expect(200);
    let results = seen.body.as_array().unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["round"]["id"], json!(id));
    assert_eq!(r["result"]["total"], 75.0);
    // First: Trần Hưng Đạo's had more points but failed a gate.
    assert_eq!(r["result"]["rank"], 1);
    assert_eq!(r["ranked"], 2);
    assert_eq!(r["max_total"], 100.0);
    assert_eq!(r["result"]["decision"]["verdict"], "accepted");
    assert_eq!(
        r["result"]["decision"]["note"],
        "Hội đồng thống nhất theo kết quả chấm."
    );
    for name in EVALUATOR_NAMES {
        assert!(!seen.text.contains(name), "{name} is shown to the author");
    }
    assert!(!seen.text.contains("assignment"));
    // Nor can the author open the board, the sheets or the minutes.
    app.get(&format!("/api/v1/evaluation-rounds/{id}/entries"), &author)
        .await
        .expect(404);
    assert_eq!(
        download(
            &app,
            &format!("/api/v1/evaluation-rounds/{id}/minutes.docx"),
            &author
        )
        .await
        .0,
        404
    );
    // Somebody of the district who is not on the committee sees the published results, still
    // without names.
    let ward = app.token("chutich.bennghe").await;
    app.get(&format!("/api/v1/evaluation-rounds/{id}/results"), &ward)
        .await
        .expect(404);
    let officer = app.token("noivu.quan1").await;
    let public = app
        .get(&format!("/api/v1/evaluation-rounds/{id}/results"), &officer)
        .await
        .expect(200);
    for name in EVALUATOR_NAMES {
        assert!(!public.text.contains(name));
    }
    for action in ["decide", "close", "publish"] {
        assert_eq!(
            app.count(&format!(
                "audit_log WHERE action = 'evaluation_round.{action}' AND entity_id = '{id}'"
            ))
            .await,
            if action == "decide" { 2 } else { 1 },
            "{action}"
        );
    }
}

/// A unit's own round at Cô Giang over one initiative, scored by two colleagues.
async fn unit_round(app: &TestApp, legal: bool) -> (Uuid, String) {
    let head = app.token("hieutruong.cogiang").await;
    let campaign = app.campaign_id("175/KH-UBND").await;
    let org = app.org_id("Q1-MN-COGIANG").await;
    let author = app.user_id("giaovien.cogiang.5").await;
    let initiative = app
        .insert_initiative(org, campaign, "completed", author, &[(author, 100)])
        .await;
    let round = app
        .post(
            "/api/v1/evaluation-rounds",
            &head,
            &json!({
                "campaign_id": campaign,
                "level": "unit_committee",
                "organization_id": org,
                "title": "Hội đồng đánh giá sáng kiến Trường Mầm non Cô Giang",
                "criteria_set_id": set_id(app, "seed-selection").await,
                "scoring_opens_on": "2023-11-01",
                "scoring_closes_on": "2023-11-15",
                "members": [
                    { "user_id": app.user_id("hieutruong.cogiang").await, "role": "chair" },
                    { "user_id": app.user_id("phohieutruong.cogiang").await, "role": "secretary" },
                    { "user_id": app.user_id("congdoan.cogiang").await, "role": "member" },
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
    let entry = board.str("/0/id");
    let b = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/assignments"),
            &head,
            &json!({ "entry_id": entry, "evaluator_id": app.user_id("congdoan.cogiang").await }),
        )
        .await
        .expect(200);
    app.action(
        &format!("/api/v1/evaluation-rounds/{id}/start-scoring"),
        &head,
    )
    .await
    .expect(200);
    submitted_sheet(app, &b.body["assignments"][0], 75, legal).await;
    (id, entry)
}

#[tokio::test]
async fn a_unit_committee_must_choose_a_model_unless_none_was_eligible() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let present = json!({ "present_member_ids": [
        app.user_id("hieutruong.cogiang").await,
        app.user_id("phohieutruong.cogiang").await,
        app.user_id("congdoan.cogiang").await,
    ]});
    // An eligible initiative accepted but none selected: refused, per §III.2.2.
    let (id, entry) = unit_round(&app, true).await;
    put(
        &app,
        &format!("/api/v1/evaluation-rounds/{id}/entries/{entry}/decision"),
        &head,
        &decision("accepted", false, (3, 0, 0)),
    )
    .await
    .expect(200);
    let refused = app
        .post(
            &format!("/api/v1/evaluation-rounds/{id}/close"),
            &head,
            &present,
        )
        .await
        .expect_problem(422, "no_model_selected");
    assert!(refused.body["detail"].as_str().unwrap().contains("III.2.2"));
    assert_eq!(
        app.count(&format!(
            "evaluation_rounds WHERE id = '{id}' AND status = 'scoring'"
        ))
        .await,
        1
    );
    put(
        &app,
        &format!("/api/v1/evaluation-rounds/{id}/entries/{entry}/decision"),
        &head,
        &decision("accepted", true, (3, 0, 0)),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/evaluation-rounds/{id}/close"),
        &head,
        &present,
    )
    .await
    .expect(200);

    // Nothing eligible (the legality gate failed): closing without a model is right.
    let (id, entry) = unit_round(&app, false).await;
    put(
        &app,
        &format!("/api/v1/evaluation-rounds/{id}/entries/{entry}/decision"),
        &head,
        &decision("not_accepted", false, (3, 0, 0)),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/evaluation-rounds/{id}/close"),
        &head,
        &present,
    )
    .await
    .expect(200);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
