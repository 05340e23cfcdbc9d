//! Evidence files: their blobs (bytes by sha256) and the uploads that name them.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::models::{FileBlob, NewStoredFile, StoredFile};
use crate::schema::{file_blobs, files};

/// Records a blob, or claims the one recorded with the same sha256 (its `claimed_at` moves
/// to now, and its row stays locked until the transaction ends): the collector leaves it.
pub async fn claim_blob(conn: &mut AsyncPgConnection, blob: &FileBlob) -> QueryResult<()> {
    diesel::insert_into(file_blobs::table)
        .values(blob)
        .on_conflict(file_blobs::sha256)
        .do_update()
        .set(file_blobs::claimed_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(())
}

/// Locks up to `limit` blobs that no file names and nobody claimed since `before`, skipping
/// those another transaction holds; returns their sha256.
pub async fn lock_unreferenced_blobs(
    conn: &mut AsyncPgConnection,
    before: chrono::DateTime<chrono::Utc>,
    limit: i64,
) -> QueryResult<Vec<Vec<u8>>> {
    file_blobs::table
        .filter(file_blobs::claimed_at.lt(before))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            files::table.filter(files::sha256.eq(file_blobs::sha256)),
        )))
        .select(file_blobs::sha256)
        .limit(limit)
        .for_update()
        .skip_locked()
        .load(conn)
        .await
}

pub async fn delete_blobs(conn: &mut AsyncPgConnection, shas: &[Vec<u8>]) -> QueryResult<usize> {
    diesel::delete(file_blobs::table.filter(file_blobs::sha256.eq_any(shas)))
        .execute(conn)
        .await
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewStoredFile) -> QueryResult<StoredFile> {
    diesel::insert_into(files::table)
        .values(new)
        .returning(StoredFile::as_returning())
        .get_result(conn)
        .await
}

/// A file with its blob.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<(StoredFile, FileBlob)> {
    files::table
        .inner_join(file_blobs::table)
        .filter(files::id.eq(id))
        .select((StoredFile::as_select(), FileBlob::as_select()))
        .first(conn)
        .await
}

/// The files attached to an initiative, oldest first, with their blobs.
pub async fn of_initiative(
    conn: &mut AsyncPgConnection,
    initiative_id: Uuid,
) -> QueryResult<Vec<(StoredFile, FileBlob)>> {
    files::table
        .inner_join(file_blobs::table)
        .filter(files::initiative_id.eq(initiative_id))
        .order((files::created_at, files::id))
        .select((StoredFile::as_select(), FileBlob::as_select()))
        .load(conn)
        .await
}

/// The files of a unit (its initiatives' and its reports'), newest first, one page.
pub async fn of_organization(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    page: thidua_domain::page::Page,
) -> QueryResult<super::Paged<(StoredFile, FileBlob)>> {
    let total: i64 = files::table
        .filter(files::organization_id.eq(organization_id))
        .count()
        .get_result(conn)
        .await?;
    let items = files::table
        .inner_join(file_blobs::table)
        .filter(files::organization_id.eq(organization_id))
        .order((files::created_at.desc(), files::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select((StoredFile::as_select(), FileBlob::as_select()))
        .load(conn)
        .await?;
    Ok(super::Paged { items, total })
}

pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(files::table.find(id)).execute(conn).await
}

/// Whether any upload still names these bytes.
pub async fn blob_in_use(conn: &mut AsyncPgConnection, sha256: &[u8]) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        files::table.filter(files::sha256.eq(sha256)),
    ))
    .get_result(conn)
    .await
}

/// The files attached to the given reports (and their rows), oldest first, with their blobs.
pub async fn of_reports(
    conn: &mut AsyncPgConnection,
    report_ids: &[Uuid],
) -> QueryResult<Vec<(StoredFile, FileBlob)>> {
    files::table
        .inner_join(file_blobs::table)
        .filter(files::report_id.eq_any(report_ids))
        .order((files::created_at, files::id))
        .select((StoredFile::as_select(), FileBlob::as_select()))
        .load(conn)
        .await
}

/// The files of the given initiatives, oldest first, with their blobs.
pub async fn of_initiatives(
    conn: &mut AsyncPgConnection,
    initiative_ids: &[Uuid],
) -> QueryResult<Vec<(StoredFile, FileBlob)>> {
    files::table
        .inner_join(file_blobs::table)
        .filter(files::initiative_id.eq_any(initiative_ids))
        .order((files::created_at, files::id))
        .select((StoredFile::as_select(), FileBlob::as_select()))
        .load(conn)
        .await
}

/// Marks files as part of a submitted version: from then on they never change.
pub async fn lock(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
    at: chrono::DateTime<chrono::Utc>,
) -> QueryResult<usize> {
    diesel::update(
        files::table
            .filter(files::id.eq_any(ids))
            .filter(files::locked_at.is_null()),
    )
    .set(files::locked_at.eq(at))
    .execute(conn)
    .await
}

/// Whether any submitted (locked) file is attached to one of these report rows.
pub async fn rows_have_locked(conn: &mut AsyncPgConnection, row_ids: &[Uuid]) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        files::table
            .filter(files::report_row_id.eq_any(row_ids))
            .filter(files::locked_at.is_not_null()),
    ))
    .get_result(conn)
    .await
}

/// Moves the unlocked files of deleted rows to the report itself.
pub async fn detach_from_rows(
    conn: &mut AsyncPgConnection,
    row_ids: &[Uuid],
) -> QueryResult<usize> {
    diesel::update(
        files::table
            .filter(files::report_row_id.eq_any(row_ids))
            .filter(files::locked_at.is_null()),
    )
    .set(files::report_row_id.eq(None::<Uuid>))
    .execute(conn)
    .await
}
