package uk.cdr.rapidresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

class RapidResponseProcessTest extends ProcessTest {

    /** Tuesday 10 March 2015, 10:00: five working days later is Tuesday 17 March, 10:00. */
    private static final LocalDateTime NOTIFIED = LocalDateTime.of(2015, 3, 10, 10, 0);

    @Autowired
    Notifications notifications;

    @Autowired
    RapidResponses rapidResponses;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    record Case(Notifications.Recorded recorded, ProcessInstance rapidResponse) {
        String reference() {
            return recorded.caseReference();
        }
    }

    @Test
    void anUnexpectedDeathStartsOneRapidResponseLedByTheDoctor() {
        Case c = unexpectedDeath();
        assertThat(c.rapidResponse()).isWaitingAt("Task_InitialInformationSharing");
        assertThat(task("Task_InitialInformationSharing", c.rapidResponse())).hasCandidateGroup("designated-doctor")
                .hasDueDate(at(NOTIFIED.plusDays(1)));

        rapidResponses.open(c.recorded().caseId(), c.reference());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("rapidResponse")
                .processInstanceBusinessKey(c.reference()).count()).isEqualTo(1);
    }

    @Test
    void withoutAMeetingTheRapidResponseEndsAfterTheInitialDiscussionWhichIsKeptOnTheCaseFile() {
        Case c = unexpectedDeath();
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("no"));
        runDueJobs();
        assertThat(c.rapidResponse()).hasPassed("End_RapidResponseDone").isEnded();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("finalCaseDiscussion")
                .processInstanceBusinessKey(c.reference()).count()).as("a final case discussion follows").isEqualTo(1);
        assertThat(jdbc.sql("select agreed, meeting_convened, started_out_of_hours from rapid_response where case_id = ?")
                .param(c.recorded().caseId()).query((rs, row) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
                .single()).containsExactly("Police to visit the home; paediatrician to see siblings", false, false);
        // The discussion's text is on the case file only, not left in the engine's variables or history.
        assertNotInEngineHistory(c.rapidResponse().getId(), "agreed", "participants", "siblingsSafeguarding");
    }

    @Test
    void aRapidResponseStartedOutOfHoursIsRecordedNotStartedAgain() {
        Case c = unexpectedDeath();
        Map<String, Object> answers = RapidResponseAnswers.initialSharing("no");
        answers.put("startedEarlier", true);
        answers.put("startedEarlierOn", "2015-03-08");
        completeAsDoctor("Task_InitialInformationSharing", c, answers);
        assertThat(jdbc.sql("select started_out_of_hours from rapid_response where case_id = ?").param(c.recorded().caseId())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select cast(started_at as date) from rapid_response where case_id = ?").param(c.recorded().caseId())
                .query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2015, 3, 8));
    }

    @Test
    void aMeetingHeldInTimeInvitesWithACalendarFileRemindsTheDayBeforeAndRecordsActions() throws Exception {
        Case c = unexpectedDeath();
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));
        String police = "police-" + c.reference().replace('/', '-') + "@police.example";
        String social = "social-" + c.reference().replace('/', '-') + "@council.example";
        completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-13", "14:00", police + "\n" + social));
        runDueJobs();

        MimeMessage invitation = onlyEmailAbout(c.reference(), police, "Rapid response meeting for case");
        assertThat(invitation.getSubject()).contains("Friday 13 March 2015 at 14:00");
        BodyPart ics = calendarPart(invitation);
        assertThat(ics.getContentType()).contains("text/calendar");
        assertThat(new String(ics.getInputStream().readAllBytes()))
                .contains("BEGIN:VEVENT", "DTSTART:20150313T140000Z", "LOCATION:Room 2\\, Civic Centre", "METHOD:REQUEST");
        assertThat(onlyEmailAbout(c.reference(), social, "Rapid response meeting for case")).isNotNull();
        assertThat(task("Task_RecordMeetingOutcome", c.rapidResponse())).hasDueDate(at(LocalDateTime.of(2015, 3, 13, 23, 59)));

        clockAt(LocalDateTime.of(2015, 3, 12, 13, 59));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), police, "Reminder")).isEmpty();
        clockAt(LocalDateTime.of(2015, 3, 12, 14, 0));
        runDueJobs();
        assertThat(onlyEmailAbout(c.reference(), police, "Reminder").getSubject()).contains("tomorrow");

        clockAt(LocalDateTime.of(2015, 3, 13, 16, 0));
        completeAsDoctor("Task_RecordMeetingOutcome", c, RapidResponseAnswers.outcome("no"));
        runDueJobs();
        assertThat(c.rapidResponse()).isEnded();
        assertThat(jdbc.sql("select owner_agency, due_date from case_action where case_id = ? order by due_date")
                .param(c.recorded().caseId()).query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("Metropolitan Police 2015-03-20", "Children's social care 2015-03-27");
        assertThat(jdbc.sql("""
                select count(*) from meeting_attendee a join case_meeting m on m.id = a.meeting_id
                where m.case_id = ? and m.held""").param(c.recorded().caseId()).query(Integer.class).single()).isEqualTo(3);
        clockAt(LocalDateTime.of(2015, 3, 20, 10, 0));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "spoc@cdr.example.org", "Overdue: no rapid response meeting")).isEmpty();
    }

    /**
     * Issue 13 finding: a meeting less than a day away had its "day before" reminder due at once,
     * racing the doctor (a 409, or a failed job stalling the case) and saying "tomorrow" afterwards.
     */
    @Test
    void aMeetingLessThanADayAwayGetsNoReminderAndTheDoctorRecordsItAtOnce() {
        Case c = unexpectedDeath();
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));
        String police = "soon-" + c.reference().replace('/', '-') + "@police.example";
        completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-11", "09:00", police));
        runDueJobs();
        assertThat(c.rapidResponse()).hasPassed("End_NoReminder").isWaitingAt("Task_RecordMeetingOutcome");
        assertThat(managementService.createJobQuery().processInstanceId(c.rapidResponse().getId()).timers()
                .activityId("Timer_MeetingReminder").count()).as("no reminder timer").isZero();
        assertThat(onlyEmailAbout(c.reference(), police, "Rapid response meeting for case")).isNotNull();

        clockAt(LocalDateTime.of(2015, 3, 11, 11, 0));
        completeAsDoctor("Task_RecordMeetingOutcome", c, RapidResponseAnswers.outcome("no"));
        runDueJobs();
        assertThat(c.rapidResponse()).isEnded();
        assertThat(emailsAbout(c.reference(), police, "Reminder")).isEmpty();
    }

    @Test
    void theSpocIsToldWhenNoMeetingIsHeldWithinFiveWorkingDays() {
        Case c = unexpectedDeath();
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));
        completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-18", "10:00", "police@police.example"));
        clockAt(LocalDateTime.of(2015, 3, 17, 9, 59));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "spoc@cdr.example.org", "Overdue: no rapid response meeting")).isEmpty();
        clockAt(LocalDateTime.of(2015, 3, 17, 10, 0));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "spoc@cdr.example.org", "Overdue: no rapid response meeting")).hasSize(1);
        assertThat(c.rapidResponse()).isWaitingAt("Task_RecordMeetingOutcome");
    }

    /** Found by the model tests: a meeting not even decided on by the deadline told nobody. */
    @Test
    void theSpocIsToldWhenTheDoctorHasNotDecidedOnAMeetingWithinFiveWorkingDays() {
        Case c = unexpectedDeath();
        clockAt(LocalDateTime.of(2015, 3, 17, 10, 0));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "spoc@cdr.example.org", "Overdue: no rapid response meeting")).hasSize(1);
        assertThat(c.rapidResponse()).isWaitingAt("Task_InitialInformationSharing");
        // Convened afterwards: the SPOC has been told already.
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));
        runDueJobs();
        assertThat(emailsAbout(c.reference(), "spoc@cdr.example.org", "Overdue: no rapid response meeting")).hasSize(1);
    }

    @Test
    void aCaseThatMayMeetTheScrCriteriaIsFlaggedAndTheLscbChairIsTold() throws Exception {
        Case c = unexpectedDeath();
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));
        completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-12", "09:30", "police@police.example"));
        runDueJobs();
        clockAt(LocalDateTime.of(2015, 3, 12, 11, 0));
        completeAsDoctor("Task_RecordMeetingOutcome", c, RapidResponseAnswers.outcome("yes"));
        runDueJobs();
        assertThat(c.rapidResponse()).hasPassed("Send_ScrReferral").isEnded();
        MimeMessage referral = onlyEmailAbout(c.reference(), "lscb-chair@cdr.example.org", "Serious Case Review");
        assertThat(referral.getSubject()).doesNotContain("Jamie", "Testchild");
        assertThat(jdbc.sql("select scr_under_consideration from case_file where id = ?").param(c.recorded().caseId())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void badAnswersAreRefusedFieldByFieldAndNothingIsSaved() {
        Case c = unexpectedDeath();
        Map<String, Object> noParticipants = RapidResponseAnswers.initialSharing("yes");
        noParticipants.put("participants", " ");
        assertThatThrownBy(() -> completeAsDoctor("Task_InitialInformationSharing", c, noParticipants))
                .isInstanceOf(uk.cdr.config.RefusedAnswers.class).hasMessageContaining("Who took part is required");
        assertThat(c.rapidResponse()).isWaitingAt("Task_InitialInformationSharing");
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));

        assertThatThrownBy(() -> completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-09", "10:00", "x@y.example")))
                .rootCause().hasMessageContaining("Date must not be in the past");
        assertThatThrownBy(() -> completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-12", "10:00", "not an email")))
                .rootCause().hasMessageContaining("Invitees 'not an email' is not an email address");
        assertThat(jdbc.sql("select count(*) from case_meeting where case_id = ?").param(c.recorded().caseId())
                .query(Integer.class).single()).isZero();
        completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-12", "10:00", "police@police.example"));
        runDueJobs();

        Map<String, Object> noAttendees = RapidResponseAnswers.outcome("no");
        noAttendees.put("attendees", "");
        noAttendees.put("actions", "Visit the school; ; 20/03/2015\nCall the GP; GP; soon\nTell the school; Education; 31/02/2015");
        assertThatThrownBy(() -> completeAsDoctor("Task_RecordMeetingOutcome", c, noAttendees))
                .hasMessageContaining("Attendees is required");
        noAttendees.put("attendees", "Health: Dr Okafor");
        assertThatThrownBy(() -> completeAsDoctor("Task_RecordMeetingOutcome", c, noAttendees))
                .rootCause().hasMessageContaining("Actions, line 1, needs an owner agency")
                .hasMessageContaining("Actions, line 2, needs a due date, day first, for example 30/11/2026")
                .hasMessageContaining("Actions, line 3, needs a due date, day first");
        assertThat(jdbc.sql("select count(*) from case_action where case_id = ?").param(c.recorded().caseId())
                .query(Integer.class).single()).isZero();
        assertThat(c.rapidResponse()).isWaitingAt("Task_RecordMeetingOutcome");
    }

    /** Issue 14: the meeting's outcome only from its day, in the engine and through /engine-rest, as the CDOP's. */
    @Test
    void theMeetingsOutcomeIsRefusedBeforeTheDayOfTheMeetingAndAcceptedOnIt() {
        Case c = unexpectedDeath();
        completeAsDoctor("Task_InitialInformationSharing", c, RapidResponseAnswers.initialSharing("yes"));
        completeAsDoctor("Task_ScheduleMeeting", c, RapidResponseAnswers.meeting("2015-03-13", "14:00", "early@police.example"));
        runDueJobs();

        clockAt(LocalDateTime.of(2015, 3, 12, 23, 59));
        assertThatThrownBy(() -> completeAsDoctor("Task_RecordMeetingOutcome", c, RapidResponseAnswers.outcome("no")))
                .hasMessageContaining("The meeting's outcome can be recorded from 13 March 2015, the day of the meeting");
        String taskId = task("Task_RecordMeetingOutcome", c.rapidResponse()).getId();
        HttpSession.Response early = browser().withBasicAuth("doctor", DEMO_PASSWORD).postJson(
                "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"attendees\":{\"value\":\"Health: Dr Okafor\"},"
                        + "\"scrCriteriaMayBeMet\":{\"value\":\"no\"}}}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("The meeting's outcome can be recorded from 13 March 2015, the day of the meeting");
        assertThat(jdbc.sql("select held from case_meeting where case_id = ?").param(c.recorded().caseId())
                .query(Boolean.class).single()).as("nothing saved").isFalse();

        // The day of the meeting, even before its hour: the doctor may write up what is known.
        clockAt(LocalDateTime.of(2015, 3, 13, 0, 1));
        completeAsDoctor("Task_RecordMeetingOutcome", c, RapidResponseAnswers.outcome("no"));
        runDueJobs();
        assertThat(c.rapidResponse()).isEnded();
    }

    @Test
    void throughTheEngineRestApiBadAnswersAre400AndASecondCompletionIsAClearRefusal() {
        Case c = unexpectedDeath();
        String taskId = task("Task_InitialInformationSharing", c.rapidResponse()).getId();
        HttpSession doctor = browser().withBasicAuth("doctor", DEMO_PASSWORD);
        HttpSession.Response bad = doctor.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"conveneMeeting\":{\"value\":\"no\"}}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Who took part is required", "What was agreed is required");

        String good = "{\"variables\":{\"conveneMeeting\":{\"value\":\"no\"},\"participants\":{\"value\":\"Police: DC Jones\"},"
                + "\"agreed\":{\"value\":\"Visit the home\"},\"homeVisit\":{\"value\":\"yes\"},"
                + "\"referredToSocialCare\":{\"value\":\"yes\"}}}";
        assertThat(doctor.postJson("/engine-rest/task/" + taskId + "/complete", good).status()).isEqualTo(204);
        HttpSession.Response again = doctor.postJson("/engine-rest/task/" + taskId + "/complete", good);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already been completed");
        assertThat(again.body()).contains(taskId);
    }

    /** Repeated: the race is won and lost in different places from one run to the next. */
    @org.junit.jupiter.api.RepeatedTest(5)
    void twoDoctorsCompletingTheSameTaskAtOnceGetOneSuccessAndOneClearConflict() throws Exception {
        Case c = unexpectedDeath();
        String taskId = task("Task_InitialInformationSharing", c.rapidResponse()).getId();
        String answers = "{\"variables\":{\"conveneMeeting\":{\"value\":\"no\"},\"participants\":{\"value\":\"Police: DC Jones\"},"
                + "\"agreed\":{\"value\":\"Visit the home\"},\"homeVisit\":{\"value\":\"yes\"},"
                + "\"referredToSocialCare\":{\"value\":\"yes\"}}}";
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<HttpSession.Response> complete = () -> {
                start.await();
                return browser().withBasicAuth("doctor", DEMO_PASSWORD).postJson("/engine-rest/task/" + taskId + "/complete", answers);
            };
            var first = two.submit(complete);
            var second = two.submit(complete);
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>(List.of(first.get().status(), second.get().status()));
            statuses.sort(null);
            assertThat(statuses).containsExactly(204, 409);
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from rapid_response where case_id = ? and agreed is not null")
                .param(c.recorded().caseId()).query(Integer.class).single()).isEqualTo(1);
    }

    private Case unexpectedDeath() {
        clockAt(NOTIFIED);
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        ProcessInstance notification = runtimeService.createProcessInstanceQuery().processDefinitionKey("childDeathNotification")
                .processInstanceBusinessKey(recorded.caseReference()).singleResult();
        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            taskService.complete(task("Task_ConfirmExpectedOrUnexpected", notification).getId(),
                    Map.of("deathClassification", "unexpected"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runDueJobs();
        ProcessInstance rapidResponse = runtimeService.createProcessInstanceQuery().processDefinitionKey("rapidResponse")
                .processInstanceBusinessKey(recorded.caseReference()).singleResult();
        assertThat(rapidResponse).as("rapid response of " + recorded.caseReference()).isNotNull();
        return new Case(recorded, rapidResponse);
    }

    private void completeAsDoctor(String taskKey, Case c, Map<String, Object> answers) {
        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            taskService.complete(task(taskKey, c.rapidResponse()).getId(), answers);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }






    private static BodyPart calendarPart(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().contains("calendar") || "meeting.ics".equals(part.getFileName())) {
                return part;
            }
        }
        throw new AssertionError("no calendar attachment");
    }
}
