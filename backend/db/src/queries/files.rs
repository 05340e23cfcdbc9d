//! Evidence files: their blobs (bytes by sha256) and the uploads that name them.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::models::{FileBlob, NewStoredFile, StoredFile};
use crate::schema::{file_blobs, files};

/// Records a blob; a blob with the same sha256 already recorded is kept as it is.
pub async fn insert_blob(conn: &mut AsyncPgConnection, blob: &FileBlob) -> QueryResult<()> {
    diesel::insert_into(file_blobs::table)
        .values(blob)
        .on_conflict(file_blobs::sha256)
        .do_nothing()
        .execute(conn)
        .await?;
    Ok(())
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
