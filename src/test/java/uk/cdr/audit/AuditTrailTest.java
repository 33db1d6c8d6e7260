package uk.cdr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.ProcessTest;

/**
 * Scenario 10 of the reliability table: every read and change of case data by a person, through
 * the pages and the API, writes an audit row naming who, when, what and which case; and the app
 * offers no way to change or delete audit rows (the read-only API here; the database's refusal of
 * UPDATE, DELETE and TRUNCATE is proved by AuditLogTest).
 *
 * Not audited per case, by design: the CDOP queue and a meeting's agenda list anonymised rows
 * (reference, age band, state), not case data; the statistics are aggregates.
 */
class AuditTrailTest extends ProcessTest {


    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void everyReadAndChangeOfACaseByAPersonIsAuditedWithWhoWhenWhatAndWhichCase() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        HttpSession spocApi = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        HttpSession panelApi = browser().withBasicAuth("panel", DEMO_PASSWORD);
        HttpSession chairApi = browser().withBasicAuth("chair", DEMO_PASSWORD);
        HttpSession spocPages = loggedIn("spoc");
        HttpSession panelPages = loggedIn("panel");

        // Form A through the API.
        long before = lastId();
        Response created = spocApi.postJson("/api/notifications", json.writeValueAsString(TestForms.aNotification()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode recorded = json.readTree(created.body());
        UUID caseId = UUID.fromString(recorded.get("caseId").asText());
        String ref = recorded.get("caseReference").asText();
        assertAudited(before, "spoc", AuditAction.CASE_CREATED, ref);

        runDueJobs();
        ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(ref).singleResult();
        as("doctor", "designated-doctor", () -> engine.getTaskService().complete(
                task("Task_ConfirmExpectedOrUnexpected", notification).getId(), Map.of("deathClassification", "expected")));
        runDueJobs();

        // Reads by the SPOC: pages and API.
        expect("spoc", AuditAction.CASE_VIEWED, ref, () -> spocPages.get("/cases/" + caseId), 200);
        expect("spoc", AuditAction.CASE_VIEWED, ref, () -> spocPages.get("/cases/" + caseId + "/agencies"), 200);
        expect("spoc", AuditAction.CASE_VIEWED, ref, () -> spocApi.get("/api/cases/" + caseId + "/agency-reports"), 200);
        expect("spoc", AuditAction.CASE_VIEWED, ref,
                () -> spocApi.get("/api/cases/" + caseId + "/agency-reports/suggested-agencies"), 200);

        // Form B: requested by the SPOC, opened by the agency through its link.
        String agencyEmail = "audit-gp-" + UUID.randomUUID().toString().substring(0, 8) + "@nhs.example";
        expect("spoc", AuditAction.FORM_B_REQUESTED, ref, () -> spocApi.postJson("/api/cases/" + caseId + "/agency-reports",
                "[{\"agency\":\"GP\",\"contactName\":\"Dr Who\",\"contactEmail\":\"" + agencyEmail + "\"}]"), 201);
        runDueJobs();
        String token = tokenEmailedTo(agencyEmail);
        before = lastId();
        assertThat(browser().get("/form-b/" + token).status()).isEqualTo(200);
        AuditEntry viewed = assertAudited(before, null, AuditAction.FORM_B_VIEWED, ref);
        assertThat(viewed.actor()).as("the agency, as far as its link tells").isNotBlank().isNotEqualTo(AuditLog.ANONYMOUS);

        // Post-mortem milestones.
        expect("spoc", AuditAction.CASE_CHANGED, ref, () -> spocApi.postJson("/api/cases/" + caseId + "/post-mortem",
                "{\"event\":\"post-mortem-done\",\"on\":\"2015-03-10\"}"), 200);
        expect("spoc", AuditAction.CASE_VIEWED, ref, () -> spocApi.get("/api/cases/" + caseId + "/post-mortem"), 200);

        // To the CDOP without the missing Form B, a meeting, the assignment.
        expect("spoc", AuditAction.CASE_CHANGED, ref, () -> spocApi.postJson("/api/cdop/queue/" + caseId
                + "/proceed-without-form-bs", "{\"reason\":\"GP practice closed; panel agreed\"}"), 204);
        runDueJobs();
        before = lastId();
        Response meeting = spocApi.postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"2015-04-22\",\"kind\":\"ROUTINE\",\"place\":\"Town Hall, room 4\"}");
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        String meetingId = json.readTree(meeting.body()).get("id").asText();
        long beforeMeeting = before;
        assertThat(auditLog.find(new AuditQuery("spoc", AuditAction.CASE_CHANGED, null, 5)))
                .anyMatch(e -> e.id() > beforeMeeting && e.detail().contains("panel meeting set for 2015-04-22"));
        expect("spoc", AuditAction.CASE_CHANGED, ref, () -> spocApi.postJson("/api/cdop/meetings/" + meetingId + "/cases",
                "{\"caseId\":\"" + caseId + "\"}"), 204);
        runDueJobs();

        // The panel reads the case, on the meeting page and through the API, and records Form C and its outcome.
        expect("panel", AuditAction.CASE_VIEWED, ref, () -> panelPages.get("/cdop/meetings/" + meetingId), 200);
        expect("panel", AuditAction.CASE_VIEWED, ref, () -> panelApi.get("/api/cdop/cases/" + caseId), 200);
        expect("panel", AuditAction.CASE_CHANGED, ref, () -> panelApi.putJson("/api/cdop/cases/" + caseId + "/form-c", """
                {"version":0,"domainChild":"2","domainFamily":"1*","domainParenting":"1","domainServices":"0",
                 "category":8,"modifiable":"no","learningPoints":"Safe sleep advice was not repeated at discharge.",
                 "scrConsidered":false,
                 "recommendations":[{"ownerAgency":"Health visiting","text":"Repeat safe sleep advice at every visit"}]}"""),
                200);
        clockAt(LocalDateTime.of(2015, 4, 22, 15, 0));
        expect("panel", AuditAction.CASE_CHANGED, ref,
                () -> panelApi.postJson("/api/cdop/cases/" + caseId + "/outcome", "{\"outcome\":\"reviewed\"}"), 204);
        expect("chair", AuditAction.CASE_CLOSED, ref,
                () -> chairApi.postJson("/api/cdop/cases/" + caseId + "/ratification", "{}"), 204);
        runDueJobs();

        String recommendation = json.readTree(panelApi.get("/api/cdop/cases/" + caseId).body()).at("/recommendations/0/id").asText();
        expect("spoc", AuditAction.CASE_CHANGED, ref,
                () -> spocApi.postJson("/api/cdop/recommendations/" + recommendation + "/done", "{}"), 204);
        expect("spoc", AuditAction.CASE_REOPENED, ref, () -> spocApi.postJson("/api/cases/" + caseId + "/reopening",
                "{\"reason\":\"Inquest verdict received: new findings\"}"), 204);

        // The whole trail, oldest first, readable by the administrator.
        List<AuditEntry> trail = auditLog.find(new AuditQuery(null, null, ref, 1000));
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.occurredAt()).isNotNull();
            assertThat(e.actor()).isNotBlank();
            assertThat(e.caseReference()).isEqualTo(ref);
        });
        Response viaApi = browser().withBasicAuth("admin", DEMO_PASSWORD).get("/api/audit?caseReference=" + ref + "&size=1000");
        assertThat(viaApi.status()).isEqualTo(200);
        assertThat(json.readTree(viaApi.body()).get("items").size()).isEqualTo(trail.size());
        assertThat(json.readTree(viaApi.body()).get("total").asInt()).isEqualTo(trail.size());
        System.out.printf("Audit trail of %s: %d rows, %s%n", ref, trail.size(),
                trail.stream().map(e -> e.action() + " " + e.actor()).toList());
    }

    @Test
    void theAuditLogCannotBeChangedOrDeletedThroughTheApp() throws Exception {
        auditLog.record("panel", AuditAction.CASE_VIEWED, "2014-15/977", "for the immutability test");
        AuditEntry entry = auditLog.find(new AuditQuery("panel", null, "2014-15/977", 1)).get(0);
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newHttpClient();
        String body = "{\"actor\":\"someone-else\",\"detail\":\"rewritten\"}";
        for (String path : List.of("/api/audit", "/api/audit/" + entry.id(), "/api/audit?caseReference=2014-15/977")) {
            for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", admin).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + path).isIn(403, 404, 405);
            }
        }
        // The engine's REST API and the webapps offer no route to the app's tables either; the row is as it was.
        assertThat(auditLog.find(new AuditQuery(null, null, "2014-15/977", 10))).singleElement().isEqualTo(entry);
        // And anyone but the administrator cannot even read it.
        assertThat(browser().withBasicAuth("spoc", DEMO_PASSWORD).get("/api/audit").status()).isEqualTo(403);
    }

    // ----------------------------------------------------------------

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    /** Calls, checks the status, and finds a new audit row by this actor, with this action, for this case. */
    private void expect(String actor, AuditAction action, String ref, Supplier<Response> call, int status) {
        long before = lastId();
        Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertAudited(before, actor, action, ref);
    }

    private AuditEntry assertAudited(long after, String actor, AuditAction action, String ref) {
        List<AuditEntry> found = auditLog.find(new AuditQuery(actor, action, ref, 20)).stream()
                .filter(e -> e.id() > after).toList();
        assertThat(found).as("a new %s row by %s for %s", action, actor, ref).isNotEmpty();
        assertThat(found.get(0).occurredAt()).isNotNull();
        return found.get(0);
    }

    private void as(String user, String group, Runnable work) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            work.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String tokenEmailedTo(String address) throws Exception {
        return formBTokenSentTo(address);
    }
}
