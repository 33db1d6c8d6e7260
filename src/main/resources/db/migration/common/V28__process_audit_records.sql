-- What the process audit (issue 16) reads: the case's own records of its milestones, since the engine's history is
-- cleaned up and is not the record.

-- The model's step each task record is of (its activity id, e.g. Task_AcknowledgeNotification): names are for
-- people and may change. Rows from before this column say only their name.
alter table case_task add column step varchar(255);

-- The CDR nurse's record of the bereavement support offered to the family (stage 4, every case), and whether the
-- families' leaflet was given. Kept here, not in the engine.
create table bereavement_support (
    case_id        uuid         not null primary key references case_file (id),
    answer         varchar(30)  not null,
    offered_on     date,
    leaflet_given  varchar(3)   not null,
    recorded_by    varchar(100) not null,
    recorded_at    timestamp with time zone not null,
    constraint ck_bereavement_support_answer check (answer in ('accepted', 'declined', 'provided-elsewhere', 'not-contactable')),
    constraint ck_bereavement_support_leaflet check (leaflet_given in ('yes', 'no'))
);

-- When the SPOC chased an overdue Form B (the reminder at 14 days keeps reminded_at): the audit counts chases.
alter table agency_report_request add column chased_at timestamp with time zone;
