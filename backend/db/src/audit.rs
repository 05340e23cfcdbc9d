//! The append-only audit log. Every mutation writes its row inside the same transaction.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::audit_log;

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
