-- Where each open case is, as its process (bpmn/child-death-review.bpmn) keeps it: one row per stage the case
-- is in, written by the process's own listeners in the transaction that moves it. The queue, the case page
-- and the statistics read this; a test checks it against the engine's runtime.
create table case_stage (
    case_id uuid not null references case_file (id),
    stage varchar(40) not null,
    entered_at timestamp with time zone not null,
    primary key (case_id, stage)
);
