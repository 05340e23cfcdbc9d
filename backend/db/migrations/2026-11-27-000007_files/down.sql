DROP TRIGGER files_keep_locked ON files;
DROP FUNCTION files_keep_locked();
DROP TABLE files;
DROP TABLE file_blobs;
