//! Evidence files: the object store and what opens it.

pub mod store;

use std::sync::Arc;

use object_store::local::LocalFileSystem;

pub use store::{FileStore, StoreError, Stored};

/// Opens the store named by `location`: a folder (a path, or `file:///…`), created if
/// missing; or `s3://bucket[/prefix]`, configured from the usual `AWS_*` variables
/// (`AWS_ENDPOINT` for an S3-compatible service such as MinIO).
pub fn open(location: &str, max_bytes: u64) -> anyhow::Result<FileStore> {
    if location.starts_with("s3://") {
        let store = object_store::aws::AmazonS3Builder::from_env()
            .with_url(location)
            .build()?;
        // S3's smallest part (but the last).
        return Ok(FileStore::new(Arc::new(store), max_bytes, 5 * 1024 * 1024));
    }
    let folder = location.strip_prefix("file://").unwrap_or(location);
    std::fs::create_dir_all(folder)?;
    Ok(FileStore::new(
        Arc::new(LocalFileSystem::new_with_prefix(folder)?),
        max_bytes,
        256 * 1024,
    ))
}

/// Deletes the blobs that no file names and no upload claimed for `age` (a deleted file's
/// bytes, or those of a failed upload): rows and bytes, in batches, each under the rows'
/// locks so that an upload claiming the same bytes waits and then stores them anew.
/// Returns how many were deleted.
pub async fn collect_unnamed(
    conn: &mut thidua_db::AsyncPgConnection,
    files: &FileStore,
    age: std::time::Duration,
) -> anyhow::Result<usize> {
    use diesel_async::AsyncConnection;
    let before = chrono::Utc::now() - chrono::Duration::from_std(age)?;
    let mut total = 0;
    loop {
        let n = conn
            .transaction::<_, anyhow::Error, _>(async |conn| {
                let shas =
                    thidua_db::queries::files::lock_unreferenced_blobs(conn, before, 200).await?;
                for sha in &shas {
                    files.delete(sha).await?;
                }
                thidua_db::queries::files::delete_blobs(conn, &shas).await?;
                Ok(shas.len())
            })
            .await?;
        total += n;
        if n < 200 {
            return Ok(total);
        }
    }
}
