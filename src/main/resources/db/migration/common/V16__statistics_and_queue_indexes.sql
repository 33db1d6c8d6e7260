-- The annual statistics count one or two reporting years out of every year there is, by the date
-- each figure is counted on; at national scale (3,500 deaths a year) a scan of every year was most
-- of a statistics call.
-- The case import also looks for the same child among existing cases by both dates, then compares
-- the names lowered (ix_case_file_identity leads with the name as written, so it cannot serve that).
create index ix_case_file_dates on case_file (date_of_death, date_of_birth);
create index ix_case_file_review_completed_on on case_file (review_completed_on);
create index ix_agency_report_request_requested_at on agency_report_request (requested_at);
create index ix_agency_report_request_returned_at on agency_report_request (returned_at);
create index ix_rapid_response_started_at on rapid_response (started_at);
create index ix_case_meeting_scheduled_at on case_meeting (kind, scheduled_at);
create index ix_panel_meeting_held_on on panel_meeting (held_on);
-- The queue looks for reviews awaiting ratification and for deferrals: a few rows among every review ever.
create index ix_cdop_review_outcome on cdop_review (outcome, ratified_at);
