-- The CDOP review (stage 6): the panel's Form C, its recommendations, deferrals, ratification,
-- closure with the review completion date, and reopening.

-- The panel's Form C for a case; started from the final case discussion's draft. The version
-- catches two panel members saving at once.
create table form_c (
    case_id            uuid          not null primary key references case_file (id),
    domain_child       varchar(2)    not null,
    domain_family      varchar(2)    not null,
    domain_parenting   varchar(2)    not null,
    domain_services    varchar(2)    not null,
    category           integer       not null,
    modifiable         varchar(30)   not null,
    learning_points    varchar(4000),
    scr_considered     boolean       not null,
    version            integer       not null,
    saved_by           varchar(100)  not null,
    saved_at           timestamp with time zone not null,
    constraint ck_form_c_category check (category between 1 and 10),
    constraint ck_form_c_modifiable check (modifiable in ('yes', 'no', 'insufficient-information'))
);

create table form_c_recommendation (
    id            uuid          not null primary key,
    case_id       uuid          not null references case_file (id),
    position      integer       not null,
    owner_agency  varchar(200)  not null,
    text          varchar(2000) not null,
    status        varchar(10)   not null,
    done_by       varchar(100),
    done_at       timestamp with time zone,
    constraint ck_recommendation_status check (status in ('OPEN', 'DONE'))
);
create index ix_recommendation_case on form_c_recommendation (case_id, position);

-- Each review at a meeting ends reviewed (then ratified) or deferred; a reopened case is reviewed again.
create table cdop_review (
    id             uuid          not null primary key,
    case_id        uuid          not null references case_file (id),
    meeting_id     uuid          not null references panel_meeting (id),
    outcome        varchar(10),
    deferral_reason varchar(40),
    deferral_detail varchar(1000),
    review_by      date,
    decided_by     varchar(100),
    decided_at     timestamp with time zone,
    ratified_by    varchar(100),
    ratified_at    timestamp with time zone,
    constraint ck_cdop_review_outcome check (outcome in ('REVIEWED', 'DEFERRED')),
    constraint ck_cdop_review_deferral check (deferral_reason in
        ('awaiting-inquest', 'criminal-proceedings', 'serious-case-review', 'more-information'))
);
create index ix_cdop_review_case on cdop_review (case_id, decided_at);

create table case_reopening (
    id           uuid          not null primary key,
    case_id      uuid          not null references case_file (id),
    reason       varchar(1000) not null,
    reopened_by  varchar(100)  not null,
    reopened_at  timestamp with time zone not null
);
create index ix_case_reopening_case on case_reopening (case_id);

-- The date the CDOP completed the review (the meeting's date): the statistics count reviews by it.
alter table case_file add column review_completed_on date;
alter table case_file add column closed_at timestamp with time zone;
