package uk.cdr.casediscussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

class FinalCaseDiscussionProcessTest extends ProcessTest {

    /** The test child died on 9 March 2015: 10 weeks is 18 May, 12 weeks 1 June 2015. */
    private static final LocalDateTime NOTIFIED = LocalDateTime.of(2015, 3, 10, 10, 0);

    @Autowired
    Notifications notifications;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    record Case(Notifications.Recorded recorded, ProcessInstance discussion) {
        String reference() {
            return recorded.caseReference();
        }
    }

    @Test
    void itWaitsForThePostMortemResultsWhichTheSpocRecords() {
        Case c = afterRapidResponse("yes");
        assertThat(c.discussion()).isWaitingAt("Task_AwaitPostMortemResults");
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        clockAt(LocalDateTime.of(2015, 4, 21, 10, 0));

        assertThat(spoc.postJson(postMortem(c), "{\"event\":\"preliminary-results\",\"on\":\"2015-03-20\"}").status()).isEqualTo(200);
        assertThat(c.discussion()).isWaitingAt("Task_AwaitPostMortemResults");
        HttpSession.Response finalResults = spoc.postJson(postMortem(c), "{\"event\":\"final-results\",\"on\":\"2015-04-20\"}");
        assertThat(finalResults.status()).isEqualTo(200);
        assertThat(finalResults.body()).contains("\"finalResultsOn\":\"2015-04-20\"", "\"preliminaryResultsOn\":\"2015-03-20\"");
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
        assertThat(task("Task_PlanFinalCaseDiscussion", c.discussion())).hasCandidateGroup("designated-doctor")
                .hasDueDate(at(LocalDateTime.of(2015, 5, 18, 9, 0)));
    }

    @Test
    void theDoctorMayGoAheadWithoutTheResults() {
        Case c = afterRapidResponse("yes");
        assertThatThrownBy(() -> completeAsDoctor("Task_AwaitPostMortemResults", c, Map.of()))
                .hasMessageContaining("Why go ahead without the results is required");
        completeAsDoctor("Task_AwaitPostMortemResults", c, Map.of("proceedReason", "Coroner expects months of delay"));
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
        assertThat(jdbc.sql("select proceeded_without_results from final_case_discussion where case_id = ?")
                .param(c.recorded().caseId()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void withoutAPostMortemItGoesStraightToConvening() {
        Case c = afterRapidResponse("no");
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
    }

    @Test
    void aHeldDiscussionInvitesWithACalendarFileDraftsFormCAndTheCaseGoesToTheCdop() throws Exception {
        Case c = afterRapidResponse("no");
        String invitee = "fcd-" + c.reference().replace('/', '-') + "@nhs.example";
        completeAsDoctor("Task_PlanFinalCaseDiscussion", c, Map.of("convene", "yes", "meetingDate", "2015-05-06",
                "meetingTime", "13:00", "meetingPlace", "Board room", "invitees", invitee));
        runDueJobs();
        MimeMessage invitation = onlyEmailAbout(c.reference(), invitee, "Final case discussion for case");
        assertThat(invitation.getSubject()).contains("Wednesday 6 May 2015 at 13:00");
        assertThat(invitation.getContentType()).contains("multipart");
        assertThat(task("Task_RecordFinalCaseDiscussion", c.discussion())).as("due by the end of the discussion's day")
                .hasDueDate(at(LocalDateTime.of(2015, 5, 6, 23, 59)));

        assertThatThrownBy(() -> completeAsDoctor("Task_RecordFinalCaseDiscussion", c, draft("1*", "10")))
                .as("not before the day of the discussion")
                .hasMessageContaining("The meeting's outcome can be recorded from 6 May 2015, the day of the meeting");
        assertThat(jdbc.sql("select count(*) from meeting_attendee a join case_meeting m on m.id = a.meeting_id where m.case_id = ?")
                .param(c.recorded().caseId()).query(Integer.class).single()).as("nothing saved").isZero();
        clockAt(LocalDateTime.of(2015, 5, 6, 8, 0));
        runDueJobs();
        assertThatThrownBy(() -> completeAsDoctor("Task_RecordFinalCaseDiscussion", c, draft("4", "11")))
                .hasMessageContaining("(a) Factors intrinsic to the child must be one of 0, 1, 1*, 2, 3")
                .hasMessageContaining("Proposed category of death must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10");
        completeAsDoctor("Task_RecordFinalCaseDiscussion", c, draft("1*", "10"));
        runDueJobs();

        assertThat(c.discussion()).hasPassed("Record_FinalCaseDiscussionDone").isEnded();
        assertThat(jdbc.sql("""
                select f.outcome, f.domain_child, f.proposed_category, f.proposed_modifiable,
                       c.final_case_discussion_done_at is not null
                from final_case_discussion f join case_file c on c.id = f.case_id where f.case_id = ?""")
                .param(c.recorded().caseId())
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5)))
                .single()).containsExactly("HELD", "1*", 10, "insufficient-information", true);
        assertNotInEngineHistory(c.discussion().getId(), "learningPoints", "attendees", "invitees");

        String page = loggedIn("doctor").get("/cases/" + c.recorded().caseId()).body();
        assertThat(page).contains("id=\"fcd-outcome\">Held", "(a) child 1*, (b) family and environment 2",
                "proposed category 10. Sudden unexpected, unexplained death", "Safe sleeping advice", "the case can join the CDOP queue", "Final case discussion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistical", "family-wishes", "criminal-proceedings", "other"})
    void aDiscussionThatCannotBeConvenedRecordsItsReasonAndTheCaseStillGoesToTheCdop(String reason) {
        Case c = afterRapidResponse("no");
        Map<String, Object> answers = new HashMap<>(Map.of("convene", "no", "notConvenedReason", reason));
        if (reason.equals("other")) {
            assertThatThrownBy(() -> completeAsDoctor("Task_PlanFinalCaseDiscussion", c, answers))
                    .hasMessageContaining("notConvenedDetail is required when the reason is other");
            answers.put("notConvenedDetail", "No venue available for agencies across three areas");
        }
        completeAsDoctor("Task_PlanFinalCaseDiscussion", c, answers);
        runDueJobs();
        assertThat(c.discussion()).hasNotPassed("Task_RecordFinalCaseDiscussion").isEnded();
        assertThat(jdbc.sql("select outcome || ' ' || not_convened_reason from final_case_discussion where case_id = ?")
                .param(c.recorded().caseId()).query(String.class).single()).isEqualTo("NOT_CONVENED " + reason);
        assertThat(jdbc.sql("select final_case_discussion_done_at is not null from case_file where id = ?").param(c.recorded().caseId())
                .query(Boolean.class).single()).isTrue();
        assertThat(loggedIn("spoc").get("/cases/" + c.recorded().caseId()).body()).contains("Not convened: ");
    }

    @Test
    void aMissingReasonOrAPastDateIsRefused() {
        Case c = afterRapidResponse("no");
        assertThatThrownBy(() -> completeAsDoctor("Task_PlanFinalCaseDiscussion", c, Map.of("convene", "no")))
                .hasMessageContaining("notConvenedReason is required");
        assertThatThrownBy(() -> completeAsDoctor("Task_PlanFinalCaseDiscussion", c, Map.of("convene", "yes",
                "meetingDate", "2015-03-01", "meetingTime", "10:00", "meetingPlace", "Room", "invitees", "a@b.example")))
                .hasMessageContaining("meetingDate must not be in the past");
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
    }

    @Test
    void theDoctorIsRemindedAtTenWeeksAndTheSpocToldAtTwelve() throws Exception {
        Case c = afterRapidResponse("no");
        clockAt(LocalDateTime.of(2015, 5, 18, 8, 59));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "doctor@cdr.example.org", "Final case discussion for case")).isEmpty();
        clockAt(LocalDateTime.of(2015, 5, 18, 9, 0));
        runDueJobs();
        assertThat(onlyEmailAbout(c.reference(), "doctor@cdr.example.org", "Final case discussion for case").getSubject())
                .contains("due by 1 June 2015");
        clockAt(LocalDateTime.of(2015, 6, 1, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "spoc@cdr.example.org", "Overdue: final case discussion")).hasSize(1);
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
    }

    /**
     * Issue 13 finding: a discussion starting for a death already over 10 weeks old had its reminder
     * due at once inside its process, racing the SPOC's post-mortem update (a 409). The stage's
     * timers now sit on the case's process, and a reminder already past is skipped.
     */
    @Test
    void aDiscussionStartingAfterTenWeeksSkipsTheReminderAndTheSpocsUpdateIsNotRefused() throws Exception {
        Case c = afterRapidResponse("yes", LocalDateTime.of(2015, 5, 26, 10, 0)); // death 9 March: 11 weeks
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        // The reminder's job is due now; the SPOC records the results before it has run.
        assertThat(spoc.postJson(postMortem(c), "{\"event\":\"final-results\",\"on\":\"2015-05-20\"}").status())
                .isEqualTo(200);
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
        runDueJobs();
        ProcessInstance theCase = runtimeService.createProcessInstanceQuery().processDefinitionKey("childDeathReview")
                .processInstanceBusinessKey(c.reference()).singleResult();
        assertThat(theCase).hasPassed("End_NoReminder").hasNotPassed("Send_FinalCaseDiscussionReminder");
        assertThat(emailsAbout(c.reference(), "doctor@cdr.example.org", "Final case discussion for case")).isEmpty();
        clockAt(LocalDateTime.of(2015, 6, 1, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "spoc@cdr.example.org", "Overdue: final case discussion")).hasSize(1);
    }

    /**
     * Issue 13 finding: cancelling the final case discussion in Cockpit left the case waiting in the
     * queue for ever. A stage is not cancelled on its own: the case stays where a person can act.
     */
    @Test
    void theDiscussionCannotBeCancelledOnItsOwnInCockpitAndTheCaseStaysWithTheDoctor() {
        Case c = afterRapidResponse("no");
        HttpSession.Response refused = browser().withBasicAuth("admin", DEMO_PASSWORD)
                .send("DELETE", "/engine-rest/process-instance/" + c.discussion().getId(), null, null, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("stage of its case");
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
    }

    @Test
    void postMortemMilestonesAreCheckedAndOnlyTheSpocRecordsThem() {
        Case c = afterRapidResponse("yes");
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        HttpSession.Response unknown = spoc.postJson(postMortem(c), "{\"event\":\"autopsy\",\"on\":\"2015-03-11\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"event\"", "final-results");
        assertThat(spoc.postJson(postMortem(c), "{\"event\":\"final-results\",\"on\":\"2015-03-01\"}").body())
                .contains("must not be before the date of death");
        assertThat(spoc.postJson(postMortem(c), "{\"event\":\"final-results\",\"on\":\"2015-04-01\"}").body())
                .contains("must not be in the future");
        assertThat(spoc.postJson(postMortem(c), "{\"event\":\"final-results\",\"on\":\"tomorrow\"}").status()).isEqualTo(400);
        assertThat(spoc.postJson("/api/cases/" + java.util.UUID.randomUUID() + "/post-mortem",
                "{\"event\":\"final-results\",\"on\":\"2015-03-10\"}").status()).isEqualTo(404);
        assertThat(browser().withBasicAuth("panel", DEMO_PASSWORD)
                .postJson(postMortem(c), "{\"event\":\"final-results\",\"on\":\"2015-03-10\"}").status()).isEqualTo(403);
        assertThat(c.discussion()).isWaitingAt("Task_AwaitPostMortemResults");
    }

    @Test
    void theSpocRecordsTheFinalResultsOnTheCasePageAndTheDiscussionMovesOn() {
        Case c = afterRapidResponse("yes");
        clockAt(LocalDateTime.of(2015, 4, 21, 10, 0));
        HttpSession spoc = loggedIn("spoc");
        String page = "/cases/" + c.recorded().caseId();
        String csrf = spoc.csrfTokenFrom(page);
        HttpSession.Response refused = spoc.postForm(page + "/post-mortem", Map.of("_csrf", csrf, "event", "final-results",
                "on-day", "1", "on-month", "5", "on-year", "2015"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(spoc.get(page).body()).contains("Not recorded: Date of the milestone must not be in the future");
        assertThat(c.discussion()).isWaitingAt("Task_AwaitPostMortemResults");

        spoc.postForm(page + "/post-mortem", Map.of("_csrf", spoc.csrfTokenFrom(page), "event", "final-results",
                "on-day", "17", "on-month", "04", "on-year", "2015"));
        assertThat(spoc.get(page).body()).contains("id=\"post-mortem-recorded\"", "Final results received 17 April 2015");
        assertThat(c.discussion()).isWaitingAt("Task_PlanFinalCaseDiscussion");
        assertThat(loggedIn("doctor").postForm(page + "/post-mortem", Map.of("event", "final-results", "on-day", "17", "on-month", "4", "on-year", "2015"))
                .status()).isEqualTo(403);
    }

    /** An unexpected death whose rapid response ended without a meeting. */
    private Case afterRapidResponse(String postMortemRequired) {
        return afterRapidResponse(postMortemRequired, NOTIFIED);
    }

    private Case afterRapidResponse(String postMortemRequired, LocalDateTime notified) {
        clockAt(notified);
        FormA form = uk.cdr.notification.FormAExamples.valid();
        Notifications.Recorded recorded = notifications.record(
                postMortemRequired.equals("yes") ? form : withoutPostMortem(form), "spoc");
        runDueJobs();
        complete("childDeathNotification", "Task_ConfirmExpectedOrUnexpected", recorded, Map.of("deathClassification", "unexpected"));
        runDueJobs();
        Map<String, Object> sharing = new HashMap<>();
        sharing.put("participants", "Health: Dr Okafor");
        sharing.put("agreed", "No meeting needed");
        sharing.put("homeVisit", "no");
        sharing.put("referredToSocialCare", "no");
        sharing.put("conveneMeeting", "no");
        complete("rapidResponse", "Task_InitialInformationSharing", recorded, sharing);
        runDueJobs();
        ProcessInstance discussion = runtimeService.createProcessInstanceQuery().processDefinitionKey("finalCaseDiscussion")
                .processInstanceBusinessKey(recorded.caseReference()).singleResult();
        assertThat(discussion).as("final case discussion of " + recorded.caseReference()).isNotNull();
        return new Case(recorded, discussion);
    }

    private static FormA withoutPostMortem(FormA f) {
        return new FormA(f.notifierName(), f.notifierRole(), f.notifierOrganisation(), f.notifierEmail(),
                f.notifierPhone(), f.childFirstName(), f.childLastName(), f.childOtherNames(), f.dateOfBirth(), f.sex(),
                f.nhsNumber(), f.nhsNumberAbsentReason(), f.ethnicity(), f.addressLine(), f.postcode(), f.area(), f.dateOfDeath(),
                f.timeOfDeath(), f.signsOfLife(), f.placeOfDeath(), f.notifiedExpected(), f.circumstances(), "no", f.coronerInformed(),
                f.agencies());
    }

    private void complete(String processKey, String taskKey, Notifications.Recorded recorded, Map<String, Object> answers) {
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(recorded.caseReference()).singleResult();
        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            taskService.complete(task(taskKey, process).getId(), answers);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void completeAsDoctor(String taskKey, Case c, Map<String, Object> answers) {
        complete("finalCaseDiscussion", taskKey, c.recorded(), answers);
    }

    private static Map<String, Object> draft(String childScore, String category) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("attendees", "Health: Dr Okafor\nPolice: DC Jones");
        answers.put("domainChild", childScore);
        answers.put("domainFamily", "2");
        answers.put("domainParenting", "1");
        answers.put("domainServices", "0");
        answers.put("proposedCategory", category);
        answers.put("proposedModifiable", "insufficient-information");
        answers.put("learningPoints", "Safe sleeping advice to be repeated at every health visit");
        return answers;
    }

    private static String postMortem(Case c) {
        return "/api/cases/" + c.recorded().caseId() + "/post-mortem";
    }


}
