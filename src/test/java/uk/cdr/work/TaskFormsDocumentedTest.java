package uk.cdr.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.IntegrationTest;

/**
 * A client never reads forms/: the OpenAPI document has one schema per user task of bpmn/ with
 * every field of its form, required as the form says, its codes with their labels, and its formats.
 * Read from the files here and from the running app there, so a form changed without its
 * documentation cannot pass.
 */
class TaskFormsDocumentedTest extends IntegrationTest {

    private static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"([^\"]+)\"");

    @Autowired
    ObjectMapper json;

    @Test
    void everyFieldOfEveryUserTaskIsInTheOpenApiDocument() throws Exception {
        JsonNode schemas = json.readTree(browser().withBasicAuth("spoc", DEMO_PASSWORD).get("/v3/api-docs").body())
                .at("/components/schemas");
        Map<String, JsonNode> forms = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(file.toFile());
                forms.put(form.get("id").asText(), form);
            }
        }
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String model = Files.readString(file);
                // The 2018 guidance's models (the file names say so) word their forms the 2018 way.
                boolean of2018 = model.contains("domain-2018.md");
                Matcher task = USER_TASK.matcher(model);
                while (task.find()) {
                    JsonNode schema = schemas.path("TaskAnswers_" + task.group(1) + (of2018 ? "_2018" : ""));
                    assertThat(schema.isMissingNode()).as("schema of " + task.group(1)).isFalse();
                    checkFields(task.group(1), forms.get(task.group(2)).path("components"), schema, checked);
                }
            }
        }
        assertThat(checked).as("fields checked").hasSizeGreaterThan(40)
                .contains("Task_ConfirmExpectedOrUnexpected.deathClassification", "Task_ScheduleMeeting.meetingTime");

        assertThat(schemas.at("/TaskAnswers_Task_ReviewCase/properties/outcome/description").asText())
                .contains("Form C is recorded");
        assertThat(schemas.at("/TaskAnswers_Task_ReviewCase_2018/properties/outcome/description").asText())
                .contains("the analysis form is recorded").doesNotContain("Form C");
        JsonNode classification = schemas.at("/TaskAnswers_Task_ConfirmExpectedOrUnexpected/properties/deathClassification");
        assertThat(classification.get("description").asText()).contains("expected = Expected", "unexpected = Unexpected");
        assertThat(schemas.at("/TaskAnswers_Task_ScheduleMeeting/properties/meetingDate/format").asText()).isEqualTo("date");
        assertThat(schemas.at("/TaskAnswers_Task_ScheduleMeeting/properties/meetingDate/description").asText())
                .contains("yyyy-mm-dd");
        assertThat(schemas.at("/TaskAnswers_Task_ScheduleMeeting/properties/meetingTime/description").asText())
                .contains("hh:mm");
        // Form A: the Tasklist start form's agenciesKnown is the API's agencies, and both say so.
        assertThat(schemas.at("/TaskAnswers_logDeathFromTasklist/properties/agenciesKnown").isMissingNode()).isFalse();
        assertThat(schemas.at("/TaskAnswers_logDeathFromTasklist/description").asText()).contains("agencies", "agenciesKnown");
        assertThat(schemas.at("/FormA/properties/agencies/description").asText()).contains("agenciesKnown");
    }

    private static void checkFields(String taskKey, JsonNode components, JsonNode schema, List<String> checked) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                String key = component.get("key").asText();
                JsonNode property = schema.at("/properties/" + key);
                assertThat(property.isMissingNode()).as(taskKey + "." + key).isFalse();
                boolean required = component.at("/validate/required").asBoolean(false);
                List<String> requiredList = new ArrayList<>();
                schema.path("required").forEach(r -> requiredList.add(r.asText()));
                assertThat(requiredList.contains(key)).as(taskKey + "." + key + " required").isEqualTo(required);
                for (JsonNode value : component.path("values")) {
                    assertThat(property.get("enum").toString()).as(taskKey + "." + key).contains("\"" + value.get("value").asText() + "\"");
                    assertThat(property.get("description").asText()).as(taskKey + "." + key)
                            .contains(value.get("value").asText() + " = " + value.get("label").asText());
                }
                checked.add(taskKey + "." + key);
            }
            checkFields(taskKey, component.path("components"), schema, checked);
        }
    }
}
