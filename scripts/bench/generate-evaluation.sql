-- An evaluation round at city scale for `make bench`, after scripts/bench/generate.sql.
--
--   psql -v ON_ERROR_STOP=1 -v n_entries=2000 -v n_sheets=50000 \
--        -f scripts/bench/generate-evaluation.sql DATABASE_URL
--
-- One round of the Q1 authority committee (organised by Q1, so that the authority officer
-- noivu.quan1 manages it) over campaign 175/KH-UBND with the seeded criteria set
-- 'seed-selection' v1, aggregation 'mean', scoring under way:
--   * n_entries generated initiatives of Q1 units (under way or completed, as the round
--     would accept them), registered in the order they were created (sort_order 1, 2, …);
--   * a committee of generated users: one chair, one secretary (who does not score) and
--     enough members that every entry has its evaluators among the scorers;
--   * n_sheets assignments spread evenly over the entries (25 each by default), none to an
--     author of the initiative nor to someone of its own unit (the conflict rule);
--   * a submitted sheet for every assignment: a score in [0, max_points] for each scored
--     criterion (around a quality drawn per initiative), the gate passed — except that on
--     a few initiatives (a 4 % chance each: 57 of the 2,000 with this seed) two evaluators
--     fail it, which makes them ineligible.
-- The same round serves both workloads: its results aggregate n_sheets sheets, its board
-- lists n_entries entries with their evaluators.
-- Identifiers are md5-derived UUIDs ('thidua-bench-round-board', 'thidua-bench-entry-42' …).

\set ON_ERROR_STOP on
SET synchronous_commit = off;
SELECT setseed(0.5);

\timing on

BEGIN;

CREATE TEMP TABLE bench_round AS
SELECT md5('thidua-bench-round-board')::uuid AS id,
       (SELECT id FROM organizations WHERE code = 'Q1') AS q1,
       (SELECT id FROM campaigns WHERE code = '175/KH-UBND' ORDER BY year DESC LIMIT 1) AS campaign,
       (SELECT id FROM users WHERE username = 'noivu.quan1') AS organiser,
       (SELECT id FROM criteria_sets WHERE code = 'seed-selection' AND version = 1) AS criteria_set,
       :n_entries::int AS n_entries,
       :n_sheets::int AS n_sheets,
       -- Evaluators per entry: n_sheets / n_entries, the remainder one more on the first.
       ceil(:n_sheets::numeric / :n_entries)::int AS per_entry_max,
       -- Scorers: enough for every entry, and 14 more so that the sets differ.
       ceil(:n_sheets::numeric / :n_entries)::int + 14 AS n_scorers,
       now() - interval '30 days' AS created_at;

DO $$
BEGIN
    IF (SELECT q1 IS NULL OR campaign IS NULL OR organiser IS NULL OR criteria_set IS NULL
          FROM bench_round) THEN
        RAISE EXCEPTION 'run `thidua seed-demo` first: Q1, campaign 175/KH-UBND, noivu.quan1 or criteria set seed-selection v1 missing';
    END IF;
    IF (SELECT n_entries < 1 OR n_sheets < n_entries FROM bench_round) THEN
        RAISE EXCEPTION 'n_entries must be at least 1 and n_sheets at least n_entries';
    END IF;
END;
$$;

-- The criteria of the set (codes, maxima, gates), from the catalogue itself.
CREATE TEMP TABLE bench_criteria AS
SELECT c.n, c.value ->> 'code' AS code, (c.value ->> 'max_points')::numeric AS max_points,
       (c.value ->> 'gate')::boolean AS gate
  FROM bench_round r
  JOIN criteria_sets s ON s.id = r.criteria_set
 CROSS JOIN LATERAL jsonb_array_elements(s.criteria) WITH ORDINALITY AS c (value, n);

-- ── the committee: generated users of generated units (not wards) ───────────
-- k = 1 the chair, k = 2 the secretary, the others members; the scorers are everyone but
-- the secretary, numbered s = 0 … n_scorers - 1.
CREATE TEMP TABLE bench_committee AS
SELECT u.id AS user_id, u.organization_id, c.k,
       CASE c.k WHEN 1 THEN 'chair' WHEN 2 THEN 'secretary' ELSE 'member' END AS role,
       CASE WHEN c.k = 1 THEN 0 WHEN c.k > 2 THEN c.k - 2 END AS s
  FROM (SELECT u.id, row_number() OVER (ORDER BY u.username) AS k
          FROM users u
          JOIN organizations o ON o.id = u.organization_id
         WHERE u.username LIKE 'bench.u%' AND u.is_active AND o.code LIKE 'BQ1-U%'
         ORDER BY u.username
         LIMIT (SELECT n_scorers + 1 FROM bench_round)) AS c
  JOIN users u ON u.id = c.id;

DO $$
BEGIN
    IF (SELECT count(*) FROM bench_committee) < (SELECT n_scorers + 1 FROM bench_round) THEN
        RAISE EXCEPTION 'not enough generated users for a committee of % (run generate.sql first)',
            (SELECT n_scorers + 1 FROM bench_round);
    END IF;
END;
$$;

-- ── the entries: generated initiatives of Q1 units, free of conflicts ────────
-- Not carried out by a committee member's unit (nor an ancestor of it: generated
-- initiatives belong to units, never wards), not created or authored by a member.
CREATE TEMP TABLE bench_entries AS
SELECT md5('thidua-bench-entry-' || e.n)::uuid AS id, e.initiative_id, e.n,
       -- Evaluators of this entry: n_sheets spread evenly, the remainder on the first.
       (r.n_sheets / r.n_entries + CASE WHEN e.n <= r.n_sheets % r.n_entries THEN 1 ELSE 0 END)::int
           AS n_evaluators,
       -- The initiative's quality (its evaluators score around it) and whether two of
       -- them fail its gate.
       0.35 + 0.6 * random() AS quality,
       random() < 0.04 AS gate_fails
  FROM (SELECT p.id AS initiative_id, row_number() OVER (ORDER BY p.created_at, p.id) AS n
          FROM (SELECT i.id, i.created_at
                  FROM initiatives i
                  JOIN organizations o ON o.id = i.organization_id
                 WHERE i.campaign_id = (SELECT campaign FROM bench_round)
                   AND i.status IN ('registered', 'in_progress', 'completed')
                   AND o.code LIKE 'BQ1-U%'
                   AND i.organization_id NOT IN (SELECT organization_id FROM bench_committee)
                   AND i.created_by NOT IN (SELECT user_id FROM bench_committee)
                   AND NOT EXISTS (SELECT 1 FROM initiative_authors a
                                    WHERE a.initiative_id = i.id
                                      AND a.user_id IN (SELECT user_id FROM bench_committee))
                 -- A spread, repeatable sample (not only the oldest).
                 ORDER BY md5(i.id::text)
                 LIMIT (SELECT n_entries FROM bench_round)) AS p) AS e,
       bench_round r
 ORDER BY e.n;

DO $$
BEGIN
    IF (SELECT count(*) FROM bench_entries) < (SELECT n_entries FROM bench_round) THEN
        RAISE EXCEPTION 'only % generated initiatives can enter the round, % wanted',
            (SELECT count(*) FROM bench_entries), (SELECT n_entries FROM bench_round);
    END IF;
END;
$$;

-- ── the round, its committee, entries, assignments and sheets ────────────────
INSERT INTO evaluation_rounds (id, campaign_id, level, organization_id, title, criteria_set_id,
                               aggregation, evaluators_per_initiative, scoring_opens_on,
                               scoring_closes_on, meeting_on, meeting_place, status, version,
                               created_by, created_at, updated_at)
SELECT r.id, r.campaign, 'authority_committee', r.q1,
       'Hội đồng đánh giá sáng kiến cải cách hành chính Quận 1 (dữ liệu thử tải)',
       r.criteria_set, 'mean', least(r.per_entry_max, 20),
       current_date - 20, current_date + 10, current_date + 20, 'Ủy ban nhân dân Quận 1',
       'scoring', 1, r.organiser, r.created_at, r.created_at
  FROM bench_round r;

INSERT INTO round_members (round_id, user_id, role)
SELECT r.id, c.user_id, c.role
  FROM bench_committee c, bench_round r;

INSERT INTO round_entries (id, round_id, initiative_id, sort_order, added_by, created_at)
SELECT e.id, r.id, e.initiative_id, e.n, r.organiser, r.created_at + e.n * interval '1 ms'
  FROM bench_entries e, bench_round r;

-- Evaluator j of entry n is scorer (7n + j) mod n_scorers: distinct within an entry (there
-- are more scorers than evaluators per entry), the loads even across the round.
CREATE TEMP TABLE bench_assignments AS
SELECT md5('thidua-bench-assignment-' || e.n || '-' || j)::uuid AS id, e.id AS entry_id, e.n, j,
       c.user_id AS evaluator_id, e.quality, e.gate_fails AND j < 2 AS fails_gate,
       r.created_at + interval '1 day' + e.n * interval '1 s' + j * interval '1 ms' AS created_at
  FROM bench_entries e
 CROSS JOIN bench_round r
 CROSS JOIN LATERAL generate_series(0, e.n_evaluators - 1) AS j
  JOIN bench_committee c ON c.s = (7 * e.n + j) % r.n_scorers;

INSERT INTO round_assignments (id, entry_id, evaluator_id, assigned_by, created_at)
SELECT a.id, a.entry_id, a.evaluator_id, r.organiser, a.created_at
  FROM bench_assignments a, bench_round r;

INSERT INTO score_sheets (assignment_id, scores, gates, comments, overall_comment, status,
                          submitted_at, version, updated_at)
SELECT a.id, sc.scores, g.gates, '{}'::jsonb,
       CASE WHEN a.j = 0 THEN 'Sáng kiến có tính thực tiễn, cần bổ sung số liệu sau áp dụng.' END,
       'submitted', a.created_at + interval '5 days' + a.j * interval '1 min', 2,
       a.created_at + interval '5 days' + a.j * interval '1 min'
  FROM bench_assignments a
 CROSS JOIN LATERAL (
       SELECT jsonb_object_agg(c.code, round(least(c.max_points, greatest(0,
                  c.max_points * (a.quality + (random() - 0.5) * 0.3)))))
                  AS scores
         FROM bench_criteria c
        WHERE NOT c.gate) AS sc
 CROSS JOIN LATERAL (
       SELECT COALESCE(jsonb_object_agg(c.code, NOT a.fails_gate), '{}'::jsonb) AS gates
         FROM bench_criteria c
        WHERE c.gate) AS g;

COMMIT;

ANALYZE evaluation_rounds, round_members, round_entries, round_assignments, score_sheets;

SELECT (SELECT id FROM bench_round) AS round,
       (SELECT count(*) FROM round_members WHERE round_id = (SELECT id FROM bench_round)) AS committee,
       (SELECT count(*) FROM round_entries WHERE round_id = (SELECT id FROM bench_round)) AS entries,
       (SELECT count(*) FROM round_assignments a JOIN round_entries e ON e.id = a.entry_id
         WHERE e.round_id = (SELECT id FROM bench_round)) AS assignments,
       (SELECT count(*) FROM score_sheets s JOIN round_assignments a ON a.id = s.assignment_id
          JOIN round_entries e ON e.id = a.entry_id
         WHERE e.round_id = (SELECT id FROM bench_round) AND s.status = 'submitted') AS submitted_sheets,
       (SELECT count(DISTINCT a.entry_id) FROM bench_assignments a WHERE a.fails_gate) AS gate_failed_entries;
