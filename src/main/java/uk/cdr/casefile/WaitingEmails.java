package uk.cdr.casefile;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

import uk.cdr.mail.Mailer;

/**
 * Emails of a case that the engine has not sent yet: queued, failing and being retried, or failed
 * for good (an incident an administrator retries in Cockpit). The case page shows them, so an
 * outage of the mail server is seen, not silent.
 */
@Service
class WaitingEmails {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;

    WaitingEmails(RuntimeService runtimeService, ManagementService managementService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
    }

    /** @param why what stopped it, in words (null while only queued) */
    public record WaitingEmail(String step, String state, ZonedDateTime nextTry, String why) {

        public boolean failed() {
            return "FAILED".equals(state);
        }
    }

    /**
     * What stopped an email, told as it happened: only a refusal is "the mail server refused it".
     * A conflict is two changes to the case at one moment, which the engine retries; it says
     * nothing about the mail server.
     */
    enum Failure {
        REFUSED("the mail server refused it"),
        UNREACHABLE("the mail server could not be reached"),
        CONFLICT("it ran at the same moment as another change to the case, so it is tried again"),
        NO_RECIPIENT("it has nobody to go to: add the missing email address in Admin"),
        OTHER("an error in the app stopped it (the app's log has the details)");

        final String words;

        Failure(String words) {
            this.words = words;
        }

        /** @param message the job's exception message; @param stacktrace its stack trace, read only when the message does not say */
        static Failure of(String message, java.util.function.Supplier<String> stacktrace) {
            String text = message == null ? "" : message;
            if (text.startsWith(Mailer.UNREACHABLE)) {
                return UNREACHABLE;
            }
            if (text.startsWith(Mailer.REFUSED)) {
                return REFUSED;
            }
            if (text.startsWith("No recipient for")) {
                return NO_RECIPIENT;
            }
            if (conflict(text)) {
                return CONFLICT;
            }
            String trace = stacktrace.get();
            return trace != null && conflict(trace) ? CONFLICT : OTHER;
        }

        private static boolean conflict(String text) {
            return text.contains("OptimisticLockingException") || text.contains("updated by another transaction concurrently")
                    || text.contains("was updated by another transaction");
        }
    }

    /**
     * The emails of the case's running process and the processes it called (its stages, its Form B
     * requests), in one query of the asynchronous steps waiting under it: an email is one of those
     * until it is sent. Most cases have none, and the page then asks the engine nothing more.
     *
     * @param caseProcess the case's running process, if any
     * @param withdrawnRequests the ids of its withdrawn Form B requests: a withdrawn request's email
     *        is nobody's concern any more
     */
    List<WaitingEmail> of(Optional<ProcessInstance> caseProcess, Set<String> withdrawnRequests) {
        if (caseProcess.isEmpty()) {
            return List.of();
        }
        List<Job> jobs = managementService.createJobQuery().rootProcessInstanceId(caseProcess.get().getId()).messages()
                .list();
        if (jobs.isEmpty()) {
            return List.of();
        }
        Set<String> withdrawn = withdrawnRequests.isEmpty() ? Set.of()
                : runtimeService.createProcessInstanceQuery()
                        .processInstanceIds(jobs.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet()))
                        .list().stream().filter(p -> withdrawnRequests.contains(p.getBusinessKey()))
                        .map(ProcessInstance::getId).collect(Collectors.toSet());
        List<WaitingEmail> waiting = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Job job : jobs) {
            if (withdrawn.contains(job.getProcessInstanceId())) {
                continue;
            }
            JobDefinition definition = managementService.createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult();
            if (definition == null || !definition.getActivityId().startsWith("Send_")) {
                continue;
            }
            String step = names.computeIfAbsent(job.getProcessDefinitionId() + definition.getActivityId(),
                    k -> name(job.getProcessDefinitionId(), definition.getActivityId()));
            boolean tried = job.getExceptionMessage() != null;
            String state = job.getRetries() == 0 ? "FAILED" : tried ? "RETRYING" : "QUEUED";
            String why = tried || job.getRetries() == 0 ? Failure.of(job.getExceptionMessage(),
                    () -> managementService.getJobExceptionStacktrace(job.getId())).words : null;
            waiting.add(new WaitingEmail(step, state,
                    job.getDuedate() == null || job.getRetries() == 0 ? null : job.getDuedate().toInstant().atZone(UK),
                    why));
        }
        return waiting;
    }

    private String name(String processDefinitionId, String activityId) {
        FlowElement element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : element.getName();
    }
}
