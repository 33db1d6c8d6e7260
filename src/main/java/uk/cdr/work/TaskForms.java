package uk.cdr.work;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every user task's answers, read from the forms deployed with the processes (forms/*.form), so the
 * API documentation cannot drift from what Tasklist shows and TaskAnswersGuard checks. A client never
 * reads forms/: the OpenAPI document and GET /api/tasks/{id}/form say it all.
 */
@Component
public class TaskForms {

    /** The Tasklist start form of Form A: documented beside the tasks, since the SPOC may use it. */
    static final String FORM_A_START = "logDeathFromTasklist";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;

    TaskForms(RepositoryService repository) {
        this.repository = repository;
    }

    /** Every user task of the latest deployed processes, and Form A's Tasklist start form. */
    public List<TaskForm> all() {
        Map<String, TaskForm> forms = new LinkedHashMap<>();
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list();
        for (ProcessDefinition definition : definitions) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() != null) {
                    TaskForm form = read(definition, task.getId(), task.getName(), task.getCamundaFormRef());
                    forms.put(form.schemaName(), form);
                }
            }
            if (FORM_A_START.equals(definition.getKey())) {
                for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                    if (start.getCamundaFormRef() != null) {
                        forms.put(FORM_A_START, read(definition, FORM_A_START, "Log a death (Form A) in Tasklist",
                                start.getCamundaFormRef()));
                    }
                }
            }
        }
        return List.copyOf(forms.values());
    }

    /** The form of one task definition in the process definition the task runs on. */
    public Optional<TaskForm> of(String processDefinitionId, String taskKey) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
        if (task == null || task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        return Optional.of(read(definition, taskKey, task.getName(), task.getCamundaFormRef()));
    }

    private TaskForm read(ProcessDefinition definition, String taskKey, String taskName, String formKey) {
        String deploymentId = definition.getDeploymentId();
        for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
            if (!resource.endsWith(".form")) {
                continue;
            }
            try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
                JsonNode form = JSON.readTree(in);
                if (formKey.equals(form.path("id").asText())) {
                    List<TaskForm.Field> fields = new ArrayList<>();
                    collect(form.path("components"), fields);
                    return new TaskForm(taskKey, taskName, definition.getKey(), formKey, List.copyOf(fields));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable form " + resource + " in deployment " + deploymentId, e);
            }
        }
        throw new IllegalStateException("Form " + formKey + " is not in deployment " + deploymentId);
    }

    private static void collect(JsonNode components, List<TaskForm.Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !component.path("type").asText().isEmpty()) {
                fields.add(field(component));
            }
            collect(component.path("components"), fields);
        }
    }

    private static TaskForm.Field field(JsonNode component) {
        String type = component.path("type").asText();
        String subtype = component.path("subtype").asText("");
        JsonNode validate = component.path("validate");
        List<TaskForm.Option> options = new ArrayList<>();
        component.path("values").forEach(v -> options.add(new TaskForm.Option(v.path("value").asText(),
                v.path("label").asText(v.path("value").asText()))));
        String label = component.path("label").asText(null);
        if (label == null) {
            label = component.path("time".equals(subtype) ? "timeLabel" : "dateLabel").asText(component.get("key").asText());
        }
        String kind;
        String format = null;
        switch (type) {
            case "radio", "select", "checklist" -> kind = "choice";
            case "checkbox" -> {
                kind = "yes/no";
                format = "true or false (JSON boolean, or the text \"true\"/\"false\")";
            }
            case "datetime" -> {
                if ("time".equals(subtype)) {
                    kind = "time";
                    format = "hh:mm (24-hour clock, to the minute: 14:05)";
                } else if ("datetime".equals(subtype)) {
                    kind = "date and time";
                    format = "yyyy-mm-ddThh:mm:ss with offset (ISO 8601)";
                } else {
                    kind = "date";
                    format = "yyyy-mm-dd (ISO 8601: 30 November 2026 is 2026-11-30)";
                }
            }
            case "number" -> kind = "number";
            case "textarea" -> kind = "multi-line text";
            default -> kind = "text";
        }
        return new TaskForm.Field(component.get("key").asText(), label, kind, validate.path("required").asBoolean(false),
                format, validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null, List.copyOf(options));
    }
}
