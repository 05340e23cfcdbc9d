//! The dated organisation tree: reading by reach, administration with If-Match, the audit log.

use serde_json::{Value, json};

use crate::helpers::{spawn_app, vietnam_today};

fn child<'a>(node: &'a Value, code: &str) -> &'a Value {
    node["children"]
        .as_array()
        .and_then(|c| c.iter().find(|n| n["code"] == code))
        .unwrap_or_else(|| panic!("{} has no child {code}: {node}", node["code"]))
}

fn codes(nodes: &Value) -> Vec<String> {
    nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_admin_tree_holds_the_city_the_abolished_district_and_the_2025_wards() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let tree = app
        .get("/api/v1/organizations/tree", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(codes(&tree), vec!["HCM"], "one root, the city");
    let city = &tree[0];
    assert_eq!(city["name"], "Thành phố Hồ Chí Minh");
    assert_eq!(city["kind"], "city");
    assert_eq!(city["in_force"], true);

    let district = child(city, "Q1");
    assert_eq!(district["name"], "Ủy ban nhân dân Quận 1");
    assert_eq!(district["valid_to"], "2025-06-30");
    let abolished = vietnam_today() > chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    assert!(abolished, "the demo data assumes a date after 30/6/2025");
    assert_eq!(district["in_force"], false);

    let school = child(district, "Q1-MN-COGIANG");
    assert_eq!(school["name"], "Trường Mầm non Cô Giang");
    assert_eq!(school["kind"], "school");
    assert_eq!(school["valid_to"], Value::Null);
    assert_eq!(school["in_force"], true);
    for code in [
        "Q1-PNV",
        "Q1-BCD-CCHC",
        "Q1-TH-TRANHUNGDAO",
        "Q1-THCS-VANLANG",
    ] {
        child(district, code);
    }

    for (code, name) in [
        ("P-SAIGON", "Ủy ban nhân dân phường Sài Gòn"),
        ("P-TANDINH", "Ủy ban nhân dân phường Tân Định"),
        ("P-BENTHANH", "Ủy ban nhân dân phường Bến Thành"),
        ("P-CAUONGLANH", "Ủy ban nhân dân phường Cầu Ông Lãnh"),
    ] {
        let ward = child(city, code);
        assert_eq!(ward["name"], name);
        assert_eq!(ward["kind"], "ward");
        assert_eq!(ward["valid_from"], "2025-07-01");
        assert_eq!(ward["in_force"], true);
    }

    // The map on a day: before the 2025 reorganisation, and after.
    let before = app
        .get("/api/v1/organizations/tree?in_force_on=2025-06-30", &admin)
        .await
        .expect(200)
        .body;
    let city_codes = codes(&before[0]["children"]);
    assert!(city_codes.contains(&"Q1".to_string()));
    assert!(!city_codes.contains(&"P-SAIGON".to_string()));
    let after = app
        .get("/api/v1/organizations/tree?in_force_on=2025-07-01", &admin)
        .await
        .expect(200)
        .body;
    let city_codes = codes(&after[0]["children"]);
    assert!(!city_codes.contains(&"Q1".to_string()));
    assert!(city_codes.contains(&"P-SAIGON".to_string()));
    assert_eq!(city_codes.iter().filter(|c| c.starts_with("P-")).count(), 4);
}

#[tokio::test]
async fn each_role_sees_only_its_own_subtree() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let tree = app
        .get("/api/v1/organizations/tree", &head)
        .await
        .expect(200)
        .body;
    assert_eq!(codes(&tree), vec!["Q1-MN-COGIANG"]);
    assert_eq!(tree[0]["children"], json!([]));
    let list = app
        .get("/api/v1/organizations", &head)
        .await
        .expect(200)
        .body;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["code"], "Q1-MN-COGIANG");
    assert_eq!(list["items"][0]["allowed_actions"], json!([]));

    let hcm = app.org_id("HCM").await;
    let q1 = app.org_id("Q1").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    for id in [hcm, q1, thd] {
        app.get(&format!("/api/v1/organizations/{id}"), &head)
            .await
            .expect_problem(404, "not_found");
    }

    let officer = app.token("noivu.quan1").await;
    let tree = app
        .get("/api/v1/organizations/tree", &officer)
        .await
        .expect(200)
        .body;
    assert_eq!(codes(&tree), vec!["Q1"]);
    let under_q1 = codes(&tree[0]["children"]);
    assert_eq!(under_q1.len(), 10, "{under_q1:?}");
    assert!(!under_q1.iter().any(|c| c.starts_with("P-")));
    let list = app
        .get("/api/v1/organizations?per_page=100", &officer)
        .await
        .expect(200)
        .body;
    assert_eq!(list["total"], 11);
    let r = app
        .get(&format!("/api/v1/organizations/{q1}"), &officer)
        .await
        .expect(200);
    assert_eq!(r.body["allowed_actions"], json!([]));
    assert_eq!(r.header("etag").as_deref(), r.body["etag"].as_str());
    let hcm_path = r.body["path"].as_array().unwrap();
    assert_eq!(hcm_path.len(), 2);
    assert_eq!(hcm_path[0], hcm.to_string());

    let admin = app.token("admin").await;
    let r = app
        .get(&format!("/api/v1/organizations/{q1}"), &admin)
        .await
        .expect(200);
    assert_eq!(r.body["allowed_actions"], json!(["update", "create_child"]));
}

#[tokio::test]
async fn organisation_lists_filter_sort_and_page() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let all = app
        .get("/api/v1/organizations?per_page=100", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(all["total"], 17);
    assert_eq!(all["page"], 1);
    assert_eq!(all["per_page"], 100);

    let page = app
        .get("/api/v1/organizations?per_page=5&page=4&sort=code", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(page["total"], 17);
    assert_eq!(page["page"], 4);
    assert_eq!(page["per_page"], 5);
    assert_eq!(page["items"].as_array().unwrap().len(), 2);

    let asc = codes(
        &app.get("/api/v1/organizations?per_page=100&sort=code", &admin)
            .await
            .expect(200)
            .body["items"],
    );
    let mut sorted = asc.clone();
    sorted.sort();
    assert_eq!(asc, sorted);
    let desc = codes(
        &app.get("/api/v1/organizations?per_page=100&sort=-code", &admin)
            .await
            .expect(200)
            .body["items"],
    );
    let mut reversed = asc.clone();
    reversed.reverse();
    assert_eq!(desc, reversed);

    // Without diacritics, any case.
    let found = app
        .get("/api/v1/organizations?q=mam%20non%20CO%20GIANG", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(codes(&found["items"]), vec!["Q1-MN-COGIANG"]);
    let wards = app
        .get("/api/v1/organizations?kind=ward&per_page=100", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(wards["total"], 6);
    let wards_2025 = app
        .get(
            "/api/v1/organizations?kind=ward&in_force_on=2025-07-01",
            &admin,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(wards_2025["total"], 4);
    let q1 = app.org_id("Q1").await;
    let children = app
        .get(
            &format!("/api/v1/organizations?parent_id={q1}&per_page=100"),
            &admin,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(children["total"], 10);
}

#[tokio::test]
async fn admin_creates_and_updates_with_if_match() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let q1 = app.org_id("Q1").await;
    let created = app
        .post(
            "/api/v1/organizations",
            &admin,
            &json!({
                "code": "Q1-MN-HOAHONG",
                "name": "Trường Mầm non Hoa Hồng",
                "short_name": "MN Hoa Hồng",
                "kind": "school",
                "parent_id": q1,
                "valid_from": "2024-09-01"
            }),
        )
        .await
        .expect(201);
    let id = created.uuid("/id");
    assert_eq!(
        created.header("location"),
        Some(format!("/api/v1/organizations/{id}"))
    );
    let etag = created.header("etag").expect("ETag");
    assert_eq!(created.body["etag"], etag.as_str());
    assert_eq!(created.body["parent_id"], q1.to_string());
    let path = created.body["path"].as_array().unwrap();
    assert_eq!(path.len(), 3);
    assert_eq!(path[1], q1.to_string());
    assert_eq!(path[2], id.to_string());
    let request_id = created.header("x-request-id").unwrap();

    // The audit row, in the same transaction, with the request id.
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'organization.create' AND entity_id = '{id}' \
             AND request_id = '{request_id}' AND actor_user_id = '{}'",
            app.user_id("admin").await
        ))
        .await,
        1
    );

    let url = format!("/api/v1/organizations/{id}");
    let rename = json!({ "name": "Trường Mầm non Hoa Hồng Quận 1" });
    app.patch(&url, &admin, None, &rename)
        .await
        .expect_problem(428, "precondition_required");
    app.patch(&url, &admin, Some("\"00000000.9\""), &rename)
        .await
        .expect_problem(412, "precondition_failed");
    let current = app.get(&url, &admin).await.expect(200);
    assert_eq!(current.body["name"], "Trường Mầm non Hoa Hồng");
    assert_eq!(current.header("etag").as_deref(), Some(etag.as_str()));

    let updated = app
        .patch(&url, &admin, Some(&etag), &rename)
        .await
        .expect(200);
    let new_etag = updated.header("etag").unwrap();
    assert_ne!(new_etag, etag);
    assert_eq!(updated.body["etag"], new_etag.as_str());
    assert_eq!(updated.body["name"], "Trường Mầm non Hoa Hồng Quận 1");
    assert_eq!(updated.body["short_name"], "MN Hoa Hồng");
    // The old ETag is now stale.
    app.patch(&url, &admin, Some(&etag), &json!({ "name": "Khác" }))
        .await
        .expect_problem(412, "precondition_failed");
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'organization.update' AND entity_id = '{id}'"
        ))
        .await,
        1
    );

    // Abolish it: in force no more.
    let r = app
        .patch(
            &url,
            &admin,
            Some(&new_etag),
            &json!({ "valid_to": "2025-06-30", "short_name": null }),
        )
        .await
        .expect(200);
    assert_eq!(r.body["in_force"], false);
    assert_eq!(r.body["short_name"], Value::Null);
    let bad_dates = app
        .patch(
            &url,
            &admin,
            r.header("etag").as_deref(),
            &json!({ "valid_to": "2020-01-01" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        bad_dates.field_errors(),
        vec![("valid_to".into(), "before_valid_from".into())]
    );
}

#[tokio::test]
async fn only_administrators_write_the_tree() {
    let app = spawn_app().await;
    let q1 = app.org_id("Q1").await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let before = app.count("organizations").await;
    let body = |parent: uuid::Uuid| json!({ "code": "Q1-X", "name": "Đơn vị X", "kind": "school", "parent_id": parent, "valid_from": "2024-01-01" });
    let officer = app.token("noivu.quan1").await;
    app.post("/api/v1/organizations", &officer, &body(q1))
        .await
        .expect_problem(403, "forbidden");
    let head = app.token("hieutruong.cogiang").await;
    app.post("/api/v1/organizations", &head, &body(cg))
        .await
        .expect_problem(403, "forbidden");
    app.post("/api/v1/organizations", &head, &body(q1))
        .await
        .expect_problem(404, "not_found");
    let mut root = body(q1);
    root.as_object_mut().unwrap().remove("parent_id");
    app.post("/api/v1/organizations", &officer, &root)
        .await
        .expect_problem(403, "forbidden");
    app.patch(
        &format!("/api/v1/organizations/{cg}"),
        &head,
        Some("*"),
        &json!({ "name": "Trường của tôi" }),
    )
    .await
    .expect_problem(403, "forbidden");
    assert_eq!(app.count("organizations").await, before);
    assert_eq!(
        app.count("audit_log WHERE action LIKE 'organization.%'")
            .await,
        0
    );
}

#[tokio::test]
async fn moves_keep_the_tree_a_tree() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let q1 = app.org_id("Q1").await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let saigon = app.org_id("P-SAIGON").await;
    let url = format!("/api/v1/organizations/{q1}");

    // Under its own descendant, or under itself: refused, naming parent_id.
    for parent in [cg, q1] {
        let r = app
            .patch(&url, &admin, Some("*"), &json!({ "parent_id": parent }))
            .await
            .expect_problem(422, "validation_failed");
        assert_eq!(r.field_errors(), vec![("parent_id".into(), "cycle".into())]);
    }
    let r = app
        .patch(
            &url,
            &admin,
            Some("*"),
            &json!({ "parent_id": uuid::Uuid::new_v4() }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(r.field_errors()[0].0, "parent_id");

    // The 2025 reorganisation: the school moves under the new ward, and with it every
    // descendant's path.
    let class = app.insert_org(cg, "school").await;
    let moved = app
        .patch(
            &format!("/api/v1/organizations/{cg}"),
            &admin,
            Some("*"),
            &json!({ "parent_id": saigon }),
        )
        .await
        .expect(200);
    let hcm = app.org_id("HCM").await.to_string();
    assert_eq!(
        moved.body["path"],
        json!([hcm, saigon.to_string(), cg.to_string()])
    );
    let class_view = app
        .get(&format!("/api/v1/organizations/{class}"), &admin)
        .await
        .expect(200);
    assert_eq!(
        class_view.body["path"],
        json!([hcm, saigon.to_string(), cg.to_string(), class.to_string()])
    );
    // The district's officer no longer reaches the school.
    let officer = app.token("noivu.quan1").await;
    app.get(&format!("/api/v1/organizations/{cg}"), &officer)
        .await
        .expect_problem(404, "not_found");
}

#[tokio::test]
async fn duplicate_codes_conflict() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let q1 = app.org_id("Q1").await;
    let before = (
        app.count("organizations").await,
        app.count("audit_log").await,
    );
    let r = app
        .post(
            "/api/v1/organizations",
            &admin,
            &json!({ "code": "Q1-MN-COGIANG", "name": "Trùng mã", "kind": "school", "parent_id": q1, "valid_from": "2024-01-01" }),
        )
        .await
        .expect_problem(409, "already_exists");
    assert_eq!(
        r.field_errors(),
        vec![("code".into(), "already_exists".into())]
    );
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    app.patch(
        &format!("/api/v1/organizations/{thd}"),
        &admin,
        Some("*"),
        &json!({ "code": "Q1-MN-COGIANG" }),
    )
    .await
    .expect_problem(409, "already_exists");
    assert_eq!(
        (
            app.count("organizations").await,
            app.count("audit_log").await
        ),
        before
    );
    let unknown_kind = app
        .post(
            "/api/v1/organizations",
            &admin,
            &json!({ "code": "Q1-NEW", "name": "Mới", "kind": "spaceport", "parent_id": q1, "valid_from": "2024-01-01" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        unknown_kind.field_errors(),
        vec![("kind".into(), "unknown_kind".into())]
    );
}

#[tokio::test]
async fn the_audit_log_is_append_only() {
    let app = spawn_app().await;
    let rows = app.count("audit_log").await;
    assert!(rows >= 1, "the demo seed is audited");
    for sql in [
        "UPDATE audit_log SET action = 'da.sua'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ] {
        let err = app
            .exec(sql)
            .await
            .expect_err("the audit log must refuse it");
        assert!(
            err.to_string().contains("append-only"),
            "{sql}: unexpected error {err}"
        );
    }
    assert_eq!(app.count("audit_log").await, rows);
    assert_eq!(app.count("audit_log WHERE action = 'da.sua'").await, 0);
}

#[tokio::test]
async fn organisation_kinds_are_listed() {
    let app = spawn_app().await;
    let staff = app.token("giaovien.cogiang.1").await;
    let kinds = app
        .get("/api/v1/organization-kinds", &staff)
        .await
        .expect(200)
        .body;
    let codes: Vec<&str> = kinds
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        vec![
            "city",
            "district",
            "ward",
            "department",
            "steering_committee",
            "school",
            "public_service_unit",
            "agency"
        ]
    );
    assert_eq!(kinds[2]["name_vi"], "Phường, xã");
}
