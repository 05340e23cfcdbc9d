use chrono::Utc;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use thidua_domain::page::ListRequest;

use super::{Paged, Scope, like_pattern, lower, unaccent};
use crate::models::{NewRoleGrant, NewUser, Organization, RoleGrant, User, UserChanges};
use crate::schema::{organizations, role_grants, users};

#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub q: Option<String>,
    pub organization_id: Option<Uuid>,
    pub role: Option<String>,
    pub is_active: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserSort {
    DisplayName,
    Username,
    CreatedAt,
}

fn filtered<'a>(scope: &Scope, f: &UserFilter) -> users::BoxedQuery<'a, Pg> {
    let mut q = users::table.into_boxed();
    if let Scope::Subtrees(roots) = scope {
        let roots: Vec<Option<Uuid>> = roots.iter().copied().map(Some).collect();
        let visible_orgs = organizations::table
            .filter(organizations::path.overlaps_with(roots))
            .select(organizations::id);
        q = q.filter(users::organization_id.eq_any(visible_orgs));
    }
    if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
        let pattern = like_pattern(text);
        q = q.filter(
            unaccent(lower(users::display_name))
                .like(pattern.clone())
                .or(users::username.like(pattern)),
        );
    }
    if let Some(org) = f.organization_id {
        q = q.filter(users::organization_id.eq(org));
    }
    if let Some(role) = &f.role {
        let holders = role_grants::table
            .filter(role_grants::role.eq(role.clone()))
            .select(role_grants::user_id);
        q = q.filter(users::id.eq_any(holders));
    }
    if let Some(active) = f.is_active {
        q = q.filter(users::is_active.eq(active));
    }
    q
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    f: &UserFilter,
    req: &ListRequest<UserSort>,
) -> QueryResult<Paged<User>> {
    let total = filtered(scope, f).count().get_result(conn).await?;
    let q = filtered(scope, f);
    let q = sorted!(q, req.sort.field, req.sort.descending, users::id, {
        UserSort::DisplayName => users::display_name,
        UserSort::Username => users::username,
        UserSort::CreatedAt => users::created_at,
    });
    let items = q
        .select(User::as_select())
        .limit(req.page.per_page)
        .offset(req.page.offset())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<User> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .await
}

/// A user and their role grants (with the granted organisations), the two queries
/// pipelined on one connection: one round trip, for the principal of every request.
pub async fn with_grants(
    conn: &AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<(User, Vec<GrantWithOrg>)>> {
    let (mut c1, mut c2) = (conn, conn);
    let user = users::table
        .find(id)
        .select(User::as_select())
        .first::<User>(&mut c1);
    let grants = role_grants::table
        .inner_join(organizations::table)
        .filter(role_grants::user_id.eq(id))
        .order((role_grants::role, role_grants::created_at))
        .select((RoleGrant::as_select(), Organization::as_select()))
        .load::<(RoleGrant, Organization)>(&mut c2);
    let (user, grants) = tokio::join!(user, grants);
    let Some(user) = user.optional()? else {
        return Ok(None);
    };
    Ok(Some((
        user,
        grants?
            .into_iter()
            .map(|(grant, organization)| GrantWithOrg {
                grant,
                organization,
            })
            .collect(),
    )))
}

pub async fn display_names(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load(conn)
        .await
}

pub async fn names_and_positions(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String, Option<String>)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name, users::position))
        .load(conn)
        .await
}

/// Active holders of `role` granted at one of `org_ids`: (organisation, display name),
/// oldest grant first.
pub async fn role_holders_at(
    conn: &mut AsyncPgConnection,
    role: &str,
    org_ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String)>> {
    role_grants::table
        .inner_join(users::table.on(users::id.eq(role_grants::user_id)))
        .filter(role_grants::role.eq(role.to_string()))
        .filter(role_grants::organization_id.eq_any(org_ids))
        .filter(users::is_active.eq(true))
        .order(role_grants::created_at)
        .select((role_grants::organization_id, users::display_name))
        .load(conn)
        .await
}

pub async fn find_by_username(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> QueryResult<Option<User>> {
    users::table
        .filter(users::username.eq(username))
        .select(User::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewUser) -> QueryResult<User> {
    diesel::insert_into(users::table)
        .values(new)
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

/// Updates profile fields when the row still has `expected_version`.
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: i32,
    changes: &UserChanges,
) -> QueryResult<User> {
    diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::version.eq(expected_version)),
    )
    .set((
        changes,
        users::version.eq(users::version + 1),
        users::updated_at.eq(Utc::now()),
    ))
    .returning(User::as_returning())
    .get_result(conn)
    .await
}

/// Sets the active flag only when it differs (a conditional update: two concurrent
/// deactivations give one change).
pub async fn set_active(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    active: bool,
) -> QueryResult<Option<User>> {
    diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::is_active.eq(!active)),
    )
    .set((
        users::is_active.eq(active),
        users::version.eq(users::version + 1),
        users::updated_at.eq(Utc::now()),
    ))
    .returning(User::as_returning())
    .get_result(conn)
    .await
    .optional()
}

pub async fn set_password(conn: &mut AsyncPgConnection, id: Uuid, hash: &str) -> QueryResult<User> {
    let now = Utc::now();
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::password_changed_at.eq(now),
            users::version.eq(users::version + 1),
            users::updated_at.eq(now),
        ))
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

/// A grant with the path of the organisation it is rooted at.
#[derive(Debug, Clone)]
pub struct GrantWithOrg {
    pub grant: RoleGrant,
    pub organization: Organization,
}

pub async fn grants_of(
    conn: &mut AsyncPgConnection,
    user_ids: &[Uuid],
) -> QueryResult<Vec<GrantWithOrg>> {
    let rows: Vec<(RoleGrant, Organization)> = role_grants::table
        .inner_join(organizations::table)
        .filter(role_grants::user_id.eq_any(user_ids))
        .order((
            role_grants::user_id,
            role_grants::role,
            role_grants::created_at,
        ))
        .select((RoleGrant::as_select(), Organization::as_select()))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(grant, organization)| GrantWithOrg {
            grant,
            organization,
        })
        .collect())
}

pub async fn find_grant(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    grant_id: Uuid,
) -> QueryResult<RoleGrant> {
    role_grants::table
        .filter(role_grants::id.eq(grant_id))
        .filter(role_grants::user_id.eq(user_id))
        .select(RoleGrant::as_select())
        .first(conn)
        .await
}

pub async fn insert_grant(
    conn: &mut AsyncPgConnection,
    new: &NewRoleGrant,
) -> QueryResult<RoleGrant> {
    diesel::insert_into(role_grants::table)
        .values(new)
        .returning(RoleGrant::as_returning())
        .get_result(conn)
        .await
}

pub async fn delete_grant(conn: &mut AsyncPgConnection, grant_id: Uuid) -> QueryResult<usize> {
    diesel::delete(role_grants::table.find(grant_id))
        .execute(conn)
        .await
}

/// Bumps the user's version so that a grant change invalidates ETags of the user view.
pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::version.eq(users::version + 1),
            users::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
