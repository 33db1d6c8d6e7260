-- Post-mortem and coroner tracking, and the final case discussion (stage 5) with its draft Form C.

create table post_mortem (
    case_id                 uuid         not null primary key references case_file (id),
    required                varchar(20)  not null,
    done_on                 date,
    preliminary_results_on  date,
    final_results_on        date,
    inquest_opened_on       date,
    inquest_concluded_on    date,
    updated_by              varchar(100),
    updated_at              timestamp with time zone
);

create table final_case_discussion (
    case_id                 uuid          not null primary key references case_file (id),
    started_at              timestamp with time zone not null,
    proceeded_without_results boolean     default false not null,
    outcome                 varchar(20),
    not_convened_reason     varchar(40),
    not_convened_detail     varchar(1000),
    meeting_id              uuid references case_meeting (id),
    domain_child            varchar(2),
    domain_family           varchar(2),
    domain_parenting        varchar(2),
    domain_services         varchar(2),
    proposed_category       integer,
    proposed_modifiable     varchar(30),
    learning_points         varchar(4000),
    recorded_by             varchar(100),
    recorded_at             timestamp with time zone,
    constraint ck_fcd_outcome check (outcome in ('HELD', 'NOT_CONVENED')),
    constraint ck_fcd_category check (proposed_category between 1 and 10)
);

alter table case_file add column final_case_discussion_done_at timestamp with time zone;
