use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::models::{LoginThrottle, NewRefreshToken, RefreshToken};
use crate::schema::{login_throttles, refresh_tokens};

pub async fn insert_refresh_token(
    conn: &mut AsyncPgConnection,
    new: &NewRefreshToken,
) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values(new)
        .execute(conn)
        .await?;
    Ok(())
}

/// Locks the token row so that two concurrent refreshes with one token rotate it once.
pub async fn find_refresh_token_for_update(
    conn: &mut AsyncPgConnection,
    hash: &[u8],
) -> QueryResult<Option<RefreshToken>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash))
        .for_update()
        .select(RefreshToken::as_select())
        .first(conn)
        .await
        .optional()
}

/// When the login a refresh-token family belongs to began: its first token's issue time.
pub async fn family_started_at(
    conn: &mut AsyncPgConnection,
    family_id: Uuid,
) -> QueryResult<DateTime<Utc>> {
    refresh_tokens::table
        .filter(refresh_tokens::family_id.eq(family_id))
        .select(diesel::dsl::min(refresh_tokens::issued_at))
        .first::<Option<DateTime<Utc>>>(conn)
        .await?
        .ok_or(diesel::result::Error::NotFound)
}

pub async fn mark_rotated(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(refresh_tokens::table.find(id))
        .set(refresh_tokens::rotated_at.eq(at))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn revoke_family(
    conn: &mut AsyncPgConnection,
    family_id: Uuid,
    at: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(at))
    .execute(conn)
    .await
}

pub async fn revoke_all_for_user(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    at: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(at))
    .execute(conn)
    .await
}

pub async fn find_throttle(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> QueryResult<Option<LoginThrottle>> {
    login_throttles::table
        .find(username)
        .select(LoginThrottle::as_select())
        .first(conn)
        .await
        .optional()
}

/// Counts one attempt (before the password is checked, so that concurrent guesses are
/// counted too): attempts older than `window_start` start a new count. Returns the row after
/// the update; the caller decides from the count and the lock.
pub async fn record_attempt(
    conn: &mut AsyncPgConnection,
    username: &str,
    now: DateTime<Utc>,
    window_start: DateTime<Utc>,
) -> QueryResult<LoginThrottle> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Integer, Timestamptz};
    diesel::insert_into(login_throttles::table)
        .values((
            login_throttles::username.eq(username),
            login_throttles::failures.eq(1),
            login_throttles::first_failure_at.eq(now),
        ))
        .on_conflict(login_throttles::username)
        .do_update()
        .set((
            login_throttles::failures.eq(sql::<Integer>(
                "CASE WHEN login_throttles.first_failure_at < ",
            )
            .bind::<Timestamptz, _>(window_start)
            .sql(" THEN 1 ELSE login_throttles.failures + 1 END")),
            login_throttles::first_failure_at.eq(sql::<Timestamptz>(
                "CASE WHEN login_throttles.first_failure_at < ",
            )
            .bind::<Timestamptz, _>(window_start)
            .sql(" THEN ")
            .bind::<Timestamptz, _>(now)
            .sql(" ELSE login_throttles.first_failure_at END")),
        ))
        .returning(LoginThrottle::as_returning())
        .get_result(conn)
        .await
}

/// Sets a lock only where none is in force; `true` when this call set it (so exactly one of
/// several concurrent callers wins the one attempt an expired lock allows).
pub async fn take_lock(
    conn: &mut AsyncPgConnection,
    username: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        login_throttles::table
            .filter(login_throttles::username.eq(username))
            .filter(
                login_throttles::locked_until
                    .is_null()
                    .or(login_throttles::locked_until.le(now)),
            ),
    )
    .set(login_throttles::locked_until.eq(until))
    .execute(conn)
    .await?;
    Ok(n == 1)
}

pub async fn lock_until(
    conn: &mut AsyncPgConnection,
    username: &str,
    until: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(login_throttles::table.find(username))
        .set(login_throttles::locked_until.eq(until))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn clear_throttle(conn: &mut AsyncPgConnection, username: &str) -> QueryResult<()> {
    diesel::delete(login_throttles::table.find(username))
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets failures older than `before` whose lock (if any) has expired, so that attempts on
/// made-up user names do not accumulate.
pub async fn purge_throttles(
    conn: &mut AsyncPgConnection,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::delete(
        login_throttles::table
            .filter(login_throttles::first_failure_at.lt(before))
            .filter(
                login_throttles::locked_until
                    .is_null()
                    .or(login_throttles::locked_until.lt(now)),
            ),
    )
    .execute(conn)
    .await
}
