-- Reports (SPEC §5): a unit's phase-1 result (Mẫu 2), periodic progress, self-assessment,
-- year-end summary, and the acceptance report of one initiative. Each answers one milestone
-- of a campaign, follows the outline (sections), carries one row of figures per initiative,
-- and is sent to the campaign's authority like a registration: every sent version is kept.

-- What an acceptance report of the campaign must carry: each inner list is one requirement,
-- met by any one of its categories (§II.2.3: an implementation plan, and data or photos).
ALTER TABLE campaigns
    ADD COLUMN acceptance_evidence jsonb NOT NULL
        DEFAULT '[["implementation_plan"], ["data", "photo"]]'::jsonb
        CHECK (jsonb_typeof(acceptance_evidence) = 'array');

CREATE TABLE reports (
    id                  uuid PRIMARY KEY,
    kind                text NOT NULL CHECK (kind IN ('phase1_result', 'periodic_progress',
                                                      'self_assessment', 'acceptance',
                                                      'year_end_summary')),
    campaign_id         uuid NOT NULL REFERENCES campaigns (id),
    organization_id     uuid NOT NULL REFERENCES organizations (id),
    milestone_id        uuid NOT NULL REFERENCES campaign_milestones (id),
    -- The initiative an acceptance report is about (and only then).
    initiative_id       uuid REFERENCES initiatives (id),
    title               text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
    -- The outline: {"situation": "...", "implementation": "...", ...}.
    sections            jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(sections) = 'object'),
    status              text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'received', 'returned')),
    -- Number of the last submitted version (0: never submitted).
    submitted_versions  integer NOT NULL DEFAULT 0,
    version             integer NOT NULL DEFAULT 1,
    created_by          uuid NOT NULL REFERENCES users (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'acceptance') = (initiative_id IS NOT NULL)),
    -- One report of a kind per unit and milestone (and initiative, for acceptance).
    UNIQUE NULLS NOT DISTINCT (milestone_id, organization_id, kind, initiative_id)
);
CREATE INDEX reports_organization_idx ON reports (organization_id, updated_at DESC);
CREATE INDEX reports_campaign_idx ON reports (campaign_id, status, updated_at DESC);
CREATE INDEX reports_initiative_idx ON reports (initiative_id) WHERE initiative_id IS NOT NULL;

-- The results table: one row per initiative (or per indicator of it) with its figures.
CREATE TABLE report_rows (
    id               uuid PRIMARY KEY,
    report_id        uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    initiative_id    uuid REFERENCES initiatives (id),
    indicator        text NOT NULL CHECK (length(btrim(indicator)) BETWEEN 1 AND 500),
    unit_of_measure  text,
    baseline         double precision,
    target           double precision,
    actual           double precision,
    status_note      text,
    sort_order       integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_rows_report_idx ON report_rows (report_id, sort_order);

-- Every submission frozen: the sections, rows and evidence as sent, whether late, and what
-- the authority decided.
CREATE TABLE report_versions (
    id            uuid PRIMARY KEY,
    report_id     uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    number        integer NOT NULL CHECK (number >= 1),
    submitted_at  timestamptz NOT NULL DEFAULT now(),
    submitted_by  uuid NOT NULL REFERENCES users (id),
    late          boolean NOT NULL,
    due_on        date NOT NULL,
    snapshot      jsonb NOT NULL,
    decision      text CHECK (decision IN ('received', 'returned')),
    decided_at    timestamptz,
    decided_by    uuid REFERENCES users (id),
    reason        text,
    UNIQUE (report_id, number),
    CHECK (decision IS DISTINCT FROM 'returned' OR reason IS NOT NULL)
);

-- Evidence attaches to an initiative, or to a report (and then possibly one of its rows).
ALTER TABLE files
    ADD COLUMN report_id uuid REFERENCES reports (id),
    ADD COLUMN report_row_id uuid REFERENCES report_rows (id),
    ADD CONSTRAINT files_one_owner CHECK (num_nonnulls(initiative_id, report_id) = 1),
    ADD CONSTRAINT files_row_of_report CHECK (report_row_id IS NULL OR report_id IS NOT NULL);
CREATE INDEX files_report_idx ON files (report_id, created_at) WHERE report_id IS NOT NULL;
CREATE INDEX files_report_row_idx ON files (report_row_id) WHERE report_row_id IS NOT NULL;
