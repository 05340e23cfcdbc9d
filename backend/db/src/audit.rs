//! The append-only audit log. Every mutation writes its row inside the same transaction.

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::queries::{Paged, Scope};
use crate::schema::{audit_log, organizations};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_log)]
pub struct NewAuditEntry {
    pub actor_user_id: Option<Uuid>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub details: serde_json::Value,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: i64,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    pub actor_user_id: Option<Uuid>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub details: serde_json::Value,
}

pub async fn record(conn: &mut AsyncPgConnection, entry: NewAuditEntry) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values(&entry)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn for_entity(
    conn: &mut AsyncPgConnection,
    entity_type: &str,
    entity_id: Uuid,
    limit: i64,
) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table
        .filter(audit_log::entity_type.eq(entity_type))
        .filter(audit_log::entity_id.eq(entity_id))
        .order(audit_log::id.desc())
        .limit(limit)
        .select(AuditEntry::as_select())
        .load(conn)
        .await
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
    /// Exact action, or a prefix ending in `.` (`campaign.` for every campaign action).
    pub action: Option<String>,
    pub organization_id: Option<Uuid>,
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    pub until: Option<chrono::DateTime<chrono::Utc>>,
}

fn filtered<'a>(scope: &Scope, f: &AuditFilter) -> audit_log::BoxedQuery<'a, Pg> {
    let mut q = audit_log::table.into_boxed();
    if let Scope::Subtrees(roots) = scope {
        let roots: Vec<Option<Uuid>> = roots.iter().copied().map(Some).collect();
        let orgs = organizations::table
            .filter(organizations::path.overlaps_with(roots))
            .select(organizations::id.nullable());
        q = q.filter(audit_log::organization_id.eq_any(orgs));
    }
    if let Some(t) = &f.entity_type {
        q = q.filter(audit_log::entity_type.eq(t.clone()));
    }
    if let Some(id) = f.entity_id {
        q = q.filter(audit_log::entity_id.eq(id));
    }
    if let Some(a) = f.actor_user_id {
        q = q.filter(audit_log::actor_user_id.eq(a));
    }
    if let Some(action) = &f.action {
        q = match action.strip_suffix('.') {
            Some(prefix) => q.filter(
                audit_log::action.like(format!("{}.%", thidua_domain::text::escape_like(prefix))),
            ),
            None => q.filter(audit_log::action.eq(action.clone())),
        };
    }
    if let Some(o) = f.organization_id {
        q = q.filter(audit_log::organization_id.eq(o));
    }
    if let Some(t) = f.since {
        q = q.filter(audit_log::occurred_at.ge(t));
    }
    if let Some(t) = f.until {
        q = q.filter(audit_log::occurred_at.lt(t));
    }
    q
}

/// Newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    f: &AuditFilter,
    page: thidua_domain::page::Page,
) -> QueryResult<Paged<AuditEntry>> {
    let total = filtered(scope, f).count().get_result(conn).await?;
    let items = filtered(scope, f)
        .order(audit_log::id.desc())
        .limit(page.per_page)
        .offset(page.offset())
        .select(AuditEntry::as_select())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}
