package uk.cdr.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.security.Role;

/**
 * Our conventions for BPMN models and Camunda Forms (architecture.md), checked with the BPMN model
 * API. Each violation is one readable line naming the file, the element and the rule.
 */
final class ModelRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GROUPS = Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet());

    private ModelRules() {
    }

    /** Form ids found in a forms folder, by id; a form whose id is not its file name is a violation. */
    static Map<String, Path> formIds(Path formsDir, List<String> violations) throws IOException {
        Map<String, Path> ids = new HashMap<>();
        if (!Files.isDirectory(formsDir)) {
            return ids;
        }
        try (Stream<Path> files = Files.walk(formsDir)) {
            for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                String expected = form.getFileName().toString().replaceFirst("\\.form$", "");
                JsonNode json;
                try {
                    json = JSON.readTree(form.toFile());
                } catch (IOException e) {
                    violations.add(form + ": not valid JSON (" + e.getMessage() + ")");
                    continue;
                }
                String id = json.path("id").asText("");
                if (!id.equals(expected)) {
                    violations.add(form + ": form id '" + id + "' must equal the file name '" + expected + "'");
                }
                if (!json.path("components").isArray() || json.path("components").isEmpty()) {
                    violations.add(form + ": has no components");
                }
                ids.put(id, form);
            }
        }
        return ids;
    }

    static List<String> check(File bpmnFile, Set<String> formIds) {
        List<String> violations = new ArrayList<>();
        String file = bpmnFile.getName();
        BpmnModelInstance model = Bpmn.readModelFromFile(bpmnFile);

        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(file + ": process " + process.getId() + " has no camunda:historyTimeToLive");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = file + ": user task " + task.getId();
            checkFormRef(where, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds, violations);
            String groups = task.getCamundaCandidateGroups();
            if (groups == null || groups.isBlank()) {
                violations.add(where + " has no candidate groups");
            } else {
                for (String group : groups.split(",")) {
                    if (!group.contains("${") && !GROUPS.contains(group.trim())) {
                        violations.add(where + " names unknown candidate group '" + group.trim() + "'");
                    }
                }
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                checkFormRef(file + ": start event " + start.getId(), start.getCamundaFormRef(),
                        start.getCamundaFormRefBinding(), formIds, violations);
            }
        }
        List<FlowNode> sideEffects = new ArrayList<>();
        sideEffects.addAll(model.getModelElementsByType(ServiceTask.class));
        sideEffects.addAll(model.getModelElementsByType(SendTask.class));
        for (ThrowEvent event : model.getModelElementsByType(ThrowEvent.class)) {
            if (event.getEventDefinitions().stream().anyMatch(MessageEventDefinition.class::isInstance)) {
                sideEffects.add(event);
            }
        }
        for (FlowNode node : sideEffects) {
            String where = file + ": " + node.getElementType().getTypeName() + " " + node.getId();
            if (!node.isCamundaAsyncBefore()) {
                violations.add(where + " is not camunda:asyncBefore");
            }
            if (!hasRetryCycle(node)) {
                violations.add(where + " has no camunda:failedJobRetryTimeCycle");
            }
        }
        return violations;
    }

    /** Decisions need a history time to live too, or the engine refuses the whole deployment. */
    static List<String> checkDecisions(File dmnFile) {
        List<String> violations = new ArrayList<>();
        org.camunda.bpm.model.dmn.DmnModelInstance model = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(dmnFile);
        for (org.camunda.bpm.model.dmn.instance.Decision decision
                : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)) {
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(dmnFile.getName() + ": decision " + decision.getId() + " has no camunda:historyTimeToLive");
            }
        }
        return violations;
    }

    private static void checkFormRef(String where, String formRef, String binding, Set<String> formIds,
            List<String> violations) {
        if (formRef == null || formRef.isBlank()) {
            violations.add(where + " has no camunda:formRef");
            return;
        }
        if (!"deployment".equals(binding)) {
            violations.add(where + " must use camunda:formRefBinding=\"deployment\"");
        }
        if (!formIds.contains(formRef)) {
            violations.add(where + " references form '" + formRef + "', which is not in forms/");
        }
    }

    private static boolean hasRetryCycle(BaseElement element) {
        return element.getExtensionElements() != null && !element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty();
    }
}
