-- Cases imported from a CDOP's spreadsheets (uk.cdr.caseimport) are written to the same tables
-- as live ones, so the statistics count them alike. These columns only say where they came from.
alter table case_file add column imported_at timestamp with time zone;
alter table case_file add column imported_by varchar(100);
