-- The statistics' medians need the days each report took to come back and each review took, over
-- two reporting years of rows; kept by the database beside the dates (UK calendar days), so a
-- report fetches a few hundred counts per day rather than every row's two dates.
alter table agency_report_request add column days_to_return integer generated always as
    (datediff(day, cast(requested_at at time zone 'Europe/London' as date), cast(returned_at at time zone 'Europe/London' as date)));
alter table case_file add column days_to_review integer generated always as
    (datediff(day, date_of_death, review_completed_on));
