//! Accounts and role grants: administrators everywhere, unit heads in their unit.

use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Resp, spawn_app};

fn names(page: &Value, key: &str) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u[key].as_str().unwrap().to_string())
        .collect()
}

fn role_codes(user: &Value) -> Vec<String> {
    let mut r: Vec<String> = user["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["role"].as_str().unwrap().to_string())
        .collect();
    r.sort();
    r
}

#[tokio::test]
async fn admin_creates_a_user_who_can_then_sign_in() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let created = app
        .post(
            "/api/v1/users",
            &admin,
            &json!({
                "username": "GiaoVien.TranHungDao.3",
                "display_name": "Lê Văn Tám",
                "email": "levantam@demo.thidua.vn",
                "position": "Giáo viên",
                "organization_id": thd,
                "password": "MatKhau@2024",
                "roles": [{ "role": "staff" }]
            }),
        )
        .await
        .expect(201);
    let id = created.uuid("/id");
    assert_eq!(created.body["username"], "giaovien.tranhungdao.3");
    assert_eq!(created.body["organization"]["code"], "Q1-TH-TRANHUNGDAO");
    assert_eq!(created.body["is_active"], true);
    assert_eq!(role_codes(&created.body), vec!["staff"]);
    assert_eq!(created.body["roles"][0]["organization_id"], thd.to_string());
    assert_eq!(
        created.header("location"),
        Some(format!("/api/v1/users/{id}"))
    );
    assert_eq!(
        created.header("etag").as_deref(),
        created.body["etag"].as_str()
    );
    assert_eq!(
        created.body["allowed_actions"],
        json!([
            "update",
            "deactivate",
            "reset_password",
            "grant_role",
            "revoke_role"
        ])
    );
    assert!(created.body.get("password_hash").is_none());
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'user.create' AND entity_id = '{id}'"
        ))
        .await,
        1
    );

    let token = app
        .login_resp("giaovien.tranhungdao.3", "MatKhau@2024")
        .await
        .expect(200)
        .str("/access_token");
    let me = app.get("/api/v1/me", &token).await.expect(200);
    assert_eq!(
        me.body["organization"]["name"],
        "Trường Tiểu học Trần Hưng Đạo"
    );
    assert_eq!(me.body["user"]["display_name"], "Lê Văn Tám");

    // The name is taken, whatever its case.
    let before = app.count("users").await;
    let dup = app
        .post(
            "/api/v1/users",
            &admin,
            &json!({ "username": "giaovien.tranhungdao.3", "display_name": "Khác",
                     "organization_id": thd, "password": "MatKhau@2024" }),
        )
        .await
        .expect_problem(409, "already_exists");
    assert_eq!(
        dup.field_errors(),
        vec![("username".into(), "already_exists".into())]
    );
    let bad = app
        .post(
            "/api/v1/users",
            &admin,
            &json!({ "username": "ab", "display_name": " ", "email": "khong-phai-email",
                     "organization_id": thd, "password": "ngan" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    let mut fields: Vec<String> = bad.field_errors().into_iter().map(|f| f.0).collect();
    fields.sort();
    assert_eq!(
        fields,
        vec!["display_name", "email", "password", "username"]
    );
    let nowhere = app
        .post(
            "/api/v1/users",
            &admin,
            &json!({ "username": "nguoi.moi", "display_name": "Người mới",
                     "organization_id": uuid::Uuid::new_v4(), "password": "MatKhau@2024" }),
        )
        .await;
    assert_eq!(nowhere.status, 404, "{}", nowhere.text);
    assert_eq!(app.count("users").await, before);
}

#[tokio::test]
async fn a_unit_head_manages_the_staff_of_the_unit_only() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;

    let created = app
        .post(
            "/api/v1/users",
            &head,
            &json!({ "username": "giaovien.cogiang.6", "display_name": "Trần Thị Thu",
                     "organization_id": cg, "password": "MatKhau@2024" }),
        )
        .await
        .expect(201);
    assert_eq!(role_codes(&created.body), vec!["staff"]);
    assert_eq!(created.body["organization"]["code"], "Q1-MN-COGIANG");
    app.login_resp("giaovien.cogiang.6", "MatKhau@2024")
        .await
        .expect(200);
    let focal = app
        .post(
            "/api/v1/users",
            &head,
            &json!({ "username": "thuky.cogiang", "display_name": "Thư ký Hội đồng",
                     "organization_id": cg, "password": "MatKhau@2024",
                     "roles": [{ "role": "unit_focal" }, { "role": "staff" }] }),
        )
        .await
        .expect(201);
    assert_eq!(role_codes(&focal.body), vec!["staff", "unit_focal"]);

    let before = (app.count("users").await, app.count("role_grants").await);
    let in_thd = json!({ "username": "giaovien.thd.9", "display_name": "Ngoài đơn vị",
                         "organization_id": thd, "password": "MatKhau@2024" });
    app.post("/api/v1/users", &head, &in_thd)
        .await
        .expect_problem(404, "not_found");
    let as_head = json!({ "username": "phohieutruong.moi", "display_name": "Phó mới",
                          "organization_id": cg, "password": "MatKhau@2024",
                          "roles": [{ "role": "unit_head" }] });
    app.post("/api/v1/users", &head, &as_head)
        .await
        .expect_problem(403, "forbidden");
    for role in ["evaluator", "authority_officer", "admin"] {
        let mut body = as_head.clone();
        body["roles"][0]["role"] = json!(role);
        app.post("/api/v1/users", &head, &body)
            .await
            .expect_problem(403, "forbidden");
    }
    let reach_out = json!({ "username": "staff.ngoai", "display_name": "Ngoài",
                            "organization_id": cg, "password": "MatKhau@2024",
                            "roles": [{ "role": "staff", "organization_id": thd }] });
    app.post("/api/v1/users", &head, &reach_out)
        .await
        .expect_problem(404, "not_found");
    assert_eq!(
        (app.count("users").await, app.count("role_grants").await),
        before,
        "refused creates wrote nothing"
    );

    // Other staff roles cannot create accounts at all.
    let focal_token = app.token("phohieutruong.cogiang").await;
    let mut body = in_thd.clone();
    body["organization_id"] = json!(cg);
    app.post("/api/v1/users", &focal_token, &body)
        .await
        .expect_problem(403, "forbidden");
}

#[tokio::test]
async fn a_unit_head_resets_a_teachers_password() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let teacher = app.user_id("giaovien.cogiang.2").await;
    let cookie = app
        .login_resp("giaovien.cogiang.2", PASSWORD)
        .await
        .cookie("thidua_refresh")
        .unwrap();
    let url = format!("/api/v1/users/{teacher}/reset-password");
    let weak = app
        .post(&url, &head, &json!({ "new_password": "12345678" }))
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(weak.field_errors()[0].0, "new_password");
    let r = app
        .post(&url, &head, &json!({ "new_password": "DatLai@2024" }))
        .await
        .expect(204);
    assert!(r.text.is_empty());
    app.login_resp("giaovien.cogiang.2", PASSWORD)
        .await
        .expect_problem(401, "invalid_credentials");
    app.login_resp("giaovien.cogiang.2", "DatLai@2024")
        .await
        .expect(200);
    // The teacher's sessions ended.
    let refreshed = app
        .plain_client()
        .post(app.url("/api/v1/auth/refresh"))
        .header("Cookie", format!("thidua_refresh={cookie}"))
        .send()
        .await
        .unwrap();
    Resp::read(refreshed)
        .await
        .expect_problem(401, "invalid_refresh_token");
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE action = 'user.reset_password' AND entity_id = '{teacher}'"
        ))
        .await,
        1
    );

    // Not for a teacher of another unit, nor for the district's officer.
    let other = app.user_id("giaovien.tranhungdao.1").await;
    app.post(
        &format!("/api/v1/users/{other}/reset-password"),
        &head,
        &json!({ "new_password": "DatLai@2024" }),
    )
    .await
    .expect_problem(404, "not_found");
    let officer = app.user_id("noivu.quan1").await;
    app.post(
        &format!("/api/v1/users/{officer}/reset-password"),
        &head,
        &json!({ "new_password": "DatLai@2024" }),
    )
    .await
    .expect_problem(404, "not_found");
}

#[tokio::test]
async fn a_unit_head_cannot_deactivate_another_head() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let head = app.token("hieutruong.cogiang").await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    // A second head of the same unit, made by the administrator.
    let co_head = app
        .post(
            "/api/v1/users",
            &admin,
            &json!({ "username": "hieutruong2.cogiang", "display_name": "Hiệu trưởng thứ hai",
                     "organization_id": cg, "password": "MatKhau@2024",
                     "roles": [{ "role": "unit_head" }] }),
        )
        .await
        .expect(201)
        .uuid("/id");
    let seen = app
        .get(&format!("/api/v1/users/{co_head}"), &head)
        .await
        .expect(200);
    assert_eq!(seen.body["allowed_actions"], json!([]));
    for action in ["deactivate"] {
        app.action(&format!("/api/v1/users/{co_head}/{action}"), &head)
            .await
            .expect_problem(403, "forbidden");
    }
    app.post(
        &format!("/api/v1/users/{co_head}/reset-password"),
        &head,
        &json!({ "new_password": "ChiemQuyen@1" }),
    )
    .await
    .expect_problem(403, "forbidden");
    let other_head = app.user_id("hieutruong.tranhungdao").await;
    app.action(&format!("/api/v1/users/{other_head}/deactivate"), &head)
        .await
        .expect_problem(404, "not_found");
    let me = app.user_id("hieutruong.cogiang").await;
    app.action(&format!("/api/v1/users/{me}/deactivate"), &head)
        .await
        .expect_problem(403, "forbidden");
    assert_eq!(
        app.count("users WHERE NOT is_active").await,
        0,
        "nobody was deactivated"
    );

    // A teacher, yes.
    let teacher = app.user_id("giaovien.cogiang.4").await;
    let r = app
        .action(&format!("/api/v1/users/{teacher}/deactivate"), &head)
        .await
        .expect(200);
    assert_eq!(r.body["is_active"], false);
}

#[tokio::test]
async fn user_lists_search_without_diacritics_filter_sort_and_page() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let found = app
        .get("/api/v1/users?q=nguyen%20thi%20minh", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["display_name"], "Nguyễn Thị Minh Hạnh");
    assert_eq!(found["items"][0]["username"], "hieutruong.cogiang");
    let upper = app
        .get("/api/v1/users?q=NGUYEN%20THI%20MINH%20HANH", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(upper["total"], 1);
    let by_name = app
        .get("/api/v1/users?q=cogiang&per_page=100", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(by_name["total"], 9);
    // LIKE wildcards in the search are literal.
    let wildcard = app
        .get("/api/v1/users?q=%25", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(wildcard["total"], 0);

    let all = app
        .get("/api/v1/users?per_page=100&sort=username", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(all["total"], 34);
    let asc = names(&all, "username");
    let mut sorted = asc.clone();
    sorted.sort();
    assert_eq!(asc, sorted);
    let desc = names(
        &app.get("/api/v1/users?per_page=100&sort=-username", &admin)
            .await
            .expect(200)
            .body,
        "username",
    );
    let mut reversed = asc.clone();
    reversed.reverse();
    assert_eq!(desc, reversed);

    let page = app
        .get("/api/v1/users?per_page=5&page=7&sort=username", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(page["total"], 34);
    assert_eq!(page["page"], 7);
    assert_eq!(page["per_page"], 5);
    assert_eq!(names(&page, "username"), asc[30..].to_vec());
    let default_page = app.get("/api/v1/users", &admin).await.expect(200).body;
    assert_eq!(default_page["per_page"], 20);
    assert_eq!(default_page["items"].as_array().unwrap().len(), 20);

    let heads = app
        .get("/api/v1/users?role=unit_head&per_page=100", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(heads["total"], 7);
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let in_cg = app
        .get(&format!("/api/v1/users?organization_id={cg}"), &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(in_cg["total"], 9);

    let teacher = app.user_id("giaovien.cogiang.5").await;
    app.action(&format!("/api/v1/users/{teacher}/deactivate"), &admin)
        .await
        .expect(200);
    let inactive = app
        .get("/api/v1/users?is_active=false", &admin)
        .await
        .expect(200)
        .body;
    assert_eq!(names(&inactive, "username"), vec!["giaovien.cogiang.5"]);

    // Reach: a head lists the unit, the officer the district; others may not list.
    let head = app.token("hieutruong.cogiang").await;
    let mine = app
        .get("/api/v1/users?per_page=100", &head)
        .await
        .expect(200)
        .body;
    assert_eq!(mine["total"], 9);
    assert!(
        mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["organization"]["code"] == "Q1-MN-COGIANG")
    );
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let outside = app
        .get(&format!("/api/v1/users?organization_id={thd}"), &head)
        .await
        .expect(200)
        .body;
    assert_eq!(outside["total"], 0);
    let officer = app.token("noivu.quan1").await;
    let district = app
        .get("/api/v1/users?per_page=1", &officer)
        .await
        .expect(200)
        .body;
    assert_eq!(
        district["total"], 33,
        "everyone but the city's administrator"
    );
    for user in ["giaovien.cogiang.1", "phohieutruong.cogiang", "bcd.quan1.1"] {
        let t = app.token(user).await;
        app.get("/api/v1/users", &t)
            .await
            .expect_problem(403, "forbidden");
    }
}

#[tokio::test]
async fn deactivate_and_activate_follow_the_state() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let teacher = app.user_id("giaovien.cogiang.1").await;
    let off = app
        .action(&format!("/api/v1/users/{teacher}/deactivate"), &admin)
        .await
        .expect(200);
    assert_eq!(off.body["is_active"], false);
    assert_eq!(
        off.body["allowed_actions"],
        json!([
            "update",
            "activate",
            "reset_password",
            "grant_role",
            "revoke_role"
        ])
    );
    app.action(&format!("/api/v1/users/{teacher}/deactivate"), &admin)
        .await
        .expect_problem(409, "invalid_transition");
    let on = app
        .action(&format!("/api/v1/users/{teacher}/activate"), &admin)
        .await
        .expect(200);
    assert_eq!(on.body["is_active"], true);
    app.action(&format!("/api/v1/users/{teacher}/activate"), &admin)
        .await
        .expect_problem(409, "invalid_transition");
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE entity_id = '{teacher}' AND action IN ('user.deactivate', 'user.activate')"
        ))
        .await,
        2
    );
    let me = app.user_id("admin").await;
    app.action(&format!("/api/v1/users/{me}/deactivate"), &admin)
        .await
        .expect_problem(403, "forbidden");
}

#[tokio::test]
async fn concurrent_deactivations_give_one_transition_and_one_conflict() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    for _ in 0..5 {
        let target = app.insert_user(cg, "staff", true).await;
        let url = format!("/api/v1/users/{}/deactivate", target.id);
        let (a, b) = tokio::join!(app.action(&url, &admin), app.action(&url, &admin));
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [200, 409], "{} / {}", a.text, b.text);
        let conflict = if a.status == 409 { a } else { b };
        conflict.expect_problem(409, "invalid_transition");
        assert_eq!(
            app.count(&format!(
                "audit_log WHERE action = 'user.deactivate' AND entity_id = '{}'",
                target.id
            ))
            .await,
            1
        );
    }
}

#[tokio::test]
async fn profile_updates_need_the_current_etag() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let teacher = app.user_id("giaovien.cogiang.3").await;
    let url = format!("/api/v1/users/{teacher}");
    let current = app.get(&url, &head).await.expect(200);
    let etag = current.header("etag").unwrap();
    let change = json!({ "position": "Tổ trưởng chuyên môn", "email": null });
    app.patch(&url, &head, None, &change)
        .await
        .expect_problem(428, "precondition_required");
    app.patch(&url, &head, Some("\"deadbeef.1\""), &change)
        .await
        .expect_problem(412, "precondition_failed");
    let updated = app
        .patch(&url, &head, Some(&etag), &change)
        .await
        .expect(200);
    assert_eq!(updated.body["position"], "Tổ trưởng chuyên môn");
    assert_eq!(updated.body["email"], Value::Null);
    assert_eq!(updated.body["display_name"], "Lý Thị Mỹ Duyên");
    assert_ne!(updated.header("etag").unwrap(), etag);
    app.patch(&url, &head, Some(&etag), &json!({ "display_name": "Cũ" }))
        .await
        .expect_problem(412, "precondition_failed");
    // Moving the teacher out of the head's reach is refused.
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    app.patch(&url, &head, Some("*"), &json!({ "organization_id": thd }))
        .await
        .expect_problem(404, "not_found");
    let bad = app
        .patch(&url, &head, Some("*"), &json!({ "email": "khong hop le" }))
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(bad.field_errors()[0].0, "email");

    // Staff see themselves, read-only, and no colleague.
    let staff = app.token("giaovien.cogiang.1").await;
    let me = app.user_id("giaovien.cogiang.1").await;
    let mine = app
        .get(&format!("/api/v1/users/{me}"), &staff)
        .await
        .expect(200);
    assert_eq!(mine.body["allowed_actions"], json!([]));
    app.patch(
        &format!("/api/v1/users/{me}"),
        &staff,
        Some("*"),
        &json!({ "display_name": "Tự sửa" }),
    )
    .await
    .expect_problem(403, "forbidden");
    app.get(&url, &staff).await.expect_problem(404, "not_found");
}

#[tokio::test]
async fn role_grants_stay_within_the_granters_reach() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let cg = app.org_id("Q1-MN-COGIANG").await;
    let thd = app.org_id("Q1-TH-TRANHUNGDAO").await;
    let teacher = app.user_id("giaovien.cogiang.2").await;
    let url = format!("/api/v1/users/{teacher}/roles");

    let granted = app
        .post(
            &url,
            &head,
            &json!({ "role": "unit_focal", "organization_id": cg }),
        )
        .await
        .expect(201);
    assert_eq!(role_codes(&granted.body), vec!["staff", "unit_focal"]);
    app.post(
        &url,
        &head,
        &json!({ "role": "unit_focal", "organization_id": cg }),
    )
    .await
    .expect_problem(409, "already_exists");
    app.post(
        &url,
        &head,
        &json!({ "role": "unit_head", "organization_id": cg }),
    )
    .await
    .expect_problem(403, "forbidden");
    app.post(
        &url,
        &head,
        &json!({ "role": "staff", "organization_id": thd }),
    )
    .await
    .expect_problem(404, "not_found");
    let bad_role = app
        .post(
            &url,
            &head,
            &json!({ "role": "hieu_truong", "organization_id": cg }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(bad_role.field_errors()[0].0, "role");

    let grant = granted.body["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["role"] == "unit_focal")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let revoked = app
        .delete(&format!("/api/v1/users/{teacher}/roles/{grant}"), &head)
        .await
        .expect(200);
    assert_eq!(role_codes(&revoked.body), vec!["staff"]);
    app.delete(&format!("/api/v1/users/{teacher}/roles/{grant}"), &head)
        .await
        .expect_problem(404, "not_found");
    assert_eq!(
        app.count(&format!(
            "audit_log WHERE entity_id = '{teacher}' AND action IN ('user.grant_role', 'user.revoke_role')"
        ))
        .await,
        2
    );

    // A head cannot strip their own head role; an administrator cannot drop their own
    // administrator role.
    let me = app.user_id("hieutruong.cogiang").await;
    let my_grant = app
        .uuid(&format!(
            "SELECT id AS v FROM role_grants WHERE user_id = '{me}'"
        ))
        .await;
    app.delete(&format!("/api/v1/users/{me}/roles/{my_grant}"), &head)
        .await
        .expect_problem(403, "forbidden");
    let admin = app.token("admin").await;
    let admin_id = app.user_id("admin").await;
    let admin_grant = app
        .uuid(&format!(
            "SELECT id AS v FROM role_grants WHERE user_id = '{admin_id}'"
        ))
        .await;
    app.delete(
        &format!("/api/v1/users/{admin_id}/roles/{admin_grant}"),
        &admin,
    )
    .await
    .expect_problem(409, "cannot_revoke_own_admin");
}
