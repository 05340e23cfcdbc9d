-- pgbench floor of GET /api/v1/initiatives/{id}: the row, its authors, its roadmap.
-- Variables (pgbench -D): n_initiatives.
\set n random(1, :n_initiatives)
SELECT id, campaign_id, organization_id, kind, reform_area, title, summary, problem,
       objectives, approach, expected_results, starts_on, ends_on, collective, status,
       created_by, version, created_at, updated_at
  FROM initiatives WHERE id = md5('thidua-bench-initiative-' || :n)::uuid;
SELECT initiative_id, user_id, contribution_pct, sort_order
  FROM initiative_authors
 WHERE initiative_id = ANY (ARRAY[md5('thidua-bench-initiative-' || :n)::uuid])
 ORDER BY initiative_id, sort_order;
SELECT id, initiative_id, title, due_on, done_on, progress, sort_order, version,
       created_at, updated_at
  FROM initiative_milestones
 WHERE initiative_id = ANY (ARRAY[md5('thidua-bench-initiative-' || :n)::uuid])
 ORDER BY initiative_id, due_on, sort_order, id;
