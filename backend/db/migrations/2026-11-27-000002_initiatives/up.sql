-- Initiatives (công trình, mô hình, giải pháp, sáng kiến, cách làm hay) with their authors,
-- roadmap and transition history; the unit's registration (Mẫu 1) with its commitments and
-- every submitted version. The six reform areas of Resolution 76/NQ-CP are a catalogue.

-- unaccent() is STABLE (it reads a dictionary by name); pinned to one dictionary it is
-- immutable in practice, which lets generated columns and indexes use it.
CREATE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE reform_areas (
    code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
    name_vi text NOT NULL,
    name_en text NOT NULL,
    sort_order integer NOT NULL DEFAULT 0,
    valid_from date NOT NULL DEFAULT DATE '2021-01-01',
    valid_to date
);

INSERT INTO reform_areas (code, name_vi, name_en, sort_order) VALUES
    ('institutions', 'Cải cách thể chế', 'Institutional reform', 10),
    ('administrative_procedures', 'Cải cách thủ tục hành chính', 'Administrative procedure reform', 20),
    ('state_apparatus', 'Cải cách tổ chức bộ máy hành chính nhà nước', 'Reform of the state administrative apparatus', 30),
    ('civil_service', 'Cải cách chế độ công vụ', 'Civil service reform', 40),
    ('public_finance', 'Cải cách tài chính công', 'Public finance reform', 50),
    ('digital_government', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 'E-government and digital government', 60);

CREATE TABLE initiatives (
    id uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaigns (id),
    -- The unit that registers and carries it out.
    organization_id uuid NOT NULL REFERENCES organizations (id),
    kind text NOT NULL CHECK (kind IN ('work', 'model', 'solution', 'initiative', 'good_practice')),
    reform_area text NOT NULL REFERENCES reform_areas (code),
    title text NOT NULL CHECK (length(btrim(title)) > 0),
    summary text NOT NULL DEFAULT '',
    problem text NOT NULL DEFAULT '',
    objectives text NOT NULL DEFAULT '',
    approach text NOT NULL DEFAULT '',
    expected_results text NOT NULL DEFAULT '',
    starts_on date,
    ends_on date,
    -- Authored by the unit as a collective (no individual authors).
    collective boolean NOT NULL DEFAULT false,
    status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'returned', 'registered', 'in_progress',
                          'completed', 'accepted', 'not_accepted', 'withdrawn')),
    created_by uuid NOT NULL REFERENCES users (id),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', f_unaccent(title)), 'A')
        || setweight(to_tsvector('simple', f_unaccent(summary)), 'B')
        || setweight(to_tsvector('simple', f_unaccent(problem)), 'C')
    ) STORED,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX initiatives_organization_idx ON initiatives (organization_id, status);
CREATE INDEX initiatives_campaign_idx ON initiatives (campaign_id, status);
CREATE INDEX initiatives_search_idx ON initiatives USING gin (search);

CREATE TABLE initiative_authors (
    initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id),
    contribution_pct smallint NOT NULL CHECK (contribution_pct BETWEEN 1 AND 100),
    sort_order integer NOT NULL DEFAULT 0,
    PRIMARY KEY (initiative_id, user_id)
);
CREATE INDEX initiative_authors_user_idx ON initiative_authors (user_id);

CREATE TABLE initiative_milestones (
    id uuid PRIMARY KEY,
    initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(btrim(title)) > 0),
    due_on date NOT NULL,
    done_on date,
    progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    sort_order integer NOT NULL DEFAULT 0,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX initiative_milestones_initiative_idx ON initiative_milestones (initiative_id, due_on);
-- Overdue milestones are those not done past their day: found by this partial index.
CREATE INDEX initiative_milestones_open_idx ON initiative_milestones (due_on) WHERE done_on IS NULL;

CREATE TABLE initiative_transitions (
    id bigserial PRIMARY KEY,
    initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    action text NOT NULL,
    from_status text NOT NULL,
    to_status text NOT NULL,
    actor_user_id uuid NOT NULL REFERENCES users (id),
    reason text,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX initiative_transitions_initiative_idx ON initiative_transitions (initiative_id, id);

CREATE TABLE registrations (
    id uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaigns (id),
    organization_id uuid NOT NULL REFERENCES organizations (id),
    status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'received', 'returned')),
    -- Number of the last submitted version (0: never submitted).
    submitted_versions integer NOT NULL DEFAULT 0,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, organization_id)
);
CREATE INDEX registrations_organization_idx ON registrations (organization_id);

CREATE TABLE registration_commitments (
    id uuid PRIMARY KEY,
    registration_id uuid NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    shortcoming text NOT NULL CHECK (length(btrim(shortcoming)) > 0),
    commitment text NOT NULL CHECK (length(btrim(commitment)) > 0),
    target_date date,
    status text NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'done', 'not_done')),
    sort_order integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_commitments_registration_idx ON registration_commitments (registration_id, sort_order);

-- Every submission is frozen as a version: what was sent, when, whether late, and what the
-- authority decided.
CREATE TABLE registration_versions (
    id uuid PRIMARY KEY,
    registration_id uuid NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    number integer NOT NULL CHECK (number >= 1),
    submitted_at timestamptz NOT NULL DEFAULT now(),
    submitted_by uuid NOT NULL REFERENCES users (id),
    late boolean NOT NULL,
    due_on date NOT NULL,
    snapshot jsonb NOT NULL,
    decision text CHECK (decision IN ('received', 'returned')),
    decided_at timestamptz,
    decided_by uuid REFERENCES users (id),
    reason text,
    UNIQUE (registration_id, number)
);
