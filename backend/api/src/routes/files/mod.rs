//! Evidence files: upload (streamed), download, list per initiative, delete.

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::http::header::{
    Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{HttpResponse, delete, get, post, web};
use futures_util::{StreamExt, TryStreamExt};
use thidua_db::models::{FileBlob, NewStoredFile, StoredFile};
use thidua_db::queries::{files as file_queries, reports as report_queries, users as user_queries};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{InitiativeOp, ReportOp};
use crate::error::ApiError;
use crate::files::{StoreError, store};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::UserRef;
use crate::views::files::{FileView, UploadForm};
use thidua_domain::report::EvidenceCategory;

/// The longest text field of the form (a category code, a UUID).
const MAX_TEXT_FIELD: usize = 256;

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::TooLarge { limit } => ApiError::new(
                actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
                "file_too_large",
                format!(
                    "Tệp vượt quá dung lượng cho phép ({} MiB).",
                    limit / (1024 * 1024)
                ),
                format!(
                    "The file is larger than the limit ({} MiB).",
                    limit / (1024 * 1024)
                ),
            ),
            StoreError::UnsupportedType { detected } => ApiError::new(
                actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_file_type",
                format!(
                    "Chỉ nhận tệp PDF, Word, Excel hoặc hình ảnh (nội dung tệp là: {detected})."
                ),
                format!("Only PDF, Word, Excel or image files are accepted (content: {detected})."),
            ),
            StoreError::Interrupted(why) => ApiError::bad_request(
                "upload_interrupted",
                "Tải tệp lên bị gián đoạn; vui lòng thử lại.",
                format!("The upload was interrupted: {why}"),
            ),
            StoreError::Store(e) => ApiError::service_unavailable(anyhow::anyhow!(e)),
        }
    }
}

/// The file's name as the user's computer knew it, reduced to its last component and to
/// printable characters; never used as a path.
pub fn clean_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .chars()
        .take(255)
        .collect();
    if cleaned.is_empty() {
        "tep-dinh-kem".into()
    } else {
        cleaned
    }
}

pub fn file_view(f: StoredFile, b: &FileBlob, uploader: String, can_edit: bool) -> FileView {
    let locked = f.locked_at.is_some();
    FileView {
        download_url: format!("/api/v1/files/{}/content", f.id),
        allowed_actions: if can_edit && !locked {
            vec!["delete".into()]
        } else {
            Vec::new()
        },
        id: f.id,
        original_name: f.original_name,
        category: EvidenceCategory::parse(&f.category)
            .unwrap_or(EvidenceCategory::Other)
            .into(),
        media_type: b.media_type.clone(),
        size_bytes: b.size_bytes,
        sha256: store::hex(&f.sha256),
        organization_id: f.organization_id,
        initiative_id: f.initiative_id,
        report_id: f.report_id,
        report_row_id: f.report_row_id,
        uploaded_by: UserRef {
            id: f.uploaded_by,
            display_name: uploader,
        },
        created_at: f.created_at,
        locked,
    }
}

async fn read_text(field: &mut actix_multipart::Field) -> Result<String, ApiError> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|e| StoreError::Interrupted(e.to_string()))?;
        if buf.len() + chunk.len() > MAX_TEXT_FIELD {
            return Err(ApiError::field(thidua_domain::FieldError::too_long(
                field.name().unwrap_or("field"),
                MAX_TEXT_FIELD,
            )));
        }
        buf.extend_from_slice(&chunk);
    }
    String::from_utf8(buf).map_err(|_| {
        ApiError::bad_request(
            "malformed_request",
            "Trường văn bản không phải UTF-8.",
            "A text field is not UTF-8.",
        )
    })
}

fn missing(field: &'static str) -> ApiError {
    ApiError::field(thidua_domain::FieldError::required(field))
}

/// What a file belongs to, loaded with what the policy needs.
pub enum Owner {
    Initiative(Box<crate::routes::initiatives::LoadedInitiative>),
    Report(Box<crate::routes::reports::LoadedReport>),
}

/// Reading a file, or changing what is attached (upload, delete).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAccess {
    View,
    Edit,
}

impl Owner {
    pub async fn load(
        conn: &mut thidua_db::AsyncPgConnection,
        initiative_id: Option<Uuid>,
        report_id: Option<Uuid>,
    ) -> Result<Owner, ApiError> {
        match (initiative_id, report_id) {
            (Some(i), None) => Ok(Owner::Initiative(Box::new(
                crate::routes::initiatives::load(conn, i).await?,
            ))),
            (None, Some(r)) => Ok(Owner::Report(Box::new(
                crate::routes::reports::load(conn, r).await?,
            ))),
            (None, None) => Err(missing("initiative_id")),
            (Some(_), Some(_)) => Err(ApiError::field(thidua_domain::FieldError::new(
                "report_id",
                "one_owner",
                "Tệp thuộc về một sáng kiến hoặc một báo cáo, không cả hai.",
                "A file belongs to an initiative or a report, not both.",
            ))),
        }
    }

    pub fn authorize(&self, p: &Principal, access: FileAccess) -> Result<(), ApiError> {
        match (self, access) {
            (Owner::Initiative(i), FileAccess::View) => i.authorize(p, InitiativeOp::View),
            (Owner::Initiative(i), FileAccess::Edit) => {
                i.authorize(p, InitiativeOp::AttachEvidence)
            }
            (Owner::Report(r), FileAccess::View) => r.authorize(p, ReportOp::View),
            (Owner::Report(r), FileAccess::Edit) => r.authorize(p, ReportOp::Update),
        }
    }

    pub fn unit_id(&self) -> Uuid {
        match self {
            Owner::Initiative(i) => i.unit.id,
            Owner::Report(r) => r.unit.id,
        }
    }

    /// Inside the transaction that changes the attachment: a report still takes evidence
    /// (submitting locks the report row, so a file is frozen with a version or not at all).
    async fn recheck(&self, conn: &mut thidua_db::AsyncPgConnection) -> Result<(), ApiError> {
        if let Owner::Report(r) = self {
            let (status, _) = report_queries::lock(conn, r.report.id).await?;
            if status != "draft" && status != "returned" {
                return Err(ApiError::invalid_transition(&status, "attach evidence"));
            }
        }
        Ok(())
    }
}

fn uuid_field(field: &'static str, text: &str) -> Result<Uuid, ApiError> {
    text.trim().parse().map_err(|_| {
        ApiError::field(thidua_domain::FieldError::new(
            field,
            "invalid_uuid",
            "Mã không hợp lệ.",
            "Not a valid id.",
        ))
    })
}

/// Upload an evidence file to an initiative or a report (multipart/form-data: `category`
/// and `initiative_id` or `report_id` (with `report_row_id` for a line of its results
/// table) first, then `file`).
///
/// The bytes are streamed to the store, hashed, and kept once per content; the type is
/// detected from the content (PDF, Word, Excel, images), never from the name.
#[utoipa::path(
    tag = "files",
    operation_id = "upload_file",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = FileView),
        (status = 403, description = "Not allowed to add evidence to this initiative or report", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Initiative or report not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The initiative or report no longer takes evidence", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than the limit; nothing stored", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not an accepted type; nothing stored", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing or invalid", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/files")]
pub async fn upload_file(
    state: web::Data<AppState>,
    p: Principal,
    mut form: Multipart,
) -> Result<HttpResponse, ApiError> {
    let mut category: Option<EvidenceCategory> = None;
    let mut initiative_id: Option<Uuid> = None;
    let mut report_id: Option<Uuid> = None;
    let mut report_row_id: Option<Uuid> = None;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| StoreError::Interrupted(e.to_string()))?;
        match field.name().unwrap_or("") {
            "category" => {
                let text = read_text(&mut field).await?;
                category = Some(EvidenceCategory::parse(text.trim()).ok_or_else(|| {
                    ApiError::field(thidua_domain::FieldError::new(
                        "category",
                        "unknown_category",
                        "Loại tài liệu minh chứng không hợp lệ.",
                        "Unknown evidence category.",
                    ))
                })?);
            }
            "initiative_id" => {
                initiative_id = Some(uuid_field("initiative_id", &read_text(&mut field).await?)?);
            }
            "report_id" => {
                report_id = Some(uuid_field("report_id", &read_text(&mut field).await?)?);
            }
            "report_row_id" => {
                report_row_id = Some(uuid_field("report_row_id", &read_text(&mut field).await?)?);
            }
            "file" => {
                // The fields that decide whether the caller may upload come first: nothing is
                // streamed into the store for a request that would be refused.
                let category = category.ok_or_else(|| missing("category"))?;
                let name = clean_name(
                    field
                        .content_disposition()
                        .and_then(|cd| cd.get_filename())
                        .unwrap_or(""),
                );
                let mut conn = state.conn().await?;
                let owner = Owner::load(&mut conn, initiative_id, report_id).await?;
                owner.authorize(&p, FileAccess::Edit)?;
                if let Some(row) = report_row_id {
                    let of_report = match (&owner, report_id) {
                        (Owner::Report(_), Some(r)) => report_queries::rows_of(&mut conn, &[r])
                            .await?
                            .iter()
                            .any(|x| x.id == row),
                        _ => false,
                    };
                    if !of_report {
                        return Err(ApiError::field(thidua_domain::FieldError::new(
                            "report_row_id",
                            "unknown_row",
                            "Dòng không thuộc báo cáo này.",
                            "Not a line of this report.",
                        )));
                    }
                }
                drop(conn);

                let staged = state
                    .files
                    .stage(field.map_err(|e| e.to_string()).boxed_local())
                    .await?;
                let stored = staged.stored.clone();
                let mut conn = match state.conn().await {
                    Ok(c) => c,
                    Err(e) => {
                        state.files.discard(staged).await;
                        return Err(e);
                    }
                };
                let unit = owner.unit_id();
                let new = NewStoredFile {
                    id: Uuid::now_v7(),
                    sha256: stored.sha256.to_vec(),
                    original_name: name,
                    category: category.as_str().to_string(),
                    organization_id: unit,
                    initiative_id,
                    report_id,
                    report_row_id,
                    uploaded_by: p.user_id,
                };
                let now = chrono::Utc::now();
                let blob = FileBlob {
                    sha256: stored.sha256.to_vec(),
                    size_bytes: stored.size as i64,
                    media_type: stored.media_type.to_string(),
                    created_at: now,
                    claimed_at: now,
                };
                let actor = p.user_id;
                let saved = {
                    use diesel_async::AsyncConnection;
                    let (owner, files, staged, blob) = (&owner, &state.files, &staged, &blob);
                    conn.transaction::<_, ApiError, _>(async move |conn| {
                        owner.recheck(conn).await?;
                        // Claimed (row locked) before the bytes are published: the collector
                        // of unnamed bytes cannot take them from under this upload.
                        file_queries::claim_blob(conn, blob).await?;
                        files.publish(staged).await?;
                        let f = file_queries::insert(conn, &new).await?;
                        audit(
                            conn,
                            Some(actor),
                            "file.upload",
                            "file",
                            Some(f.id),
                            Some(unit),
                            serde_json::json!({
                                "initiative_id": f.initiative_id,
                                "report_id": f.report_id,
                                "report_row_id": f.report_row_id,
                                "name": f.original_name,
                                "category": f.category,
                                "sha256": store::hex(&f.sha256),
                            }),
                        )
                        .await?;
                        Ok(f)
                    })
                    .await
                };
                let f = match saved {
                    Ok(f) => f,
                    Err(e) => {
                        state.files.discard(staged).await;
                        // Bytes published by the failed attempt get a blob row (they may have
                        // had none), so that the collector deletes them if nothing names them.
                        let _ = file_queries::claim_blob(&mut conn, &blob).await;
                        return Err(e);
                    }
                };
                let (f, b) = file_queries::find(&mut conn, f.id).await?;
                let v = file_view(f, &b, p.display_name.clone(), true);
                // Drain anything after the file (ignored).
                while let Some(rest) = form.next().await {
                    if let Ok(mut extra) = rest {
                        while extra.next().await.is_some() {}
                    }
                }
                return Ok(HttpResponse::Created().json(v));
            }
            _ => {
                // Unknown fields are read and ignored.
                while field.next().await.is_some() {}
            }
        }
    }
    Err(missing("file"))
}

/// The file's bytes, with its original name for the browser (RFC 6266 / RFC 5987).
#[utoipa::path(
    tag = "files",
    operation_id = "download_file",
    params(("id" = Uuid, Path, description = "File id")),
    responses(
        (status = 200, description = "The bytes", content_type = "application/octet-stream", body = crate::views::common::BinaryFile),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/files/{id}/content")]
pub async fn download_file(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let (f, b) = file_queries::find(&mut conn, id.into_inner()).await?;
    owner_of(&mut conn, &p, &f, FileAccess::View).await?;
    drop(conn);
    send(&state, &f, &b, "private, no-cache").await
}

/// Streams a stored file as an attachment under its Vietnamese name (RFC 5987), its type
/// from the content, never sniffed.
pub async fn send(
    state: &AppState,
    f: &StoredFile,
    b: &thidua_db::models::FileBlob,
    cache_control: &'static str,
) -> Result<HttpResponse, ApiError> {
    let body = state.files.get(&f.sha256).await?;
    let ascii: String = thidua_domain::text::strip_marks(&f.original_name)
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: f.original_name.clone().into_bytes(),
            }),
        ],
    };
    Ok(HttpResponse::Ok()
        .content_type(b.media_type.as_str())
        .insert_header(disposition)
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Cache-Control", cache_control))
        .no_chunking(b.size_bytes as u64)
        .streaming(body.map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))))
}

async fn owner_of(
    conn: &mut thidua_db::AsyncPgConnection,
    p: &Principal,
    f: &StoredFile,
    access: FileAccess,
) -> Result<Owner, ApiError> {
    let owner = Owner::load(conn, f.initiative_id, f.report_id)
        .await
        .map_err(|_| ApiError::not_found())?;
    match owner.authorize(p, access) {
        Ok(()) => Ok(owner),
        Err(e) if access == FileAccess::View && evaluator_reads(conn, p, &owner).await? => {
            drop(e);
            Ok(owner)
        }
        Err(e) => Err(e),
    }
}

/// An evaluator (not recused) of the initiative reads its evidence, and that of its unit's
/// reports about it once they reached the authority (what the dossier lists).
async fn evaluator_reads(
    conn: &mut thidua_db::AsyncPgConnection,
    p: &Principal,
    owner: &Owner,
) -> Result<bool, ApiError> {
    let initiatives: Vec<Uuid> = match owner {
        Owner::Initiative(i) => vec![i.initiative.id],
        Owner::Report(r) => {
            if !matches!(r.report.status.as_str(), "submitted" | "received") {
                return Ok(false);
            }
            let rows = report_queries::rows_of(conn, &[r.report.id]).await?;
            r.report
                .initiative_id
                .into_iter()
                .chain(rows.iter().filter_map(|row| row.initiative_id))
                .collect()
        }
    };
    Ok(!initiatives.is_empty()
        && thidua_db::queries::evaluation::evaluates_any(conn, p.user_id, &initiatives).await?)
}

/// The evidence files of an initiative, oldest first.
#[utoipa::path(
    tag = "files",
    operation_id = "list_initiative_files",
    params(("id" = Uuid, Path, description = "Initiative id")),
    responses(
        (status = 200, description = "The files", body = Vec<FileView>),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/initiatives/{id}/files")]
pub async fn list_initiative_files(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<FileView>>, ApiError> {
    let mut conn = state.conn().await?;
    let initiative = crate::routes::initiatives::load(&mut conn, id.into_inner()).await?;
    initiative.authorize(&p, InitiativeOp::View)?;
    let can_edit = initiative
        .authorize(&p, InitiativeOp::AttachEvidence)
        .is_ok();
    let rows = file_queries::of_initiative(&mut conn, initiative.initiative.id).await?;
    let mut ids: Vec<Uuid> = rows.iter().map(|(f, _)| f.uploaded_by).collect();
    ids.sort();
    ids.dedup();
    let names: HashMap<Uuid, String> = user_queries::display_names(&mut conn, &ids)
        .await?
        .into_iter()
        .collect();
    Ok(web::Json(
        rows.into_iter()
            .map(|(f, b)| {
                let name = names.get(&f.uploaded_by).cloned().unwrap_or_default();
                file_view(f, &b, name, can_edit)
            })
            .collect(),
    ))
}

/// The file store of a unit: every evidence file of its initiatives and reports, newest
/// first — what a head or focal officer chooses a nomination's evidence from. For the unit's
/// head and focal officer, the authority over it and administrators.
#[utoipa::path(
    tag = "files",
    operation_id = "list_organization_files",
    params(("id" = Uuid, Path, description = "Organisation id"), crate::views::PageParams),
    responses(
        (status = 200, description = "One page of files", body = crate::views::Page<FileView>),
        (status = 403, description = "Not the unit's head, focal officer or authority", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/files")]
pub async fn list_organization_files(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    params: crate::extract::Query<crate::views::PageParams>,
) -> Result<web::Json<crate::views::Page<FileView>>, ApiError> {
    use thidua_domain::role::Role;
    let page = thidua_domain::page::Page::parse(params.0.page, params.0.per_page)
        .map_err(ApiError::invalid_query)?;
    let mut conn = state.conn().await?;
    let org = thidua_db::queries::organizations::find(&mut conn, id.into_inner()).await?;
    let path = org.ancestry();
    if !crate::authz::can_see_org(&p, &path) {
        return Err(ApiError::not_found());
    }
    if !(p.is_admin()
        || [Role::UnitHead, Role::UnitFocal, Role::AuthorityOfficer]
            .iter()
            .any(|r| p.has_role_over(*r, &path)))
    {
        return Err(ApiError::forbidden());
    }
    let found = file_queries::of_organization(&mut conn, org.id, page).await?;
    let mut ids: Vec<Uuid> = found.items.iter().map(|(f, _)| f.uploaded_by).collect();
    ids.sort();
    ids.dedup();
    let names: HashMap<Uuid, String> = user_queries::display_names(&mut conn, &ids)
        .await?
        .into_iter()
        .collect();
    let items = found
        .items
        .into_iter()
        .map(|(f, b)| {
            let name = names.get(&f.uploaded_by).cloned().unwrap_or_default();
            file_view(f, &b, name, false)
        })
        .collect();
    Ok(web::Json(crate::views::Page::of(items, found.total, page)))
}

/// Delete an evidence file that is not part of a submitted version. (Its bytes stay while
/// another file names them; otherwise they are collected within the next hours.)
#[utoipa::path(
    tag = "files",
    operation_id = "delete_file",
    params(("id" = Uuid, Path, description = "File id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not allowed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Part of a submitted version, or the initiative or report no longer takes evidence", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/files/{id}")]
pub async fn delete_file(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let (f, _) = file_queries::find(&mut conn, id.into_inner()).await?;
    let owner = owner_of(&mut conn, &p, &f, FileAccess::View).await?;
    if f.locked_at.is_some() {
        return Err(ApiError::conflict(
            "file_locked",
            "Tệp thuộc một phiên bản đã gửi nên không thể xóa.",
            "The file belongs to a submitted version and cannot be deleted.",
        ));
    }
    owner.authorize(&p, FileAccess::Edit)?;
    let (fid, unit, actor) = (f.id, f.organization_id, p.user_id);
    {
        use diesel_async::AsyncConnection;
        let owner = &owner;
        conn.transaction::<_, ApiError, _>(async move |conn| {
            owner.recheck(conn).await?;
            file_queries::delete(conn, fid).await?;
            audit(
                conn,
                Some(actor),
                "file.delete",
                "file",
                Some(fid),
                Some(unit),
                serde_json::json!({ "name": f.original_name }),
            )
            .await?;
            Ok(())
        })
        .await?;
    }
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_names_not_paths() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(
            clean_name("C:\\Users\\Hạnh\\Kế hoạch.docx"),
            "Kế hoạch.docx"
        );
        assert_eq!(clean_name(".."), "tep-dinh-kem");
        assert_eq!(clean_name("a\u{0}b\nc.pdf"), "abc.pdf");
        assert_eq!(clean_name(".htaccess"), "htaccess");
        assert_eq!(clean_name(&"ả".repeat(300)).chars().count(), 255);
    }

    #[test]
    fn types_come_from_the_content() {
        assert_eq!(store::detect(b"%PDF-1.4\n"), Ok("application/pdf"));
        assert_eq!(
            store::detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Ok("image/png")
        );
        assert!(store::detect(b"\x7fELF\x02\x01\x01").is_err());
        assert!(store::detect(b"MZ\x90\0").is_err());
        assert!(store::detect(b"so lieu").is_err());
    }
}
