-- The annual statistics count one or two reporting years out of every year there is, by the date
-- each figure is counted on; at national scale (3,500 deaths a year) a scan of every year was most
-- of a statistics call.
create index ix_case_file_date_of_death on case_file (date_of_death);
create index ix_case_file_review_completed_on on case_file (review_completed_on);
create index ix_agency_report_request_requested_at on agency_report_request (requested_at);
create index ix_agency_report_request_returned_at on agency_report_request (returned_at);
create index ix_rapid_response_started_at on rapid_response (started_at);
create index ix_case_meeting_scheduled_at on case_meeting (kind, scheduled_at);
create index ix_panel_meeting_held_on on panel_meeting (held_on);
-- The queue looks for reviews awaiting ratification and for deferrals: a few rows among every review ever.
create index ix_cdop_review_outcome on cdop_review (outcome, ratified_at);
