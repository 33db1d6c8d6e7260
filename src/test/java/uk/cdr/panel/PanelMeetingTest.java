package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

class PanelMeetingTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theSpocSetsAMeetingAssignsReadyCasesAndThePanelGetsAnAnonymisedAgendaAWeekBefore() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA form = TestForms.aNotification();
        Notifications.Recorded ready = readyCase(form);
        Notifications.Recorded notReady = notifications.record(TestForms.aNotification(), "spoc");

        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        HttpSession.Response created = spoc.postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"2015-04-15\",\"kind\":\"ROUTINE\",\"place\":\"Town Hall, room 4\"}");
        assertThat(created.status()).isEqualTo(201);
        String meetingId = json.readTree(created.body()).get("id").asText();

        HttpSession.Response refused = spoc.postJson("/api/cdop/meetings/" + meetingId + "/cases",
                "{\"caseId\":\"" + notReady.caseId() + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"caseId\"", "is not ready for review");
        assertThat(spoc.postJson("/api/cdop/meetings/" + meetingId + "/cases", "{\"caseId\":\"" + ready.caseId() + "\"}")
                .status()).isEqualTo(204);

        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        JsonNode agenda = json.readTree(panel.get("/api/cdop/meetings/" + meetingId + "/agenda").body());
        assertThat(agenda).hasSize(1);
        assertThat(agenda.get(0).get("caseReference").asText()).isEqualTo(ready.caseReference());
        assertThat(agenda.get(0).get("state").asText()).isEqualTo("ASSIGNED");

        clockAt(LocalDateTime.of(2015, 4, 8, 8, 59));
        runDueJobs();
        assertThat(agendaEmails("15 April 2015")).isEmpty();
        clockAt(LocalDateTime.of(2015, 4, 8, 9, 0));
        runDueJobs();
        List<MimeMessage> emails = agendaEmails("15 April 2015");
        assertThat(emails).hasSize(1);
        String body = (String) emails.get(0).getContent();
        assertThat(emails.get(0).getSubject()).isEqualTo("CDOP panel meeting on 15 April 2015: agenda");
        assertThat(body).contains(ready.caseReference(), "Town Hall, room 4", "The CDOP panel meeting on 15 April 2015 at")
                .doesNotContain(form.childLastName(), form.nhsNumber(), form.postcode());
    }

    @Test
    void meetingsInThePastAndNeonatalPanelsForOlderChildrenAreRefused() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded ready = readyCase(TestForms.aNotification()); // 18 weeks old: not neonatal
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        HttpSession.Response past = spoc.postJson("/api/cdop/meetings",
                "{\"heldOn\":\"2015-03-01\",\"kind\":\"ROUTINE\",\"place\":\"Town Hall\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("\"field\":\"heldOn\"", "must not be in the past");
        assertThat(spoc.postJson("/api/cdop/meetings", "{\"heldOn\":\"2015-05-01\",\"kind\":\"WEEKLY\",\"place\":\"x\"}")
                .body()).contains("\"field\":\"kind\"");
        HttpSession.Response twoLines = spoc.postJson("/api/cdop/meetings",
                "{\"heldOn\":\"2015-05-01\",\"kind\":\"ROUTINE\",\"place\":\"Town Hall\\r\\nBring your papers to x@evil.example\"}");
        assertThat(twoLines.status()).isEqualTo(400);
        assertThat(twoLines.body()).contains("\"field\":\"place\"", "must be one line");

        String neonatal = json.readTree(spoc.postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"2015-05-01\",\"kind\":\"NEONATAL\",\"place\":\"Hospital\"}").body()).get("id").asText();
        HttpSession.Response wrongPanel = spoc.postJson("/api/cdop/meetings/" + neonatal + "/cases",
                "{\"caseId\":\"" + ready.caseId() + "\"}");
        assertThat(wrongPanel.status()).isEqualTo(400);
        assertThat(wrongPanel.body()).contains("neonatal deaths only");
        assertThat(browser().withBasicAuth("panel", DEMO_PASSWORD).postJson("/api/cdop/meetings",
                "{\"heldOn\":\"2015-05-01\",\"kind\":\"ROUTINE\",\"place\":\"x\"}").status()).isEqualTo(403);
    }

    /**
     * Issue 14: a meeting set less than a week ahead had its agenda sent at once saying "No case has
     * been assigned yet", and never again. Now it goes with the first case, and again when one is added.
     */
    @Test
    void theAgendaOfAMeetingSetLateGoesWithItsFirstCaseAndAgainMarkedUpdatedWhenACaseIsAdded() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded first = readyCase(TestForms.aNotification());
        Notifications.Recorded second = readyCase(TestForms.aNotification());
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        String meetingId = json.readTree(spoc.postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"2015-03-16\",\"kind\":\"ROUTINE\",\"place\":\"Town Hall\"}")
                .body()).get("id").asText();
        runDueJobs();
        assertThat(agendasOf(meetingId)).as("no agenda without a case").isEmpty();

        assertThat(spoc.postJson("/api/cdop/meetings/" + meetingId + "/cases", "{\"caseId\":\"" + first.caseId() + "\"}")
                .status()).isEqualTo(204);
        runDueJobs();
        List<MimeMessage> agendas = agendasOf(meetingId);
        assertThat(agendas).hasSize(1);
        assertThat(agendas.get(0).getSubject()).endsWith("on 16 March 2015: agenda");
        assertThat((String) agendas.get(0).getContent()).contains(first.caseReference()).doesNotContain("No case");

        assertThat(spoc.postJson("/api/cdop/meetings/" + meetingId + "/cases", "{\"caseId\":\"" + second.caseId() + "\"}")
                .status()).isEqualTo(204);
        runDueJobs();
        agendas = agendasOf(meetingId);
        assertThat(agendas).hasSize(2);
        MimeMessage updated = agendas.get(1);
        assertThat(updated.getSubject()).endsWith("on 16 March 2015: agenda (updated)");
        assertThat((String) updated.getContent()).contains("this one replaces it", first.caseReference(), second.caseReference());
    }

    /**
     * Issue 15: the SPOC and the chair filling one meeting's agenda at the same moment. Each
     * assignment tells the meeting's process its agenda changed; two at once met in the engine and
     * one was answered with a 500. Assignments to one meeting now take their turn.
     */
    @Test
    void casesAssignedToOneMeetingAtTheSameMomentAreAllAssigned() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        List<Notifications.Recorded> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(readyCase(TestForms.aNotification()));
        }
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        String meetingId = json.readTree(spoc.postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"2015-03-16\",\"kind\":\"ROUTINE\",\"place\":\"Town Hall\"}")
                .body()).get("id").asText();
        runDueJobs();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cases.size());
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (Notifications.Recorded c : cases) {
                HttpSession own = browser().withBasicAuth("spoc", DEMO_PASSWORD);
                answers.add(pool.submit(() -> {
                    start.await();
                    return own.postJson("/api/cdop/meetings/" + meetingId + "/cases", "{\"caseId\":\"" + c.caseId() + "\"}")
                            .status();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from panel_assignment where meeting_id = ?")
                .param(java.util.UUID.fromString(meetingId)).query(Integer.class).single()).isEqualTo(cases.size());
    }

    private static List<MimeMessage> agendasOf(String meetingId) {
        return java.util.Arrays.stream(mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(": agenda") && ((String) m.getContent()).contains("/cdop/meetings/" + meetingId)
                        && java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals("panel@cdr.example.org"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Issue 14: a second meeting on one day is set only when the person confirms it, in the API and on the page. */
    @Test
    void aSecondMeetingOnOneDayIsRefusedUntilConfirmedInTheApiAndOnThePage() throws Exception {
        // A day no other test uses (the database is shared), within the years a meeting may be set ahead.
        clockAt(LocalDateTime.of(2031, 1, 2, 10, 0));
        java.time.LocalDate day = java.time.LocalDate.of(2032, 1, 2)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        String words = day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        assertThat(spoc.postJson("/api/cdop/meetings", "{\"heldOn\":\"" + day + "\",\"kind\":\"ROUTINE\",\"place\":\"Civic Centre\"}")
                .status()).isEqualTo(201);

        HttpSession.Response second = spoc.postJson("/api/cdop/meetings",
                "{\"heldOn\":\"" + day + "\",\"kind\":\"NEONATAL\",\"place\":\"Hospital\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("\"field\":\"sameDayConfirmed\"", "already set for " + words,
                "routine panel meeting at Civic Centre", "Nothing was saved");
        assertThat(meetingsOn(day)).isEqualTo(1);

        HttpSession chair = loggedIn("chair");
        String csrf = chair.csrfTokenFrom("/cdop/meetings");
        HttpSession.Response warned = chair.postForm("/cdop/meetings",
                Map.of("_csrf", csrf, "heldOn-day", String.valueOf(day.getDayOfMonth()), "heldOn-month",
                        String.valueOf(day.getMonthValue()), "heldOn-year", String.valueOf(day.getYear()), "kind", "NEONATAL",
                        "place", "Hospital"));
        assertThat(warned.status()).isEqualTo(409);
        assertThat(warned.body()).contains("id=\"same-day-warning\"", "A meeting is already set for " + words,
                "Routine panel meeting at Civic Centre", "id=\"confirm-second-meeting\"");
        assertThat(meetingsOn(day)).isEqualTo(1);

        // The warning's button posts the same answers with the confirmation.
        HttpSession.Response confirmed = chair.postForm("/cdop/meetings", Map.of("_csrf", csrf,
                "heldOn-day", String.valueOf(day.getDayOfMonth()), "heldOn-month", String.valueOf(day.getMonthValue()),
                "heldOn-year", String.valueOf(day.getYear()), "kind", "NEONATAL", "place", "Hospital", "sameDayConfirmed", "yes"));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(meetingsOn(day)).isEqualTo(2);
    }

    private int meetingsOn(java.time.LocalDate day) {
        return jdbc.sql("select count(*) from panel_meeting where held_on = ?")
                .param(day).query(Integer.class).single();
    }

    /** An expected death with no agency involved: ready for review once the doctor has decided. */
    private Notifications.Recorded readyCase(FormA form) {
        Notifications.Recorded recorded = notifications.record(form, "spoc");
        runDueJobs();
        ProcessInstance notification = runtimeService.createProcessInstanceQuery().processDefinitionKey("childDeathNotification")
                .processInstanceBusinessKey(recorded.caseReference()).singleResult();
        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            taskService.complete(task("Task_ConfirmExpectedOrUnexpected", notification).getId(),
                    Map.of("deathClassification", "expected"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        engine.getIdentityService().setAuthentication("spoc", List.of("spoc"));
        try {
            taskService.complete(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.caseReference())
                .taskDefinitionKey("Task_RequestFormBReports").singleResult().getId(), Map.of("noAgencyInvolved", true));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runDueJobs();
        return recorded;
    }

    private static List<MimeMessage> agendaEmails(String heldOn) {
        return java.util.Arrays.stream(mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains("on " + heldOn + ": agenda")
                        && java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals("panel@cdr.example.org"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
