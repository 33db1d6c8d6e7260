package uk.cdr.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.config.RefusedAnswers;
import uk.cdr.config.RefusedAnswers.Refusal;
import uk.cdr.security.CurrentUser;

/**
 * Completes one of the user's tasks with a client's answers. The engine's own checks do the rest,
 * as for Tasklist: uk.cdr.config.TaskAnswersGuard checks the answers against the task's form, the
 * model's listeners apply the domain's rules (a meeting date in the past, an outcome before the
 * meeting), and a task completed by someone else at the same moment is a conflict.
 */
@Component
class TaskCompletions {

    private final MyWork myWork;
    private final TaskService tasks;
    private final AuditLog auditLog;

    TaskCompletions(MyWork myWork, TaskService tasks, AuditLog auditLog) {
        this.myWork = myWork;
        this.tasks = tasks;
        this.auditLog = auditLog;
    }

    /** Nothing is saved unless every answer keeps its form's rules and the model's. */
    WorkItem complete(CurrentUser user, String taskId, Map<String, Object> answers) {
        WorkItem task = myWork.task(user, taskId).orElseThrow(() -> new NotYourTask(taskId));
        List<Refusal> refusals = new ArrayList<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        answers.forEach((name, value) -> {
            if (value instanceof Map || value instanceof List) {
                refusals.add(new Refusal(name, "must be text, a number, a date or true/false"));
            } else {
                variables.put(name, value);
            }
        });
        if (!refusals.isEmpty()) {
            throw new RefusedAnswers(refusals);
        }
        try {
            tasks.complete(taskId, variables);
        } catch (ProcessEngineException e) {
            throw whatItMeans(e, taskId);
        }
        auditLog.record(user.userId(), AuditAction.CASE_CHANGED, task.caseReference(),
                "task completed through the API: " + task.name());
        return task;
    }

    /** The engine wraps a listener's refusal; the client is told what it means, not how it was thrown. */
    private static RuntimeException whatItMeans(ProcessEngineException e, String taskId) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAnswers refused) {
                return refused;
            }
            if (cause instanceof OptimisticLockingException || cause instanceof NullValueException) {
                return new TaskAlreadyDone(taskId);
            }
            // uk.cdr.config's TaskCompletionGuard locks the task first; its refusal is not visible from here.
            if (cause.getClass().getSimpleName().equals("TaskAlreadyDone")) {
                return new TaskAlreadyDone(taskId);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refused) {
                return new RefusedAnswers(List.of(new Refusal("answers", refused.getMessage())));
            }
        }
        return e;
    }

    /** A task not offered to the user, or no task at all: the same answer, so ids cannot be probed. */
    static class NotYourTask extends RuntimeException {
        NotYourTask(String taskId) {
            super("No task " + taskId + " is offered to you. It may have been completed already: reload your work.");
        }
    }

    static class TaskAlreadyDone extends RuntimeException {
        TaskAlreadyDone(String taskId) {
            super("Task " + taskId + " has already been completed or cancelled by someone else. Reload your work.");
        }
    }
}
