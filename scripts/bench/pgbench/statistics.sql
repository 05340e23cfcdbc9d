-- pgbench floor of GET /api/v1/statistics/initiatives?campaign_id=… (officer of Q1): the
-- SQL of backend/db/src/queries/statistics.rs with $1 = today, $2 = false (not admin),
-- $3 = {Q1}, $4 = the campaign, $5 = NULL. Keep it in step with that file.
-- Variables (pgbench -D): q1, campaign.
WITH scoped AS (
    SELECT i.status, i.kind, i.reform_area, i.organization_id,
           i.roadmap_progress AS progress,
           CASE WHEN i.status IN ('draft', 'submitted', 'returned', 'registered', 'in_progress')
                THEN width_bucket(current_date - 1, i.open_due_dates) ELSE 0 END AS overdue
      FROM initiatives i
      JOIN organizations o ON o.id = i.organization_id
     WHERE (false OR o.path && ARRAY[:q1::uuid])
       AND (:campaign::uuid IS NULL OR i.campaign_id = :campaign::uuid)
       AND (NULL::uuid IS NULL OR o.path @> ARRAY[NULL::uuid])
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
SELECT 'in_flight', '', count(*), 0, 0, 0 FROM pg_snapshot_xip(pg_current_snapshot());
