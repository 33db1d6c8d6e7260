package uk.cdr.work;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * One schema per task definition key, TaskAnswers_Task_ConfirmExpectedOrUnexpected and so on (with _2018
 * after the key for a task of the 2018 guidance's models, TaskAnswers_Task_ReviewCase_2018), made
 * from the deployed forms: each field's key, label, type, whether required, format and allowed codes
 * with their labels. The completion endpoint's body refers to all of them.
 */
@Component
class TaskFormsInOpenApi implements OpenApiCustomizer {

    static final String PREFIX = "TaskAnswers_";
    static final String AGENCIES_NOTE = "Tasklist's Form A (TaskAnswers_" + TaskForms.FORM_A_START
            + ") calls the known agencies `agenciesKnown`, one line per agency as `agency; contact name; contact email`; "
            + "POST /api/notifications calls them `agencies`, a list of objects. Both lead to the same Form B requests.";

    private final TaskForms forms;

    TaskFormsInOpenApi(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new io.swagger.v3.oas.models.Components());
        }
        List<Schema> references = new ArrayList<>();
        for (TaskForm form : forms.all()) {
            openApi.getComponents().addSchemas(PREFIX + form.schemaName(), schema(form));
            references.add(new Schema<>().$ref("#/components/schemas/" + PREFIX + form.schemaName()));
        }
        PathItem completion = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/tasks/{taskId}/completion");
        if (completion != null && completion.getPost() != null && completion.getPost().getRequestBody() != null) {
            Operation post = completion.getPost();
            post.getRequestBody().getContent().values()
                    .forEach(media -> media.setSchema(new ComposedSchema().oneOf(references)
                            .description("The answers of the task's form: the schema named after its taskKey")));
        }
        Schema<?> formA = openApi.getComponents().getSchemas().get("FormA");
        if (formA != null && formA.getProperties() != null && formA.getProperties().get("agencies") != null) {
            formA.getProperties().get("agencies").setDescription(AGENCIES_NOTE);
        }
    }

    private static Schema<?> schema(TaskForm form) {
        ObjectSchema schema = new ObjectSchema();
        schema.setTitle(form.taskName());
        String description = "Answers to \"" + form.taskName() + "\" (task key " + form.taskKey() + ", process "
                + form.processKey() + ", form " + form.formKey() + "). Only these fields are accepted.";
        if (TaskForms.FORM_A_START.equals(form.taskKey())) {
            description = "Form A as Tasklist's start form \"Log a death (Form A)\" takes it. " + AGENCIES_NOTE;
        }
        schema.setDescription(description);
        schema.setAdditionalProperties(false);
        for (TaskForm.Field field : form.fields()) {
            schema.addProperty(field.key(), property(field));
            if (field.required()) {
                schema.addRequiredItem(field.key());
            }
        }
        return schema;
    }

    private static Schema<?> property(TaskForm.Field field) {
        Schema<?> property;
        StringBuilder description = new StringBuilder(field.label()).append(" (").append(field.type()).append(')');
        switch (field.type()) {
            case "yes/no" -> property = new BooleanSchema();
            case "number" -> property = new NumberSchema();
            case "date" -> {
                StringSchema date = new StringSchema();
                date.setFormat("date");
                date.setPattern("^\\d{4}-\\d{2}-\\d{2}$");
                date.setExample("2026-11-30");
                property = date;
            }
            case "time" -> {
                StringSchema time = new StringSchema();
                time.setPattern("^\\d{2}:\\d{2}$");
                time.setExample("14:05");
                property = time;
            }
            case "choice" -> {
                StringSchema choice = new StringSchema();
                field.options().forEach(option -> choice.addEnumItem(option.value()));
                description.append(". Codes: ").append(field.options().stream()
                        .map(option -> option.value() + " = " + option.label()).collect(Collectors.joining("; ")));
                property = choice;
            }
            default -> {
                StringSchema text = new StringSchema();
                if (field.maxLength() != null) {
                    text.setMaxLength(field.maxLength());
                }
                property = text;
            }
        }
        if (field.format() != null) {
            description.append(". Format: ").append(field.format());
        }
        if (field.required()) {
            description.append(". Required");
        }
        property.setTitle(field.label());
        property.setDescription(description.toString());
        return property;
    }
}
