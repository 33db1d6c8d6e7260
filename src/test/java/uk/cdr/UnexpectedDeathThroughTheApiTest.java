package uk.cdr;

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
 * A whole unexpected death on PostgreSQL, from Form A to the CDOP's ratified review that closes the
 * case, driven only through the
 * APIs people's tools use: our /api and the engine's /engine-rest (what Tasklist's forms call).
 * The test stands in for the job executor by running due jobs, and reads every email on the way.
 */
class UnexpectedDeathThroughTheApiTest extends ProcessTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, HttpSession> users = new LinkedHashMap<>();

    @Test
    void fromFormAToTheClosedCdopReview() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        HttpSession.Response saved = as("spoc").postJson("/api/notifications", json.writeValueAsString(TestForms.aNotification()));
        assertThat(saved.status()).isEqualTo(201);
        JsonNode recorded = json.readTree(saved.body());
        String reference = recorded.get("caseReference").asText();
        UUID caseId = UUID.fromString(recorded.get("caseId").asText());
        runDueJobs();
        onlyEmailAbout(reference, "doctor@cdr.example.org", "Child death notification");

        complete("doctor", reference, "Task_ConfirmExpectedOrUnexpected", Map.of("deathClassification", "unexpected"));
        runDueJobs();

        complete("doctor", reference, "Task_InitialInformationSharing", Map.of("participants", "Health: Dr Okafor",
                "agreed", "Meet within the week", "homeVisit", "yes", "referredToSocialCare", "yes", "conveneMeeting", "yes"));
        complete("doctor", reference, "Task_ScheduleMeeting", Map.of("meetingDate", "2015-03-13", "meetingTime", "10:00",
                "meetingPlace", "Civic Centre", "invitees", "journey-police@police.example"));
        runDueJobs();
        onlyEmailAbout(reference, "journey-police@police.example", "Rapid response meeting for case");
        clockAt(LocalDateTime.of(2015, 3, 13, 12, 0));
        runDueJobs();
        complete("doctor", reference, "Task_RecordMeetingOutcome", Map.of("attendees", "Health: Dr Okafor\nPolice: DC Jones",
                "actions", "Share records; Metropolitan Police; 2015-03-20", "scrCriteriaMayBeMet", "yes"));
        runDueJobs();
        onlyEmailAbout(reference, "lscb-chair@cdr.example.org", "Serious Case Review");

        clockAt(LocalDateTime.of(2015, 4, 20, 10, 0));
        HttpSession.Response results = as("spoc").postJson("/api/cases/" + caseId + "/post-mortem",
                "{\"event\":\"final-results\",\"on\":\"2015-04-17\"}");
        assertThat(results.status()).isEqualTo(200);
        complete("doctor", reference, "Task_PlanFinalCaseDiscussion", Map.of("convene", "yes", "meetingDate", "2015-05-05",
                "meetingTime", "14:00", "meetingPlace", "Board room", "invitees", "journey-gp@nhs.example"));
        runDueJobs();
        onlyEmailAbout(reference, "journey-gp@nhs.example", "Final case discussion for case");
        clockAt(LocalDateTime.of(2015, 5, 5, 16, 0));
        runDueJobs();
        complete("doctor", reference, "Task_RecordFinalCaseDiscussion", Map.of("attendees", "Health: Dr Okafor",
                "domainChild", "1", "domainFamily", "2", "domainParenting", "1", "domainServices", "0",
                "proposedCategory", "10", "proposedModifiable", "no"));
        runDueJobs();

        assertThat(jdbc.sql("""
                select death_classification, scr_under_consideration, final_case_discussion_done_at is not null
                from case_file where id = ?""").param(caseId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3))
                .single()).isEqualTo("unexpected true true");
        assertThat(emailsAbout(reference, "spoc@cdr.example.org", "Overdue")).as("no escalation on a case kept in time").isEmpty();

        // No agency knew this family: with that said, the case joins the CDOP queue, ready for review.
        complete("spoc", reference, "Task_RequestFormBReports", Map.of("noAgencyInvolved", "true"));
        assertThat(uk.cdr.support.QueuePages.references(as("panel"), "state=READY_FOR_REVIEW&sort=reference"))
                .contains(reference);

        // The SPOC sets a panel meeting and puts the case on its agenda.
        HttpSession.Response meeting = as("spoc").postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"2015-06-03\",\"kind\":\"ROUTINE\",\"place\":\"Civic Centre\"}");
        assertThat(meeting.status()).isEqualTo(201);
        String meetingId = json.readTree(meeting.body()).get("id").asText();
        assertThat(as("spoc").postJson("/api/cdop/meetings/" + meetingId + "/cases", "{\"caseId\":\"" + caseId + "\"}")
                .status()).isEqualTo(204);

        // A panel member opens the agenda; the case's Form C starts from the final case discussion's draft.
        JsonNode agenda = json.readTree(as("panel").get("/api/cdop/meetings/" + meetingId + "/agenda").body());
        assertThat(agenda.findValuesAsText("caseReference")).containsExactly(reference);
        JsonNode draft = json.readTree(as("panel").get("/api/cdop/cases/" + caseId).body()).get("formC");
        assertThat(draft.get("fromDraft").asBoolean()).isTrue();
        assertThat(draft.at("/formC/domainFamily").asText()).isEqualTo("2");
        assertThat(draft.at("/formC/category").asInt()).isEqualTo(10);
        assertThat(draft.at("/formC/scrConsidered").asBoolean()).as("the rapid response flagged an SCR").isTrue();
        HttpSession.Response formC = as("panel").putJson("/api/cdop/cases/" + caseId + "/form-c", """
                {"version":0,"domainChild":"1","domainFamily":"2","domainParenting":"1","domainServices":"2","category":10,
                 "modifiable":"yes","learningPoints":"Out-of-hours advice line was not known to the family.",
                 "scrConsidered":true,"recommendations":[{"ownerAgency":"CCG","text":"Publicise the advice line"}]}""");
        assertThat(formC.status()).as(formC.body()).isEqualTo(200);

        // At the meeting the panel records the outcome in Tasklist; the chair ratifies there too.
        clockAt(LocalDateTime.of(2015, 6, 3, 15, 0));
        complete("panel", reference, "Task_ReviewCase", Map.of("outcome", "reviewed"));
        complete("chair", reference, "Task_RatifyReview", Map.of("ratified", "true"));
        runDueJobs();

        assertThat(jdbc.sql("select status, review_completed_on from case_file where id = ?").param(caseId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, java.time.LocalDate.class)).single())
                .isEqualTo("CLOSED 2015-06-03");
        onlyEmailAbout(reference, "spoc@cdr.example.org", "reviewed by the CDOP and closed");
        assertThat(as("spoc").get("/cases/" + caseId).body()).contains("Closed: review completed on 3 June 2015");
        assertThat(uk.cdr.support.QueuePages.references(as("panel"), "")).doesNotContain(reference);
    }

    private void complete(String user, String reference, String taskKey, Map<String, String> answers) throws Exception {
        HttpSession engineRest = as(user);
        JsonNode tasks = json.readTree(engineRest.get("/engine-rest/task?processInstanceBusinessKey="
                + java.net.URLEncoder.encode(reference, java.nio.charset.StandardCharsets.UTF_8)
                + "&taskDefinitionKey=" + taskKey).body());
        assertThat(tasks).as(taskKey + " offered to " + user).hasSize(1);
        Map<String, Object> variables = new LinkedHashMap<>();
        answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpSession.Response completed = engineRest.postJson("/engine-rest/task/" + tasks.get(0).get("id").asText()
                + "/complete", json.writeValueAsString(Map.of("variables", variables)));
        assertThat(completed.status()).as(taskKey + ": " + completed.body()).isEqualTo(204);
    }

    private HttpSession as(String user) {
        return users.computeIfAbsent(user, u -> browser().withBasicAuth(u, DEMO_PASSWORD));
    }
}
