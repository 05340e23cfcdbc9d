//! The object store that keeps evidence bytes, by sha256.
//!
//! An upload is streamed to a temporary object (`tmp/<uuid>`) while it is hashed, measured and
//! its first bytes kept for type detection; it is never whole in memory (the multipart writer
//! holds at most one part). Then:
//! - past the size limit, or when the client goes away, the temporary object is aborted;
//! - content of a type not accepted is deleted;
//! - otherwise it becomes `blobs/<aa>/<sha256 hex>` — unless those bytes are already stored,
//!   in which case the copy is dropped (the same bytes are kept once).
//!
//! A crash between the steps can leave a temporary object behind; [`FileStore::sweep`]
//! deletes those older than an hour (at start-up and hourly).

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use object_store::path::Path;
use object_store::{ObjectStore, WriteMultipart};
use sha2::{Digest, Sha256};

/// How much of the start of a file type detection looks at (Office files name their parts in
/// the first entries of the ZIP).
const SNIFF_BYTES: usize = 64 * 1024;

/// The types accepted as evidence: PDF, Word, Excel, images.
pub const ACCEPTED: [&str; 9] = [
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the file is larger than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("the content is not an accepted type (detected: {detected})")]
    UnsupportedType { detected: String },
    #[error("the upload was interrupted: {0}")]
    Interrupted(String),
    #[error("object store: {0}")]
    Store(#[from] object_store::Error),
}

/// What an upload stored.
#[derive(Debug, Clone)]
pub struct Stored {
    pub sha256: [u8; 32],
    pub size: u64,
    pub media_type: &'static str,
}

/// Bytes streamed to a temporary object, not yet a blob.
#[derive(Debug)]
pub struct Staged {
    tmp: Path,
    pub stored: Stored,
}

#[derive(Clone)]
pub struct FileStore {
    store: Arc<dyn ObjectStore>,
    pub max_bytes: u64,
    /// How much of an upload is held before it is written as one part: the memory an upload
    /// costs (S3 wants parts of at least 5 MiB; a folder takes any size).
    part_bytes: usize,
}

/// The media type of `head` (the start of a file), if it is one of [`ACCEPTED`].
pub fn detect(head: &[u8]) -> Result<&'static str, String> {
    let Some(kind) = infer::get(head) else {
        return Err("unknown".into());
    };
    let mime = kind.mime_type();
    ACCEPTED
        .iter()
        .find(|a| **a == mime)
        .copied()
        .ok_or_else(|| mime.to_string())
}

pub fn blob_path(sha256: &[u8]) -> Path {
    let hex = hex(sha256);
    Path::from(format!("blobs/{}/{hex}", &hex[..2]))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl FileStore {
    pub fn new(store: Arc<dyn ObjectStore>, max_bytes: u64, part_bytes: usize) -> Self {
        Self {
            store,
            max_bytes,
            part_bytes,
        }
    }

    /// Streams `body` into the store (see the module's documentation): [`Self::stage`], then
    /// [`Self::publish`].
    pub async fn put_stream<S, E>(&self, body: S) -> Result<Stored, StoreError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let staged = self.stage(body).await?;
        self.publish(&staged).await?;
        Ok(staged.stored)
    }

    /// Streams `body` to a temporary object, hashing, measuring and checking it: what an
    /// upload does before it knows which blob the bytes are.
    pub async fn stage<S, E>(&self, mut body: S) -> Result<Staged, StoreError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let tmp = Path::from(format!("tmp/{}", uuid::Uuid::now_v7()));
        let upload = self.store.put_multipart(&tmp).await?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, self.part_bytes);
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut head: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
        let outcome: Result<(), StoreError> = async {
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|e| StoreError::Interrupted(e.to_string()))?;
                size += chunk.len() as u64;
                if size > self.max_bytes {
                    return Err(StoreError::TooLarge {
                        limit: self.max_bytes,
                    });
                }
                if head.len() < SNIFF_BYTES {
                    let take = (SNIFF_BYTES - head.len()).min(chunk.len());
                    head.extend_from_slice(&chunk[..take]);
                }
                hasher.update(&chunk);
                // Waits while an earlier part is still being written: at most two parts of
                // an upload are in memory at once.
                writer.wait_for_capacity(1).await?;
                writer.write(&chunk);
            }
            Ok(())
        }
        .await;
        if let Err(e) = outcome {
            // Nothing half-written stays behind.
            let _ = writer.abort().await;
            return Err(e);
        }
        let media_type = match detect(&head) {
            Ok(m) => m,
            Err(detected) => {
                let _ = writer.abort().await;
                return Err(StoreError::UnsupportedType { detected });
            }
        };
        writer.finish().await?;
        Ok(Staged {
            tmp,
            stored: Stored {
                sha256: hasher.finalize().into(),
                size,
                media_type,
            },
        })
    }

    /// Makes staged bytes the blob of their sha256 (kept as they are when the same bytes are
    /// already there); the temporary object goes either way.
    pub async fn publish(&self, staged: &Staged) -> Result<(), StoreError> {
        let (tmp, dest) = (&staged.tmp, blob_path(&staged.stored.sha256));
        let kept = match self.store.head(&dest).await {
            Ok(_) => Ok(()),
            Err(object_store::Error::NotFound { .. }) => {
                match self.store.rename_if_not_exists(tmp, &dest).await {
                    // Stored by a concurrent upload of the same bytes meanwhile.
                    Err(object_store::Error::AlreadyExists { .. }) => Ok(()),
                    other => other.map(|_| ()),
                }
            }
            Err(e) => Err(e),
        };
        let _ = self.store.delete(tmp).await;
        kept?;
        Ok(())
    }

    /// Drops staged bytes that will not be published.
    pub async fn discard(&self, staged: Staged) {
        let _ = self.store.delete(&staged.tmp).await;
    }

    /// The bytes of a blob, as a stream.
    pub async fn get(
        &self,
        sha256: &[u8],
    ) -> Result<impl Stream<Item = Result<Bytes, object_store::Error>> + use<>, StoreError> {
        Ok(self.store.get(&blob_path(sha256)).await?.into_stream())
    }

    /// Deletes a blob (no upload names it any more).
    pub async fn delete(&self, sha256: &[u8]) -> Result<(), StoreError> {
        match self.store.delete(&blob_path(sha256)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Deletes temporary objects older than `age` (left by a crash mid-upload); returns how
    /// many.
    pub async fn sweep(&self, age: Duration) -> Result<usize, StoreError> {
        let cutoff = chrono::Utc::now() - chrono::Duration::from_std(age).unwrap_or_default();
        let mut listing = self.store.list(Some(&Path::from("tmp")));
        let mut n = 0;
        while let Some(meta) = listing.next().await {
            let meta = meta?;
            if meta.last_modified < cutoff {
                let _ = self.store.delete(&meta.location).await;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Writes bytes directly (demo data): the same path as an upload, from memory.
    pub async fn put_bytes(&self, bytes: Bytes) -> Result<Stored, StoreError> {
        let stream = futures_util::stream::iter([Ok::<_, std::convert::Infallible>(bytes)]);
        self.put_stream(stream).await
    }

    /// The temporary objects present (tests: nothing half-written remains).
    pub async fn temporary_objects(&self) -> Result<usize, StoreError> {
        let mut listing = self.store.list(Some(&Path::from("tmp")));
        let mut n = 0;
        while let Some(meta) = listing.next().await {
            meta?;
            n += 1;
        }
        Ok(n)
    }
}
