package uk.cdr.config;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Told of every user task of a case as it is created and as it ends, in the engine's transaction
 * ({@link TasksTellTheirCase}). The case file keeps its own record of them (uk.cdr.casefile.CaseTasks).
 */
public interface CaseTaskLog {

    /** @param step the model's id of the task (its activity), e.g. Task_AcknowledgeNotification */
    void created(UUID caseId, String taskId, String step, String name, OffsetDateTime at, OffsetDateTime due);

    /** @param reason "completed" when done, else why it was closed (its scope ended, "deleted", …) */
    void ended(String taskId, OffsetDateTime at, String by, String reason, OffsetDateTime due);
}
