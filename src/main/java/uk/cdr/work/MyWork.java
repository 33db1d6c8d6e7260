package uk.cdr.work;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.calendar.DueDates;
import uk.cdr.config.CaseOfProcess;
import uk.cdr.config.TasksNameTheirCase;
import uk.cdr.caselist.Viewer;
import uk.cdr.security.CurrentUser;
import uk.cdr.web.UkDates;

/**
 * The tasks offered to a user's roles (candidate groups) or assigned to the user, each with the case
 * it is for. Our pages and /api run engine commands without the engine's authorizations
 * (uk.cdr.config.AppRequests), so the query itself names the user and their groups: exactly what
 * Tasklist's "My tasks" and "My group tasks" show them. Clients never need to know that a stage's
 * tasks belong to a called process, or that the possible duplicate's is keyed by a notification.
 */
@Component
public class MyWork {

    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CaseOfProcess caseOfProcess;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RepositoryService repository;

    MyWork(TaskService tasks, RuntimeService runtime, CaseOfProcess caseOfProcess, JdbcClient jdbc, Clock clock,
            RepositoryService repository) {
        this.repository = repository;
        this.tasks = tasks;
        this.runtime = runtime;
        this.caseOfProcess = caseOfProcess;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The user's tasks, soonest due first (tasks without a due date last). */
    public List<WorkItem> of(CurrentUser user) {
        List<Task> mine = offeredTo(user).initializeFormKeys().list();
        Map<String, String> businessKeys = businessKeys(mine);
        List<WorkItem> items = new ArrayList<>();
        for (Task task : mine) {
            items.add(item(task, businessKeys.get(task.getProcessInstanceId()), user));
        }
        items.sort(Comparator.comparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkItem::caseReference, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkItem::name));
        return items;
    }

    /** One of the user's tasks, or empty if it is not offered to them (or does not exist). */
    public Optional<WorkItem> task(CurrentUser user, String taskId) {
        List<Task> found = offeredTo(user).taskId(taskId).initializeFormKeys().list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Task task = found.get(0);
        return Optional.of(item(task, businessKeys(found).get(task.getProcessInstanceId()), user));
    }

    private TaskQuery offeredTo(CurrentUser user) {
        TaskQuery query = tasks.createTaskQuery().active();
        if (user.groupIds().isEmpty()) {
            return query.taskAssignee(user.userId());
        }
        return query.or().taskAssignee(user.userId()).taskCandidateGroupIn(user.groupIds()).endOr();
    }

    private Map<String, String> businessKeys(List<Task> found) {
        if (found.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery()
                .processInstanceIds(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list()
                .stream().filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    /**
     * The task's process's key: from the engine's (cached) definition, since an id longer than the engine
     * allows is a bare UUID, without the key in front.
     */
    private String processKey(Task task) {
        return task.getProcessDefinitionId() == null ? null
                : repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    }

    private WorkItem item(Task task, String businessKey, CurrentUser user) {
        UUID caseId = null;
        String reference = null;
        if (businessKey != null) {
            try {
                caseId = caseOfProcess.caseId(businessKey);
                reference = caseOfProcess.caseReference(businessKey);
            } catch (IllegalStateException e) {
                // A process of no case (none has user tasks today): the task is still the user's work.
            }
        }
        OffsetDateTime due = task.getDueDate() == null ? null
                : task.getDueDate().toInstant().atZone(clock.getZone()).toOffsetDateTime();
        String formKey = task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey();
        // The row names its case beside the task: the model's name without the " · reference" Tasklist needs.
        String name = TasksNameTheirCase.withoutCase(task.getName());
        return new WorkItem(task.getId(), task.getTaskDefinitionKey(), name, TaskAsks.of(processKey(task), task.getTaskDefinitionKey(), name), caseId, reference, caseLink(caseId, user),
                due, due == null ? null : due.toLocalDate(), inWords(due), DueDates.overdue(due, OffsetDateTime.now(clock)), formKey,
                workPlace(task, caseId));
    }

    /** The page of the case the user may open: the case page, or for the panel its anonymised view. */
    private static String caseLink(UUID caseId, CurrentUser user) {
        return caseId == null ? null : Viewer.of(user).url(caseId);
    }

    /** Where the task's work is done: our page where there is one, else the task in Tasklist. */
    private String workPlace(Task task, UUID caseId) {
        String key = task.getTaskDefinitionKey();
        if (caseId != null && "Task_RequestFormBReports".equals(key)) {
            return "/cases/" + caseId + "/agencies";
        }
        if (caseId != null && ("Task_ReviewCase".equals(key) || "Task_RatifyReview".equals(key))) {
            Optional<UUID> meeting = jdbc.sql("select meeting_id from panel_assignment where case_id = ?").param(caseId)
                    .query(UUID.class).optional();
            if (meeting.isPresent()) {
                return "/cdop/meetings/" + meeting.get();
            }
        }
        return TASKLIST + task.getId();
    }

    static String inWords(OffsetDateTime due) {
        if (due == null) {
            return null;
        }
        String day = UkDates.inWords(due);
        // Due at the start or the end of a day (a meeting's outcome: 23:59 on its day) is due that day.
        LocalTime time = due.atZoneSameInstant(UkDates.UK).toLocalTime();
        return time.equals(LocalTime.MIDNIGHT) || time.equals(LocalTime.of(23, 59)) ? day
                : day + " at " + UkDates.time(time);
    }

    static String inWords(LocalDate date) {
        return date == null ? null : UkDates.inWords(date);
    }
}
