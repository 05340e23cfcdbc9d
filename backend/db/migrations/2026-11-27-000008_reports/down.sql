ALTER TABLE files DROP CONSTRAINT files_row_of_report, DROP CONSTRAINT files_one_owner,
    DROP COLUMN report_row_id, DROP COLUMN report_id;
DROP TABLE report_versions;
DROP TABLE report_rows;
DROP TABLE reports;
ALTER TABLE campaigns DROP COLUMN acceptance_evidence;
