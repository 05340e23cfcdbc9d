//! The harness. Once per test process a template database is migrated and loaded with the
//! demo data; every test then gets its own database cloned from it
//! (`CREATE DATABASE … TEMPLATE …`) and its own server on port 0, so tests run in parallel
//! and never share rows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use thidua_api::config::Settings;
use thidua_api::startup::Application;
use tokio::sync::{Mutex, OnceCell};
use uuid::Uuid;

/// The password of every demo account.
pub const PASSWORD: &str = "ThiDua@2023";
/// The JWT secret of `Settings::for_tests`, to forge tokens with.
pub const TEST_JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123456789";

/// Serialises template creation across test processes (`pg_advisory_lock` key).
const TEMPLATE_LOCK_KEY: i64 = 0x7468_6964_7561;
/// Written as the template's COMMENT once migrations and demo data are in: a template
/// without it is a leftover of an interrupted run and is rebuilt.
const TEMPLATE_COMPLETE: &str = "thidua-api-tests: migrated and seeded";
/// Bump to force new templates when the harness itself changes what a template holds.
const TEMPLATE_SALT: &str = "thidua-api-tests template v1";

static TEMPLATE: OnceCell<String> = OnceCell::const_new();
static LOGGING: std::sync::Once = std::sync::Once::new();

pub fn superuser_url() -> String {
    std::env::var("DATABASE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| {
            panic!(
                "DATABASE_URL is not set: run `make test`, or set DATABASE_URL to a PostgreSQL \
                 superuser URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)"
            )
        })
}

/// The same server and credentials, another database.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let prefix = match base[after_scheme..].find('/') {
        Some(i) => &base[..after_scheme + i],
        None => base,
    };
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// `thidua_tmpl_<hash>`: the hash covers the migrations and the demo data's source, so a
/// change to either gets a new template instead of a stale one.
fn template_name() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    collect_files(&root.join("backend/db/migrations"), &mut files);
    collect_files(&root.join("backend/api/src/seed"), &mut files);
    files.sort();
    let mut hasher = Sha256::new();
    hasher.update(TEMPLATE_SALT.as_bytes());
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(&f)
            .to_string_lossy()
            .into_owned();
        hasher.update(rel.as_bytes());
        hasher.update([0]);
        hasher.update(std::fs::read(&f).unwrap_or_else(|e| panic!("read {}: {e}", f.display())));
        hasher.update([0]);
    }
    format!("thidua_tmpl_{}", &hex::encode(hasher.finalize())[..16])
}

async fn connect(url: &str) -> AsyncPgConnection {
    AsyncPgConnection::establish(url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to PostgreSQL ({e}); is DATABASE_URL right?"))
}

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Nullable<Text>)]
    v: Option<String>,
}

#[derive(QueryableByName)]
pub struct I64Row {
    #[diesel(sql_type = BigInt)]
    pub v: i64,
}

#[derive(QueryableByName)]
struct UuidRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    v: Uuid,
}

/// Builds the template database if this cluster has no complete one yet.
async fn ensure_template() -> String {
    let url = superuser_url();
    let name = template_name();
    let mut conn = connect(&url).await;
    conn.batch_execute(&format!("SELECT pg_advisory_lock({TEMPLATE_LOCK_KEY})"))
        .await
        .expect("advisory lock");
    let found: Vec<TextRow> = diesel::sql_query(format!(
        "SELECT shobj_description(oid, 'pg_database') AS v FROM pg_database WHERE datname = {}",
        lit(&name)
    ))
    .load(&mut conn)
    .await
    .expect("look up the template");
    let complete =
        <[TextRow]>::first(&found).is_some_and(|r| r.v.as_deref() == Some(TEMPLATE_COMPLETE));
    if !complete {
        if !found.is_empty() {
            // One statement per call: DROP DATABASE refuses to run in a multi-statement batch.
            for sql in [
                format!("ALTER DATABASE \"{name}\" IS_TEMPLATE false"),
                format!("DROP DATABASE \"{name}\" WITH (FORCE)"),
            ] {
                conn.batch_execute(&sql)
                    .await
                    .expect("drop an incomplete template");
            }
        }
        conn.batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create the template database");
        let template_url = with_database(&url, &name);
        thidua_db::run_migrations(&template_url)
            .await
            .expect("migrate the template");
        thidua_api::seed::seed_demo(&template_url)
            .await
            .expect("load the demo data into the template");
        for sql in [
            format!("ALTER DATABASE \"{name}\" IS_TEMPLATE true"),
            format!(
                "COMMENT ON DATABASE \"{name}\" IS {}",
                lit(TEMPLATE_COMPLETE)
            ),
        ] {
            conn.batch_execute(&sql)
                .await
                .expect("mark the template complete");
        }
    }
    conn.batch_execute(&format!("SELECT pg_advisory_unlock({TEMPLATE_LOCK_KEY})"))
        .await
        .expect("advisory unlock");
    name
}

/// A SQL string literal (test inputs only).
pub fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// One HTTP answer, read in full.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
    /// The body as JSON (`Null` when it is not JSON).
    pub body: Value,
}

impl Resp {
    pub async fn read(res: reqwest::Response) -> Resp {
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.expect("read the response body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            text,
            body,
        }
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_string)
            .collect()
    }

    /// The value of cookie `name` set by this response.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookies().iter().find_map(|c| {
            let first = c.split(';').next()?.trim();
            let (n, v) = first.split_once('=')?;
            (n == name).then(|| v.to_string())
        })
    }

    #[track_caller]
    pub fn expect(self, status: u16) -> Resp {
        assert_eq!(
            self.status, status,
            "expected HTTP {status}, got {}: {}",
            self.status, self.text
        );
        self
    }

    /// Checks an error answer: status, `application/problem+json`, the stable code and every
    /// member of the problem document, with the request id of the response header.
    #[track_caller]
    pub fn expect_problem(self, status: u16, code: &str) -> Resp {
        assert_eq!(
            self.status, status,
            "expected HTTP {status} {code}, got {}: {}",
            self.status, self.text
        );
        assert_problem_shape(&self);
        assert_eq!(self.body["code"], code, "problem code: {}", self.text);
        self
    }

    /// `(field, code)` of each entry of a problem's `errors`.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        (
                            e["field"].as_str().unwrap_or_default().to_string(),
                            e["code"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[track_caller]
    pub fn str(&self, pointer: &str) -> String {
        self.body
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no string at {pointer} in {}", self.text))
            .to_string()
    }

    #[track_caller]
    pub fn uuid(&self, pointer: &str) -> Uuid {
        self.str(pointer).parse().expect("a UUID")
    }
}

/// Every error is an RFC 9457 problem with both messages and the request id.
#[track_caller]
pub fn assert_problem_shape(r: &Resp) {
    if let Some(e) = problem_shape_error(r) {
        panic!("HTTP {}: {e}: {}", r.status, r.text);
    }
}

/// What is wrong with an error answer as a problem document, if anything.
pub fn problem_shape_error(r: &Resp) -> Option<String> {
    let ct = r.header("content-type").unwrap_or_default();
    if !ct.starts_with("application/problem+json") {
        return Some(format!(
            "content-type is {ct:?}, not application/problem+json"
        ));
    }
    let b = &r.body;
    if b["status"] != r.status {
        return Some("the status member differs from the HTTP status".into());
    }
    let code = b["code"].as_str().unwrap_or_default();
    if code.is_empty() {
        return Some("no code".into());
    }
    if b["type"].as_str() != Some(format!("https://thidua.example/problems/{code}").as_str()) {
        return Some("type does not end with the code".into());
    }
    for member in ["title", "detail", "message_vi", "message_en", "request_id"] {
        if b[member].as_str().is_none_or(str::is_empty) {
            return Some(format!("member {member} missing or empty"));
        }
    }
    if !b["errors"].is_array() {
        return Some("errors[] missing".into());
    }
    if b["request_id"].as_str() != r.header("x-request-id").as_deref() {
        return Some("request_id differs from the X-Request-Id header".into());
    }
    None
}

/// A running server on its own database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    /// Keeps cookies (the refresh token) like a browser.
    pub client: reqwest::Client,
    pub db_url: String,
    db_name: String,
    /// The password hash of the demo accounts (for fixtures and restoring accounts).
    pub demo_hash: String,
    db: Mutex<Option<AsyncPgConnection>>,
    tokens: Mutex<HashMap<String, String>>,
    /// The server's evidence store (a folder of its own, removed with the app).
    pub files: thidua_api::files::FileStore,
    files_dir: String,
}

/// Server logs on stdout when `TEST_LOG` is set (run with `--nocapture`).
pub fn init_logging() {
    LOGGING.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            thidua_api::telemetry::init(thidua_api::config::LogFormat::Pretty);
        }
    });
}

pub async fn spawn_app() -> TestApp {
    init_logging();
    let superuser = superuser_url();
    let template = TEMPLATE.get_or_init(ensure_template).await.clone();
    let db_name = format!("test_{}", Uuid::new_v4().simple());
    let mut conn = connect(&superuser).await;
    conn.batch_execute(&format!(
        "CREATE DATABASE \"{db_name}\" TEMPLATE \"{template}\""
    ))
    .await
    .expect("clone the template database");
    drop(conn);
    let db_url = with_database(&superuser, &db_name);
    let settings = Settings::for_tests(&db_url);
    let files_dir = settings.file_store.clone();
    let app = Application::build(settings)
        .await
        .expect("build the application");
    let base = format!("http://127.0.0.1:{}", app.port());
    let files = app.state.files.clone();
    // The demo evidence the template's rows name, in this application's own store.
    thidua_api::seed::reports::materialize(&files)
        .await
        .expect("store the demo evidence");
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client");
    let mut conn = connect(&db_url).await;
    let hashes: Vec<TextRow> =
        diesel::sql_query("SELECT password_hash AS v FROM users WHERE username = 'admin'")
            .load(&mut conn)
            .await
            .expect("read the demo password hash");
    let demo_hash = <[TextRow]>::first(&hashes)
        .and_then(|r| r.v.clone())
        .expect("the demo admin exists");
    TestApp {
        base,
        client,
        db_url,
        db_name,
        demo_hash,
        db: Mutex::new(Some(conn)),
        tokens: Mutex::new(HashMap::new()),
        files,
        files_dir,
    }
}

/// Drops the test's database, unless the test failed: then it is kept for inspection.
impl Drop for TestApp {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("test database kept for inspection: {}", self.db_url);
            return;
        }
        let _ = std::fs::remove_dir_all(&self.files_dir);
        let (url, name) = (superuser_url(), self.db_name.clone());
        // Drop cannot await: a short-lived runtime on its own thread does the work.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                if let Ok(mut c) = AsyncPgConnection::establish(&url).await {
                    let _ = c
                        .batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                        .await;
                }
            });
        })
        .join();
    }
}

impl TestApp {
    /// POST /api/v1/files: the form's text fields, then the file.
    pub async fn upload(
        &self,
        token: &str,
        initiative_id: Uuid,
        category: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> Resp {
        self.upload_as(Some(token), initiative_id, category, name, bytes)
            .await
    }

    /// [`Self::upload`], anonymously with `None`.
    pub async fn upload_as(
        &self,
        token: Option<&str>,
        initiative_id: Uuid,
        category: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> Resp {
        self.upload_form(
            token,
            &[
                ("category", category.to_string()),
                ("initiative_id", initiative_id.to_string()),
            ],
            name,
            bytes,
        )
        .await
    }

    /// POST /api/v1/files to a report, or to one line of its results table.
    pub async fn upload_to_report(
        &self,
        token: &str,
        report_id: Uuid,
        row_id: Option<Uuid>,
        category: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> Resp {
        let mut fields = vec![
            ("category", category.to_string()),
            ("report_id", report_id.to_string()),
        ];
        if let Some(row) = row_id {
            fields.push(("report_row_id", row.to_string()));
        }
        self.upload_form(Some(token), &fields, name, bytes).await
    }

    /// POST /api/v1/files with these text fields first, then the file.
    pub async fn upload_form(
        &self,
        token: Option<&str>,
        fields: &[(&str, String)],
        name: &str,
        bytes: Vec<u8>,
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.clone());
        }
        let form = form.part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
        let mut req = self.plain_client().post(self.url("/api/v1/files"));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let res = req.multipart(form).send().await.expect("upload");
        Resp::read(res).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client without a cookie jar, to send cookies by hand.
    pub fn plain_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client")
    }

    /// The general request: optional bearer token, `If-Match` and JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        if_match: Option<&str>,
        body: Option<&Value>,
    ) -> Resp {
        let mut rb = self.client.request(method, self.url(path));
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        if let Some(tag) = if_match {
            rb = rb.header("If-Match", tag);
        }
        if let Some(b) = body {
            rb = rb.json(b);
        }
        Resp::read(rb.send().await.expect("send the request")).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.call(Method::GET, path, Some(token), None, None).await
    }

    pub async fn get_anon(&self, path: &str) -> Resp {
        self.call(Method::GET, path, None, None, None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Resp {
        self.call(Method::POST, path, Some(token), None, Some(body))
            .await
    }

    /// A state-changing action (`POST /{resource}/{id}/{action}`), which takes no body.
    pub async fn action(&self, path: &str, token: &str) -> Resp {
        self.call(Method::POST, path, Some(token), None, None).await
    }

    pub async fn patch(
        &self,
        path: &str,
        token: &str,
        if_match: Option<&str>,
        body: &Value,
    ) -> Resp {
        self.call(Method::PATCH, path, Some(token), if_match, Some(body))
            .await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Resp {
        self.call(Method::DELETE, path, Some(token), None, None)
            .await
    }

    /// `POST /auth/login` with the demo password; the answer as is.
    pub async fn login_resp(&self, username: &str, password: &str) -> Resp {
        self.call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            None,
            Some(&json!({ "username": username, "password": password })),
        )
        .await
    }

    /// Signs in with the demo password and returns the access token.
    pub async fn login(&self, username: &str) -> String {
        let r = self.login_resp(username, PASSWORD).await;
        assert_eq!(r.status, 200, "login of {username}: {}", r.text);
        r.str("/access_token")
    }

    /// The access token of `username`, signing in once per app.
    pub async fn token(&self, username: &str) -> String {
        if let Some(t) = self.tokens.lock().await.get(username) {
            return t.clone();
        }
        let t = self.login(username).await;
        self.tokens
            .lock()
            .await
            .insert(username.to_string(), t.clone());
        t
    }

    // ----- SQL -------------------------------------------------------------------------

    /// Runs statements on the test database (simple protocol); the database's error if any.
    pub async fn exec(&self, sql: &str) -> Result<(), diesel::result::Error> {
        let mut guard = self.db.lock().await;
        if guard.is_none() {
            *guard = Some(connect(&self.db_url).await);
        }
        guard.as_mut().expect("connection").batch_execute(sql).await
    }

    pub async fn exec_ok(&self, sql: &str) {
        if let Err(e) = self.exec(sql).await {
            panic!("SQL failed: {e}\n{sql}");
        }
    }

    pub async fn rows<R>(&self, sql: &str) -> Vec<R>
    where
        R: QueryableByName<diesel::pg::Pg> + Send + 'static,
    {
        let mut guard = self.db.lock().await;
        if guard.is_none() {
            *guard = Some(connect(&self.db_url).await);
        }
        diesel::sql_query(sql)
            .load::<R>(guard.as_mut().expect("connection"))
            .await
            .unwrap_or_else(|e| panic!("SQL failed: {e}\n{sql}"))
    }

    /// `SELECT count(*) FROM <from_where>`.
    pub async fn count(&self, from_where: &str) -> i64 {
        let rows: Vec<I64Row> = self
            .rows(&format!("SELECT count(*)::bigint AS v FROM {from_where}"))
            .await;
        <[I64Row]>::first(&rows).map_or(0, |r| r.v)
    }

    /// The first row's column `v` (uuid); panics when there is none.
    pub async fn uuid(&self, sql: &str) -> Uuid {
        let rows: Vec<UuidRow> = self.rows(sql).await;
        <[UuidRow]>::first(&rows)
            .unwrap_or_else(|| panic!("no row: {sql}"))
            .v
    }

    pub async fn org_id(&self, code: &str) -> Uuid {
        self.uuid(&format!(
            "SELECT id AS v FROM organizations WHERE code = {}",
            lit(code)
        ))
        .await
    }

    pub async fn user_id(&self, username: &str) -> Uuid {
        self.uuid(&format!(
            "SELECT id AS v FROM users WHERE username = {}",
            lit(username)
        ))
        .await
    }

    pub async fn campaign_id(&self, code: &str) -> Uuid {
        self.uuid(&format!(
            "SELECT id AS v FROM campaigns WHERE code = {}",
            lit(code)
        ))
        .await
    }

    pub async fn milestone_id(&self, campaign: Uuid, kind: &str) -> Uuid {
        self.uuid(&format!(
            "SELECT id AS v FROM campaign_milestones WHERE campaign_id = '{campaign}' AND kind = {}",
            lit(kind)
        ))
        .await
    }

    // ----- fixtures written straight to the database --------------------------------------

    /// A fresh account in `org` holding `role` there; password `ThiDua@2023`.
    pub async fn insert_user(&self, org: Uuid, role: &str, active: bool) -> FixtureUser {
        let id = Uuid::new_v4();
        let grant_id = Uuid::new_v4();
        let username = format!("fx.{}", &Uuid::new_v4().simple().to_string()[..12]);
        self.exec_ok(&format!(
            "INSERT INTO users (id, username, display_name, position, organization_id, password_hash, is_active) \
             VALUES ('{id}', {}, 'Người dùng thử', 'Giáo viên', '{org}', {}, {active}); \
             INSERT INTO role_grants (id, user_id, role, organization_id) VALUES ('{grant_id}', '{id}', {}, '{org}');",
            lit(&username),
            lit(&self.demo_hash),
            lit(role)
        ))
        .await;
        FixtureUser { id, grant_id }
    }

    /// A fresh campaign issued by `org` in `status`, with one milestone; (campaign, milestone).
    pub async fn insert_campaign(&self, org: Uuid, status: &str) -> (Uuid, Uuid) {
        let id = Uuid::new_v4();
        let milestone = Uuid::new_v4();
        let code = format!("FX-{}/KH", &id.simple().to_string()[..10]);
        self.exec_ok(&format!(
            "INSERT INTO campaigns (id, code, title, year, issued_on, organization_id, status) \
             VALUES ('{id}', {}, 'Kế hoạch thử nghiệm', 2026, '2026-01-05', '{org}', {}); \
             INSERT INTO campaign_milestones (id, campaign_id, kind, title, due_on) \
             VALUES ('{milestone}', '{id}', 'registration', 'Đăng ký', '2026-12-31');",
            lit(&code),
            lit(status)
        ))
        .await;
        (id, milestone)
    }

    /// A fresh organisation below `parent`.
    pub async fn insert_org(&self, parent: Uuid, kind: &str) -> Uuid {
        let id = Uuid::new_v4();
        let code = format!("FX-{}", &id.simple().to_string()[..12]);
        self.exec_ok(&format!(
            "INSERT INTO organizations (id, code, name, kind, parent_id, valid_from) \
             VALUES ('{id}', {}, 'Đơn vị thử nghiệm', {}, '{parent}', '2020-01-01')",
            lit(&code),
            lit(kind)
        ))
        .await;
        id
    }

    /// Gives a demo account back its demo password and activity, and ends nothing: tokens
    /// issued before stay valid (their `iat` is after the restored `password_changed_at`).
    pub async fn restore_demo_account(&self, username: &str) {
        self.exec_ok(&format!(
            "UPDATE users SET password_hash = {}, password_changed_at = '2000-01-01', is_active = true \
             WHERE username = {}",
            lit(&self.demo_hash),
            lit(username)
        ))
        .await;
    }
}

pub struct FixtureUser {
    pub id: Uuid,
    pub grant_id: Uuid,
}

/// The JWT header and claims of a token, decoded by hand (no library trusted).
pub fn jwt_parts(token: &str) -> (Value, Value) {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "a JWT has three parts: {token}");
    let decode = |p: &str| -> Value {
        let bytes = URL_SAFE_NO_PAD.decode(p).expect("base64url");
        serde_json::from_slice(&bytes).expect("JSON")
    };
    (decode(parts[0]), decode(parts[1]))
}

/// Today in Vietnam (UTC+7), as the server computes `in_force` and `days_left`.
pub fn vietnam_today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}

impl TestApp {
    /// A fresh initiative of `unit` in `campaign`, in `status`, created by `created_by`, with
    /// `authors` as (user, % contribution) in that order; with no authors it is collective.
    /// Kind `solution`, area `administrative_procedures`, a title and dates in 2023; change
    /// what a test needs with [`TestApp::exec_ok`].
    pub async fn insert_initiative(
        &self,
        unit: Uuid,
        campaign: Uuid,
        status: &str,
        created_by: Uuid,
        authors: &[(Uuid, i16)],
    ) -> Uuid {
        let id = Uuid::new_v4();
        let mut sql = format!(
            "INSERT INTO initiatives (id, campaign_id, organization_id, kind, reform_area, title, \
             summary, starts_on, ends_on, collective, status, created_by) \
             VALUES ('{id}', '{campaign}', '{unit}', 'solution', 'administrative_procedures', \
             'Sáng kiến thử nghiệm', 'Tóm tắt thử nghiệm', '2023-05-01', '2023-11-30', {}, {}, \
             '{created_by}');",
            authors.is_empty(),
            lit(status)
        );
        for (n, (user, pct)) in authors.iter().enumerate() {
            sql.push_str(&format!(
                "INSERT INTO initiative_authors (initiative_id, user_id, contribution_pct, sort_order) \
                 VALUES ('{id}', '{user}', {pct}, {n});"
            ));
        }
        self.exec_ok(&sql).await;
        id
    }

    /// A roadmap step of `initiative`, due on `due_on` (`YYYY-MM-DD`), done on `done_on`.
    pub async fn insert_roadmap_step(
        &self,
        initiative: Uuid,
        title: &str,
        due_on: &str,
        done_on: Option<&str>,
        progress: i16,
    ) -> Uuid {
        let id = Uuid::new_v4();
        let done = done_on.map_or_else(|| "NULL".to_string(), lit);
        self.exec_ok(&format!(
            "INSERT INTO initiative_milestones (id, initiative_id, title, due_on, done_on, progress) \
             VALUES ('{id}', '{initiative}', {}, {}, {done}, {progress})",
            lit(title),
            lit(due_on)
        ))
        .await;
        id
    }

    /// The status stored for an initiative.
    pub async fn initiative_status(&self, id: Uuid) -> String {
        let rows: Vec<TextRow> = self
            .rows(&format!(
                "SELECT status AS v FROM initiatives WHERE id = '{id}'"
            ))
            .await;
        <[TextRow]>::first(&rows)
            .and_then(|r| r.v.clone())
            .unwrap_or_else(|| panic!("no initiative {id}"))
    }
}

/// A small but well-formed PDF.
pub fn pdf(text: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n\
         2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% {text}\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    .into_bytes()
}

/// The start of a PNG (enough for the type to be recognised); `seed` makes the bytes differ.
pub fn png(seed: u8) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
    b.extend(std::iter::repeat_n(seed, 64));
    b
}
