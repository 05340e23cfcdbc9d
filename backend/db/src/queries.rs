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
pub mod campaigns;
pub mod initiatives;
pub mod organizations;
pub mod registrations;
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

/// A page of rows and the total number of rows matching the filters.
#[derive(Debug, Clone)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
}
