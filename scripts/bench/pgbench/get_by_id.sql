-- pgbench floor of GET /api/v1/initiatives/{id}: the three statements the server pipelines
-- (backend/db/src/queries/initiatives.rs, find_related) — the row with its unit, campaign,
-- area and creator; the authors with their names; the roadmap. Keep it in step with that
-- function. (The caller's principal comes from the server's cache; see auth/principals.rs.)
-- Variables (pgbench -D): n_initiatives.
\set n random(1, :n_initiatives)
SELECT i.id, i.campaign_id, i.organization_id, i.kind, i.reform_area, i.title, i.summary,
       i.problem, i.objectives, i.approach, i.expected_results, i.starts_on, i.ends_on,
       i.collective, i.status, i.created_by, i.version, i.created_at, i.updated_at,
       o.id, o.code, o.name, o.short_name, o.kind, o.parent_id, o.path, o.valid_from,
       o.valid_to, o.version, o.created_at, o.updated_at,
       c.id, c.code, c.title,
       r.code, r.name_vi, r.name_en, r.sort_order, r.valid_from, r.valid_to,
       u.display_name
  FROM initiatives i
  JOIN organizations o ON o.id = i.organization_id
  JOIN campaigns c ON c.id = i.campaign_id
  JOIN reform_areas r ON r.code = i.reform_area
  JOIN users u ON u.id = i.created_by
 WHERE i.id = md5('thidua-bench-initiative-' || :n)::uuid
 LIMIT 1;
SELECT a.initiative_id, a.user_id, a.contribution_pct, a.sort_order, u.display_name, u.position
  FROM initiative_authors a
  JOIN users u ON u.id = a.user_id
 WHERE a.initiative_id = md5('thidua-bench-initiative-' || :n)::uuid
 ORDER BY a.sort_order;
SELECT id, initiative_id, title, due_on, done_on, progress, sort_order, version, created_at,
       updated_at
  FROM initiative_milestones
 WHERE initiative_id = md5('thidua-bench-initiative-' || :n)::uuid
 ORDER BY due_on, sort_order, id;
