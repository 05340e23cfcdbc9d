//! Counts over initiatives for dashboards, in one round trip.

use chrono::NaiveDate;
use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Bool, Date, Double, Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::Scope;

#[derive(Debug, Clone, QueryableByName)]
pub struct StatRow {
    /// `total`, `status`, `kind`, `area`, `unit` (the initiatives' own units), or
    /// `in_flight`, whose `initiatives` is the number of writers in flight at the snapshot.
    #[diesel(sql_type = Text)]
    pub dim: String,
    #[diesel(sql_type = Text)]
    pub key: String,
    #[diesel(sql_type = BigInt)]
    pub initiatives: i64,
    /// The sum of the initiatives' progress (0–100 each), so groups can be merged.
    #[diesel(sql_type = Double)]
    pub progress_sum: f64,
    #[diesel(sql_type = BigInt)]
    pub overdue_steps: i64,
    #[diesel(sql_type = BigInt)]
    pub overdue_initiatives: i64,
}

/// One pass over the initiatives in scope, reading each one's roadmap summary (migration
/// 000004) instead of its steps: progress is `roadmap_progress`; overdue steps, counted while
/// the initiative is active, are the due dates of its steps not done that fall before the
/// day (`width_bucket` over the sorted `open_due_dates`).
const SQL: &str = "
WITH scoped AS (
    SELECT i.status, i.kind, i.reform_area, i.organization_id,
           i.roadmap_progress AS progress,
           CASE WHEN i.status IN ('draft', 'submitted', 'returned', 'registered', 'in_progress')
                THEN width_bucket($1 - 1, i.open_due_dates) ELSE 0 END AS overdue
      FROM initiatives i
      JOIN organizations o ON o.id = i.organization_id
     WHERE ($2 OR o.path && $3)
       AND ($4::uuid IS NULL OR i.campaign_id = $4)
       AND ($5::uuid IS NULL OR o.path @> ARRAY[$5::uuid])
)
SELECT CASE WHEN GROUPING(status) = 0 THEN 'status'
            WHEN GROUPING(kind) = 0 THEN 'kind'
            WHEN GROUPING(reform_area) = 0 THEN 'area'
            WHEN GROUPING(organization_id) = 0 THEN 'unit'
            ELSE 'total' END AS dim,
       COALESCE(status, kind, reform_area, organization_id::text, '') AS key,
       count(*) AS initiatives,
       COALESCE(sum(progress), 0)::float8 AS progress_sum,
       COALESCE(sum(overdue), 0)::bigint AS overdue_steps,
       count(*) FILTER (WHERE overdue > 0) AS overdue_initiatives
  FROM scoped
 GROUP BY GROUPING SETS ((status), (kind), (reform_area), (organization_id), ())
UNION ALL
SELECT 'in_flight', '', count(*), 0, 0, 0 FROM pg_snapshot_xip(pg_current_snapshot())
";

pub async fn initiatives(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    campaign_id: Option<Uuid>,
    subtree_of: Option<Uuid>,
    today: NaiveDate,
) -> diesel::QueryResult<Vec<StatRow>> {
    let (all, roots) = match scope {
        Scope::All => (true, Vec::new()),
        Scope::Subtrees(r) => (false, r.clone()),
    };
    diesel::sql_query(SQL)
        .bind::<Date, _>(today)
        .bind::<Bool, _>(all)
        .bind::<Array<SqlUuid>, _>(roots)
        .bind::<Nullable<SqlUuid>, _>(campaign_id)
        .bind::<Nullable<SqlUuid>, _>(subtree_of)
        .load(conn)
        .await
}
