package uk.cdr.caselist;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.cdr.calendar.DueDates;
import uk.cdr.config.TasksNameTheirCase;
import uk.cdr.security.Role;

/**
 * The tasks open on a case: those of its process and of every stage process it called (the
 * rapid response, each agency's Form B request, the CDOP review, a possible duplicate's
 * resolution), whatever their business keys. Read as the app, so every task of the case is seen.
 */
@Component
class OpenTasks {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Clock clock;

    OpenTasks(RuntimeService runtimeService, TaskService taskService, Clock clock) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** An open task: its id (for completing it), what it asks, who it is offered to, when it is due. */
    record OpenTask(String id, @Schema(description = "What the task asks, as Tasklist names it") String name,
            @Schema(description = "The task's id in the model, e.g. Task_ConfirmExpectedOrUnexpected") String taskKey,
            @Schema(description = "The roles the task is offered to, in words") List<String> offeredTo,
            @Schema(description = "Who claimed it, if anyone") String assignee,
            OffsetDateTime created,
            @Schema(description = "UK time; absent when the task has no due date") OffsetDateTime due,
            boolean overdue) {
    }

    List<OpenTask> of(String caseReference) {
        List<String> processes = new ArrayList<>();
        Deque<String> toVisit = new ArrayDeque<>();
        runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(uk.cdr.guidance.Edition.processKeys())
                .processInstanceBusinessKey(caseReference).list().forEach(p -> toVisit.add(p.getId()));
        while (!toVisit.isEmpty()) {
            String id = toVisit.poll();
            processes.add(id);
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().stream()
                    .map(ProcessInstance::getId).forEach(toVisit::add);
        }
        if (processes.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return taskService.createTaskQuery().processInstanceIdIn(processes.toArray(String[]::new))
                .orderByTaskCreateTime().asc().list().stream()
                .map(task -> new OpenTask(task.getId(), TasksNameTheirCase.withoutCase(task.getName()), task.getTaskDefinitionKey(), offeredTo(task),
                        task.getAssignee(), uk(task.getCreateTime()), uk(task.getDueDate()),
                        DueDates.overdue(uk(task.getDueDate()), now)))
                .toList();
    }

    private List<String> offeredTo(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> Role.ofGroup(link.getGroupId()).map(Role::title).orElse(link.getGroupId()))
                .distinct().toList();
    }

    private static OffsetDateTime uk(Date date) {
        return date == null ? null : date.toInstant().atZone(UK).toOffsetDateTime();
    }
}
