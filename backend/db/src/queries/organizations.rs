use chrono::{NaiveDate, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use thidua_domain::page::ListRequest;

use super::{Paged, Scope, like_pattern, lower, unaccent};
use crate::models::{NewOrganization, Organization, OrganizationChanges, OrganizationKind};
use crate::schema::{organization_kinds, organizations};

#[derive(Debug, Clone, Default)]
pub struct OrganizationFilter {
    pub q: Option<String>,
    pub kind: Option<String>,
    pub parent_id: Option<Uuid>,
    pub in_force_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganizationSort {
    Name,
    Code,
    ValidFrom,
    CreatedAt,
}

fn filtered<'a>(scope: &Scope, f: &OrganizationFilter) -> organizations::BoxedQuery<'a, Pg> {
    let mut q = organizations::table.into_boxed();
    if let Scope::Subtrees(roots) = scope {
        let roots: Vec<Option<Uuid>> = roots.iter().copied().map(Some).collect();
        q = q.filter(organizations::path.overlaps_with(roots));
    }
    if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
        let pattern = like_pattern(text);
        q = q.filter(
            unaccent(lower(organizations::name))
                .like(pattern.clone())
                .or(lower(organizations::code).like(pattern)),
        );
    }
    if let Some(kind) = &f.kind {
        q = q.filter(organizations::kind.eq(kind.clone()));
    }
    if let Some(parent) = f.parent_id {
        q = q.filter(organizations::parent_id.eq(parent));
    }
    if let Some(day) = f.in_force_on {
        q = q.filter(organizations::valid_from.le(day)).filter(
            organizations::valid_to
                .is_null()
                .or(organizations::valid_to.ge(day)),
        );
    }
    q
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    f: &OrganizationFilter,
    req: &ListRequest<OrganizationSort>,
) -> QueryResult<Paged<Organization>> {
    let total = filtered(scope, f).count().get_result(conn).await?;
    let mut q = filtered(scope, f);
    q = sorted!(q, req.sort.field, req.sort.descending, organizations::id, {
        OrganizationSort::Name => organizations::name,
        OrganizationSort::Code => organizations::code,
        OrganizationSort::ValidFrom => organizations::valid_from,
        OrganizationSort::CreatedAt => organizations::created_at,
    });
    let items = q
        .select(Organization::as_select())
        .limit(req.page.per_page)
        .offset(req.page.offset())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

/// Every organisation in scope, for building the tree (the whole tree of a city is a few
/// thousand rows at most).
pub async fn all_in_scope(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    f: &OrganizationFilter,
) -> QueryResult<Vec<Organization>> {
    filtered(scope, f)
        .order((organizations::name.asc(), organizations::id))
        .select(Organization::as_select())
        .load(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Organization> {
    organizations::table
        .find(id)
        .select(Organization::as_select())
        .first(conn)
        .await
}

pub async fn find_many(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<Organization>> {
    organizations::table
        .filter(organizations::id.eq_any(ids))
        .select(Organization::as_select())
        .load(conn)
        .await
}

pub async fn find_by_code(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<Organization> {
    organizations::table
        .filter(organizations::code.eq(code))
        .select(Organization::as_select())
        .first(conn)
        .await
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: &NewOrganization,
) -> QueryResult<Organization> {
    diesel::insert_into(organizations::table)
        .values(new)
        .returning(Organization::as_returning())
        .get_result(conn)
        .await
}

/// Applies the changes only when the row still has `expected_version`; `NotFound` otherwise
/// (the caller tells a stale version from a missing row).
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: i32,
    changes: &OrganizationChanges,
) -> QueryResult<Organization> {
    diesel::update(
        organizations::table
            .filter(organizations::id.eq(id))
            .filter(organizations::version.eq(expected_version)),
    )
    .set((
        changes,
        organizations::version.eq(organizations::version + 1),
        organizations::updated_at.eq(Utc::now()),
    ))
    .returning(Organization::as_returning())
    .get_result(conn)
    .await
}

/// Serialises moves in the tree until the transaction ends.
pub async fn lock_tree_moves(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(7301, 1)")
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn kinds(conn: &mut AsyncPgConnection) -> QueryResult<Vec<OrganizationKind>> {
    organization_kinds::table
        .order((organization_kinds::sort_order, organization_kinds::code))
        .select(OrganizationKind::as_select())
        .load(conn)
        .await
}

pub async fn kind_exists(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        organization_kinds::table.find(code.to_string()),
    ))
    .get_result(conn)
    .await
}
