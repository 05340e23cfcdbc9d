DROP TABLE score_sheets;
DROP TABLE round_assignments;
DROP TABLE round_entries;
DROP TABLE round_members;
DROP TABLE evaluation_rounds;
DROP TABLE criteria_sets;
