-- Rapid response (stage 4): what the initial information sharing agreed, the multi-agency meetings
-- with their attendees, and the actions they set, tracked until done. Free text lives here, never
-- in process variables.

create table rapid_response (
    case_id                   uuid          not null primary key references case_file (id),
    started_at                timestamp with time zone not null,
    started_out_of_hours      boolean       not null,
    participants              varchar(2000),
    agreed                    varchar(4000),
    home_visit                varchar(20),
    siblings_safeguarding     varchar(4000),
    referred_to_social_care   varchar(20),
    meeting_convened          boolean,
    recorded_by               varchar(100),
    recorded_at               timestamp with time zone
);

create table case_meeting (
    id            uuid          not null primary key,
    case_id       uuid          not null references case_file (id),
    kind          varchar(40)   not null,
    scheduled_at  timestamp with time zone not null,
    place         varchar(200)  not null,
    invitees      varchar(4000) not null,
    scheduled_by  varchar(100)  not null,
    held          boolean       not null default false,
    outcome_by    varchar(100),
    outcome_at    timestamp with time zone
);
create index ix_case_meeting_case on case_meeting (case_id);

create table meeting_attendee (
    id          uuid         not null primary key,
    meeting_id  uuid         not null references case_meeting (id),
    agency      varchar(200) not null,
    name        varchar(200)
);

create table case_action (
    id            uuid          not null primary key,
    case_id       uuid          not null references case_file (id),
    meeting_id    uuid          references case_meeting (id),
    description   varchar(1000) not null,
    owner_agency  varchar(200)  not null,
    due_date      date          not null,
    done_at       timestamp with time zone
);
create index ix_case_action_case on case_action (case_id);

alter table case_file add column scr_under_consideration boolean default false not null;
