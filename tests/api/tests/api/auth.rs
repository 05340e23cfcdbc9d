//! Sign-in, tokens, refresh rotation, sign-out, throttling and `/me`.

use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Resp, TEST_JWT_SECRET, TestApp, jwt_parts, spawn_app};

const REFRESH: &str = "/api/v1/auth/refresh";

fn without_request_id(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("request_id");
    }
    v
}

/// POST with a hand-made `Cookie` header (the plain client keeps no cookies).
async fn post_with_cookie(app: &TestApp, path: &str, refresh: Option<&str>) -> Resp {
    let mut rb = app.plain_client().post(app.url(path));
    if let Some(c) = refresh {
        rb = rb.header("Cookie", format!("thidua_refresh={c}"));
    }
    Resp::read(rb.send().await.unwrap()).await
}

#[tokio::test]
async fn login_returns_a_short_lived_hs256_token_and_a_strict_refresh_cookie() {
    let app = spawn_app().await;
    let before = chrono::Utc::now().timestamp();
    let r = app
        .login_resp("hieutruong.cogiang", PASSWORD)
        .await
        .expect(200);
    assert_eq!(r.body["token_type"], "Bearer");
    let expires_in = r.body["expires_in"].as_i64().unwrap();
    assert!(
        (1..=900).contains(&expires_in),
        "expires_in {expires_in} must be at most 15 minutes"
    );
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));

    let cookie = r
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("thidua_refresh="))
        .expect("a thidua_refresh cookie");
    let attrs: Vec<String> = cookie
        .split(';')
        .skip(1)
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    assert!(attrs.contains(&"httponly".to_string()), "{cookie}");
    assert!(attrs.contains(&"samesite=strict".to_string()), "{cookie}");
    assert!(attrs.contains(&"path=/api/v1/auth".to_string()), "{cookie}");
    let value = r.cookie("thidua_refresh").unwrap();
    assert!(value.len() >= 40, "a refresh token of 256 bits: {value}");

    let token = r.str("/access_token");
    let (header, claims) = jwt_parts(&token);
    assert_eq!(header["alg"], "HS256");
    assert_eq!(
        claims["sub"],
        app.user_id("hieutruong.cogiang").await.to_string()
    );
    assert_eq!(claims["iss"], "thidua-cchc");
    assert_eq!(claims["aud"], "thidua-cchc-api");
    assert_eq!(claims["roles"], json!(["unit_head"]));
    let iat = claims["iat"].as_i64().unwrap();
    let exp = claims["exp"].as_i64().unwrap();
    assert!(iat >= before - 1 && iat <= chrono::Utc::now().timestamp() + 1);
    assert_eq!(exp - iat, expires_in);

    // Several roles: every role code, once, sorted.
    let focal = app.login("phohieutruong.cogiang").await;
    assert_eq!(jwt_parts(&focal).1["roles"], json!(["staff", "unit_focal"]));

    // The token works; the refresh token is not accepted as an access token.
    app.get("/api/v1/me", &token).await.expect(200);
    app.get("/api/v1/me", &value)
        .await
        .expect_problem(401, "invalid_token");
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let app = spawn_app().await;
    let wrong = app
        .login_resp("hieutruong.cogiang", "SaiMatKhau@1")
        .await
        .expect_problem(401, "invalid_credentials");
    let unknown = app
        .login_resp("khong.ton.tai", "SaiMatKhau@1")
        .await
        .expect_problem(401, "invalid_credentials");
    assert_eq!(
        wrong.body["detail"],
        "Tên đăng nhập hoặc mật khẩu không đúng."
    );
    assert_eq!(wrong.body["title"], "Chưa đăng nhập");
    assert_eq!(
        without_request_id(wrong.body.clone()),
        without_request_id(unknown.body.clone())
    );
    assert_eq!(wrong.header("content-language").as_deref(), Some("vi"));

    // A deactivated account with its right password reveals nothing either.
    let admin = app.token("admin").await;
    let uid = app.user_id("giaovien.cogiang.5").await;
    app.action(&format!("/api/v1/users/{uid}/deactivate"), &admin)
        .await
        .expect(200);
    let inactive = app
        .login_resp("giaovien.cogiang.5", PASSWORD)
        .await
        .expect_problem(401, "invalid_credentials");
    assert_eq!(
        without_request_id(inactive.body),
        without_request_id(unknown.body)
    );

    // English on request, the same for both.
    let en = |user: &'static str| {
        let app = &app;
        async move {
            Resp::read(
                app.client
                    .post(app.url("/api/v1/auth/login"))
                    .header("Accept-Language", "en-US,en;q=0.9")
                    .json(&json!({ "username": user, "password": "SaiMatKhau@1" }))
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let wrong_en = en("hieutruong.cogiang")
        .await
        .expect_problem(401, "invalid_credentials");
    let unknown_en = en("ai.do.khong.co")
        .await
        .expect_problem(401, "invalid_credentials");
    assert_eq!(wrong_en.body["detail"], "Wrong user name or password.");
    assert_eq!(wrong_en.body["title"], "Unauthorized");
    assert_eq!(
        wrong_en.body["message_vi"],
        "Tên đăng nhập hoặc mật khẩu không đúng."
    );
    assert_eq!(
        without_request_id(wrong_en.body),
        without_request_id(unknown_en.body)
    );

    // Empty fields are the same failure, not a validation error that confirms anything.
    app.login_resp("", "")
        .await
        .expect_problem(401, "invalid_credentials");
}

#[tokio::test]
async fn repeated_failures_are_throttled_even_with_the_right_password() {
    let app = spawn_app().await;
    for i in 1..=5 {
        let r = app.login_resp("giaovien.cogiang.2", "SaiMatKhau@1").await;
        assert_eq!(r.status, 401, "attempt {i}: {}", r.text);
    }
    let locked = app
        .login_resp("giaovien.cogiang.2", PASSWORD)
        .await
        .expect_problem(429, "too_many_attempts");
    let retry: u64 = locked
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("Retry-After in seconds");
    assert!((1..=900).contains(&retry), "Retry-After {retry}");
    // The key is the normalised user name: case and spaces do not get around it.
    app.login_resp(" GiaoVien.CoGiang.2 ", PASSWORD)
        .await
        .expect_problem(429, "too_many_attempts");
    // Other accounts are not affected.
    app.login("giaovien.cogiang.3").await;

    // Unknown names are throttled the same way, so throttling reveals nothing either.
    for _ in 1..=5 {
        app.login_resp("khong.ton.tai", "x")
            .await
            .expect_problem(401, "invalid_credentials");
    }
    app.login_resp("khong.ton.tai", "x")
        .await
        .expect_problem(429, "too_many_attempts");
}

#[tokio::test]
async fn successful_login_resets_the_failure_count() {
    let app = spawn_app().await;
    for _ in 1..=4 {
        app.login_resp("giaovien.cogiang.4", "SaiMatKhau@1")
            .await
            .expect(401);
    }
    app.login("giaovien.cogiang.4").await;
    for _ in 1..=4 {
        app.login_resp("giaovien.cogiang.4", "SaiMatKhau@1")
            .await
            .expect(401);
    }
    app.login("giaovien.cogiang.4").await;
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let login = app
        .login_resp("hieutruong.cogiang", PASSWORD)
        .await
        .expect(200);
    let first = login.cookie("thidua_refresh").unwrap();

    let r = post_with_cookie(&app, REFRESH, Some(&first))
        .await
        .expect(200);
    let second = r.cookie("thidua_refresh").expect("a rotated cookie");
    assert_ne!(first, second);
    assert_eq!(r.body["token_type"], "Bearer");
    let access = r.str("/access_token");
    let me = app.get("/api/v1/me", &access).await.expect(200);
    assert_eq!(me.body["user"]["username"], "hieutruong.cogiang");

    // The spent token comes back: refused, and the whole login ends.
    post_with_cookie(&app, REFRESH, Some(&first))
        .await
        .expect_problem(401, "invalid_refresh_token");
    post_with_cookie(&app, REFRESH, Some(&second))
        .await
        .expect_problem(401, "invalid_refresh_token");
    assert_eq!(
        app.count("audit_log WHERE action = 'auth.refresh_reuse_detected'")
            .await,
        1
    );

    // Another login is a separate family and still works.
    let other = app
        .login_resp("hieutruong.cogiang", PASSWORD)
        .await
        .cookie("thidua_refresh")
        .unwrap();
    post_with_cookie(&app, REFRESH, Some(&other))
        .await
        .expect(200);

    // No cookie, or junk.
    post_with_cookie(&app, REFRESH, None)
        .await
        .expect_problem(401, "invalid_refresh_token");
    post_with_cookie(&app, REFRESH, Some("khong-phai-token"))
        .await
        .expect_problem(401, "invalid_refresh_token");
}

/// Refreshing slides a token's expiry, but never past 30 days after the password was given:
/// a stolen refresh token cannot keep a session alive for ever.
#[tokio::test]
async fn a_login_ends_thirty_days_after_it_began_however_often_it_is_refreshed() {
    let app = spawn_app().await;
    let login = app
        .login_resp("hieutruong.cogiang", PASSWORD)
        .await
        .expect(200);
    let cookie = login.cookie("thidua_refresh").unwrap();
    // The login began 29 days ago: the next token lasts one more day, not fourteen.
    app.exec_ok(
        "UPDATE refresh_tokens SET issued_at = issued_at - interval '29 days' \
         WHERE user_id = (SELECT id FROM users WHERE username = 'hieutruong.cogiang')",
    )
    .await;
    let r = post_with_cookie(&app, REFRESH, Some(&cookie))
        .await
        .expect(200);
    let max_age: i64 = r
        .set_cookies()
        .iter()
        .find_map(|c| {
            c.split(';')
                .find_map(|p| p.trim().strip_prefix("Max-Age=").map(str::to_string))
        })
        .expect("Max-Age")
        .parse()
        .unwrap();
    assert!(
        (0..=86_400).contains(&max_age),
        "the cookie outlives the login: {max_age} s"
    );
    let next = r.cookie("thidua_refresh").unwrap();
    let past_the_end = app
        .count(
            "refresh_tokens t WHERE t.rotated_at IS NULL AND t.expires_at > (SELECT min(f.issued_at) + interval '30 days' \
             FROM refresh_tokens f WHERE f.family_id = t.family_id)",
        )
        .await;
    assert_eq!(past_the_end, 0, "a token expires after its login's end");

    // Thirty days after the login: refused, even with a fresh, unspent token.
    app.exec_ok(
        "UPDATE refresh_tokens SET issued_at = issued_at - interval '2 days' \
         WHERE user_id = (SELECT id FROM users WHERE username = 'hieutruong.cogiang')",
    )
    .await;
    post_with_cookie(&app, REFRESH, Some(&next))
        .await
        .expect_problem(401, "invalid_refresh_token");
}

#[tokio::test]
async fn a_browser_like_cookie_jar_refreshes_on_the_auth_path() {
    let app = spawn_app().await;
    // The jar sends the cookie to /api/v1/auth/* only, as the Path attribute says.
    app.login("noivu.quan1").await;
    let r = app
        .call(Method::POST, REFRESH, None, None, None)
        .await
        .expect(200);
    let access = r.str("/access_token");
    app.get("/api/v1/me", &access).await.expect(200);
    app.call(Method::POST, REFRESH, None, None, None)
        .await
        .expect(200);
}

#[tokio::test]
async fn logout_revokes_the_refresh_token_and_clears_the_cookie() {
    let app = spawn_app().await;
    let cookie = app
        .login_resp("giaovien.cogiang.1", PASSWORD)
        .await
        .cookie("thidua_refresh")
        .unwrap();
    let out = post_with_cookie(&app, "/api/v1/auth/logout", Some(&cookie))
        .await
        .expect(204);
    let cleared = out
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("thidua_refresh="))
        .expect("the cookie is cleared");
    assert!(cleared.starts_with("thidua_refresh=;"), "{cleared}");
    assert!(
        cleared.to_ascii_lowercase().contains("max-age=0"),
        "{cleared}"
    );
    post_with_cookie(&app, REFRESH, Some(&cookie))
        .await
        .expect_problem(401, "invalid_refresh_token");
    assert_eq!(app.count("audit_log WHERE action = 'auth.logout'").await, 1);
    // Without a cookie it still succeeds (idempotent).
    post_with_cookie(&app, "/api/v1/auth/logout", None)
        .await
        .expect(204);
}

fn claims_for(pwc: i64, sub: uuid::Uuid, iat: i64, exp: i64, iss: &str, aud: &str) -> Value {
    json!({ "sub": sub, "iat": iat, "exp": exp, "iss": iss, "aud": aud, "roles": ["admin"], "pwc": pwc })
}

fn sign(alg: Algorithm, secret: &str, claims: &Value) -> String {
    encode(
        &Header::new(alg),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

#[tokio::test]
async fn forged_or_expired_tokens_are_refused() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    let app = spawn_app().await;
    let admin = app.user_id("admin").await;
    let now = chrono::Utc::now().timestamp();
    // The password epoch the server compares with the token's `pwc` claim.
    let rows: Vec<crate::helpers::I64Row> = app
        .rows("SELECT floor(extract(epoch FROM password_changed_at) * 1000)::bigint AS v FROM users WHERE username = 'admin'")
        .await;
    let pwc = rows[0].v;
    let good = claims_for(pwc, admin, now, now + 600, "thidua-cchc", "thidua-cchc-api");

    // The control: a token made here with the server's secret is accepted, so the refusals
    // below are about what was changed, not about how the tokens are made.
    let control = sign(Algorithm::HS256, TEST_JWT_SECRET, &good);
    app.get("/api/v1/me", &control).await.expect(200);

    let b64 = |v: &Value| URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap());
    let unsigned = format!(
        "{}.{}.",
        b64(&json!({ "alg": "none", "typ": "JWT" })),
        b64(&good)
    );
    let forged = [
        ("alg none", unsigned),
        (
            "another secret",
            sign(
                Algorithm::HS256,
                "another-secret-another-secret-another-secret",
                &good,
            ),
        ),
        (
            "HS384 with the right secret",
            sign(Algorithm::HS384, TEST_JWT_SECRET, &good),
        ),
        (
            "expired",
            sign(
                Algorithm::HS256,
                TEST_JWT_SECRET,
                &claims_for(
                    pwc,
                    admin,
                    now - 2000,
                    now - 1000,
                    "thidua-cchc",
                    "thidua-cchc-api",
                ),
            ),
        ),
        (
            "wrong audience",
            sign(
                Algorithm::HS256,
                TEST_JWT_SECRET,
                &claims_for(pwc, admin, now, now + 600, "thidua-cchc", "other-api"),
            ),
        ),
        (
            "wrong issuer",
            sign(
                Algorithm::HS256,
                TEST_JWT_SECRET,
                &claims_for(
                    pwc,
                    admin,
                    now,
                    now + 600,
                    "someone-else",
                    "thidua-cchc-api",
                ),
            ),
        ),
        (
            "issued before the password last changed",
            sign(
                Algorithm::HS256,
                TEST_JWT_SECRET,
                &claims_for(
                    pwc - 1,
                    admin,
                    now,
                    now + 600,
                    "thidua-cchc",
                    "thidua-cchc-api",
                ),
            ),
        ),
        (
            "unknown subject",
            sign(
                Algorithm::HS256,
                TEST_JWT_SECRET,
                &claims_for(
                    pwc,
                    uuid::Uuid::new_v4(),
                    now,
                    now + 600,
                    "thidua-cchc",
                    "thidua-cchc-api",
                ),
            ),
        ),
        ("garbage", "abc.def.ghi".to_string()),
    ];
    for (what, token) in forged {
        let r = app.get("/api/v1/me", &token).await;
        assert_eq!(r.status, 401, "{what}: {}", r.text);
        let r = r.expect_problem(401, "invalid_token");
        assert_eq!(
            r.body["detail"], "Phiên đăng nhập không hợp lệ hoặc đã hết hạn.",
            "{what}"
        );
    }
    app.get_anon("/api/v1/me")
        .await
        .expect_problem(401, "unauthenticated");
    let basic = app
        .client
        .get(app.url("/api/v1/me"))
        .header("Authorization", "Basic YWRtaW46VGhpRHVhQDIwMjM=")
        .send()
        .await
        .unwrap();
    Resp::read(basic)
        .await
        .expect_problem(401, "unauthenticated");
}

#[tokio::test]
async fn me_returns_user_organisation_roles_and_capabilities() {
    let app = spawn_app().await;
    let head = app.token("hieutruong.cogiang").await;
    let me = app.get("/api/v1/me", &head).await.expect(200);
    assert_eq!(me.body["user"]["username"], "hieutruong.cogiang");
    assert_eq!(me.body["user"]["display_name"], "Nguyễn Thị Minh Hạnh");
    assert_eq!(me.body["user"]["position"], "Hiệu trưởng");
    assert_eq!(me.body["user"]["is_active"], true);
    assert_eq!(me.body["organization"]["code"], "Q1-MN-COGIANG");
    assert_eq!(me.body["organization"]["name"], "Trường Mầm non Cô Giang");
    let roles = me.body["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0]["role"], "unit_head");
    assert_eq!(roles[0]["role_name_vi"], "Thủ trưởng đơn vị");
    assert_eq!(roles[0]["organization_name"], "Trường Mầm non Cô Giang");
    assert_eq!(
        me.body["capabilities"],
        json!([
            "users.view",
            "users.manage",
            "campaigns.create",
            "audit.view"
        ])
    );

    let caps = |user: &'static str| {
        let app = &app;
        async move {
            let t = app.token(user).await;
            app.get("/api/v1/me", &t).await.expect(200).body["capabilities"].clone()
        }
    };
    assert_eq!(
        caps("admin").await,
        json!([
            "organizations.manage",
            "users.view",
            "users.manage",
            "audit.view"
        ])
    );
    assert_eq!(
        caps("noivu.quan1").await,
        json!([
            "users.view",
            "campaigns.create",
            "campaigns.extend_deadlines",
            "audit.view"
        ])
    );
    assert_eq!(caps("giaovien.cogiang.1").await, json!([]));
    assert_eq!(caps("phohieutruong.cogiang").await, json!([]));
    assert_eq!(caps("bcd.quan1.1").await, json!([]));
    let eval = app.token("bcd.quan1.1").await;
    let me = app.get("/api/v1/me", &eval).await.expect(200);
    assert_eq!(me.body["organization"]["code"], "Q1-BCD-CCHC");
    assert_eq!(me.body["roles"][0]["role"], "evaluator");
}

#[tokio::test]
async fn a_deactivated_users_token_stops_working_at_once() {
    let app = spawn_app().await;
    let login = app
        .login_resp("giaovien.cogiang.3", PASSWORD)
        .await
        .expect(200);
    let token = login.str("/access_token");
    let cookie = login.cookie("thidua_refresh").unwrap();
    app.get("/api/v1/me", &token).await.expect(200);

    let admin = app.token("admin").await;
    let uid = app.user_id("giaovien.cogiang.3").await;
    app.action(&format!("/api/v1/users/{uid}/deactivate"), &admin)
        .await
        .expect(200);
    app.get("/api/v1/me", &token)
        .await
        .expect_problem(401, "invalid_token");
    app.get("/api/v1/campaigns", &token)
        .await
        .expect_problem(401, "invalid_token");
    post_with_cookie(&app, REFRESH, Some(&cookie))
        .await
        .expect_problem(401, "invalid_refresh_token");
    app.login_resp("giaovien.cogiang.3", PASSWORD)
        .await
        .expect_problem(401, "invalid_credentials");

    app.action(&format!("/api/v1/users/{uid}/activate"), &admin)
        .await
        .expect(200);
    let again = app.login("giaovien.cogiang.3").await;
    app.get("/api/v1/me", &again).await.expect(200);
}

#[tokio::test]
async fn changing_ones_password_ends_older_sessions() {
    let app = spawn_app().await;
    let login = app
        .login_resp("giaovien.cogiang.1", PASSWORD)
        .await
        .expect(200);
    let old_token = login.str("/access_token");
    let old_cookie = login.cookie("thidua_refresh").unwrap();

    let wrong = app
        .post(
            "/api/v1/me/password",
            &old_token,
            &json!({ "current_password": "SaiMatKhau@1", "new_password": "MatKhauMoi@2024" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        wrong.field_errors(),
        vec![("current_password".into(), "wrong_password".into())]
    );
    let weak = app
        .post(
            "/api/v1/me/password",
            &old_token,
            &json!({ "current_password": PASSWORD, "new_password": "ngan" }),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(weak.field_errors()[0].0, "new_password");

    // Sessions are compared with second precision: let the token's second pass.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.post(
        "/api/v1/me/password",
        &old_token,
        &json!({ "current_password": PASSWORD, "new_password": "MatKhauMoi@2024" }),
    )
    .await
    .expect(204);
    app.get("/api/v1/me", &old_token)
        .await
        .expect_problem(401, "invalid_token");
    post_with_cookie(&app, REFRESH, Some(&old_cookie))
        .await
        .expect_problem(401, "invalid_refresh_token");
    app.login_resp("giaovien.cogiang.1", PASSWORD)
        .await
        .expect_problem(401, "invalid_credentials");
    let new = app
        .login_resp("giaovien.cogiang.1", "MatKhauMoi@2024")
        .await
        .expect(200)
        .str("/access_token");
    app.get("/api/v1/me", &new).await.expect(200);
    assert_eq!(
        app.count("audit_log WHERE action = 'user.change_password'")
            .await,
        1
    );
}

/// The server keeps recent principals in memory; a change made elsewhere (another server of
/// the deployment, the command line, a DBA) reaches it through the database's notifications:
/// a deactivation, a revoked grant or a moved unit takes effect within moments.
#[tokio::test]
async fn changes_made_outside_this_server_reach_its_cached_principals() {
    let app = spawn_app().await;
    let token = app.token("giaovien.cogiang.3").await;
    let head = app.token("hieutruong.cogiang").await;
    app.get("/api/v1/me", &token).await.expect(200);
    app.get("/api/v1/users", &head).await.expect(200);

    // Polls until `path` answers `status` (the notification travels asynchronously).
    async fn eventually(app: &TestApp, path: &str, token: &str, status: u16) {
        for _ in 0..100 {
            let r = app.get(path, token).await;
            if r.status == status {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("{path} never answered {status}");
    }

    // Deactivated in SQL, as another server would: the cached principal is dropped.
    app.exec_ok("UPDATE users SET is_active = false WHERE username = 'giaovien.cogiang.3'")
        .await;
    eventually(&app, "/api/v1/me", &token, 401).await;

    // The head's grant revoked in SQL: their next request no longer reaches the unit's staff.
    app.exec_ok(
        "DELETE FROM role_grants WHERE role = 'unit_head' AND user_id = \
         (SELECT id FROM users WHERE username = 'hieutruong.cogiang')",
    )
    .await;
    eventually(&app, "/api/v1/users", &head, 403).await;
}
