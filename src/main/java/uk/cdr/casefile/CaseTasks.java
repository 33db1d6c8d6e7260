package uk.cdr.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseTaskLog;

/** The case's own record of its tasks (case_task), which the case page's timeline reads ({@link CaseFiles}). */
@Component
class CaseTasks implements CaseTaskLog {

    private final JdbcClient jdbc;

    CaseTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void created(UUID caseId, String taskId, String step, String name, OffsetDateTime at, OffsetDateTime due) {
        jdbc.sql("insert into case_task (task_id, case_id, step, name, created_at, due_at) values (?, ?, ?, ?, ?, ?)")
                .params(taskId, caseId, step, name, at, due).update();
    }

    @Override
    public void ended(String taskId, OffsetDateTime at, String by, String reason, OffsetDateTime due) {
        // A task created before this record was kept has no row: nothing to end.
        jdbc.sql("update case_task set ended_at = ?, ended_by = ?, end_reason = ?, due_at = ? where task_id = ?")
                .params(at, by, reason.length() > 255 ? reason.substring(0, 255) : reason, due, taskId).update();
    }
}
