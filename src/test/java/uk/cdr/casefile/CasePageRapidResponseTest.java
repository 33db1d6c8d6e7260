package uk.cdr.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.notification.Notifications;
import uk.cdr.rapidresponse.RapidResponseAnswers;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/** The case page's rapid response, meetings and actions, from a rapid response driven through the real process. */
class CasePageRapidResponseTest extends ProcessTest {

    /** Tuesday 10 March 2015, 10:00, in working hours. */
    private static final LocalDateTime NOTIFIED = LocalDateTime.of(2015, 3, 10, 10, 0);

    @Autowired
    Notifications notifications;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCasePageShowsTheRapidResponseItsMeetingAndActionsAndTheScrFlag() {
        Notifications.Recorded c = unexpectedDeathWithAHeldMeeting("yes");

        String html = loggedIn("doctor").get(page(c)).body();
        assertThat(html).contains("id=\"scr-under-consideration\"", "SCR under consideration");
        assertThat(html).contains("id=\"rapid-response\"", "10 March 2015 at 10:00", "Health: Dr Okafor",
                "Police to visit the home; paediatrician to see siblings", "Two siblings staying with grandparents");
        assertThat(html).containsPattern("id=\"home-visit\">Yes<");
        assertThat(html).containsPattern("id=\"referred-to-social-care\">Yes<");
        assertThat(html).containsPattern("id=\"meeting-convened\">Yes<");
        assertThat(html).doesNotContain("Out of hours, on");
        // The doctor's decision in words, and who took it by name and role, not "unexpected (doctor)".
        assertThat(html).contains("id=\"classification\">Unexpected, confirmed by Dana Okafor (Designated Doctor)<",
                "by Dana Okafor (Designated Doctor)");

        assertThat(html).contains("id=\"meetings\"", "Rapid response meeting", "12 March 2015 at 14:00", "Room 2, Civic Centre",
                "Held", "Health: Dr Okafor", "Police: DC Jones", "Children&#39;s social care: Ms Khan");

        assertThat(html).contains("id=\"actions\"", "Share the GP record", "Metropolitan Police", "20 March 2015",
                "Assess the siblings", "27 March 2015", "Mark done");
        assertThat(html).doesNotContain("class=\"overdue\"", "Overdue</strong>");
        assertThat(html.indexOf("Share the GP record")).isLessThan(html.indexOf("Assess the siblings"));
    }

    @Test
    void anOpenActionPastItsDueDateIsOverdueUntilTheSpocMarksItDoneOnce() {
        Notifications.Recorded c = unexpectedDeathWithAHeldMeeting("no");
        UUID police = action(c, "Metropolitan Police");
        UUID socialCare = action(c, "Children's social care");

        clockAt(LocalDateTime.of(2015, 3, 20, 17, 0));
        assertThat(loggedIn("spoc").get(page(c)).body()).doesNotContain("class=\"overdue\"")
                .doesNotContain("id=\"scr-under-consideration\"");

        clockAt(LocalDateTime.of(2015, 3, 21, 9, 0));
        HttpSession spoc = loggedIn("spoc");
        String html = spoc.get(page(c)).body();
        assertThat(row(html, police)).contains("class=\"overdue\"", "Overdue");
        assertThat(row(html, socialCare)).doesNotContain("overdue", "Overdue").contains("Open");

        String csrf = spoc.csrfTokenFrom(page(c));
        HttpSession.Response done = spoc.postForm(page(c) + "/actions/" + police + "/done", Map.of("_csrf", csrf));
        assertThat(done.redirectsTo(page(c))).as(done.toString()).isTrue();
        html = spoc.get(page(c)).body();
        assertThat(row(html, police)).contains("Done on 21 March 2015").doesNotContain("overdue", "Overdue", "Mark done");
        assertThat(row(html, socialCare)).contains("Mark done");
        assertThat(auditLog.find(new AuditQuery("spoc", AuditAction.CASE_CHANGED, c.caseReference(), 5)))
                .filteredOn(e -> e.detail().startsWith("action done")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("action done: Metropolitan Police, due 20 March 2015"));

        // Marked again later, by the doctor: the first date stands and nothing more is audited.
        clockAt(LocalDateTime.of(2015, 3, 23, 9, 0));
        HttpSession doctor = loggedIn("doctor");
        assertThat(doctor.postForm(page(c) + "/actions/" + police + "/done", Map.of("_csrf", doctor.csrfTokenFrom(page(c))))
                .redirectsTo(page(c))).isTrue();
        assertThat(row(doctor.get(page(c)).body(), police)).contains("Done on 21 March 2015");
        assertThat(auditLog.find(new AuditQuery(null, AuditAction.CASE_CHANGED, c.caseReference(), 20)))
                .filteredOn(e -> e.detail().startsWith("action done")).hasSize(1);
    }

    @Test
    void onlyTheSpocAndDoctorMarkActionsDoneAndOnlyTheirOwnCases() {
        Notifications.Recorded c = unexpectedDeathWithAHeldMeeting("no");
        UUID police = action(c, "Metropolitan Police");
        String done = page(c) + "/actions/" + police + "/done";
        for (String other : List.of("panel", "nurse")) {
            HttpSession session = loggedIn(other);
            // A valid token from a page they may see, so the refusal is the role's, not the missing token's.
            assertThat(session.postForm(done, Map.of("_csrf", session.csrfTokenFrom("/"))).status()).as(other)
                    .isEqualTo(403);
        }
        assertThat(isDone(police)).isFalse();

        Notifications.Recorded another = notifications.record(TestForms.aNotification(), "spoc");
        HttpSession spoc = loggedIn("spoc");
        String csrf = spoc.csrfTokenFrom(page(c));
        assertThat(spoc.postForm(page(another) + "/actions/" + police + "/done", Map.of("_csrf", csrf)).status())
                .isEqualTo(404);
        assertThat(spoc.postForm(page(c) + "/actions/" + UUID.randomUUID() + "/done", Map.of("_csrf", csrf)).status())
                .isEqualTo(404);
        assertThat(spoc.postForm("/cases/" + UUID.randomUUID() + "/actions/" + police + "/done", Map.of("_csrf", csrf))
                .status()).isEqualTo(404);
        assertThat(isDone(police)).isFalse();
    }

    @Test
    void aRapidResponseStartedOutOfHoursWithoutAMeetingSaysSo() {
        Notifications.Recorded c = unexpectedDeath();
        Map<String, Object> answers = RapidResponseAnswers.initialSharing("no");
        answers.put("startedEarlier", true);
        answers.put("startedEarlierOn", "2015-03-08");
        answers.put("homeVisit", "not-applicable");
        answers.put("referredToSocialCare", "already-known");
        answers.remove("siblingsSafeguarding");
        completeAsDoctor("Task_InitialInformationSharing", c, answers);

        String html = loggedIn("spoc").get(page(c)).body();
        assertThat(html).contains("Out of hours, on 8 March 2015", "No meeting has been scheduled.",
                "No actions have been set.");
        assertThat(html).containsPattern("id=\"home-visit\">Not applicable<");
        assertThat(html).containsPattern("id=\"referred-to-social-care\">Already known<");
        assertThat(html).containsPattern("id=\"meeting-convened\">No<");
        assertThat(html).containsPattern("id=\"siblings-safeguarding\">Nothing recorded<");
        assertThat(html).doesNotContain("id=\"scr-under-consideration\"");
    }

    @Test
    void beforeClassificationThereIsNoRapidResponse() {
        clockAt(NOTIFIED);
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        String html = loggedIn("spoc").get(page(c)).body();
        assertThat(html).contains("No rapid response has started.", "No meeting has been scheduled.",
                "No actions have been set.");
    }

    private static String page(Notifications.Recorded c) {
        return "/cases/" + c.caseId();
    }

    /** The table row of one action, to tell which action is overdue or done. */
    private static String row(String html, UUID actionId) {
        int start = html.indexOf("<tr id=\"action-" + actionId + "\"");
        assertThat(start).as("row of action " + actionId).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private UUID action(Notifications.Recorded c, String ownerAgency) {
        return jdbc.sql("select id from case_action where case_id = ? and owner_agency = ?")
                .params(c.caseId(), ownerAgency).query(UUID.class).single();
    }

    private boolean isDone(UUID actionId) {
        return jdbc.sql("select count(*) from case_action where id = ? and done_at is not null").param(actionId)
                .query(Integer.class).single() > 0;
    }

    private Notifications.Recorded unexpectedDeathWithAHeldMeeting(String scr) {
        Notifications.Recorded c = unexpectedDeath();
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));
        completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-12", "14:00", "police@police.example"));
        runDueJobs();
        clockAt(LocalDateTime.of(2015, 3, 12, 16, 0));
        completeAsDoctor("Task_RecordMeetingOutcome", c, RapidResponseAnswers.outcome(scr));
        runDueJobs();
        return c;
    }

    private Notifications.Recorded unexpectedDeath() {
        clockAt(NOTIFIED);
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        ProcessInstance notification = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(recorded.caseReference())
                .singleResult();
        asDoctor(() -> taskService.complete(taskService.createTaskQuery().processInstanceId(notification.getId())
                .taskDefinitionKey("Task_ConfirmExpectedOrUnexpected").singleResult().getId(),
                Map.of("deathClassification", "unexpected")));
        runDueJobs();
        return recorded;
    }

    private void completeAsDoctor(String taskKey, Notifications.Recorded c, Map<String, Object> answers) {
        asDoctor(() -> taskService.complete(taskService.createTaskQuery().processDefinitionKey("rapidResponse")
                .processInstanceBusinessKey(c.caseReference()).taskDefinitionKey(taskKey).singleResult().getId(),
                answers));
    }

    private void asDoctor(Runnable work) {
        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            work.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }



}
