package uk.cdr.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One task offered to or assigned to the user, as My work and GET /api/tasks show it.
 *
 * @param caseLink the page of the case this user may open (the panel's is anonymised), or null for a task of no case
 * @param link where the work is done: an app page, or the task in Tasklist
 */
public record WorkItem(String taskId, String taskKey, String name, String asks, UUID caseId, String caseReference,
        String caseLink, OffsetDateTime due, LocalDate dueDate, String dueInWords, boolean overdue, String formKey,
        String link) {
}
