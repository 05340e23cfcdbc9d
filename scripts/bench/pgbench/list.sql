-- pgbench floor of GET /api/v1/initiatives?status=in_progress&reform_area=administrative_procedures
-- &campaign_id=…&per_page=20 for an officer whose reach is Q1: the count, then the page.
-- Variables (pgbench -D): q1, campaign.
SELECT count(*)
  FROM initiatives
 WHERE organization_id IN (SELECT id FROM organizations WHERE path && ARRAY[:q1::uuid])
   AND campaign_id = :campaign::uuid
   AND status = ANY (ARRAY['in_progress'])
   AND reform_area = 'administrative_procedures';
SELECT id, campaign_id, organization_id, kind, reform_area, title, summary, problem,
       objectives, approach, expected_results, starts_on, ends_on, collective, status,
       created_by, version, created_at, updated_at
  FROM initiatives
 WHERE organization_id IN (SELECT id FROM organizations WHERE path && ARRAY[:q1::uuid])
   AND campaign_id = :campaign::uuid
   AND status = ANY (ARRAY['in_progress'])
   AND reform_area = 'administrative_procedures'
 ORDER BY created_at DESC, id
 LIMIT 20 OFFSET 0;
