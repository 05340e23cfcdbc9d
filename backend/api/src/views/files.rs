use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::UserRef;

// The API's face of thidua_domain::report::EvidenceCategory.
/// Categories of evidence (tài liệu minh chứng, §II.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FileCategoryCode {
    /// Kế hoạch triển khai.
    ImplementationPlan,
    /// Văn bản triển khai.
    ImplementingDocument,
    /// Sản phẩm.
    Product,
    /// Số liệu.
    Data,
    /// Hình ảnh.
    Photo,
    Other,
}

mirror_enum!(
    FileCategoryCode,
    thidua_domain::report::EvidenceCategory,
    [
        ImplementationPlan,
        ImplementingDocument,
        Product,
        Data,
        Photo,
        Other
    ]
);

/// An evidence file: its name as uploaded, what it is, and where it belongs.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FileView {
    pub id: Uuid,
    /// The name it was uploaded with (shown and offered on download; never a path).
    pub original_name: String,
    pub category: FileCategoryCode,
    /// Detected from the content.
    pub media_type: String,
    pub size_bytes: i64,
    /// Hex sha256 of the bytes.
    pub sha256: String,
    pub organization_id: Uuid,
    /// Attached to an initiative…
    pub initiative_id: Option<Uuid>,
    /// …or to a report, and then possibly to one line of its results table.
    pub report_id: Option<Uuid>,
    pub report_row_id: Option<Uuid>,
    pub uploaded_by: UserRef,
    pub created_at: DateTime<Utc>,
    /// Part of a submitted version: never changed or deleted.
    pub locked: bool,
    /// `GET` it for the bytes.
    pub download_url: String,
    /// Among `delete`.
    pub allowed_actions: Vec<String>,
}

/// The multipart form of an upload: the text fields first, then the file.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    pub category: FileCategoryCode,
    /// The initiative the evidence belongs to (or give `report_id`).
    pub initiative_id: Option<Uuid>,
    /// The report the evidence belongs to (or give `initiative_id`).
    pub report_id: Option<Uuid>,
    /// With `report_id`: the line of its results table the evidence backs.
    pub report_row_id: Option<Uuid>,
    /// The file (PDF, Word, Excel, JPEG, PNG, GIF, WebP), at most the configured size
    /// (25 MiB by default).
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}
