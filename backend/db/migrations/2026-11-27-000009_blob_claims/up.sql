-- Bytes that no upload names any more are collected. An upload claims its blob (sets
-- claimed_at, holding the row's lock) before it publishes the bytes and names them, and the
-- collector takes only blobs unclaimed for an hour and not locked: so it never deletes bytes
-- an upload is about to name.
ALTER TABLE file_blobs ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX file_blobs_claimed_idx ON file_blobs (claimed_at);
