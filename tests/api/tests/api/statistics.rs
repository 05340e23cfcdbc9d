//! Counts over the demo initiatives (a dozen across six District 1 units, every state).

use crate::helpers::spawn_app;

fn count(list: &serde_json::Value, key: &str) -> i64 {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x["key"] == key)
        .map_or(0, |x| x["initiatives"].as_i64().unwrap())
}

#[tokio::test]
async fn statistics_follow_the_callers_reach() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let s = app
        .get("/api/v1/statistics/initiatives", &officer)
        .await
        .expect(200)
        .body;
    assert_eq!(s["total"]["initiatives"], 14, "{s}");
    assert_eq!(count(&s["by_status"], "in_progress"), 3);
    assert_eq!(count(&s["by_status"], "withdrawn"), 1);
    assert_eq!(count(&s["by_kind"], "model"), 3);
    let area = s["by_reform_area"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "digital_government")
        .unwrap();
    assert_eq!(
        area["name_vi"],
        "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số"
    );
    assert_eq!(
        s["by_unit"][0]["organization"]["name"],
        "Trường Mầm non Cô Giang"
    );
    assert_eq!(s["by_unit"][0]["initiatives"], 7);
    let sum: i64 = s["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["initiatives"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 14);
    let progress = s["total"]["mean_progress"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&progress));
    assert!(
        s["total"]["overdue_steps"].as_i64().unwrap()
            >= s["total"]["overdue_initiatives"].as_i64().unwrap()
    );

    // A unit head counts their unit only; a subtree filter narrows the officer's view.
    let head = app.token("hieutruong.cogiang").await;
    let mine = app
        .get("/api/v1/statistics/initiatives", &head)
        .await
        .expect(200)
        .body;
    assert_eq!(mine["total"]["initiatives"], 7);
    assert_eq!(mine["by_unit"].as_array().unwrap().len(), 1);
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let narrowed = app
        .get(
            &format!("/api/v1/statistics/initiatives?organization_id={cogiang}"),
            &officer,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(narrowed["total"], mine["total"]);

    // Another campaign has none; another unit's subtree is hidden.
    let other = app.campaign_id("112/KH-MNCG").await;
    let none = app
        .get(
            &format!("/api/v1/statistics/initiatives?campaign_id={other}"),
            &officer,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(none["total"]["initiatives"], 0);
    assert_eq!(none["by_status"].as_array().unwrap().len(), 0);
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    app.get(
        &format!("/api/v1/statistics/initiatives?organization_id={thd}"),
        &head,
    )
    .await
    .expect_problem(404, "not_found");
}

/// Statistics and list totals are cached under the data version: every write that changes
/// what they count shows at the next read, and the roadmap summary (progress, overdue) follows
/// the steps in the same transaction.
#[tokio::test]
async fn counts_follow_every_write_at_once() {
    let app = spawn_app().await;
    let officer = app.token("noivu.quan1").await;
    let teacher = app.token("giaovien.cogiang.1").await;
    let q1 = app.org_id("Q1").await;
    let campaign = app.insert_campaign(q1, "open").await.0;
    let stats_url = format!("/api/v1/statistics/initiatives?campaign_id={campaign}");
    let overdue_url = format!("/api/v1/initiatives?campaign_id={campaign}&overdue=true");
    let s = app.get(&stats_url, &officer).await.expect(200).body;
    assert_eq!(s["total"]["initiatives"], 0);
    let listed = app.get(&overdue_url, &officer).await.expect(200).body;
    assert_eq!(listed["total"], 0);

    // A draft with two steps, one past its day: counted, overdue, 0 % done.
    let created = app
        .post(
            "/api/v1/initiatives",
            &teacher,
            &serde_json::json!({
                "campaign_id": campaign,
                "kind": "solution",
                "reform_area": "administrative_procedures",
                "title": "Số hóa sổ theo dõi trẻ",
                "roadmap": [
                    { "title": "Khảo sát", "due_on": "2023-05-15" },
                    { "title": "Triển khai", "due_on": "2099-06-30" }
                ]
            }),
        )
        .await
        .expect(201);
    let s = app.get(&stats_url, &officer).await.expect(200).body;
    assert_eq!(s["total"]["initiatives"], 1, "{s}");
    assert_eq!(s["total"]["overdue_steps"], 1);
    assert_eq!(s["total"]["overdue_initiatives"], 1);
    assert_eq!(s["total"]["mean_progress"], 0.0);
    assert_eq!(
        s["by_unit"][0]["organization"]["name"],
        "Trường Mầm non Cô Giang"
    );
    assert_eq!(count(&s["by_status"], "draft"), 1);
    let listed = app.get(&overdue_url, &officer).await.expect(200).body;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["id"], created.body["id"]);
    // A cached page shows its authors' names: renaming one shows at the next read too.
    app.exec_ok(
        "UPDATE users SET display_name = 'Nguyễn Thị Đổi Tên' WHERE username = 'giaovien.cogiang.1'",
    )
    .await;
    let listed = app.get(&overdue_url, &officer).await.expect(200).body;
    assert_eq!(
        listed["items"][0]["authors"][0]["user"]["display_name"],
        "Nguyễn Thị Đổi Tên"
    );

    // Registered and started; then the past step done, the other half way: no longer
    // overdue, 75 % on average.
    let head = app.token("hieutruong.cogiang").await;
    let base = format!(
        "/api/v1/initiatives/{}",
        created.body["id"].as_str().unwrap()
    );
    for (action, who) in [
        ("submit", &teacher),
        ("register", &head),
        ("start", &teacher),
    ] {
        app.action(&format!("{base}/{action}"), who)
            .await
            .expect(200);
    }
    let s = app.get(&stats_url, &officer).await.expect(200).body;
    assert_eq!(count(&s["by_status"], "in_progress"), 1, "{s}");
    assert_eq!(s["total"]["overdue_steps"], 1);
    let step = created.body["roadmap"][0].clone();
    let url = format!(
        "/api/v1/initiatives/{}/roadmap/{}",
        created.body["id"].as_str().unwrap(),
        step["id"].as_str().unwrap()
    );
    let r = app
        .patch(
            &url,
            &teacher,
            Some(step["etag"].as_str().unwrap()),
            &serde_json::json!({ "done_on": "2023-05-10" }),
        )
        .await
        .expect(200);
    let second = r.body["roadmap"][1].clone();
    app.patch(
        &format!(
            "/api/v1/initiatives/{}/roadmap/{}",
            created.body["id"].as_str().unwrap(),
            second["id"].as_str().unwrap()
        ),
        &teacher,
        Some(second["etag"].as_str().unwrap()),
        &serde_json::json!({ "progress": 50 }),
    )
    .await
    .expect(200);
    let s = app.get(&stats_url, &officer).await.expect(200).body;
    assert_eq!(s["total"]["overdue_steps"], 0, "{s}");
    assert_eq!(s["total"]["overdue_initiatives"], 0);
    assert_eq!(s["total"]["mean_progress"], 75.0);
    let listed = app.get(&overdue_url, &officer).await.expect(200).body;
    assert_eq!(listed["total"], 0);

    // Withdrawn: counted under its new status, and never overdue again.
    app.action(
        &format!(
            "/api/v1/initiatives/{}/withdraw",
            created.body["id"].as_str().unwrap()
        ),
        &teacher,
    )
    .await
    .expect(200);
    let s = app.get(&stats_url, &officer).await.expect(200).body;
    assert_eq!(count(&s["by_status"], "withdrawn"), 1, "{s}");
    assert_eq!(count(&s["by_status"], "draft"), 0);
}
