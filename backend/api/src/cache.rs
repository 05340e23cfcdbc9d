//! Aggregates (statistics, list totals, search pages) cached under the data version.
//!
//! The database keeps a version that grows whenever anything these aggregates are computed
//! from changes (the `data_version` sequence, bumped by statement triggers; migration
//! 000004). An entry is valid for exactly the version it was stored under, so a reader sees
//! a change as soon as the writer's transaction commits. Two rules make that hold:
//!
//! 1. the version is read *before* the aggregate's snapshot is taken (an earlier statement),
//!    so a writer that bumped it later than that read can only make the version larger; and
//! 2. an aggregate is stored only if no writer was in flight at its snapshot (the snapshot's
//!    `xip` list was empty): a writer that bumped the version before our read but had not
//!    committed yet would otherwise leave an entry that misses its change under a version
//!    that is already current.
//!
//! Readers of one key under one version share one computation (no stampede when a hot entry
//! goes stale). The map is bounded: past `capacity` entries, those of older versions go first,
//! then everything.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

struct Slot<V> {
    version: i64,
    value: OnceCell<V>,
}

pub struct VersionedCache<V> {
    slots: Mutex<HashMap<String, Arc<Slot<V>>>>,
    capacity: usize,
}

impl<V: Clone> VersionedCache<V> {
    pub fn new(capacity: usize) -> Self {
        Self {
            slots: Mutex::new(HashMap::new()),
            capacity: capacity.max(1),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Slot<V>>>> {
        // A panic while holding the lock leaves a map that is still consistent.
        self.slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The value of `key` at `version`: the stored one, or what `compute` returns — the
    /// value and whether it may be stored (see rule 2 above).
    pub async fn get_or_compute<F, Fut, E>(
        &self,
        key: String,
        version: i64,
        compute: F,
    ) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(V, bool), E>>,
    {
        let slot = {
            let mut slots = self.lock();
            match slots.get(&key) {
                Some(s) if s.version == version => Some(s.clone()),
                // A newer version is stored: this reader's view is older; compute, keep nothing.
                Some(s) if s.version > version => None,
                _ => {
                    if slots.len() >= self.capacity {
                        slots.retain(|_, s| s.version >= version);
                        if slots.len() >= self.capacity {
                            slots.clear();
                        }
                    }
                    let s = Arc::new(Slot {
                        version,
                        value: OnceCell::new(),
                    });
                    slots.insert(key.clone(), s.clone());
                    Some(s)
                }
            }
        };
        let Some(slot) = slot else {
            return compute().await.map(|(v, _)| v);
        };
        let mut storable = true;
        let value = slot
            .value
            .get_or_try_init(|| async {
                let (v, ok) = compute().await?;
                storable = ok;
                Ok(v)
            })
            .await?
            .clone();
        if !storable {
            let mut slots = self.lock();
            if slots.get(&key).is_some_and(|s| Arc::ptr_eq(s, &slot)) {
                slots.remove(&key);
            }
        }
        Ok(value)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().len()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    async fn get(
        c: &VersionedCache<i64>,
        key: &str,
        version: i64,
        calls: &AtomicUsize,
        storable: bool,
    ) -> i64 {
        c.get_or_compute::<_, _, ()>(key.into(), version, || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok((version * 10, storable))
        })
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn a_value_is_reused_only_under_its_version() {
        let c = VersionedCache::new(8);
        let calls = AtomicUsize::new(0);
        assert_eq!(get(&c, "k", 1, &calls, true).await, 10);
        assert_eq!(get(&c, "k", 1, &calls, true).await, 10);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(get(&c, "k", 2, &calls, true).await, 20);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        // An older reader computes its own and does not displace the newer entry.
        assert_eq!(get(&c, "k", 1, &calls, true).await, 10);
        assert_eq!(get(&c, "k", 2, &calls, true).await, 20);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn an_unstorable_value_is_not_kept() {
        let c = VersionedCache::new(8);
        let calls = AtomicUsize::new(0);
        get(&c, "k", 1, &calls, false).await;
        get(&c, "k", 1, &calls, false).await;
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(c.len(), 0);
    }

    #[tokio::test]
    async fn concurrent_readers_share_one_computation() {
        let c = Arc::new(VersionedCache::new(8));
        let calls = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (c, calls) = (c.clone(), calls.clone());
                tokio::spawn(async move {
                    c.get_or_compute::<_, _, ()>("k".into(), 7, || async {
                        calls.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                        Ok((70, true))
                    })
                    .await
                    .unwrap()
                })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.unwrap(), 70);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_failure_is_not_kept_and_the_map_stays_bounded() {
        let c = VersionedCache::new(4);
        let failed = c
            .get_or_compute::<_, _, &str>("k".into(), 1, || async { Err("boom") })
            .await;
        assert_eq!(failed, Err("boom"));
        let calls = AtomicUsize::new(0);
        assert_eq!(get(&c, "k", 1, &calls, true).await, 10);
        for i in 0..20 {
            get(&c, &format!("k{i}"), 1, &calls, true).await;
        }
        assert!(c.len() <= 4);
    }
}
