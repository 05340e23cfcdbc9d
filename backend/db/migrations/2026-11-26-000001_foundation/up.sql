-- Foundation: organisations as a dated tree, users and role grants, refresh tokens and login
-- throttling, campaigns with milestones and per-unit deadline extensions, and the append-only
-- audit log. Catalogue-like facts (organisation kinds) are rows, not enums, so that the
-- administrative map can change (SPEC §2) without a release.

-- unaccent is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE organization_kinds (
    code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
    name_vi text NOT NULL,
    name_en text NOT NULL,
    sort_order integer NOT NULL DEFAULT 0
);

INSERT INTO organization_kinds (code, name_vi, name_en, sort_order) VALUES
    ('city', 'Thành phố trực thuộc Trung ương', 'Centrally governed city', 10),
    ('district', 'Quận, huyện', 'District', 20),
    ('ward', 'Phường, xã', 'Ward or commune', 30),
    ('department', 'Phòng, ban chuyên môn', 'Specialised department', 40),
    ('steering_committee', 'Ban Chỉ đạo', 'Steering committee', 50),
    ('school', 'Trường học', 'School', 60),
    ('public_service_unit', 'Đơn vị sự nghiệp công lập', 'Public service unit', 70),
    ('agency', 'Cơ quan hành chính', 'Administrative agency', 80);

CREATE TABLE organizations (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    short_name text,
    kind text NOT NULL REFERENCES organization_kinds (code),
    parent_id uuid REFERENCES organizations (id),
    -- Ancestors from the root down to and including this organisation; kept by triggers so
    -- that "is X inside Y's subtree" is one array containment test.
    path uuid[] NOT NULL DEFAULT '{}',
    valid_from date NOT NULL,
    valid_to date,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX organizations_parent_idx ON organizations (parent_id);
CREATE INDEX organizations_path_idx ON organizations USING gin (path);

CREATE FUNCTION organizations_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_path uuid[];
BEGIN
    IF NEW.parent_id IS NULL THEN
        NEW.path := ARRAY[NEW.id];
    ELSE
        SELECT path INTO parent_path FROM organizations WHERE id = NEW.parent_id;
        IF parent_path IS NULL THEN
            RAISE EXCEPTION 'parent organisation % does not exist', NEW.parent_id
                USING ERRCODE = 'foreign_key_violation';
        END IF;
        IF NEW.id = ANY (parent_path) THEN
            RAISE EXCEPTION 'organisation % cannot be placed under its own descendant', NEW.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_no_cycle';
        END IF;
        NEW.path := parent_path || NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER organizations_set_path_ins BEFORE INSERT ON organizations
    FOR EACH ROW EXECUTE FUNCTION organizations_set_path();
CREATE TRIGGER organizations_set_path_upd BEFORE UPDATE OF parent_id ON organizations
    FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
    EXECUTE FUNCTION organizations_set_path();

CREATE FUNCTION organizations_move_subtree() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organizations
       SET path = NEW.path || path[array_position(path, NEW.id) + 1:]
     WHERE path @> ARRAY[NEW.id] AND id <> NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER organizations_move_subtree AFTER UPDATE OF parent_id ON organizations
    FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
    EXECUTE FUNCTION organizations_move_subtree();

CREATE TABLE users (
    id uuid PRIMARY KEY,
    username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
    email text,
    position text,
    organization_id uuid NOT NULL REFERENCES organizations (id),
    password_hash text NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_organization_idx ON users (organization_id);

CREATE TABLE role_grants (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('staff', 'unit_focal', 'unit_head', 'evaluator',
                                       'authority_officer', 'admin')),
    -- The root of the subtree the role applies to.
    organization_id uuid NOT NULL REFERENCES organizations (id),
    granted_by uuid REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, role, organization_id)
);
CREATE INDEX role_grants_organization_idx ON role_grants (organization_id);

CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY,
    -- All tokens descending from one login share a family; re-use of a rotated token
    -- revokes the whole family (the token was stolen or the client is confused).
    family_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE,
    issued_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Failed logins per submitted user name (existing or not, so that throttling does not reveal
-- which accounts exist).
CREATE TABLE login_throttles (
    username text PRIMARY KEY,
    failures integer NOT NULL DEFAULT 0,
    first_failure_at timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz
);

CREATE TABLE campaigns (
    id uuid PRIMARY KEY,
    code text NOT NULL CHECK (length(btrim(code)) > 0),
    title text NOT NULL CHECK (length(btrim(title)) > 0),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    theme text,
    issued_on date NOT NULL,
    organization_id uuid NOT NULL REFERENCES organizations (id),
    parent_campaign_id uuid REFERENCES campaigns (id),
    status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'open', 'closed', 'archived')),
    content_items jsonb NOT NULL DEFAULT '[]',
    created_by uuid REFERENCES users (id),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, year, code)
);
CREATE INDEX campaigns_organization_idx ON campaigns (organization_id);
CREATE INDEX campaigns_parent_idx ON campaigns (parent_campaign_id);

CREATE TABLE campaign_milestones (
    id uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('registration', 'phase1_report', 'phase2_acceptance',
                                       'self_assessment', 'award_dossier', 'unit_selection',
                                       'replication', 'other')),
    title text NOT NULL CHECK (length(btrim(title)) > 0),
    starts_on date,
    due_on date NOT NULL,
    late_policy text NOT NULL DEFAULT 'accept_late'
        CHECK (late_policy IN ('accept_late', 'refuse')),
    sort_order integer NOT NULL DEFAULT 0,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_on IS NULL OR starts_on <= due_on)
);
CREATE INDEX campaign_milestones_campaign_idx ON campaign_milestones (campaign_id, due_on);

CREATE TABLE deadline_extensions (
    id uuid PRIMARY KEY,
    milestone_id uuid NOT NULL REFERENCES campaign_milestones (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id),
    due_on date NOT NULL,
    reason text NOT NULL CHECK (length(btrim(reason)) > 0),
    granted_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (milestone_id, organization_id)
);
CREATE INDEX deadline_extensions_organization_idx ON deadline_extensions (organization_id);

CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_user_id uuid,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid,
    organization_id uuid,
    request_id text,
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
