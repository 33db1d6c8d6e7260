package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/** Stage 6 on the real engine: ready, assigned, reviewed, ratified, closed; deferral and return; reopening. */
class CdopReviewProcessTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void aReviewedCaseRatifiedByTheChairClosesWithTheMeetingDateAsItsReviewDate() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        UUID meetingId = PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 22), c.caseId());
        ProcessInstance review = review(c);
        assertThat(review).isWaitingAt("Task_ReviewCase");
        assertThat(task("Task_ReviewCase", review)).hasCandidateGroup("cdop-panel");
        assertThat(queueState(c)).isEqualTo("ASSIGNED");

        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        assertThat(json.readTree(panel.get("/api/cdop/queue?meetingId=" + meetingId).body()).get("items").findValuesAsText("caseId"))
                .containsExactly(c.caseId().toString());
        HttpSession panelBrowser = loggedIn("panel");
        assertThat(panelBrowser.get("/cdop/queue?meetingId=" + meetingId).body()).as("the queue page narrowed to the meeting")
                .contains(c.caseReference()).contains("22 April 2015 (Routine panel meeting)");
        assertThat(panelBrowser.get("/cdop/queue?meetingId=" + UUID.randomUUID()).body()).doesNotContain(c.caseReference());
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "8", "no")).body()).contains("\"version\":1");
        clockAt(LocalDateTime.of(2015, 4, 22, 15, 0));
        assertThat(panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"reviewed\"}").status()).isEqualTo(204);
        assertThat(review).isWaitingAt("Task_RatifyReview");
        assertThat(task("Task_RatifyReview", review)).hasCandidateGroup("cdop-chair");
        assertThat(queueState(c)).isEqualTo("AWAITING_RATIFICATION");

        // Only the chair ratifies.
        assertThat(panel.postJson(PanelFixtures.ratification(c), "{}").status()).isEqualTo(403);
        clockAt(LocalDateTime.of(2015, 4, 20, 9, 30));
        assertThat(browser().withBasicAuth("chair", DEMO_PASSWORD).postJson(PanelFixtures.ratification(c), "{}").status()).isEqualTo(204);
        runDueJobs();
        assertThat(review).isEnded();
        assertThat(jdbc.sql("select status, review_completed_on from case_file where id = ?").param(c.caseId())
                .query((rs, row) -> List.of(rs.getString(1), rs.getObject(2, LocalDate.class))).single())
                .containsExactly("CLOSED", LocalDate.of(2015, 4, 22));
        assertThat(jdbc.sql("select category, modifiable, domain_family from form_c where case_id = ?").param(c.caseId())
                .query((rs, row) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3))).single())
                .containsExactly(8, "no", "1*");
        assertThat(queueState(c)).isNull();
        assertThat((String) onlyEmailAbout(c.caseReference(), "spoc@cdr.example.org", "closed").getContent())
                .contains("its meeting of 22 April 2015", "review was completed on 22 April 2015");
        assertThat(audit(c.caseReference())).anyMatch(line -> line.startsWith("CASE_CLOSED chair"));
    }

    @Test
    void aDeferredCaseGoesBackToTheQueueWithItsReasonAndReviewByDateAndIsReviewedAtALaterMeeting() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 22), c.caseId());
        ProcessInstance first = review(c);
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        clockAt(LocalDateTime.of(2015, 4, 22, 15, 0));
        HttpSession.Response noReviewBy = panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"deferred\",\"deferralReason\":\"awaiting-inquest\"}");
        assertThat(noReviewBy.status()).isEqualTo(400);
        assertThat(noReviewBy.body()).contains("\"field\":\"reviewBy\"");
        assertThat(first).isWaitingAt("Task_ReviewCase");

        assertThat(panel.postJson(PanelFixtures.outcome(c), """
                {"outcome":"deferred","deferralReason":"awaiting-inquest","reviewBy":"2015-09-30",
                 "deferralDetail":"Inquest listed for August"}""").status()).isEqualTo(204);
        // The review ends; the case's process waits for the next meeting, with the review-by date on it.
        assertThat(first).isEnded().hasPassed("End_Deferred");
        assertThat(theCase(c)).isWaitingAt("Receive_AssignedAgain");
        JsonNode queued = PanelFixtures.queued(browser().withBasicAuth("panel", DEMO_PASSWORD), c);
        assertThat(queued.get("state").asText()).isEqualTo("DEFERRED");
        assertThat(queued.get("deferralReason").asText()).isEqualTo("awaiting-inquest");
        assertThat(queued.get("reviewBy").asText()).isEqualTo("2015-09-30");
        assertThat(queued.get("waitingFor").asText()).contains("Awaiting inquest", "30 September 2015");
        // The panel's words stay in the app's tables, not the engine's.
        assertNotInEngineHistory(first.getId(), "deferralDetail");

        UUID later = PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 9, 16), c.caseId());
        ProcessInstance second = review(c);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(queueState(c)).isEqualTo("ASSIGNED");
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "3", "yes")).status()).isEqualTo(200);
        clockAt(LocalDateTime.of(2015, 9, 16, 14, 0));
        assertThat(panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"reviewed\"}").status()).isEqualTo(204);
        assertThat(browser().withBasicAuth("chair", DEMO_PASSWORD).postJson(PanelFixtures.ratification(c), "{}").status()).isEqualTo(204);
        assertThat(jdbc.sql("select review_completed_on from case_file where id = ?").param(c.caseId())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2015, 9, 16));
        assertThat(later).isNotNull();
        // Reviewed again before its review-by date: the SPOC is not chased about it.
        clockAt(LocalDateTime.of(2015, 9, 30, 9, 0));
        runDueJobs();
        assertThat(first).isEnded();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "due back at the CDOP")).isEmpty();
    }

    @Test
    void aDeferredCaseNotAssignedAgainByItsReviewByDateIsBroughtToTheSpoc() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 22), c.caseId());
        ProcessInstance review = review(c);
        clockAt(LocalDateTime.of(2015, 4, 22, 15, 0));
        browser().withBasicAuth("panel", DEMO_PASSWORD).postJson(PanelFixtures.outcome(c),
                "{\"outcome\":\"deferred\",\"deferralReason\":\"criminal-proceedings\",\"reviewBy\":\"2015-07-01\"}");
        assertThat(review).isEnded();
        assertThat(theCase(c)).isWaitingAt("Receive_AssignedAgain");
        assertThat(jdbc.sql("select detail from audit_log where case_reference = ? and detail like 'deferred%'")
                .param(c.caseReference()).query(String.class).single())
                .isEqualTo("deferred at the CDOP meeting of 22 April 2015 (Criminal proceedings), to be reviewed by 1 July 2015");
        clockAt(LocalDateTime.of(2015, 7, 1, 8, 59));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "due back at the CDOP")).isEmpty();
        clockAt(LocalDateTime.of(2015, 7, 1, 9, 0));
        runDueJobs();
        assertThat((String) onlyEmailAbout(c.caseReference(), "spoc@cdr.example.org", "due back at the CDOP").getContent())
                .contains("criminal proceedings", "to be reviewed by 1 July 2015", "/cdop/queue?state=DEFERRED");
        assertThat(theCase(c)).hasPassed("Send_DeferredCaseDueToSpoc").isWaitingAt("Receive_AssignedAgain");
    }

    @Test
    void theSpocReopensAClosedCaseWithAReasonAndBothAreInTheAuditLog() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 22), c.caseId());
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "5", "no"));
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        assertThat(spoc.postJson("/api/cases/" + c.caseId() + "/reopening", "{\"reason\":\"x\"}").status())
                .as("an open case cannot be reopened").isEqualTo(409);
        clockAt(LocalDateTime.of(2015, 4, 22, 15, 0));
        panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"reviewed\"}");
        browser().withBasicAuth("chair", DEMO_PASSWORD).postJson(PanelFixtures.ratification(c), "{}");
        assertThat(spoc.postJson("/api/cases/" + c.caseId() + "/reopening", "{\"reason\":\"x\"}").status())
                .as("still closing: its last emails are being sent").isEqualTo(409);
        runDueJobs();

        assertThat(panel.postJson("/api/cases/" + c.caseId() + "/reopening", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        HttpSession.Response noReason = spoc.postJson("/api/cases/" + c.caseId() + "/reopening", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(spoc.postJson("/api/cases/" + c.caseId() + "/reopening",
                "{\"reason\":\"Inquest verdict received: new findings\"}").status()).isEqualTo(204);
        JsonNode queued = PanelFixtures.queued(browser().withBasicAuth("panel", DEMO_PASSWORD), c);
        assertThat(queued.get("state").asText()).isEqualTo("READY_FOR_REVIEW");
        assertThat(queued.get("reopened").asBoolean()).isTrue();
        assertThat(audit(c.caseReference())).anyMatch(line -> line.startsWith("CASE_CLOSED chair"))
                .anyMatch(line -> line.startsWith("CASE_REOPENED spoc") && line.contains("Inquest verdict received"));

        // Reviewed again: the Form C starts from the panel's last one, and a recommendation already done stays done.
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 6, 10), c.caseId());
        JsonNode panelCase = json.readTree(panel.get("/api/cdop/cases/" + c.caseId()).body());
        assertThat(panelCase.at("/formC/version").asInt()).isEqualTo(1);
        assertThat(panelCase.at("/formC/formC/category").asInt()).isEqualTo(5);
        String recommendation = panelCase.at("/recommendations/0/id").asText();
        assertThat(spoc.postJson("/api/cdop/recommendations/" + recommendation + "/done", "{}").status()).isEqualTo(204);
        assertThat(spoc.postJson("/api/cdop/recommendations/" + recommendation + "/done", "{}").status()).isEqualTo(409);
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(1, "5", "yes")).status()).isEqualTo(200);
        assertThat(jdbc.sql("select status from form_c_recommendation where case_id = ?").param(c.caseId())
                .query(String.class).list()).containsExactly("DONE");
    }

    @Test
    void theCasePageShowsTheClosedReviewAndTheSpocReopensFromIt() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 29), c.caseId());
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "8", "insufficient-information"));
        clockAt(LocalDateTime.of(2015, 4, 29, 16, 0));
        panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"reviewed\"}");
        browser().withBasicAuth("chair", DEMO_PASSWORD).postJson(PanelFixtures.ratification(c), "{}");
        runDueJobs();

        HttpSession spoc = loggedIn("spoc");
        String page = "/cases/" + c.caseId();
        String html = spoc.get(page).body();
        assertThat(html).contains("Closed: review completed on 29 April 2015", "8. Perinatal/neonatal event",
                "Insufficient information", "Repeat safe sleep advice at every visit", "ratified by Chris Morgan (CDOP chair)");
        // Issue 14: a closed case offers no actions, and their endpoints refuse them with a reason.
        assertThat(html).contains("id=\"closed-no-changes\"", "id=\"reopen-form\"")
                .doesNotContain("id=\"post-mortem-form\"", "id=\"link-agencies\"");
        HttpSession spocApi = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        HttpSession.Response milestone = spocApi.postJson("/api/cases/" + c.caseId() + "/post-mortem",
                "{\"event\":\"inquest-opened\",\"on\":\"2015-04-29\"}");
        assertThat(milestone.status()).isEqualTo(409);
        assertThat(milestone.body()).contains("is closed, so nothing more can be recorded on it", "Nothing was saved");
        assertThat(jdbc.sql("select count(*) from post_mortem where case_id = ? and inquest_opened_on is not null")
                .param(c.caseId()).query(Integer.class).single()).isZero();
        assertThat(spocApi.postJson("/api/cases/" + c.caseId() + "/agency-reports",
                "[{\"agency\":\"School\",\"contactName\":\"Ms Head\",\"contactEmail\":\"closed@school.example\"}]")
                .status()).isEqualTo(409);
        HttpSession.Response fromAnOldPage = spoc.postForm(page + "/post-mortem", java.util.Map.of(
                "_csrf", spoc.csrfTokenFrom(page), "event", "inquest-opened", "on", "2015-04-29"));
        assertThat(fromAnOldPage.status()).isEqualTo(409);
        assertThat(fromAnOldPage.body()).contains("is closed, so nothing more can be recorded on it");
        HttpSession.Response blank = spoc.postForm(page + "/reopening", java.util.Map.of("_csrf", spoc.csrfTokenFrom(page),
                "reason", " "));
        assertThat(blank.redirectsTo(page)).isTrue();
        assertThat(spoc.get(page).body()).doesNotContain("Reopened ");
        spoc.postForm(page + "/reopening", java.util.Map.of("_csrf", spoc.csrfTokenFrom(page),
                "reason", "Coroner's findings changed the cause of death"));
        assertThat(spoc.get(page).body()).contains("Reopened: back in the CDOP queue",
                "by Sam Patel (Single Point of Contact)", "Coroner&#39;s findings changed the cause of death", "id=\"post-mortem-form\"");
        HttpSession doctor = loggedIn("doctor");
        assertThat(doctor.postForm(page + "/reopening", java.util.Map.of("_csrf", doctor.csrfTokenFrom(page),
                "reason", "x")).status()).isEqualTo(403);
    }

    @Test
    void badFormCAnswersAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "8", "no")).status())
                .as("not on any meeting's agenda yet").isEqualTo(409);
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 22), c.caseId());

        HttpSession.Response missing = panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "null", null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"category\"", "\"field\":\"modifiable\"");
        HttpSession.Response badScore = panel.putJson(PanelFixtures.formC(c),
                PanelFixtures.formCJson(0, "8", "no").replace("\"domainChild\":\"2\"", "\"domainChild\":\"4\""));
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.body()).contains("\"field\":\"domainChild\"", "0, 1, 1*, 2, 3");
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "11", "maybe")).body())
                .contains("\"field\":\"category\"", "\"field\":\"modifiable\"");
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "\"eight\"", "no")).body())
                .contains("\"field\":\"category\"", "whole number");
        assertThat(jdbc.sql("select count(*) from form_c where case_id = ?").param(c.caseId()).query(Integer.class).single())
                .isZero();

        // Reviewed without a Form C, or before the meeting's day: refused, and the task stays open.
        clockAt(LocalDateTime.of(2015, 4, 14, 10, 0));
        HttpSession.Response early = panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"reviewed\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("can be recorded from 22 April 2015, the day of the meeting", "\"field\":\"formC\"");
        assertThat(review(c)).isWaitingAt("Task_ReviewCase");

        HttpSession chair = browser().withBasicAuth("chair", DEMO_PASSWORD);
        HttpSession.Response unreviewed = chair.postJson(PanelFixtures.ratification(c), "{}");
        assertThat(unreviewed.status()).isEqualTo(409);
        assertThat(unreviewed.body()).contains("has not been reviewed");
        assertThat(jdbc.sql("select status from case_file where id = ?").param(c.caseId()).query(String.class).single())
                .isNotEqualTo("CLOSED");
    }

    @Test
    void twoPanelMembersSavingTheSameFormCAtOnceOneIsToldTheOtherSavedFirst() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 22), c.caseId());
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        HttpSession chair = browser().withBasicAuth("chair", DEMO_PASSWORD);
        CompletableFuture<HttpSession.Response> a = CompletableFuture.supplyAsync(
                () -> panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "8", "no")));
        CompletableFuture<HttpSession.Response> b = CompletableFuture.supplyAsync(
                () -> chair.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "9", "yes")));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        HttpSession.Response loser = a.get().status() == 409 ? a.get() : b.get();
        assertThat(loser.body()).contains("after you opened it", "Nothing of yours was saved");
        // A save from a stale version is a conflict too, not a silent overwrite.
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "10", "no")).status()).isEqualTo(409);
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(1, "10", "no")).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from form_c_recommendation where case_id = ?").param(c.caseId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    private Notifications.Recorded ready() {
        return PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(), this::runDueJobs);
    }

    private ProcessInstance review(Notifications.Recorded c) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cdopReview")
                .processInstanceBusinessKey(c.caseReference()).activityIdIn("Task_ReviewCase", "Task_RatifyReview")
                .singleResult();
    }

    private ProcessInstance theCase(Notifications.Recorded c) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("childDeathReview")
                .processInstanceBusinessKey(c.caseReference()).active().singleResult();
    }

    private String queueState(Notifications.Recorded c) throws Exception {
        JsonNode queued = PanelFixtures.queued(browser().withBasicAuth("panel", DEMO_PASSWORD), c);
        return queued == null ? null : queued.get("state").asText();
    }

    private List<String> audit(String reference) {
        return jdbc.sql("select action, actor, detail from audit_log where case_reference = ? order by id").param(reference)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
    }
}
