-- pgbench floor of GET /api/v1/initiatives?q=…&per_page=20 (officer of Q1): the count of
-- matches, then the page ranked by relevance. The queries are those of search.lua, folded
-- as the server folds them (words joined by &, the last one a prefix).
-- Variables (pgbench -D): q1.
\set k random(1, 6)
SELECT count(*)
  FROM initiatives
 WHERE organization_id IN (SELECT id FROM organizations WHERE path && ARRAY[:q1::uuid])
   AND search @@ to_tsquery('simple', (ARRAY['cai & cach & thu & tuc:*', 'so & hoa & ho & so:*',
         'dich & vu & cong & truc & tuyen:*', 'mot & cua:*', 'ma & qr:*',
         'tuyen & sinh & dau & cap:*'])[:k]);
SELECT id, campaign_id, organization_id, kind, reform_area, title, summary, problem,
       objectives, approach, expected_results, starts_on, ends_on, collective, status,
       created_by, version, created_at, updated_at
  FROM initiatives
 WHERE organization_id IN (SELECT id FROM organizations WHERE path && ARRAY[:q1::uuid])
   AND search @@ to_tsquery('simple', (ARRAY['cai & cach & thu & tuc:*', 'so & hoa & ho & so:*',
         'dich & vu & cong & truc & tuyen:*', 'mot & cua:*', 'ma & qr:*',
         'tuyen & sinh & dau & cap:*'])[:k])
 ORDER BY ts_rank(search, to_tsquery('simple', (ARRAY['cai & cach & thu & tuc:*',
         'so & hoa & ho & so:*', 'dich & vu & cong & truc & tuyen:*', 'mot & cua:*',
         'ma & qr:*', 'tuyen & sinh & dau & cap:*'])[:k])) DESC, created_at DESC, id
 LIMIT 20 OFFSET 0;
