//! One error type for the whole API, rendered as RFC 9457 `application/problem+json` with a
//! stable `code`, messages in Vietnamese and English, the offending fields and the request
//! id. 5xx bodies say nothing internal; the cause goes to the log.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use thidua_domain::{FieldError, ValidationErrors};
use utoipa::ToSchema;

use crate::context::{self, Lang};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type; ends with the `code`.
    #[serde(rename = "type")]
    #[schema(example = "https://thidua.example/problems/validation_failed")]
    pub type_: String,
    /// A short summary in the negotiated language (Vietnamese unless `Accept-Language: en`).
    pub title: String,
    pub status: u16,
    /// What went wrong, in the negotiated language.
    pub detail: String,
    /// Stable machine-readable code; clients switch on it.
    #[schema(example = "validation_failed")]
    pub code: String,
    pub message_vi: String,
    pub message_en: String,
    /// One entry per offending field.
    pub errors: Vec<ProblemField>,
    /// Quote it when reporting the problem: it finds the request in the logs.
    pub request_id: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// The field's path in the request, e.g. `milestones[1].due_on` or `per_page`.
    pub field: String,
    pub code: String,
    /// In the negotiated language.
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{status} {code}: {message_en}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message_vi: String,
    pub message_en: String,
    pub errors: Vec<FieldError>,
    pub retry_after: Option<u64>,
    #[source]
    pub source: Option<anyhow::Error>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Self {
            status,
            code,
            message_vi: vi.into(),
            message_en: en.into(),
            errors: Vec::new(),
            retry_after: None,
            source: None,
        }
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn bad_request(code: &'static str, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, vi, en)
    }

    pub fn validation(errors: ValidationErrors) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "Dữ liệu gửi lên không hợp lệ.",
            "Some fields are invalid.",
        )
        .with_errors(errors.0)
    }

    pub fn field(e: FieldError) -> Self {
        Self::validation(ValidationErrors::from(e))
    }

    /// A query parameter that parsed but is out of range or not allowed (`per_page=500`,
    /// `sort=password_hash`): the request itself is malformed.
    pub fn invalid_query(e: FieldError) -> Self {
        Self::bad_request(
            "invalid_query",
            "Tham số truy vấn không hợp lệ.",
            "A query parameter is invalid.",
        )
        .with_errors(vec![e])
    }

    pub fn unprocessable(code: &'static str, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, vi, en)
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "Cần đăng nhập để thực hiện yêu cầu này.",
            "You need to sign in to do this.",
        )
    }

    pub fn invalid_token() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "Phiên đăng nhập không hợp lệ hoặc đã hết hạn.",
            "The session is invalid or has expired.",
        )
    }

    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Bạn không có quyền thực hiện thao tác này.",
            "You are not allowed to do this.",
        )
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Không tìm thấy tài nguyên yêu cầu.",
            "The requested resource was not found.",
        )
    }

    pub fn conflict(code: &'static str, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, vi, en)
    }

    /// 409 naming the current state both in the message and as `errors[0]` (field `status`,
    /// code: the state), so that clients can tell why without parsing text.
    pub fn invalid_transition(state: &str, action: &str) -> Self {
        let mut e = Self::conflict(
            "invalid_transition",
            format!("Không thể thực hiện \"{action}\" khi đang ở trạng thái \"{state}\"."),
            format!("Cannot {action} while in state {state}."),
        );
        e.errors.push(FieldError {
            field: "status".into(),
            code: state_code(state),
            message_vi: format!("Trạng thái hiện tại: {state}."),
            message_en: format!("Current state: {state}."),
        });
        e
    }

    pub fn precondition_required() -> Self {
        Self::new(
            StatusCode::PRECONDITION_REQUIRED,
            "precondition_required",
            "Cần gửi kèm tiêu đề If-Match với ETag của bản ghi.",
            "Send an If-Match header with the resource's ETag.",
        )
    }

    pub fn precondition_failed() -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            "precondition_failed",
            "Bản ghi đã được người khác thay đổi. Hãy tải lại rồi thử lại.",
            "Someone else changed this record. Reload it and try again.",
        )
    }

    pub fn too_many_requests(retry_after: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {retry_after} giây."),
            format!("Too many failed sign-in attempts. Try again in {retry_after} seconds."),
        );
        e.retry_after = Some(retry_after);
        e
    }

    pub fn service_unavailable(source: impl Into<anyhow::Error>) -> Self {
        let mut e = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "Hệ thống đang bận, vui lòng thử lại sau ít phút.",
            "The service is busy; try again in a moment.",
        );
        e.retry_after = Some(5);
        e.source = Some(source.into());
        e
    }

    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        let mut e = Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên kèm mã yêu cầu.",
            "Something went wrong. Try again or report it with the request id.",
        );
        e.source = Some(source.into());
        e
    }

    fn title(&self, lang: Lang) -> &'static str {
        let (vi, en) = match self.status.as_u16() {
            400 => ("Yêu cầu không hợp lệ", "Bad request"),
            401 => ("Chưa đăng nhập", "Unauthorized"),
            403 => ("Không có quyền", "Forbidden"),
            404 => ("Không tìm thấy", "Not found"),
            405 => ("Phương thức không được hỗ trợ", "Method not allowed"),
            409 => ("Xung đột trạng thái", "Conflict"),
            412 => ("Dữ liệu đã thay đổi", "Precondition failed"),
            413 => ("Dữ liệu quá lớn", "Payload too large"),
            415 => ("Định dạng không được hỗ trợ", "Unsupported media type"),
            422 => ("Dữ liệu không hợp lệ", "Unprocessable content"),
            428 => ("Thiếu điều kiện", "Precondition required"),
            429 => ("Quá nhiều yêu cầu", "Too many requests"),
            503 => ("Dịch vụ tạm thời không sẵn sàng", "Service unavailable"),
            _ => ("Lỗi hệ thống", "Internal server error"),
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn to_problem(&self, lang: Lang) -> Problem {
        let pick = |vi: &str, en: &str| match lang {
            Lang::Vi => vi.to_string(),
            Lang::En => en.to_string(),
        };
        Problem {
            type_: format!("https://thidua.example/problems/{}", self.code),
            title: self.title(lang).to_string(),
            status: self.status.as_u16(),
            detail: pick(&self.message_vi, &self.message_en),
            code: self.code.to_string(),
            message_vi: self.message_vi.clone(),
            message_en: self.message_en.clone(),
            errors: self
                .errors
                .iter()
                .map(|e| ProblemField {
                    field: e.field.clone(),
                    code: e.code.to_string(),
                    message: pick(&e.message_vi, &e.message_en),
                })
                .collect(),
            request_id: context::request_id().unwrap_or_default(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if self.status.is_server_error() {
            tracing::error!(code = self.code, error = ?self.source, "request failed");
        } else {
            tracing::info!(
                status = self.status.as_u16(),
                code = self.code,
                "request refused"
            );
        }
        let mut resp = HttpResponse::build(self.status);
        resp.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        resp.insert_header((header::CONTENT_LANGUAGE, context::lang().as_str()));
        if let Some(secs) = self.retry_after {
            resp.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        match serde_json::to_string(&self.to_problem(context::lang())) {
            Ok(body) => resp.body(body),
            Err(_) => resp.body("{}"),
        }
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(e: ValidationErrors) -> Self {
        Self::validation(e)
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        Self::field(e)
    }
}

impl From<DieselError> for ApiError {
    fn from(e: DieselError) -> Self {
        match &e {
            DieselError::NotFound => Self::not_found(),
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                let constraint = info.constraint_name().unwrap_or("").to_string();
                let field = constraint_field(&constraint);
                Self::conflict(
                    "already_exists",
                    "Đã tồn tại một bản ghi với giá trị này.",
                    "A record with this value already exists.",
                )
                .with_errors(vec![FieldError::new(
                    field,
                    "already_exists",
                    "Giá trị này đã được sử dụng.",
                    "This value is already taken.",
                )])
            }
            // A file chosen for a nomination's dossier or for the showcase stays.
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, info)
                if matches!(
                    info.constraint_name(),
                    Some("nomination_files_file_id_fkey" | "showcase_files_file_id_fkey")
                ) =>
            {
                Self::conflict(
                    "file_in_use",
                    "Tệp đang được dùng trong hồ sơ đề nghị khen thưởng hoặc đã công bố: không xóa được.",
                    "The file is part of a nomination's dossier or published in the showcase: it cannot be deleted.",
                )
            }
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                Self::unprocessable(
                    "invalid_reference",
                    "Dữ liệu tham chiếu tới một bản ghi không tồn tại.",
                    "The request refers to a record that does not exist.",
                )
            }
            // The trigger that keeps submitted evidence as it is (a race with a submission).
            DieselError::DatabaseError(DatabaseErrorKind::CheckViolation, info)
                if info.constraint_name() == Some("files_locked") =>
            {
                Self::conflict(
                    "file_locked",
                    "Tệp thuộc một phiên bản đã gửi nên không thể thay đổi.",
                    "The file belongs to a submitted version and cannot change.",
                )
            }
            DieselError::DatabaseError(DatabaseErrorKind::CheckViolation, info) => {
                let constraint = info.constraint_name().unwrap_or("").to_string();
                Self::unprocessable(
                    "constraint_violation",
                    "Dữ liệu vi phạm ràng buộc của hệ thống.",
                    "The data breaks a rule of the system.",
                )
                .with_errors(vec![FieldError::new(
                    constraint_field(&constraint),
                    "constraint_violation",
                    "Giá trị không thỏa mãn ràng buộc.",
                    "The value breaks a constraint.",
                )])
            }
            DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => {
                Self::conflict(
                    "concurrent_update",
                    "Có thay đổi đồng thời; vui lòng thử lại.",
                    "A concurrent change happened; try again.",
                )
            }
            // The server dropped a pooled connection (restart, failover): the pool replaces
            // it; this one request is told to try again.
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => {
                Self::service_unavailable(anyhow::anyhow!("database connection closed: {e}"))
            }
            _ => Self::internal(e),
        }
    }
}

/// The static code of a state name (`FieldError::code` is `&'static str`).
fn state_code(state: &str) -> &'static str {
    const STATES: [&str; 16] = [
        "draft",
        "submitted",
        "returned",
        "registered",
        "in_progress",
        "completed",
        "accepted",
        "not_accepted",
        "withdrawn",
        "open",
        "closed",
        "archived",
        "received",
        "active",
        "inactive",
        "unknown",
    ];
    STATES
        .into_iter()
        .find(|s| *s == state)
        .unwrap_or("unknown")
}

/// Best guess of the field a constraint is about, from PostgreSQL's default names
/// (`users_username_key`, `campaigns_organization_id_year_code_key`).
fn constraint_field(constraint: &str) -> String {
    let known = [
        ("users_username", "username"),
        ("organizations_code", "code"),
        ("organizations_no_cycle", "parent_id"),
        ("organizations_check", "valid_to"),
        ("campaigns_organization_id_year_code", "code"),
        ("role_grants_user_id_role_organization_id", "role"),
        ("campaign_milestones_check", "starts_on"),
    ];
    known
        .iter()
        .find(|(prefix, _)| constraint.starts_with(prefix))
        .map(|(_, f)| (*f).to_string())
        .unwrap_or_default()
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for ApiError {
    fn from(e: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        Self::service_unavailable(anyhow::anyhow!("database pool: {e}"))
    }
}

impl From<diesel_async::pooled_connection::PoolError> for ApiError {
    fn from(e: diesel_async::pooled_connection::PoolError) -> Self {
        Self::service_unavailable(anyhow::anyhow!("database connection: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_carries_both_languages_and_fields() {
        let e = ApiError::validation(ValidationErrors(vec![FieldError::required("title")]));
        let p = e.to_problem(Lang::En);
        assert_eq!(p.status, 422);
        assert_eq!(p.code, "validation_failed");
        assert_eq!(p.title, "Unprocessable content");
        assert_eq!(p.detail, "Some fields are invalid.");
        assert_eq!(p.message_vi, "Dữ liệu gửi lên không hợp lệ.");
        assert_eq!(p.errors[0].field, "title");
        assert_eq!(p.errors[0].message, "This field is required.");
        let vi = e.to_problem(Lang::Vi);
        assert_eq!(vi.errors[0].message, "Trường này là bắt buộc.");
        assert!(vi.type_.ends_with("/validation_failed"));
    }

    #[test]
    fn internal_errors_reveal_nothing() {
        let e = ApiError::internal(anyhow::anyhow!(
            "password authentication failed for user postgres"
        ));
        let p = e.to_problem(Lang::En);
        assert!(!p.detail.contains("postgres"));
        assert!(
            !serde_json::to_string(&p)
                .unwrap_or_default()
                .contains("postgres")
        );
    }
}
