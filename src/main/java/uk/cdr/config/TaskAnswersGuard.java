package uk.cdr.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import uk.cdr.config.FormFields.Field;
import uk.cdr.config.RefusedAnswers.Refusal;

/**
 * Every completion of a task, however it comes in (Tasklist, /engine-rest, our pages), is checked
 * against the task's own form before the engine applies it: only the form's fields, each answered
 * as the form allows (required, one of its options, a date or time, single-line text without
 * control characters). A variable that is not a field of the form (a case id, a meeting link) is
 * refused by name, so nobody can point a process at another case by completing a task.
 */
@Component
public class TaskAnswersGuard extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Boolean> APP_COMPLETING = ThreadLocal.withInitial(() -> false);
    private static final Set<String> YES_NO = Set.of("true", "false");

    private final Map<String, FormFields> formsByDeploymentAndId = new ConcurrentHashMap<>();

    /**
     * The app completes a task itself when a person did its work on one of our pages (the agencies
     * page completes "Request agency reports"): its answers are the app's, not a form's.
     */
    public static void completeForTheApp(Runnable completion) {
        boolean outer = APP_COMPLETING.get();
        APP_COMPLETING.set(true);
        try {
            completion.run();
        } finally {
            APP_COMPLETING.set(outer);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addInsideCommandContext(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                String taskId = !APP_COMPLETING.get() && (command instanceof CompleteTaskCmd
                        || command instanceof SubmitTaskFormCmd) ? Reflection.field(command, "taskId") : null;
                FormFields form = taskId == null ? null : formOfTask(taskId);
                try {
                    if (!APP_COMPLETING.get()) {
                        if (command instanceof CompleteTaskCmd) {
                            checkCompletion(taskId, form, Reflection.field(command, "variables"));
                        } else if (command instanceof SubmitTaskFormCmd) {
                            checkCompletion(taskId, form, Reflection.field(command, "properties"));
                        }
                    }
                    return next.execute(command);
                } catch (RuntimeException e) {
                    if (form != null) {
                        nameFieldsBy(e, form);
                    }
                    throw e;
                }
            }
        });
    }

    /**
     * This guard's rules and the model's (a listener's refusal: "must not be in the past") name their
     * field by its key; Tasklist and the API word them with the labels of the task's form. The
     * refusal keeps its type and its rules, which our own pages word with their own labels.
     */
    private static void nameFieldsBy(RuntimeException e, FormFields form) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAnswers refused) {
                refused.nameFieldsBy(form);
                return;
            }
        }
    }

    private FormFields formOfTask(String taskId) {
        CommandContext context = Context.getCommandContext();
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        return task == null || task.getProcessDefinitionId() == null ? null : formOf(task, context);
    }

    private void checkCompletion(String taskId, FormFields form, Map<String, Object> answers) {
        CommandContext context = Context.getCommandContext();
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            return; // the command itself says the task is gone (a 404 or 409)
        }
        // Whoever may not work on the task is refused as the command would refuse them (403), before
        // the answers are looked at: a 400 would tell them that the task exists.
        if (!AppRequests.serving()) {
            context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
        }
        List<Refusal> refusals = check(form, answers == null ? Map.of() : answers);
        if (!refusals.isEmpty()) {
            throw new RefusedAnswers(refusals);
        }
    }

    static List<Refusal> check(FormFields form, Map<String, Object> answers) {
        List<Refusal> refusals = new ArrayList<>();
        if (form == null) {
            answers.keySet().forEach(name -> refusals.add(new Refusal(name, "is not a field of this task's form")));
            return refusals;
        }
        for (String name : answers.keySet()) {
            if (!form.fields().containsKey(name)) {
                refusals.add(new Refusal(name, "is not a field of this task's form"));
            }
        }
        for (Field field : form.fields().values()) {
            Object value = answers.get(field.key());
            if (value instanceof TypedValue typed) {
                if (typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
                    // An object or JSON value is no answer to a form field (and cannot even be read here).
                    refusals.add(new Refusal(field.key(), "must be text, a number, a date or true/false"));
                    continue;
                }
                value = typed.getValue();
            }
            String text = value == null ? null : value.toString();
            if (text == null || text.isBlank()) {
                if (field.required()) {
                    refusals.add(new Refusal(field.key(), "is required"));
                }
                continue;
            }
            String rule = broken(field, text);
            if (rule != null) {
                refusals.add(new Refusal(field.key(), rule));
            }
        }
        return refusals;
    }

    /** @return the rule the answer breaks, or null */
    private static String broken(Field field, String text) {
        switch (field.type()) {
            case "radio", "select" -> {
                return field.options().contains(text) ? null : "must be one of " + String.join(", ", field.options());
            }
            case "checkbox" -> {
                if (!YES_NO.contains(text)) {
                    return "must be true or false";
                }
                return field.required() && !"true".equals(text) ? "must be ticked" : null;
            }
            case "datetime" -> {
                return unreadableDateOrTime(field, text);
            }
            default -> {
                if (field.maxLength() != null && text.length() > field.maxLength()) {
                    return "must be at most " + field.maxLength() + " characters";
                }
                boolean control = field.singleLine() ? text.chars().anyMatch(Character::isISOControl)
                        : text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
                return control ? (field.singleLine() ? "must be one line without control characters"
                        : "must not contain control characters") : null;
            }
        }
    }

    private static String unreadableDateOrTime(Field field, String text) {
        try {
            if ("time".equals(field.subtype())) {
                LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text);
            } else if ("datetime".equals(field.subtype())) {
                OffsetDateTime.parse(text);
            } else {
                LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            }
            return null;
        } catch (DateTimeParseException e) {
            return "time".equals(field.subtype()) ? "must be a time (hh:mm)"
                    : "datetime".equals(field.subtype()) ? "must be a date and time" : "must be a date (yyyy-mm-dd)";
        }
    }

    /** The form the task's model names, from the task's own deployment (as Tasklist shows it). */
    private FormFields formOf(TaskEntity task, CommandContext context) {
        Expression formRef = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getCamundaFormDefinitionKey();
        if (formRef == null) {
            return null;
        }
        String formId = formRef.getExpressionText();
        String deploymentId = context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
        return formsByDeploymentAndId.computeIfAbsent(deploymentId + "/" + formId, key -> {
            for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
                if (resource.getName().endsWith(".form")) {
                    FormFields form = FormFields.parse(resource.getBytes());
                    if (form.formId().equals(formId)) {
                        return form;
                    }
                }
            }
            throw new IllegalStateException("Form " + formId + " is not in deployment " + deploymentId);
        });
    }
}
