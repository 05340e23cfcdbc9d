//! Configuration from environment variables (`DATABASE_URL`, `THIDUA_*`); secrets are
//! wrapped so that they never appear in logs or debug output.

use secrecy::{ExposeSecret, SecretString};

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: SecretString,
    pub host: String,
    pub port: u16,
    pub jwt_secret: SecretString,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_days: i64,
    /// However often it is refreshed, a login ends this many days after the password was given.
    pub session_max_days: i64,
    /// Where evidence bytes go: a folder, or `s3://bucket[/prefix]` (see `files::open`).
    pub file_store: String,
    /// The largest evidence file accepted, in bytes.
    pub upload_max_bytes: u64,
    pub cookie_secure: bool,
    pub static_dir: Option<String>,
    pub db_pool_size: usize,
    pub migrate_on_start: bool,
    pub log_format: LogFormat,
    pub workers: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is not set")]
    Missing(&'static str),
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

fn var(name: &'static str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(v) => v.trim().parse().map_err(|e: T::Err| ConfigError::Invalid {
            name,
            reason: e.to_string(),
        }),
    }
}

fn parse_bool(name: &'static str, default: bool) -> Result<bool, ConfigError> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None => Ok(default),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some("0" | "false" | "no" | "off") => Ok(false),
        Some(other) => Err(ConfigError::Invalid {
            name,
            reason: format!("expected true or false, got {other}"),
        }),
    }
}

impl Settings {
    pub fn database_url_from_env() -> Result<SecretString, ConfigError> {
        var("DATABASE_URL")
            .map(SecretString::from)
            .ok_or(ConfigError::Missing("DATABASE_URL"))
    }

    /// Reads the whole configuration; `serve` needs every secret, other commands only the
    /// database.
    pub fn from_env() -> Result<Self, ConfigError> {
        let jwt_secret =
            var("THIDUA_JWT_SECRET").ok_or(ConfigError::Missing("THIDUA_JWT_SECRET"))?;
        if jwt_secret.len() < 32 {
            return Err(ConfigError::Invalid {
                name: "THIDUA_JWT_SECRET",
                reason: "must be at least 32 characters".into(),
            });
        }
        let log_format = match var("THIDUA_LOG_FORMAT").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "THIDUA_LOG_FORMAT",
                    reason: format!("expected pretty or json, got {other}"),
                });
            }
        };
        let access_token_ttl_secs = parse("THIDUA_ACCESS_TOKEN_TTL_SECS", 900i64)?;
        if !(30..=900).contains(&access_token_ttl_secs) {
            return Err(ConfigError::Invalid {
                name: "THIDUA_ACCESS_TOKEN_TTL_SECS",
                reason: "must be between 30 and 900 seconds".into(),
            });
        }
        Ok(Self {
            database_url: Self::database_url_from_env()?,
            host: var("THIDUA_HOST").unwrap_or_else(|| "127.0.0.1".into()),
            port: parse("THIDUA_PORT", 8080u16)?,
            jwt_secret: SecretString::from(jwt_secret),
            jwt_issuer: var("THIDUA_JWT_ISSUER").unwrap_or_else(|| "thidua-cchc".into()),
            jwt_audience: var("THIDUA_JWT_AUDIENCE").unwrap_or_else(|| "thidua-cchc-api".into()),
            access_token_ttl_secs,
            refresh_token_ttl_days: parse("THIDUA_REFRESH_TOKEN_TTL_DAYS", 14i64)?,
            session_max_days: parse("THIDUA_SESSION_MAX_DAYS", 30i64)?,
            file_store: Self::file_store_from_env(),
            upload_max_bytes: parse("THIDUA_UPLOAD_MAX_BYTES", 25 * 1024 * 1024u64)?,
            cookie_secure: parse_bool("THIDUA_COOKIE_SECURE", false)?,
            static_dir: Some(var("THIDUA_STATIC_DIR").unwrap_or_else(|| "frontend/dist".into())),
            db_pool_size: parse("THIDUA_DB_POOL_SIZE", 16usize)?,
            migrate_on_start: parse_bool("THIDUA_MIGRATE_ON_START", true)?,
            log_format,
            workers: var("THIDUA_WORKERS")
                .map(|w| w.parse())
                .transpose()
                .map_err(|e: std::num::ParseIntError| ConfigError::Invalid {
                    name: "THIDUA_WORKERS",
                    reason: e.to_string(),
                })?,
        })
    }

    /// `THIDUA_FILE_STORE`, else `$THIDUA_DATA_DIR/files` (`.data/files`).
    pub fn file_store_from_env() -> String {
        var("THIDUA_FILE_STORE").unwrap_or_else(|| {
            format!(
                "{}/files",
                var("THIDUA_DATA_DIR").unwrap_or_else(|| ".data".into())
            )
        })
    }

    /// Settings for tests: everything explicit, nothing from the environment.
    pub fn for_tests(database_url: &str) -> Self {
        Self {
            database_url: SecretString::from(database_url.to_string()),
            host: "127.0.0.1".into(),
            port: 0,
            jwt_secret: SecretString::from(
                "test-secret-test-secret-test-secret-0123456789".to_string(),
            ),
            jwt_issuer: "thidua-cchc".into(),
            jwt_audience: "thidua-cchc-api".into(),
            access_token_ttl_secs: 900,
            refresh_token_ttl_days: 14,
            session_max_days: 30,
            // A folder of its own per test application.
            file_store: std::env::temp_dir()
                .join(format!("thidua-test-files-{}", uuid::Uuid::now_v7()))
                .to_string_lossy()
                .into_owned(),
            upload_max_bytes: 25 * 1024 * 1024,
            cookie_secure: false,
            static_dir: None,
            db_pool_size: 4,
            migrate_on_start: false,
            log_format: LogFormat::Pretty,
            workers: Some(1),
        }
    }

    pub fn database_url(&self) -> &str {
        self.database_url.expose_secret()
    }
}
