-- Failed logins, counted per account at one client address, per address and per account
-- (uk.cdr.security.LoginThrottle). In the database, not in memory, so every node of the app
-- sees the same counts. An empty account or address is the wildcard of the per-address and
-- per-account rows. last_success marks an address the account has logged in from: the
-- per-account block does not apply there. Rows are forgotten once neither counts any more.
create table login_throttle (
    account       varchar(255)             not null,
    address       varchar(64)              not null,
    failures      integer                  not null,
    last_failure  timestamp with time zone,
    blocked_until timestamp with time zone,
    last_success  timestamp with time zone,
    primary key (account, address)
);

create index login_throttle_last_failure on login_throttle (last_failure);
