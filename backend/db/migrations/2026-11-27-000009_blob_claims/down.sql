DROP INDEX file_blobs_claimed_idx;
ALTER TABLE file_blobs DROP COLUMN claimed_at;
