-- The evaluation version: grows whenever anything a round's results are computed from
-- changes (its committee, entries, assignments, sheets, decisions, the round itself). The
-- server caches a round's results under data_version + evaluation_version (the results also
-- show initiatives' titles and units), read before computing them, exactly as the initiative
-- aggregates are cached (migration 000004, backend/api/src/cache.rs). A separate sequence, so
-- that scoring does not empty the initiative caches.
CREATE SEQUENCE evaluation_version;
-- A sequence's first nextval returns its start without changing last_value: start them
-- "called", so that the first bump is seen. (data_version had the same first-bump blind spot.)
SELECT setval('evaluation_version', 1, true);
SELECT setval('data_version', last_value, true) FROM data_version WHERE NOT is_called;

CREATE FUNCTION bump_evaluation_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('evaluation_version');
    RETURN NULL;
END
$$;

CREATE TRIGGER evaluation_rounds_evaluation_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evaluation_rounds
    FOR EACH STATEMENT EXECUTE FUNCTION bump_evaluation_version();
CREATE TRIGGER round_members_evaluation_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON round_members
    FOR EACH STATEMENT EXECUTE FUNCTION bump_evaluation_version();
CREATE TRIGGER round_entries_evaluation_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON round_entries
    FOR EACH STATEMENT EXECUTE FUNCTION bump_evaluation_version();
CREATE TRIGGER round_assignments_evaluation_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON round_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_evaluation_version();
CREATE TRIGGER score_sheets_evaluation_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON score_sheets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_evaluation_version();
CREATE TRIGGER criteria_sets_evaluation_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON criteria_sets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_evaluation_version();
