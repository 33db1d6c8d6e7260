-- Every user task of a case, as the case page's timeline shows it: created (with its due date), then done or
-- closed, and by whom. Written by the engine's task listeners (config.TasksTellTheirCase, casefile.CaseTasks) in the transaction
-- that creates or ends the task, so the timeline never reads the engine's history, which is cleaned up.
create table case_task (
    task_id varchar(64) primary key,
    case_id uuid not null references case_file (id),
    name varchar(255) not null,
    created_at timestamp with time zone not null,
    due_at timestamp with time zone,
    ended_at timestamp with time zone,
    ended_by varchar(100),
    end_reason varchar(255)
);
create index case_task_by_case on case_task (case_id);
