-- Two people notifying the same death at the same moment must not open two cases: each
-- notification locks this one row while it checks for duplicates and opens its case.
create table notification_lock (
    id  integer not null primary key
);
insert into notification_lock (id) values (1);
