-- The statutory guidance a case is reviewed under (issue 17): '2013' (Working Together, domain.md) or
-- '2018' (Child Death Review Statutory and Operational Guidance, domain-2018.md). A case keeps the
-- edition it was opened under; every case recorded before editions existed followed the 2013 process.
alter table case_file add column edition varchar(4) default '2013' not null;
create index ix_case_file_edition_year on case_file (edition, reporting_year);

-- What only the 2018 process records, one row per 2018 case. The Joint Agency Response's meetings and
-- the Child Death Review Meeting use the rapid response and final case discussion records, as the
-- 2018 guidance renamed those stages; expected or unexpected stays case_file.death_classification.
create table case_review_2018 (
    case_id uuid primary key references case_file (id),
    -- The Designated Doctor's Joint Agency Response decision against the guidance's five criteria.
    external_causes boolean,
    sudden_no_apparent_cause boolean,
    in_custody_or_detained boolean,
    suspicion_not_natural boolean,
    stillbirth_unattended boolean,
    jar_suggested boolean,
    jar_decided boolean,
    jar_decided_by varchar(100),
    jar_decided_at timestamp with time zone,
    abuse_or_neglect_suspected boolean,
    looked_after boolean,
    -- The family's key worker (a professional, not the family) and the offer of the families' guide.
    key_worker_name varchar(200),
    key_worker_role varchar(200),
    key_worker_contact varchar(200),
    families_guide_offered boolean,
    key_worker_named_by varchar(100),
    key_worker_named_at timestamp with time zone,
    -- When the SPOC submitted the notification to the National Child Mortality Database.
    ncmd_notified_at timestamp with time zone,
    ncmd_recorded_by varchar(100),
    -- Serious incident steps: the day each was done, and who recorded it.
    national_panel_notified_on date,
    national_panel_notified_by varchar(100),
    rapid_review_completed_on date,
    rapid_review_completed_by varchar(100),
    local_review_decided boolean,
    secretary_of_state_notified_on date,
    secretary_of_state_notified_by varchar(100)
);
