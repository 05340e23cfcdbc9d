ALTER TABLE round_assignments DROP COLUMN reminded_at;
ALTER TABLE round_entries
    DROP CONSTRAINT round_entries_selected_only_accepted,
    DROP CONSTRAINT round_entries_decision_has_votes;
ALTER TABLE round_members DROP COLUMN present;
ALTER TABLE evaluation_rounds
    DROP CONSTRAINT evaluation_rounds_published_has_time,
    DROP CONSTRAINT evaluation_rounds_closed_has_time,
    DROP COLUMN published_by,
    DROP COLUMN published_at,
    DROP COLUMN closed_by,
    DROP COLUMN closed_at;
