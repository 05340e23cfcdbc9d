//! Request extractors that turn every kind of bad input into a clear problem: JSON bodies
//! (content type, size, syntax, unknown fields, wrong types, each with the field's path),
//! query strings, path parameters and `If-Match`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use thidua_domain::FieldError;

use crate::error::ApiError;

/// The largest JSON body accepted.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

/// A JSON body parsed into `T`; `T` should be `#[serde(deny_unknown_fields)]`.
#[derive(Debug)]
pub struct Json<T>(pub T);

fn data_error(path: String, err: &serde_json::Error) -> ApiError {
    let msg = err.to_string();
    let (code, vi, en) = if msg.starts_with("unknown field") {
        (
            "unknown_field",
            "Trường này không được hỗ trợ.".to_string(),
            "Unknown field.".to_string(),
        )
    } else if msg.starts_with("missing field") {
        (
            "required",
            "Trường này là bắt buộc.".to_string(),
            "This field is required.".to_string(),
        )
    } else {
        (
            "invalid_type",
            "Giá trị có kiểu hoặc định dạng không đúng.".to_string(),
            format!(
                "Invalid value: {}",
                msg.split(" at line").next().unwrap_or(&msg)
            ),
        )
    };
    // serde_path_to_error's path already ends with an unknown field's name; a missing field
    // is named only in the message (`missing field `title``), after its parent's path.
    let field = if code == "required" {
        let name = msg.split('`').nth(1).unwrap_or("");
        match path.as_str() {
            "." | "" => name.to_string(),
            p => format!("{p}.{name}"),
        }
    } else {
        path
    };
    ApiError::validation(FieldError::new(field, code, vi, en).into())
}

/// Parses in two steps: the JSON syntax first (400 when broken), then the value into `T`
/// (422 naming the field). Between them, text containing NUL is refused with its field's
/// path: PostgreSQL text cannot hold it.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| malformed_json())?;
    if let Some(field) = find_nul(&value, String::new()) {
        return Err(ApiError::validation(
            FieldError::new(
                field,
                "invalid_characters",
                "Văn bản không được chứa ký tự NUL (\\u0000).",
                "Text must not contain the NUL character (\\u0000).",
            )
            .into(),
        ));
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let path = e.path().to_string();
        data_error(path, &e.into_inner())
    })
}

/// The path (`milestones[1].title`, or the key itself) of the first string holding NUL.
fn find_nul(v: &serde_json::Value, path: String) -> Option<String> {
    match v {
        serde_json::Value::String(s) if s.contains('\0') => Some(path),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| find_nul(item, format!("{path}[{i}]"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, item)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            if k.contains('\0') {
                Some(p)
            } else {
                find_nul(item, p)
            }
        }),
        _ => None,
    }
}

fn malformed_json() -> ApiError {
    ApiError::bad_request(
        "malformed_json",
        "Nội dung gửi lên không phải JSON hợp lệ.",
        "The request body is not valid JSON.",
    )
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
        let declared_len = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            match content_type.as_deref() {
                Some("application/json") => {}
                Some(ct) if ct.starts_with("application/") && ct.ends_with("+json") => {}
                _ => {
                    return Err(ApiError::new(
                        actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_media_type",
                        "Nội dung phải ở dạng JSON (Content-Type: application/json).",
                        "The body must be JSON (Content-Type: application/json).",
                    ));
                }
            }
            if declared_len.is_some_and(|n| n > MAX_JSON_BYTES) {
                return Err(too_large());
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| {
                    ApiError::bad_request(
                        "incomplete_body",
                        "Nội dung gửi lên bị gián đoạn.",
                        "The request body was cut short.",
                    )
                })?;
                if body.len() + chunk.len() > MAX_JSON_BYTES {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(Json)
        })
    }
}

fn too_large() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "Nội dung gửi lên vượt quá 1 MiB.",
        "The request body is larger than 1 MiB.",
    )
}

/// Query parameters parsed into `T`, with the name of the parameter that failed.
#[derive(Debug)]
pub struct Query<T>(pub T);

pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    if form_urlencoded::parse(query.as_bytes()).any(|(k, v)| k.contains('\0') || v.contains('\0')) {
        return Err(ApiError::bad_request(
            "invalid_query",
            "Tham số truy vấn không được chứa ký tự NUL.",
            "Query parameters must not contain the NUL character.",
        ));
    }
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize::<_, T>(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let field = if path == "." || path.is_empty() {
            inner.split('`').nth(1).unwrap_or("").to_string()
        } else {
            path
        };
        ApiError::bad_request(
            "invalid_query",
            "Tham số truy vấn không hợp lệ.",
            "A query parameter is invalid.",
        )
        .with_errors(vec![FieldError::new(
            field,
            "invalid_value",
            "Giá trị không hợp lệ.",
            format!("Invalid value: {inner}"),
        )])
    })
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

/// Error handler for `web::Path`: a malformed id is a bad request, never a 5xx.
pub fn path_error(err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request(
        "invalid_path_parameter",
        "Tham số trên đường dẫn không hợp lệ (ví dụ: mã định danh không đúng định dạng UUID).",
        "A path parameter is invalid (for example, an id that is not a UUID).",
    )
    .with_errors(vec![FieldError::new(
        "path",
        "invalid_value",
        "Giá trị không hợp lệ.",
        err.to_string(),
    )])
    .into()
}

/// The `If-Match` header: required for updates.
#[derive(Debug, Clone)]
pub struct IfMatch(pub Option<String>);

impl IfMatch {
    /// Checks the header against the current ETag: missing → 428, different → 412.
    pub fn check(&self, current: &str) -> Result<(), ApiError> {
        let Some(raw) = &self.0 else {
            return Err(ApiError::precondition_required());
        };
        let matches = raw
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag == current || tag.strip_prefix("W/") == Some(current));
        if matches {
            Ok(())
        } else {
            Err(ApiError::precondition_failed())
        }
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let value = req
            .headers()
            .get(header::IF_MATCH)
            .map(|v| v.to_str().map(str::to_string));
        std::future::ready(match value {
            None => Ok(IfMatch(None)),
            Some(Ok(v)) => Ok(IfMatch(Some(v))),
            Some(Err(_)) => Err(ApiError::bad_request(
                "invalid_header",
                "Tiêu đề If-Match không hợp lệ.",
                "The If-Match header is invalid.",
            )),
        })
    }
}

/// The strong ETag of a versioned row.
pub fn etag(id: uuid::Uuid, version: i32) -> String {
    let id = id.simple().to_string();
    format!("\"{}.{}\"", &id[..8], version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        title: String,
        due_on: chrono::NaiveDate,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        items: Vec<Item>,
    }

    fn field_of(e: ApiError) -> (u16, String, String) {
        let f = e
            .errors
            .first()
            .map(|f| (f.field.clone(), f.code.to_string()))
            .unwrap_or_default();
        (e.status.as_u16(), f.0, f.1)
    }

    #[test]
    fn json_errors_name_the_field() {
        let bad_date =
            parse_json::<Body>(br#"{"name":"x","items":[{"title":"a","due_on":"2023-02-30"}]}"#);
        assert_eq!(
            field_of(bad_date.err().unwrap_or_else(ApiError::not_found)),
            (422, "items[0].due_on".into(), "invalid_type".into())
        );
        let unknown = parse_json::<Body>(br#"{"name":"x","items":[],"admin":true}"#);
        assert_eq!(
            field_of(unknown.err().unwrap_or_else(ApiError::not_found)),
            (422, "admin".into(), "unknown_field".into())
        );
        let missing = parse_json::<Body>(br#"{"items":[]}"#);
        assert_eq!(
            field_of(missing.err().unwrap_or_else(ApiError::not_found)),
            (422, "name".into(), "required".into())
        );
        let syntax = parse_json::<Body>(br#"{"name":"#);
        assert_eq!(syntax.err().map(|e| e.code), Some("malformed_json"));
        let nul = parse_json::<Body>(
            br#"{"name":"x","items":[{"title":"a\u0000b","due_on":"2023-01-01"}]}"#,
        );
        assert_eq!(
            field_of(nul.err().unwrap_or_else(ApiError::not_found)),
            (422, "items[0].title".into(), "invalid_characters".into())
        );
        // the six characters backslash-u-0-0-0-0 are ordinary text
        assert!(parse_json::<Body>(br#"{"name":"\\u0000","items":[]}"#).is_ok());
        let trailing = parse_json::<Body>(br#"{"name":"x","items":[]} x"#);
        assert_eq!(trailing.err().map(|e| e.code), Some("malformed_json"));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Q {
        page: Option<i64>,
        active: Option<bool>,
    }

    #[test]
    fn query_errors_name_the_parameter() {
        assert!(parse_query::<Q>("page=2&active=true").is_ok());
        let e = parse_query::<Q>("page=abc")
            .err()
            .unwrap_or_else(ApiError::not_found);
        assert_eq!(field_of(e), (400, "page".into(), "invalid_value".into()));
    }

    #[test]
    fn if_match() {
        let id = uuid::Uuid::nil();
        let tag = etag(id, 3);
        assert_eq!(tag, "\"00000000.3\"");
        assert!(IfMatch(Some(tag.clone())).check(&tag).is_ok());
        assert!(IfMatch(Some("*".into())).check(&tag).is_ok());
        assert_eq!(
            IfMatch(None).check(&tag).err().map(|e| e.status.as_u16()),
            Some(428)
        );
        assert_eq!(
            IfMatch(Some("\"00000000.2\"".into()))
                .check(&tag)
                .err()
                .map(|e| e.status.as_u16()),
            Some(412)
        );
    }
}
