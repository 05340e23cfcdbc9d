//! The principals of recent requests, kept in memory while the database says they are
//! unchanged.
//!
//! Every request needs its caller's account and role grants; reading them costs a round
//! trip. They change rarely, and a change must still take effect at once (deactivation,
//! password change, revoked grant), so an entry lives only while nothing could have changed
//! it:
//!
//! - triggers on `users`, `role_grants` and `organizations` (migration 000005) `NOTIFY
//!   thidua_principals` with the user's id (or `*` when the tree changed) when their
//!   transaction commits; a task of each server LISTENs on a connection of its own and drops
//!   the entries named, so every server of a deployment hears of every change;
//! - this server's own writes drop what they touch as soon as they commit
//!   ([`PrincipalCache::invalidate_all`]), without waiting for the notification;
//! - nothing is kept while the listening connection is down (every request reads the
//!   database), and everything is dropped when it comes back;
//! - a principal read from the database is stored only if no invalidation happened while
//!   it was read (the generation did not move), so a read that raced a change is not kept.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use futures_util::StreamExt;
use uuid::Uuid;

use super::Principal;

/// The channel the triggers of migration 000005 notify.
pub const CHANNEL: &str = "thidua_principals";
/// Past this many entries, all are dropped (they are read back on demand).
const CAPACITY: usize = 10_000;
/// How often the listening connection is checked when no notification comes.
const KEEPALIVE: Duration = Duration::from_secs(30);

type Entry = (Principal, DateTime<Utc>);

#[derive(Default)]
struct Inner {
    entries: HashMap<Uuid, Entry>,
    generation: u64,
    listening: bool,
}

#[derive(Default)]
pub struct PrincipalCache {
    inner: Mutex<Inner>,
}

impl PrincipalCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The stored principal and password epoch of `user_id`, if any.
    pub fn get(&self, user_id: Uuid) -> Option<Entry> {
        let inner = self.lock();
        if !inner.listening {
            return None;
        }
        inner.entries.get(&user_id).cloned()
    }

    /// To take before reading a principal from the database, and give back to [`Self::store`].
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Keeps a principal read from the database, unless something was invalidated since
    /// `generation` was taken or nobody is listening for changes.
    pub fn store(&self, generation: u64, entry: Entry) {
        let mut inner = self.lock();
        if !inner.listening || inner.generation != generation {
            return;
        }
        if inner.entries.len() >= CAPACITY {
            inner.entries.clear();
        }
        inner.entries.insert(entry.0.user_id, entry);
    }

    /// Drops one user's entry (a notification naming them).
    pub fn invalidate(&self, user_id: Uuid) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.entries.remove(&user_id);
    }

    /// Drops every entry: after this server changed accounts, grants or the tree.
    pub fn invalidate_all(&self) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.entries.clear();
    }

    fn set_listening(&self, listening: bool) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.entries.clear();
        inner.listening = listening;
    }

    fn on_notification(&self, payload: &str) {
        match payload.parse::<Uuid>() {
            Ok(id) => self.invalidate(id),
            Err(_) => self.invalidate_all(),
        }
    }

    /// Listens for changes for as long as the server runs, reconnecting after a failure.
    pub async fn listen(self: Arc<Self>, database_url: String) {
        let mut delay = Duration::from_millis(250);
        loop {
            match self.listen_once(&database_url).await {
                Ok(()) => delay = Duration::from_millis(250),
                Err(e) => tracing::warn!(error = %e, "principal change listener: connection lost"),
            }
            self.set_listening(false);
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(10));
        }
    }

    async fn listen_once(&self, database_url: &str) -> diesel::QueryResult<()> {
        let mut conn = AsyncPgConnection::establish(database_url)
            .await
            .map_err(|e| diesel::result::Error::QueryBuilderError(e.into()))?;
        conn.batch_execute(&format!("LISTEN {CHANNEL}")).await?;
        self.set_listening(true);
        loop {
            let next = {
                let mut stream = std::pin::pin!(conn.notifications_stream());
                tokio::time::timeout(KEEPALIVE, stream.next()).await
            };
            match next {
                Ok(Some(Ok(n))) => self.on_notification(&n.payload),
                Ok(Some(Err(e))) => return Err(e),
                // The connection ended.
                Ok(None) => return Ok(()),
                // Quiet for a while: make sure the connection is still there.
                Err(_) => conn.batch_execute("SELECT 1").await?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(id: Uuid) -> Entry {
        (
            Principal {
                user_id: id,
                username: "u".into(),
                display_name: "U".into(),
                organization_id: Uuid::nil(),
                grants: Vec::new(),
            },
            Utc::now(),
        )
    }

    #[test]
    fn nothing_is_kept_while_nobody_listens() {
        let c = PrincipalCache::default();
        let id = Uuid::from_u128(1);
        c.store(c.generation(), principal(id));
        assert!(c.get(id).is_none());
        c.set_listening(true);
        c.store(c.generation(), principal(id));
        assert!(c.get(id).is_some());
        c.set_listening(false);
        assert!(c.get(id).is_none());
    }

    #[test]
    fn a_read_that_raced_a_change_is_not_kept() {
        let c = PrincipalCache::default();
        c.set_listening(true);
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let before = c.generation();
        c.on_notification(&b.to_string());
        c.store(before, principal(a));
        assert!(c.get(a).is_none());
        c.store(c.generation(), principal(a));
        c.store(c.generation(), principal(b));
        c.on_notification(&b.to_string());
        assert!(c.get(a).is_some());
        assert!(c.get(b).is_none());
        c.on_notification("*");
        assert!(c.get(a).is_none());
    }
}
