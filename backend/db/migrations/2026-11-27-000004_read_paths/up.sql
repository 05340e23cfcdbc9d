-- Read paths at city scale (200,000 initiatives, 1,000,000 roadmap steps).

-- 1. Lists filter by campaign, then area and status, newest first: the page is the first
--    rows of one index range, and the count an index-only scan of it.
CREATE INDEX initiatives_campaign_area_status_idx
    ON initiatives (campaign_id, reform_area, status, created_at DESC, id)
    INCLUDE (organization_id);
CREATE INDEX initiatives_campaign_created_idx
    ON initiatives (campaign_id, created_at DESC, id)
    INCLUDE (organization_id, status);

-- 2. The data version: a number that grows whenever anything the initiative aggregates
--    (statistics, list totals) are computed from changes. The server caches those aggregates
--    under the version it read *before* computing them, and only when no writer was in
--    flight at the snapshot it computed them from (see backend/api/src/cache.rs). A
--    sequence, not a counter row: bumping it takes no lock, so writers never queue or
--    deadlock on it.
CREATE SEQUENCE data_version;

CREATE FUNCTION bump_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('data_version');
    RETURN NULL;
END
$$;

CREATE TRIGGER initiatives_data_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON initiatives
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER initiative_milestones_data_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON initiative_milestones
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER initiative_authors_data_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON initiative_authors
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER organizations_data_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER reform_areas_data_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reform_areas
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER campaigns_data_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaigns
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- 3. Each initiative carries a summary of its roadmap, kept by the triggers below in the
--    transaction that changes the steps, so that statistics and the `overdue` filter read
--    one row per initiative instead of its steps:
--      roadmap_progress  the mean of its steps' progress (a done step counts 100), 0 without
--                        steps — the initiative's progress;
--      open_due_dates    the due dates of its steps not done, ascending: overdue as of day D
--                        is the number of them before D, `width_bucket(D - 1, open_due_dates)`.
ALTER TABLE initiatives
    ADD COLUMN roadmap_progress double precision NOT NULL DEFAULT 0,
    ADD COLUMN open_due_dates date[] NOT NULL DEFAULT '{}';

CREATE FUNCTION refresh_roadmap_summaries(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE initiatives i
       SET roadmap_progress = s.progress, open_due_dates = s.open
      FROM (SELECT x.id,
                   COALESCE((SELECT avg(CASE WHEN m.done_on IS NOT NULL THEN 100
                                             ELSE least(greatest(m.progress, 0), 100) END)
                               FROM initiative_milestones m
                              WHERE m.initiative_id = x.id), 0)::double precision AS progress,
                   COALESCE((SELECT array_agg(m.due_on ORDER BY m.due_on)
                               FROM initiative_milestones m
                              WHERE m.initiative_id = x.id AND m.done_on IS NULL),
                            '{}') AS open
              FROM unnest(ids) AS x (id)) s
     WHERE i.id = s.id
       AND (i.roadmap_progress, i.open_due_dates) IS DISTINCT FROM (s.progress, s.open);
$$;

CREATE FUNCTION initiative_milestones_summarize() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_roadmap_summaries(ARRAY(SELECT DISTINCT initiative_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM refresh_roadmap_summaries(ARRAY(SELECT DISTINCT initiative_id FROM old_rows));
    ELSE
        PERFORM refresh_roadmap_summaries(ARRAY(SELECT initiative_id FROM new_rows
                                                UNION SELECT initiative_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER initiative_milestones_summarize_insert
    AFTER INSERT ON initiative_milestones REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION initiative_milestones_summarize();
CREATE TRIGGER initiative_milestones_summarize_update
    AFTER UPDATE ON initiative_milestones REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION initiative_milestones_summarize();
CREATE TRIGGER initiative_milestones_summarize_delete
    AFTER DELETE ON initiative_milestones REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION initiative_milestones_summarize();

-- The initiatives of before.
SELECT refresh_roadmap_summaries(ARRAY(SELECT DISTINCT initiative_id FROM initiative_milestones));
