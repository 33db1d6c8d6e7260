package uk.cdr.work;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.config.RefusedAnswers;
import uk.cdr.security.CurrentUser;
import uk.cdr.web.ApiExceptionHandler;

/** My work for API clients: the user's tasks, each task's answers, and completing a task. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    static final String COMPLETION_DESCRIPTION = """
            The body is one JSON object of answers: the task's form fields by key. Each task's fields, their \
            allowed codes and formats are the schema named TaskAnswers_<task key> in this document (the task key \
            is `taskKey` in GET /api/tasks; a task of a case under the 2018 guidance: TaskAnswers_<task key>_2018), and GET /api/tasks/{id}/form gives the same for one task. Dates are \
            yyyy-mm-dd, times hh:mm, yes/no fields true or false. A field not on the form, a missing required \
            field or a code not allowed is a 400 problem whose `errors` name each field and its rule; nothing is \
            saved. A task not offered to you (or no such task) is a 404; a task completed meanwhile by someone \
            else is a 409.""";

    private final MyWork myWork;
    private final TaskCompletions completions;
    private final TaskForms forms;
    private final AuditLog auditLog;

    TaskController(MyWork myWork, TaskCompletions completions, TaskForms forms, AuditLog auditLog) {
        this.myWork = myWork;
        this.completions = completions;
        this.forms = forms;
        this.auditLog = auditLog;
    }

    @GetMapping
    @Operation(summary = "My work: the tasks offered to my roles or assigned to me, soonest due first",
            description = "Each task names its case (reference and id), what it asks, its due date and whether it is "
                    + "overdue, its form key and `link`, the page where the work is done (an app page, or Tasklist).")
    List<WorkItem> mine(Authentication authentication) {
        CurrentUser user = user(authentication);
        List<WorkItem> items = myWork.of(user);
        auditLog.recordEach(user.userId(), AuditAction.CASE_VIEWED,
                items.stream().map(WorkItem::caseReference).filter(r -> r != null).distinct().toList(), "my work (API)");
        return items;
    }

    @GetMapping("/{taskId}/form")
    @Operation(summary = "The answers one of my tasks takes: each field's key, label, type, whether required, "
            + "format and allowed codes with their labels")
    TaskForm form(@PathVariable String taskId, Authentication authentication) {
        CurrentUser user = user(authentication);
        WorkItem task = myWork.task(user, taskId).orElseThrow(() -> new TaskCompletions.NotYourTask(taskId));
        auditLog.record(user.userId(), AuditAction.CASE_VIEWED, task.caseReference(), "task form (API): " + task.name());
        return forms.all().stream().filter(f -> f.taskKey().equals(task.taskKey())).findFirst()
                .orElseGet(() -> new TaskForm(task.taskKey(), task.name(), null, task.formKey(), List.of()));
    }

    @PostMapping("/{taskId}/completion")
    @Operation(summary = "Complete one of my tasks with its answers", description = COMPLETION_DESCRIPTION)
    WorkItem complete(@PathVariable String taskId, @RequestBody Map<String, Object> answers,
            Authentication authentication) {
        return completions.complete(user(authentication), taskId, answers);
    }

    private static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow();
    }

    @ExceptionHandler(RefusedAnswers.class)
    ResponseEntity<Object> refused(RefusedAnswers e) {
        return ApiExceptionHandler.invalid(e.worded().stream()
                .map(r -> new ApiExceptionHandler.FieldError(r.field(), r.rule())).toList());
    }

    @ExceptionHandler(TaskCompletions.NotYourTask.class)
    ProblemDetail notYours(TaskCompletions.NotYourTask e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such task");
        return problem;
    }

    @ExceptionHandler(TaskCompletions.TaskAlreadyDone.class)
    ProblemDetail done(TaskCompletions.TaskAlreadyDone e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }
}
