//! Counts over initiatives for dashboards, in one round trip.

use chrono::NaiveDate;
use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Bool, Date, Double, Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::Scope;

#[derive(Debug, Clone, QueryableByName)]
pub struct StatRow {
    /// `total`, `status`, `kind`, `area` or `unit`.
    #[diesel(sql_type = Text)]
    pub dim: String,
    #[diesel(sql_type = Text)]
    pub key: String,
    #[diesel(sql_type = BigInt)]
    pub initiatives: i64,
    #[diesel(sql_type = Nullable<Double>)]
    pub mean_progress: Option<f64>,
    #[diesel(sql_type = BigInt)]
    pub overdue_steps: i64,
    #[diesel(sql_type = BigInt)]
    pub overdue_initiatives: i64,
}

/// Per initiative: progress is the mean of its steps (a done step counts 100, none: 0);
/// overdue steps are undone steps past their day, counted while the initiative is active.
const SQL: &str = "
WITH scoped AS (
    SELECT i.id, i.status, i.kind, i.reform_area, i.organization_id,
           i.status IN ('draft', 'submitted', 'returned', 'registered', 'in_progress') AS active
      FROM initiatives i
      JOIN organizations o ON o.id = i.organization_id
     WHERE ($2 OR o.path && $3)
       AND ($4::uuid IS NULL OR i.campaign_id = $4)
       AND ($5::uuid IS NULL OR o.path @> ARRAY[$5::uuid])
),
-- The roadmap aggregated once, in one pass over the steps of the scoped initiatives (not two
-- lookups per initiative).
steps AS (
    SELECT m.initiative_id,
           avg(CASE WHEN m.done_on IS NOT NULL THEN 100 ELSE m.progress END)::float8 AS progress,
           count(*) FILTER (WHERE m.done_on IS NULL AND m.due_on < $1) AS overdue
      FROM initiative_milestones m
      JOIN scoped s ON s.id = m.initiative_id
     GROUP BY m.initiative_id
),
per AS (
    SELECT s.status, s.kind, s.reform_area, s.organization_id,
           COALESCE(st.progress, 0) AS progress,
           CASE WHEN s.active THEN COALESCE(st.overdue, 0) ELSE 0 END AS overdue
      FROM scoped s
      LEFT JOIN steps st ON st.initiative_id = s.id
)
SELECT 'total'::text AS dim, ''::text AS key, count(*) AS initiatives, avg(progress) AS mean_progress,
       COALESCE(sum(overdue), 0)::bigint AS overdue_steps, count(*) FILTER (WHERE overdue > 0) AS overdue_initiatives
  FROM per
UNION ALL
SELECT 'status', status, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM per GROUP BY status
UNION ALL
SELECT 'kind', kind, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM per GROUP BY kind
UNION ALL
SELECT 'area', reform_area, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM per GROUP BY reform_area
UNION ALL
SELECT 'unit', organization_id::text, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM per GROUP BY organization_id
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
