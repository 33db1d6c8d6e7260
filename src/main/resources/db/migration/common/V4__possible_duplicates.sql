-- A notification that matches an open case waits, without a case, for the SPOC to merge it into
-- that case or confirm it as a distinct death. It is kept either way: never silently dropped.
alter table notification alter column case_id drop not null;
alter table notification add column status varchar(30) default 'RECORDED' not null;
alter table notification add column possible_duplicate_of uuid;
alter table notification add column matched_on varchar(100);
alter table notification add column duplicate_resolved_by varchar(100);
alter table notification add column duplicate_resolved_at timestamp with time zone;
alter table notification add constraint fk_notification_possible_duplicate
    foreign key (possible_duplicate_of) references case_file (id);
create index ix_case_file_status on case_file (status);
