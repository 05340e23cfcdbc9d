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
    assert_eq!(s["total"]["initiatives"], 12, "{s}");
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
    assert_eq!(s["by_unit"][0]["initiatives"], 6);
    let sum: i64 = s["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["initiatives"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 12);
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
    assert_eq!(mine["total"]["initiatives"], 6);
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
