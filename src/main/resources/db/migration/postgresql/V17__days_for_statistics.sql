-- The statistics' medians need the days each report took to come back and each review took, over
-- two reporting years of rows; kept by the database beside the dates (UK calendar days), so a
-- report fetches a few hundred counts per day rather than every row's two dates.
alter table agency_report_request add column days_to_return integer generated always as
    ((returned_at at time zone 'Europe/London')::date - (requested_at at time zone 'Europe/London')::date) stored;
alter table case_file add column days_to_review integer generated always as
    (review_completed_on - date_of_death) stored;
