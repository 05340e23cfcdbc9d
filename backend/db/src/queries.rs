//! Queries, one module per aggregate. Each function takes a connection, so that callers
//! compose them inside one transaction.

/// Orders a boxed query by one of a list's sortable columns, ascending or descending, with a
/// tie-breaker so that pages are stable:
/// `sorted!(q, sort, descending, users::id, { UserSort::Username => users::username, … })`.
macro_rules! sorted {
    ($q:expr, $field:expr, $desc:expr, $tie:expr, { $($variant:path => $col:expr),+ $(,)? }) => {
        match ($field, $desc) {
            $(
                ($variant, false) => $q.order(($col.asc(), $tie)),
                ($variant, true) => $q.order(($col.desc(), $tie)),
            )+
        }
    };
}

pub mod auth;
pub mod awards;
pub mod campaigns;
pub mod evaluation;
pub mod files;
pub mod initiatives;
pub mod organizations;
pub mod registrations;
pub mod reports;
pub mod statistics;
pub mod users;

use diesel::sql_types::Text;

#[diesel::declare_sql_function]
extern "SQL" {
    /// `unaccent` (contrib, trusted) folds Vietnamese diacritics, `đ` included.
    fn unaccent(x: Text) -> Text;
    fn lower(x: Text) -> Text;
}

/// Which organisations a caller reaches: everything (administrators) or the union of the
/// subtrees rooted at their grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Subtrees(Vec<uuid::Uuid>),
}

/// `%folded%` for a LIKE over unaccent(lower(column)).
pub fn like_pattern(q: &str) -> String {
    format!(
        "%{}%",
        thidua_domain::text::escape_like(&thidua_domain::text::fold(q.trim()))
    )
}

/// The data version (migration 000004), to read before computing an aggregate to cache —
/// in an earlier statement than the aggregate's (see `backend/api/src/cache.rs`).
pub async fn data_version(conn: &mut diesel_async::AsyncPgConnection) -> diesel::QueryResult<i64> {
    use diesel_async::RunQueryDsl;
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT last_value FROM data_version)",
    ))
    .get_result(conn)
    .await
}

/// The version a round's results are cached under: the data version (titles, units) plus
/// the evaluation version (migration 000012); both only grow, so their sum does, whenever
/// either changes.
pub async fn evaluation_version(
    conn: &mut diesel_async::AsyncPgConnection,
) -> diesel::QueryResult<i64> {
    use diesel_async::RunQueryDsl;
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT last_value FROM data_version) + (SELECT last_value FROM evaluation_version)",
    ))
    .get_result(conn)
    .await
}

/// Whether a writer is in flight now (a transaction holding an id): an aggregate computed
/// over several statements is cached only if none was, right after the version was read.
pub async fn writers_in_flight(
    conn: &mut diesel_async::AsyncPgConnection,
) -> diesel::QueryResult<bool> {
    use diesel_async::RunQueryDsl;
    diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
        "{WRITERS_IN_FLIGHT} > 0"
    )))
    .get_result(conn)
    .await
}

/// How many writers were in flight at the statement's snapshot (transactions holding an
/// id); an aggregate computed from a snapshot with any may not be cached.
pub const WRITERS_IN_FLIGHT: &str = "(SELECT count(*) FROM pg_snapshot_xip(pg_current_snapshot()))";

/// A page of rows and the total number of rows matching the filters.
#[derive(Debug, Clone)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
}
