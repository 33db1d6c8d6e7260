package uk.cdr.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 14, My work: each user sees the tasks offered to their roles with the case they are for,
 * what they ask, their due date in words and whether they are overdue, and completes them through
 * /api/tasks with the same rules and error shape as the rest of /api.
 */
class MyWorkTest extends ProcessTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, HttpSession> users = new LinkedHashMap<>();

    @Test
    void eachRoleSeesAndCompletesItsOwnTasksOfACase() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        HttpSession.Response saved = as("spoc").postJson("/api/notifications",
                json.writeValueAsString(TestForms.aNotification()));
        assertThat(saved.status()).isEqualTo(201);
        String reference = json.readTree(saved.body()).get("caseReference").asText();
        UUID caseId = UUID.fromString(json.readTree(saved.body()).get("caseId").asText());

        // The SPOC: acknowledgement (Tasklist) and the Form B request (the agencies page), both naming the case.
        Map<String, JsonNode> spoc = tasksOf("spoc", reference);
        assertThat(spoc).containsOnlyKeys("Task_AcknowledgeNotification", "Task_RequestFormBReports");
        JsonNode request = spoc.get("Task_RequestFormBReports");
        assertThat(request.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(request.get("link").asText()).isEqualTo("/cases/" + caseId + "/agencies");
        assertThat(request.get("caseLink").asText()).isEqualTo("/cases/" + caseId);
        assertThat(request.get("dueInWords").asText()).startsWith("11 March 2015");
        assertThat(request.get("overdue").asBoolean()).isFalse();
        assertThat(request.get("asks").asText()).contains("agencies");
        JsonNode acknowledge = spoc.get("Task_AcknowledgeNotification");
        assertThat(acknowledge.get("link").asText())
                .isEqualTo("/camunda/app/tasklist/default/#/?task=" + acknowledge.get("taskId").asText());
        assertThat(acknowledge.get("formKey").asText()).isEqualTo("acknowledge-notification");

        // The doctor and the nurse see their own; the panel sees none of this case's tasks.
        assertThat(tasksOf("doctor", reference)).containsOnlyKeys("Task_ConfirmExpectedOrUnexpected");
        assertThat(tasksOf("nurse", reference)).containsOnlyKeys("Task_BereavementSupport");
        // The nurse opens the case of her task: she needs the family's details to offer bereavement support.
        assertThat(tasksOf("nurse", reference).get("Task_BereavementSupport").get("caseLink").asText())
                .isEqualTo("/cases/" + caseId);
        assertThat(tasksOf("panel", reference)).isEmpty();
        assertThat(tasksOf("admin", reference)).isEmpty();

        // Someone else's task is no task of mine: 404, and it is still open.
        String confirmId = tasksOf("doctor", reference).get("Task_ConfirmExpectedOrUnexpected").get("taskId").asText();
        HttpSession.Response notMine = as("spoc").postJson("/api/tasks/" + confirmId + "/completion",
                "{\"deathClassification\":\"expected\"}");
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(as("spoc").get("/api/tasks/" + confirmId + "/form").status()).isEqualTo(404);

        // Bad answers: 400 naming each field and its rule; nothing saved.
        HttpSession.Response bad = as("doctor").postJson("/api/tasks/" + confirmId + "/completion",
                "{\"deathClassification\":\"maybe\",\"caseId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode errors = json.readTree(bad.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("deathClassification", "caseId");
        assertThat(errors.toString()).contains("\u201cThis death was\u201d must be one of expected, unexpected", "caseId is not a field of this task's form");
        HttpSession.Response nested = as("doctor").postJson("/api/tasks/" + confirmId + "/completion",
                "{\"deathClassification\":{\"value\":\"expected\"}}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(json.readTree(nested.body()).get("errors").findValuesAsText("field")).containsExactly("deathClassification");
        assertThat(tasksOf("doctor", reference)).containsKey("Task_ConfirmExpectedOrUnexpected");

        // The task's form, documented for the client: codes with their labels.
        JsonNode form = json.readTree(as("doctor").get("/api/tasks/" + confirmId + "/form").body());
        assertThat(form.get("fields").get(0).get("key").asText()).isEqualTo("deathClassification");
        assertThat(form.get("fields").get(0).get("required").asBoolean()).isTrue();
        assertThat(form.get("fields").get(0).get("options").findValuesAsText("value")).containsExactly("expected", "unexpected");

        // Right answers: done, audited, gone from my work; again is a 404 (no longer offered).
        HttpSession.Response done = as("doctor").postJson("/api/tasks/" + confirmId + "/completion",
                "{\"deathClassification\":\"expected\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        CaseJobs.runDue(engine, reference);
        assertThat(jdbc.sql("select death_classification from case_file where id = ?").param(caseId).query(String.class)
                .single()).isEqualTo("expected");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'doctor' and case_reference = ? and detail like ?")
                .param(reference).param("task completed through the API: Confirm expected or unexpected%")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(tasksOf("doctor", reference)).isEmpty();
        assertThat(as("doctor").postJson("/api/tasks/" + confirmId + "/completion",
                "{\"deathClassification\":\"expected\"}").status()).isEqualTo(404);

        // A checkbox answered as JSON true; a date as yyyy-mm-dd.
        String nurseTask = tasksOf("nurse", reference).get("Task_BereavementSupport").get("taskId").asText();
        assertThat(as("nurse").postJson("/api/tasks/" + nurseTask + "/completion",
                "{\"bereavementSupport\":\"accepted\",\"bereavementSupportOfferedOn\":\"30/11/2015\",\"familiesLeaflet\":\"yes\"}").body())
                .contains("bereavementSupportOfferedOn", "Date offered must be a date (yyyy-mm-dd)");
        assertThat(as("nurse").postJson("/api/tasks/" + nurseTask + "/completion",
                "{\"bereavementSupport\":\"accepted\",\"bereavementSupportOfferedOn\":\"2015-03-10\",\"familiesLeaflet\":\"yes\"}").status())
                .isEqualTo(200);
        String ack = spoc.get("Task_AcknowledgeNotification").get("taskId").asText();
        assertThat(as("spoc").postJson("/api/tasks/" + ack + "/completion", "{\"acknowledged\":true}").status())
                .isEqualTo(200);

        // A day later the Form B request is overdue: the page says so, with the date in words and the case linked.
        clockAt(LocalDateTime.of(2015, 3, 12, 10, 0));
        assertThat(tasksOf("spoc", reference).get("Task_RequestFormBReports").get("overdue").asBoolean()).isTrue();
        String page = as("spoc").get("/my-work").body();
        assertThat(page).contains("My work", "href=\"/cases/" + caseId + "\">" + reference + "</a>",
                "href=\"/cases/" + caseId + "/agencies\">Request agency reports (Form B)</a>", "11 March 2015", "Overdue");
    }

    private Map<String, JsonNode> tasksOf(String user, String reference) throws Exception {
        HttpSession.Response response = as(user).get("/api/tasks");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (JsonNode task : json.readTree(response.body())) {
            if (reference.equals(task.path("caseReference").asText())) {
                found.put(task.get("taskKey").asText(), task);
            }
        }
        return found;
    }

    private HttpSession as(String user) {
        return users.computeIfAbsent(user, u -> browser().withBasicAuth(u, DEMO_PASSWORD));
    }
}
