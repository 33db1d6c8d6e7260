-- The CDOP queue picks a page of open cases in date of death or reference order: these partial indexes
-- hold only the open cases (a few thousand of a national CDOP's tens of thousands), already in each order,
-- so a page and the count are read from them without sorting (uk.cdr.panel.CdopQueue).
create index ix_case_file_open_by_death on case_file (date_of_death, reporting_year, sequence_in_year)
    where status <> 'CLOSED';
create index ix_case_file_open_by_reference on case_file (reporting_year, sequence_in_year)
    where status <> 'CLOSED';
