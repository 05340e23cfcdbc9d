-- Evidence files (tài liệu minh chứng, §II.2.3). The bytes live in an object store under
-- their sha256, so the same bytes are kept once (file_blobs); each upload is a `files` row
-- with its own original name, category and attachment. Names are never used as paths.

CREATE TABLE file_blobs (
    sha256      bytea PRIMARY KEY CHECK (length(sha256) = 32),
    size_bytes  bigint NOT NULL CHECK (size_bytes >= 0),
    -- Detected from the content, never from the name.
    media_type  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE files (
    id               uuid PRIMARY KEY,
    sha256           bytea NOT NULL REFERENCES file_blobs (sha256),
    original_name    text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
    category         text NOT NULL CHECK (category IN ('implementation_plan', 'implementing_document',
                                                       'product', 'data', 'photo', 'other')),
    -- The unit whose evidence it is: who may see it follows from here.
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    initiative_id    uuid REFERENCES initiatives (id),
    uploaded_by      uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- Set when the file becomes part of a submitted version: from then on it is never
    -- changed or deleted.
    locked_at        timestamptz
);

CREATE INDEX files_initiative_idx ON files (initiative_id, created_at);
CREATE INDEX files_organization_idx ON files (organization_id, created_at);
CREATE INDEX files_sha256_idx ON files (sha256);

-- A locked file stays as it is.
CREATE FUNCTION files_keep_locked() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.locked_at IS NOT NULL THEN
        RAISE EXCEPTION 'file % belongs to a submitted version and cannot change', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'files_locked';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER files_keep_locked
    BEFORE UPDATE OR DELETE ON files
    FOR EACH ROW EXECUTE FUNCTION files_keep_locked();
