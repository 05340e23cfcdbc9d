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
