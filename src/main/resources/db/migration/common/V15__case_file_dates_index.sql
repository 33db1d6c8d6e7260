-- The case import looks for the same child among existing cases by both dates, then compares the
-- names lowered; ix_case_file_identity leads with the name as written, so it cannot serve that.
create index ix_case_file_dates on case_file (date_of_death, date_of_birth);
