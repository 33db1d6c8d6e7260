-- Each CDOP review has its own process instance (cdopReview): the process finds its review from this
-- row, never from a variable. Reviews opened before this column are filled in at start-up
-- (uk.cdr.panel.CdopReviewProcesses).
alter table cdop_review add column process_instance_id varchar(64);
create index ix_cdop_review_process on cdop_review (process_instance_id);
