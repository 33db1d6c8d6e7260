-- CDOP panel meetings (routine, at least four a year, and special neonatal panels) and the cases
-- assigned to them.
create table panel_meeting (
    id          uuid          not null primary key,
    held_on     date          not null,
    kind        varchar(20)   not null,
    place       varchar(200)  not null,
    created_by  varchar(100)  not null,
    created_at  timestamp with time zone not null,
    constraint ck_panel_meeting_kind check (kind in ('ROUTINE', 'NEONATAL'))
);

create table panel_assignment (
    case_id      uuid          not null primary key references case_file (id),
    meeting_id   uuid          not null references panel_meeting (id),
    assigned_by  varchar(100)  not null,
    assigned_at  timestamp with time zone not null
);
create index ix_panel_assignment_meeting on panel_assignment (meeting_id);

-- Some emails are about a meeting, not one case (the panel's agenda).
alter table sent_email alter column case_id drop not null;
