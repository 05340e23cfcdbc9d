//! Throttling of password guesses (sign-in, and the current password when changing it).
//!
//! Every attempt is counted before the password is checked, in one statement, so that
//! concurrent guesses cannot slip past the count. Five attempts are free within 15 minutes;
//! then the key is locked for 30 s, doubling with each further attempt up to 15 minutes, and
//! each expired lock lets exactly one attempt through. Keys exist whether or not the account
//! does, so the answers never tell which accounts exist.

use chrono::{Duration, Utc};
use thidua_db::AsyncPgConnection;
use thidua_db::queries::auth as auth_queries;

use crate::error::ApiError;

const WINDOW_MINUTES: i64 = 15;
const FREE_ATTEMPTS: i32 = 5;
const MAX_LOCK_SECS: i64 = 900;

fn backoff_secs(failures: i32) -> i64 {
    (30i64 << (failures - FREE_ATTEMPTS).clamp(0, 10)).min(MAX_LOCK_SECS)
}

/// What the gate says about one attempt.
pub struct Admitted {
    attempts: i32,
}

/// Counts the attempt and says whether it may go on to a password check (429 otherwise).
pub async fn admit(conn: &mut AsyncPgConnection, key: &str) -> Result<Admitted, ApiError> {
    let now = Utc::now();
    let t = auth_queries::record_attempt(conn, key, now, now - Duration::minutes(WINDOW_MINUTES))
        .await?;
    if t.attempts_reset() {
        // A new count started: a cheap moment to forget stale counts of other keys.
        auth_queries::purge_throttles(conn, now - Duration::days(1), now).await?;
    }
    if let Some(until) = t.locked_until
        && until > now
    {
        return Err(ApiError::too_many_requests(
            (until - now).num_seconds().max(1) as u64,
        ));
    }
    if t.failures > FREE_ATTEMPTS {
        let until = now + Duration::seconds(backoff_secs(t.failures));
        let expired_lock = t.locked_until.is_some();
        let won = auth_queries::take_lock(conn, key, now, until).await?;
        // Within a burst (no lock yet) every attempt over the budget is refused; after a
        // lock expires, the one caller that sets the next lock gets one attempt.
        if !(expired_lock && won) {
            return Err(ApiError::too_many_requests(backoff_secs(t.failures) as u64));
        }
    }
    Ok(Admitted {
        attempts: t.failures,
    })
}

/// The password was wrong: lock once the free attempts are used up.
pub async fn failed(conn: &mut AsyncPgConnection, key: &str, a: Admitted) -> Result<(), ApiError> {
    if a.attempts == FREE_ATTEMPTS {
        auth_queries::lock_until(
            conn,
            key,
            Utc::now() + Duration::seconds(backoff_secs(a.attempts)),
        )
        .await?;
    }
    Ok(())
}

/// The password was right: forget the count.
pub async fn succeeded(conn: &mut AsyncPgConnection, key: &str) -> Result<(), ApiError> {
    auth_queries::clear_throttle(conn, key).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_fifteen_minutes() {
        assert_eq!(backoff_secs(5), 30);
        assert_eq!(backoff_secs(6), 60);
        assert_eq!(backoff_secs(7), 120);
        assert_eq!(backoff_secs(40), 900);
    }
}
