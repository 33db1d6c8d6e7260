package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.ProcessTest;

/**
 * Issue 12, findings 1 and 2 and "every task's answers are checked on every way in", reproduced
 * through /engine-rest as the outside tester did them: each now fails, and the case it aimed at is
 * untouched.
 */
class EngineLockdownTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    record Case(Notifications.Recorded recorded, ProcessInstance process) {
        Task task(EngineLockdownTest test, String key) {
            return test.engineTask(process.getId(), key);
        }
    }

    Task engineTask(String processInstanceId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
                .singleResult();
    }

    private Case aCase() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
        ProcessInstance process = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(recorded.caseReference())
                .singleResult();
        Case c = new Case(recorded, process);
        runJobsOf(c);
        return c;
    }

    private void runJobsOf(Case c) {
        for (int round = 0; round < 5; round++) {
            managementService.createJobQuery().processInstanceId(c.process().getId()).executable().list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private HttpSession as(String user) {
        return browser().withBasicAuth(user, DEMO_PASSWORD);
    }

    private String classificationOf(Case c) {
        return jdbc.sql("select death_classification from case_file where id = ?").param(c.recorded().caseId())
                .query(String.class).optional().orElse(null);
    }

    @Test
    void aCandidateCannotRetargetATaskAtAnotherCase() throws Exception {
        Case mine = aCase();
        Case other = aCase();
        Task bereavement = mine.task(this, "Task_BereavementSupport");
        String path = "/engine-rest/task/" + bereavement.getId();

        Response write = as("nurse").putJson(path + "/variables/caseId",
                "{\"value\":\"" + other.recorded().caseId() + "\",\"type\":\"String\"}");
        assertThat(write.status()).as(write.body()).isEqualTo(403);
        assertThat(engine.getRuntimeService().getVariable(mine.process().getId(), "caseId"))
                .isEqualTo(mine.recorded().caseId().toString());

        Response link = as("nurse").postJson(path + "/identity-links", "{\"groupId\":\"cdop-panel\",\"type\":\"candidate\"}");
        assertThat(link.status()).as(link.body()).isEqualTo(403);
        assertThat(as("panel").get(path).status()).as("the panel does not see the nurse's task").isEqualTo(404);
        assertThat(as("panel").get(path + "/variables").status()).isIn(403, 404);

        Response rename = as("nurse").putJson(path, "{\"name\":\"Renamed\",\"priority\":50}");
        assertThat(rename.status()).as(rename.body()).isEqualTo(403);
        assertThat(engineTask(mine.process().getId(), "Task_BereavementSupport").getName()).as("as the model and TasksNameTheirCase named it")
                .isEqualTo("Bereavement support · " + mine.recorded().caseReference());

        Response extra = as("nurse").postJson(path + "/complete", "{\"variables\":{"
                + "\"bereavementSupport\":{\"value\":\"accepted\"},\"familiesLeaflet\":{\"value\":\"yes\"},"
                + "\"caseId\":{\"value\":\"" + other.recorded().caseId() + "\"}}}");
        assertThat(extra.status()).as(extra.body()).isEqualTo(400);
        assertThat(extra.header("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode errors = json.readTree(extra.body()).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("caseId");
        assertThat(errors.get(0).get("rule").asText()).isEqualTo("caseId is not a field of this task's form");
        assertThat(engineTask(mine.process().getId(), "Task_BereavementSupport")).as("still open").isNotNull();

        // Even the administrator, who may rewrite variables, cannot point the case's process elsewhere:
        // the process finds its case from its business key, the case reference.
        Response rewritten = as("admin").putJson("/engine-rest/process-instance/" + mine.process().getId()
                + "/variables/caseId", "{\"value\":\"" + other.recorded().caseId() + "\",\"type\":\"String\"}");
        assertThat(rewritten.status()).as(rewritten.body()).isEqualTo(204);

        // The doctor's decision then lands on the doctor's own case, and only there.
        Task confirm = mine.task(this, "Task_ConfirmExpectedOrUnexpected");
        Response decided = as("doctor").postJson("/engine-rest/task/" + confirm.getId() + "/complete",
                "{\"variables\":{\"deathClassification\":{\"value\":\"expected\"}}}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        runJobsOf(mine);
        assertThat(classificationOf(mine)).isEqualTo("expected");
        assertThat(classificationOf(other)).isNull();
    }

    /** A BPMN error or escalation from a task would set any variables and end the nurse's branch unchecked. */
    @Test
    void aTaskEndsOnlyByCompletingItsForm() {
        Case c = aCase();
        Task bereavement = c.task(this, "Task_BereavementSupport");
        String variables = "\"variables\":{\"caseId\":{\"value\":\"elsewhere\"},\"note\":{\"value\":\"Jane Doe, 12 Acacia Ave\"}}";
        for (String action : List.of("bpmnError", "bpmnEscalation")) {
            Response response = as("nurse").postJson("/engine-rest/task/" + bereavement.getId() + "/" + action,
                    "{\"errorCode\":\"x\",\"escalationCode\":\"x\"," + variables + "}");
            assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(403);
        }
        assertThat(engineTask(c.process().getId(), "Task_BereavementSupport")).as("still open").isNotNull();
        assertThat(engine.getRuntimeService().getVariable(c.process().getId(), "note")).isNull();
        Response message = as("admin").postJson("/engine-rest/message", "{\"messageName\":\"FormBReturned\","
                + "\"businessKey\":\"" + c.recorded().caseReference() + "\"," + variables.replace("variables", "processVariables") + "}");
        assertThat(message.status()).as(message.body()).isEqualTo(403);
    }

    /** Form A from Tasklist takes Form A's fields only: not who recorded it, nor a reference of one's choosing. */
    @Test
    void formAFromTheEngineTakesItsOwnFieldsOnly() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Response forged = as("spoc").postJson("/engine-rest/process-definition/key/logDeathFromTasklist/start",
                "{\"businessKey\":\"2014-15/999\",\"variables\":{\"notifiedBy\":{\"value\":\"doctor\"},"
                        + "\"childFirstName\":{\"value\":\"Ava\"}}}");
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        JsonNode errors = json.readTree(forged.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("businessKey", "notifiedBy");
    }

    @Test
    void aCommentCannotCarryFreeTextIntoTheEngine() {
        Case c = aCase();
        Task bereavement = c.task(this, "Task_BereavementSupport");
        for (String user : List.of("nurse", "admin")) {
            Response comment = as(user).postJson("/engine-rest/task/" + bereavement.getId() + "/comment/create",
                    "{\"message\":\"Spoke to the child's mother at 12 Acacia Avenue\"}");
            assertThat(comment.status()).as(user).isEqualTo(403);
        }
        assertThat(engine.getTaskService().getTaskComments(bereavement.getId())).isEmpty();
    }

    @Test
    void nobodyStartsAProcessThatTheAppStarts() {
        Case c = aCase();
        String body = "{\"businessKey\":\"" + c.recorded().caseReference() + "\",\"variables\":{"
                + "\"caseId\":{\"value\":\"" + c.recorded().caseId() + "\"},"
                + "\"caseReference\":{\"value\":\"" + c.recorded().caseReference() + "\"},"
                + "\"meetingPage\":{\"value\":\"https://evil.example/\"}}}";
        for (String user : List.of("chair", "spoc", "panel", "admin")) {
            for (String process : List.of("cdopReview", "cdopPanelMeeting", "rapidResponse", "agencyReportRequest")) {
                Response start = as(user).postJson("/engine-rest/process-definition/key/" + process + "/start", body);
                // Those who may not even read the model are told there is none; the administrator is refused.
                assertThat(start.status()).as(user + " starts " + process + ": " + start.body())
                        .isIn(user.equals("admin") ? List.of(403) : List.of(403, 404));
            }
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cdopReview")
                .processInstanceBusinessKey(c.recorded().caseReference()).count()).isZero();
    }

    @Test
    void tasklistAndEngineRestAnswersAreCheckedLikeTheApi() throws Exception {
        Case c = aCase();
        refused("spoc", c.task(this, "Task_AcknowledgeNotification"), "{}", "acknowledged",
                "I have checked this notification and logged it is required");
        refused("nurse", c.task(this, "Task_BereavementSupport"), "{\"bereavementSupport\":{\"value\":\"banana\"},\"familiesLeaflet\":{\"value\":\"yes\"}}",
                "bereavementSupport", "Bereavement support must be one of accepted, declined, provided-elsewhere, not-contactable");
        refused("doctor", c.task(this, "Task_ConfirmExpectedOrUnexpected"),
                "{\"deathClassification\":{\"value\":\"Unexpected\"}}", "deathClassification",
                "\u201cThis death was\u201d must be one of expected, unexpected");
        // The same through the webapp's submit-form, which Tasklist uses.
        Task confirm = c.task(this, "Task_ConfirmExpectedOrUnexpected");
        Response submitted = as("doctor").postJson("/engine-rest/task/" + confirm.getId() + "/submit-form",
                "{\"variables\":{\"deathClassification\":{\"value\":\"Unexpected\"}}}");
        assertThat(submitted.status()).isEqualTo(400);
        assertThat(classificationOf(c)).isNull();
        assertThat(engineTask(c.process().getId(), "Task_ConfirmExpectedOrUnexpected")).isNotNull();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(c.process().getId()).count()).isZero();
    }

    /** Tasklist submits a task's form through the webapp's engine API, with the session and its CSRF token. */
    @Test
    void tasklistsOwnSubmissionIsCheckedTheSameWay() {
        Case c = aCase();
        Task confirm = c.task(this, "Task_ConfirmExpectedOrUnexpected");
        HttpSession doctor = loggedIn("doctor");
        String token = doctor.get("/camunda/app/tasklist/default/").header("X-XSRF-TOKEN")
                .orElseThrow(() -> new AssertionError("no CSRF token for Tasklist"));
        String submit = "/camunda/api/engine/engine/default/task/" + confirm.getId() + "/submit-form";
        Map<String, String> csrf = Map.of("X-XSRF-TOKEN", token);

        Response bad = doctor.postJson(submit, "{\"variables\":{\"deathClassification\":{\"value\":\"Unexpected\"},"
                + "\"caseId\":{\"value\":\"elsewhere\"}}}", csrf);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\u201cThis death was\u201d must be one of expected, unexpected",
                "caseId is not a field of this task's form");
        assertThat(engineTask(c.process().getId(), "Task_ConfirmExpectedOrUnexpected")).as("still open").isNotNull();

        Response good = doctor.postJson(submit, "{\"variables\":{\"deathClassification\":{\"value\":\"expected\"}}}", csrf);
        assertThat(good.status()).as(good.body()).isIn(200, 204);
        runJobsOf(c);
        assertThat(classificationOf(c)).isEqualTo("expected");
    }

    private void refused(String user, Task task, String variables, String field, String rule) throws Exception {
        Response response = as(user).postJson("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo(rule);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);
    }
}
