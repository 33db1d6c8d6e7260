-- The CDOP queue's orders (see the PostgreSQL migration of the same number, whose indexes are partial: H2 has
-- no partial indexes, so these hold every case).
create index ix_case_file_open_by_death on case_file (date_of_death, reporting_year, sequence_in_year);
create index ix_case_file_open_by_reference on case_file (reporting_year, sequence_in_year);
