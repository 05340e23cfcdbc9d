-- pgbench floor of GET /api/v1/statistics/initiatives?campaign_id=… (officer of Q1): the
-- SQL of backend/db/src/queries/statistics.rs with $1 = today, $2 = false (not admin),
-- $3 = {Q1}, $4 = the campaign, $5 = NULL. Keep it in step with that file.
-- Variables (pgbench -D): q1, campaign.
WITH scoped AS (
    SELECT i.id, i.status, i.kind, i.reform_area, i.organization_id,
           COALESCE((SELECT avg(CASE WHEN m.done_on IS NOT NULL THEN 100 ELSE m.progress END)
                       FROM initiative_milestones m WHERE m.initiative_id = i.id), 0)::float8 AS progress,
           CASE WHEN i.status IN ('draft', 'submitted', 'returned', 'registered', 'in_progress')
                THEN (SELECT count(*) FROM initiative_milestones m
                       WHERE m.initiative_id = i.id AND m.done_on IS NULL AND m.due_on < current_date)
                ELSE 0 END AS overdue
      FROM initiatives i
      JOIN organizations o ON o.id = i.organization_id
     WHERE (false OR o.path && ARRAY[:q1::uuid])
       AND (:campaign::uuid IS NULL OR i.campaign_id = :campaign::uuid)
       AND (NULL::uuid IS NULL OR o.path @> ARRAY[NULL::uuid])
)
SELECT 'total'::text AS dim, ''::text AS key, count(*) AS initiatives, avg(progress) AS mean_progress,
       COALESCE(sum(overdue), 0)::bigint AS overdue_steps, count(*) FILTER (WHERE overdue > 0) AS overdue_initiatives
  FROM scoped
UNION ALL
SELECT 'status', status, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM scoped GROUP BY status
UNION ALL
SELECT 'kind', kind, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM scoped GROUP BY kind
UNION ALL
SELECT 'area', reform_area, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM scoped GROUP BY reform_area
UNION ALL
SELECT 'unit', organization_id::text, count(*), avg(progress), COALESCE(sum(overdue), 0)::bigint, count(*) FILTER (WHERE overdue > 0)
  FROM scoped GROUP BY organization_id;
