-- Agency reports (Form B). One request per agency asked about a case; each runs its own
-- agencyReportRequest process. The answers live here, never in process variables. Only a
-- SHA-256 hash of the agency's link token is kept: the token itself exists only in the email.

create table agency_report_request (
    id                  uuid          not null primary key,
    case_id             uuid          not null references case_file (id),
    agency              varchar(200)  not null,
    contact_name        varchar(200),
    contact_email       varchar(200)  not null,
    status              varchar(20)   not null,
    requested_at        timestamp with time zone not null,
    requested_by        varchar(100)  not null,
    due_at              timestamp with time zone not null,
    reminded_at         timestamp with time zone,
    overdue_at          timestamp with time zone,
    extended_at         timestamp with time zone,
    returned_at         timestamp with time zone,
    withdrawn_at        timestamp with time zone,
    links_sent          integer       not null default 0,
    token_hash          varchar(64),
    token_expires_at    timestamp with time zone,
    process_instance_id varchar(64),
    version             integer       not null default 0,
    constraint uk_agency_report_request_token unique (token_hash),
    constraint ck_agency_report_request_status
        check (status in ('SENT', 'REMINDED', 'OVERDUE', 'EXTENDED', 'RETURNED', 'WITHDRAWN'))
);

create index ix_agency_report_request_case on agency_report_request (case_id);

-- One row per returned request. Column names are the snake_case of the field keys in
-- forms/form-b-agency-report.form, the one definition of Form B.
create table agency_report (
    id                             uuid          not null primary key,
    request_id                     uuid          not null references agency_report_request (id),
    case_id                        uuid          not null references case_file (id),
    returned_at                    timestamp with time zone not null,
    reporter_name                  varchar(200)  not null,
    reporter_role                  varchar(200)  not null,
    reporter_agency                varchar(200)  not null,
    reporter_email                 varchar(200)  not null,
    reporter_phone                 varchar(40),
    contact_with                   varchar(20)   not null,
    first_contact_date             date,
    last_contact_date              date,
    nature_of_contact              varchar(4000),
    known_health                   varchar(20)   not null,
    known_health_details           varchar(4000),
    development                    varchar(20)   not null,
    development_details            varchar(4000),
    family_and_environment         varchar(20)   not null,
    family_and_environment_details varchar(4000),
    parenting                      varchar(20)   not null,
    parenting_details              varchar(4000),
    service_factors                varchar(20)   not null,
    service_factors_details        varchar(4000),
    concerns                       varchar(20)   not null,
    concerns_details               varchar(4000),
    additional_information         varchar(4000),
    constraint uk_agency_report_request unique (request_id)
);

create index ix_agency_report_case on agency_report (case_id);
