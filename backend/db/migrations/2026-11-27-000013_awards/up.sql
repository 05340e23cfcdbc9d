-- Awards and replication (SPEC §7–9): the award-form catalogue (dated data, never enums),
-- the ratings and records eligibility rests on, nominations with their dossier, the decisions
-- that grant them, the public showcase of typical models and the units replicating them.

CREATE TABLE award_forms (
    id                 uuid PRIMARY KEY,
    code               text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
    name_vi            text NOT NULL CHECK (length(btrim(name_vi)) BETWEEN 1 AND 500),
    name_en            text NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 500),
    -- Which tier grants it: unit, ward, district, city, national.
    level              text NOT NULL CHECK (level IN ('unit', 'ward', 'district', 'city', 'national')),
    -- Who grants it, in words ("Chủ tịch Ủy ban nhân dân Quận 1"), and the organisation when it
    -- is one of ours (a ward chairman's form is granted by whichever ward).
    granting_authority text NOT NULL CHECK (length(btrim(granting_authority)) BETWEEN 1 AND 500),
    granting_organization_id uuid REFERENCES organizations (id),
    -- What it may be given to.
    nominee_kinds      text[] NOT NULL CHECK (nominee_kinds <@ ARRAY['initiative', 'person', 'unit']
                                              AND cardinality(nominee_kinds) > 0),
    valid_from         date NOT NULL,
    valid_to           date CHECK (valid_to IS NULL OR valid_to >= valid_from),
    -- Dossiers for the year Y close on (Y, deadline_month, deadline_day), e.g. 05/12 for the city.
    deadline_month     smallint CHECK (deadline_month BETWEEN 1 AND 12),
    deadline_day       smallint CHECK (deadline_day BETWEEN 1 AND 31),
    sort_order         integer NOT NULL DEFAULT 0,
    version            integer NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((deadline_month IS NULL) = (deadline_day IS NULL))
);

INSERT INTO award_forms (id, code, name_vi, name_en, level, granting_authority, nominee_kinds,
                         valid_from, valid_to, deadline_month, deadline_day, sort_order) VALUES
('018c5e2b-0000-7000-8000-000000000001', 'giay-khen-chu-tich-ubnd-quan-1',
 'Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1',
 'Certificate of merit of the chairman of the District 1 People''s Committee',
 'district', 'Chủ tịch Ủy ban nhân dân Quận 1', ARRAY['initiative', 'person', 'unit'],
 '2016-01-01', '2025-06-30', NULL, NULL, 10),
('018c5e2b-0000-7000-8000-000000000002', 'giay-khen-chu-tich-ubnd-phuong',
 'Giấy khen của Chủ tịch Ủy ban nhân dân phường',
 'Certificate of merit of a ward People''s Committee chairman',
 'ward', 'Chủ tịch Ủy ban nhân dân phường', ARRAY['initiative', 'person', 'unit'],
 '2025-07-01', NULL, NULL, NULL, 20),
('018c5e2b-0000-7000-8000-000000000003', 'bang-khen-chu-tich-ubnd-thanh-pho',
 'Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
 'Certificate of merit of the chairman of the Ho Chi Minh City People''s Committee',
 'city', 'Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh', ARRAY['initiative', 'person', 'unit'],
 '2016-01-01', NULL, 12, 5, 30),
('018c5e2b-0000-7000-8000-000000000004', 'giai-thuong-sang-tao-tphcm-linh-vuc-3',
 'Giải thưởng Sáng tạo Thành phố Hồ Chí Minh — Lĩnh vực 3: Quản lý nhà nước',
 'Ho Chi Minh City Creativity Award — field 3: state management',
 'city', 'Ủy ban nhân dân Thành phố Hồ Chí Minh', ARRAY['initiative'],
 '2016-01-01', NULL, 12, 5, 40);

-- Ratings: a person's annual rating (year) and quarterly emulation ratings (q1..q4), four levels.
CREATE TABLE staff_ratings (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id),
    year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    period       text NOT NULL CHECK (period IN ('year', 'q1', 'q2', 'q3', 'q4')),
    rating       text NOT NULL CHECK (rating IN ('excellent', 'good', 'completed', 'not_completed')),
    note         text CHECK (note IS NULL OR length(note) <= 2000),
    recorded_by  uuid NOT NULL REFERENCES users (id),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, year, period)
);

-- A unit's collective rating for a year.
CREATE TABLE unit_ratings (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    rating           text NOT NULL CHECK (rating IN ('excellent', 'good', 'completed', 'not_completed')),
    decision_ref     text CHECK (decision_ref IS NULL OR length(decision_ref) <= 200),
    note             text CHECK (note IS NULL OR length(note) <= 2000),
    recorded_by      uuid NOT NULL REFERENCES users (id),
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, year)
);

-- Violations of the law, the code of conduct or public ethics, or harassment of citizens or
-- businesses (§II.3.2), with the discipline decided if any. Read only by the person's unit
-- head, the authority and administrators; every read is audited.
CREATE TABLE violation_records (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id),
    occurred_on   date NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('law', 'code_of_conduct', 'public_ethics', 'harassment')),
    description   text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 5000),
    discipline    text NOT NULL DEFAULT 'none'
        CHECK (discipline IN ('none', 'reprimand', 'warning', 'salary_demotion', 'demotion',
                              'dismissal', 'forced_resignation')),
    decision_ref  text CHECK (decision_ref IS NULL OR length(decision_ref) <= 200),
    decided_on    date,
    recorded_by   uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX violation_records_user_idx ON violation_records (user_id, occurred_on);

CREATE TABLE award_decisions (
    id               uuid PRIMARY KEY,
    -- Số và ký hiệu, e.g. 1234/QĐ-UBND.
    number           text NOT NULL CHECK (number ~ '^[0-9]+/[^\s/]+(/[^\s/]+)*$' AND length(number) <= 100),
    signed_on        date NOT NULL,
    signer_name      text NOT NULL CHECK (length(btrim(signer_name)) BETWEEN 1 AND 200),
    signer_title     text NOT NULL CHECK (length(btrim(signer_title)) BETWEEN 1 AND 200),
    -- The authority that issued it.
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    ceremony_on      date,
    ceremony_note    text CHECK (ceremony_note IS NULL OR length(ceremony_note) <= 500),
    created_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, number)
);

CREATE TABLE nominations (
    id                  uuid PRIMARY KEY,
    award_form_id       uuid NOT NULL REFERENCES award_forms (id),
    -- The emulation year the achievements belong to.
    year                integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    nominee_kind        text NOT NULL CHECK (nominee_kind IN ('initiative', 'person', 'unit')),
    initiative_id       uuid REFERENCES initiatives (id),
    nominee_user_id     uuid REFERENCES users (id),
    nominee_organization_id uuid REFERENCES organizations (id),
    -- The unit whose head proposes it.
    organization_id     uuid NOT NULL REFERENCES organizations (id),
    -- Tờ trình and báo cáo thành tích.
    proposal            text NOT NULL DEFAULT '' CHECK (length(proposal) <= 20000),
    achievements        text NOT NULL DEFAULT '' CHECK (length(achievements) <= 50000),
    status              text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'decided')),
    submitted_at        timestamptz,
    submitted_by        uuid REFERENCES users (id),
    -- The date eligibility is judged on once submitted (Vietnam's date of submitted_at).
    submitted_on        date,
    reviewed_at         timestamptz,
    reviewed_by         uuid REFERENCES users (id),
    rejection_reason    text,
    override_rule       text,
    override_reason     text,
    override_by         uuid REFERENCES users (id),
    override_at         timestamptz,
    award_decision_id   uuid REFERENCES award_decisions (id),
    version             integer NOT NULL DEFAULT 1,
    created_by          uuid NOT NULL REFERENCES users (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((nominee_kind = 'initiative') = (initiative_id IS NOT NULL)),
    CHECK ((nominee_kind = 'person') = (nominee_user_id IS NOT NULL)),
    CHECK ((nominee_kind = 'unit') = (nominee_organization_id IS NOT NULL)),
    CHECK ((override_rule IS NULL) = (override_reason IS NULL)),
    CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL),
    CHECK ((status = 'decided') = (award_decision_id IS NOT NULL)),
    CHECK (status = 'draft' OR submitted_on IS NOT NULL)
);
CREATE INDEX nominations_organization_idx ON nominations (organization_id, year);
CREATE INDEX nominations_initiative_idx ON nominations (initiative_id) WHERE initiative_id IS NOT NULL;
CREATE INDEX nominations_user_idx ON nominations (nominee_user_id) WHERE nominee_user_id IS NOT NULL;
CREATE INDEX nominations_decision_idx ON nominations (award_decision_id) WHERE award_decision_id IS NOT NULL;

-- Evidence chosen from the file store for the dossier.
CREATE TABLE nomination_files (
    nomination_id  uuid NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
    file_id        uuid NOT NULL REFERENCES files (id),
    sort_order     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (nomination_id, file_id)
);

-- A model recognised as typical (điển hình tiên tiến), published for everyone to read.
CREATE TABLE showcase_models (
    id             uuid PRIMARY KEY,
    initiative_id  uuid NOT NULL UNIQUE REFERENCES initiatives (id),
    summary        text NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 5000),
    results        text NOT NULL CHECK (length(btrim(results)) BETWEEN 1 AND 10000),
    recognized_on  date NOT NULL,
    published_by   uuid NOT NULL REFERENCES users (id),
    published_at   timestamptz NOT NULL DEFAULT now(),
    -- Diacritic-free search over the public text (title, unit, summary, results).
    search_text    text NOT NULL DEFAULT ''
);

-- Evidence chosen for publication.
CREATE TABLE showcase_files (
    model_id    uuid NOT NULL REFERENCES showcase_models (id) ON DELETE CASCADE,
    file_id     uuid NOT NULL REFERENCES files (id),
    caption     text CHECK (caption IS NULL OR length(caption) <= 500),
    sort_order  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (model_id, file_id)
);

CREATE TABLE replications (
    id               uuid PRIMARY KEY,
    model_id         uuid NOT NULL REFERENCES showcase_models (id),
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    planned_from     date NOT NULL,
    planned_to       date NOT NULL CHECK (planned_to >= planned_from),
    status           text NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'adopted', 'abandoned')),
    adaptation_notes text NOT NULL DEFAULT '' CHECK (length(adaptation_notes) <= 10000),
    -- [{label, unit, before, after}]
    figures          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(figures) = 'array'),
    version          integer NOT NULL DEFAULT 1,
    created_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (model_id, organization_id)
);
CREATE INDEX replications_organization_idx ON replications (organization_id);
