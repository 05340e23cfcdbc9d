-- Evaluation rounds, second part (issue 5): the committee's meeting and its outcome.

-- Closing records the meeting (who attended) and who closed it; publishing makes the
-- aggregates and decisions visible to the units and the authors.
ALTER TABLE evaluation_rounds
    ADD COLUMN closed_at     timestamptz,
    ADD COLUMN closed_by     uuid REFERENCES users (id),
    ADD COLUMN published_at  timestamptz,
    ADD COLUMN published_by  uuid REFERENCES users (id),
    ADD CONSTRAINT evaluation_rounds_closed_has_time
        CHECK (status NOT IN ('closed', 'published') OR closed_at IS NOT NULL),
    ADD CONSTRAINT evaluation_rounds_published_has_time
        CHECK ((status = 'published') = (published_at IS NOT NULL));

-- Attendance at the committee's meeting (NULL until the round is closed).
ALTER TABLE round_members ADD COLUMN present boolean;

-- A decision carries its vote; only an accepted initiative can be proposed for an award.
ALTER TABLE round_entries
    ADD CONSTRAINT round_entries_decision_has_votes
        CHECK (decision IS NULL OR (votes_for IS NOT NULL AND votes_against IS NOT NULL
                                    AND votes_abstain IS NOT NULL AND decided_at IS NOT NULL)),
    ADD CONSTRAINT round_entries_selected_only_accepted
        CHECK (NOT selected_for_award OR decision = 'accepted');

-- The chair's last reminder to an evaluator whose sheet is still due.
ALTER TABLE round_assignments ADD COLUMN reminded_at timestamptz;
