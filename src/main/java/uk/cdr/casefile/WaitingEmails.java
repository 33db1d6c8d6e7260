package uk.cdr.casefile;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

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

    public record WaitingEmail(String step, String state, ZonedDateTime nextTry, String lastError) {

        public boolean failed() {
            return "FAILED".equals(state);
        }
    }

    /** @param businessKeys the case reference and its Form B request ids: every process of the case */
    List<WaitingEmail> of(List<String> businessKeys) {
        List<WaitingEmail> waiting = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (String key : businessKeys) {
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
                for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
                    JobDefinition definition = managementService.createJobDefinitionQuery()
                            .jobDefinitionId(job.getJobDefinitionId()).singleResult();
                    if (definition == null || !definition.getActivityId().startsWith("Send_")) {
                        continue;
                    }
                    String step = names.computeIfAbsent(job.getProcessDefinitionId() + definition.getActivityId(),
                            k -> name(job.getProcessDefinitionId(), definition.getActivityId()));
                    String state = job.getRetries() == 0 ? "FAILED" : job.getExceptionMessage() != null ? "RETRYING" : "QUEUED";
                    waiting.add(new WaitingEmail(step, state,
                            job.getDuedate() == null || job.getRetries() == 0 ? null : job.getDuedate().toInstant().atZone(UK),
                            job.getExceptionMessage()));
                }
            }
        }
        return waiting;
    }

    private String name(String processDefinitionId, String activityId) {
        FlowElement element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : element.getName();
    }
}
