package uk.cdr.review2018;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerCallActivityMock;
import static org.camunda.community.mockito.CamundaMockito.registerMockInstance;
import static org.camunda.community.mockito.DelegateExpressions.registerExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.InOrder;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.caseprocess.CaseStages;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/joint-agency-response.bpmn alone: the doctor's initial information sharing and planning; with
 * or without its meeting; the meeting's invitations, its day-before reminder (or none for a meeting
 * less than a day away); and the serious incident steps (a stand-in for serious-incident.bpmn) where
 * the meeting finds abuse or neglect the Designated Doctor's decision had not already raised.
 */
class JointAgencyResponseModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("joint-agency-response.bpmn");

    private static final String PROCESS_KEY = "jointAgencyResponse";
    private static final String CASE_REFERENCE = "2019-20/011";
    /** What the serious incident stand-in waits for: the SPOC's rapid review recorded. */
    private static final String RAPID_REVIEW_DONE = "test: rapid review done";

    /** A Monday morning: the doctor's tasks are due a working day later. */
    private static final LocalDateTime NOTIFIED = LocalDateTime.of(2020, 3, 2, 10, 0);
    private static final Date NOTIFIED_AT = ModelEngine.at(NOTIFIED);
    private static final Date DOCTOR_DUE = ModelEngine.at(LocalDateTime.of(2020, 3, 3, 10, 0));
    /** The Thursday afternoon meeting, and 24 hours before it. */
    private static final LocalDateTime MEETING = LocalDateTime.of(2020, 3, 5, 14, 0);
    private static final LocalDateTime DAY_BEFORE = MEETING.minusDays(1);

    private CaseStages caseStages;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        caseStages = registerMockInstance("caseStages", CaseStages.class);
        registerExecutionListenerMock("openRapidResponse");
        WorkingDays workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 1)).thenReturn(DOCTOR_DUE);
        when(workingDays.endOfDay(any(Date.class))).thenCallRealMethod();
        registerTaskListenerMock("recordInitialSharing");
        registerTaskListenerMock("scheduleRapidResponseMeeting");
        registerTaskListenerMock("recordRapidResponseMeetingOutcome");
        registerJavaDelegateMock("sendMeetingInvitations");
        registerJavaDelegateMock("sendMeetingReminder");
        engine.manageDeployment(registerCallActivityMock("seriousIncident").onExecutionWaitForMessage(RAPID_REVIEW_DONE)
                .deploy(engine));
        engine.clockAt(NOTIFIED);
    }

    @Test
    void withoutAMeetingTheJointAgencyResponseIsDoneWhenTheDoctorHasSharedTheInitialInformation() {
        ProcessInstance jar = decided("no");
        verifyExecutionListenerMock("openRapidResponse").executed(times(1));
        assertThat(jar).isWaitingAt("Task_InitialInformationSharing");

        complete(task(jar), withVariables("conveneMeeting", "no", "homeVisit", "done"));

        verifyTaskListenerMock("recordInitialSharing").executed(times(1));
        assertThat(jar).hasPassedInOrder("Start_RapidResponse", "Task_InitialInformationSharing",
                "Gateway_ConveneMeeting", "Gateway_Merge", "End_RapidResponseDone")
                .hasNotPassed("Sub_RapidResponseMeeting", "Gateway_Scr", "Call_SeriousIncident").isEnded();
        verifyJavaDelegateMock("sendMeetingInvitations").executedNever();
    }

    @Test
    void aMeetingThatFindsAbuseOrNeglectNewlyKnownIsFollowedByTheSeriousIncidentStepsWhichTheJarWaitsFor() {
        ProcessInstance jar = meetingConvened("no");
        assertThat(jar).hasPassed("Start_Meeting").isWaitingAt("Task_ScheduleMeeting");

        scheduleMeetingAt(MEETING);
        verifyTaskListenerMock("scheduleRapidResponseMeeting").executed(times(1));
        assertThat(jar).isWaitingAt("Send_MeetingInvitations");
        execute(job("Send_MeetingInvitations", jar));
        verifyJavaDelegateMock("sendMeetingInvitations").executed(times(1));
        assertThat(jar).hasPassedInOrder("Send_MeetingInvitations", "Fork_Reminder", "Gateway_ReminderAhead")
                .isWaitingAt("Task_RecordMeetingOutcome", "Timer_MeetingReminder");
        assertThat(job("Timer_MeetingReminder", jar)).hasDueDate(ModelEngine.at(DAY_BEFORE));

        engine.clockAt(DAY_BEFORE.minusMinutes(1));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingReminder").executedNever();
        engine.clockAt(DAY_BEFORE);
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingReminder").executed(times(1));
        assertThat(jar).hasPassedInOrder("Timer_MeetingReminder", "Send_MeetingReminder", "End_ReminderSent")
                .isWaitingAt("Task_RecordMeetingOutcome");

        engine.clockAt(MEETING.plusHours(2));
        complete(task("Task_RecordMeetingOutcome", jar), withVariables("scrCriteriaMayBeMet", "yes"));
        verifyTaskListenerMock("recordRapidResponseMeetingOutcome").executed(times(1));
        assertThat(jar).hasPassed("End_MeetingHeld", "Sub_RapidResponseMeeting", "Gateway_Scr")
                .isWaitingAt("Call_SeriousIncident").isNotEnded();
        HistoricProcessInstance seriousIncident = calledBy(jar, "seriousIncident");
        assertThat(seriousIncident.getBusinessKey()).isEqualTo(CASE_REFERENCE);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(seriousIncident.getId()).variableName("caseReference").singleResult().getValue())
                .isEqualTo(CASE_REFERENCE);

        runtimeService().correlateMessage(RAPID_REVIEW_DONE);
        assertThat(jar).hasPassedInOrder("Gateway_Scr", "Call_SeriousIncident", "Gateway_Merge", "End_RapidResponseDone")
                .isEnded();
        InOrder stages = inOrder(caseStages);
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("SERIOUS_INCIDENT"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("SERIOUS_INCIDENT"));
    }

    @Test
    void whenTheDoctorsDecisionAlreadyRaisedAbuseOrNeglectTheMeetingDoesNotStartTheSeriousIncidentStepsAgain() {
        ProcessInstance jar = meetingConvened("yes");
        scheduleMeetingAt(MEETING);
        execute(job("Send_MeetingInvitations", jar));

        complete(task("Task_RecordMeetingOutcome", jar), withVariables("scrCriteriaMayBeMet", "yes"));

        assertThat(jar).hasPassedInOrder("End_MeetingHeld", "Gateway_Scr", "Gateway_Merge", "End_RapidResponseDone")
                .hasNotPassed("Call_SeriousIncident").isEnded();
        assertThat(calledBy(jar, "seriousIncident")).isNull();
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("SERIOUS_INCIDENT"));
    }

    @ParameterizedTest(name = "abuse or neglect suspected at the decision: {0}; the meeting finds it: {1}; serious incident: {2}")
    @CsvSource({
            "no,  yes, true",
            "yes, yes, false",
            "no,  no,  false",
            "yes, no,  false"})
    void theSeriousIncidentStepsFollowTheMeetingOnlyWhereItFoundWhatTheDecisionHadNot(String suspectedAtDecision,
            String meetingFindsIt, boolean seriousIncident) {
        ProcessInstance jar = meetingConvened(suspectedAtDecision);
        scheduleMeetingAt(MEETING);
        execute(job("Send_MeetingInvitations", jar));

        complete(task("Task_RecordMeetingOutcome", jar), withVariables("scrCriteriaMayBeMet", meetingFindsIt));

        assertThat(calledBy(jar, "seriousIncident") != null).as("serious incident steps called").isEqualTo(seriousIncident);
        if (seriousIncident) {
            assertThat(jar).isWaitingAt("Call_SeriousIncident");
        } else {
            assertThat(jar).hasNotPassed("Call_SeriousIncident").hasPassed("End_RapidResponseDone").isEnded();
        }
    }

    @Test
    void recordingTheMeetingBeforeItsReminderIsDueEndsTheReminderBranchSoNoReminderFollowsTheMeeting() {
        ProcessInstance jar = meetingConvened("no");
        scheduleMeetingAt(MEETING);
        execute(job("Send_MeetingInvitations", jar));
        assertThat(jar).isWaitingAt("Timer_MeetingReminder", "Task_RecordMeetingOutcome");

        // The meeting was brought forward and held on the Tuesday.
        engine.clockAt(LocalDateTime.of(2020, 3, 3, 15, 0));
        complete(task("Task_RecordMeetingOutcome", jar), withVariables("scrCriteriaMayBeMet", "no"));

        assertThat(jar).hasPassedInOrder("Task_RecordMeetingOutcome", "End_MeetingHeld", "Gateway_Scr", "Gateway_Merge",
                "End_RapidResponseDone").hasNotPassed("Send_MeetingReminder", "End_ReminderSent").isEnded();
        assertThat(jobs(jar)).isEmpty();
        engine.clockAt(LocalDateTime.of(2020, 3, 10, 0, 0));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingReminder").executedNever();
    }

    @Test
    void aMeetingLessThanADayAwayGetsNoReminder() {
        ProcessInstance jar = meetingConvened("no");
        // Scheduled on the Thursday morning for the same afternoon: its "day before" has passed.
        engine.clockAt(MEETING.minusHours(5));
        scheduleMeetingAt(MEETING);
        execute(job("Send_MeetingInvitations", jar));

        assertThat(jar).hasPassedInOrder("Fork_Reminder", "Gateway_ReminderAhead", "End_NoReminder")
                .hasNotPassed("Timer_MeetingReminder").isWaitingAt("Task_RecordMeetingOutcome");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(jar.getId())
                .activityId("Timer_MeetingReminder").count()).isZero();

        complete(task("Task_RecordMeetingOutcome", jar), withVariables("scrCriteriaMayBeMet", "no"));
        assertThat(jar).hasPassed("End_MeetingHeld", "End_RapidResponseDone").isEnded();
        verifyJavaDelegateMock("sendMeetingReminder").executedNever();
    }

    @Test
    void theDoctorsTasksAreOfferedToDesignatedDoctorsWithTheirFormsAndDueDates() throws IOException {
        ProcessInstance jar = decided("no");
        assertThat(task(jar)).hasCandidateGroup("designated-doctor").hasDueDate(DOCTOR_DUE);
        assertThat(formOf(task(jar))).contains("\"id\": \"jar-initial-information-sharing\"")
                .contains("\"key\": \"conveneMeeting\"").contains("\"key\": \"homeVisit\"");

        complete(task(jar), withVariables("conveneMeeting", "yes"));
        assertThat(task(jar)).hasDefinitionKey("Task_ScheduleMeeting").hasCandidateGroup("designated-doctor")
                .hasDueDate(DOCTOR_DUE);
        assertThat(formOf(task(jar))).contains("\"id\": \"schedule-jar-meeting\"");

        scheduleMeetingAt(MEETING);
        execute(job("Send_MeetingInvitations", jar));
        assertThat(task(jar)).hasCandidateGroup("designated-doctor")
                .hasDueDate(ModelEngine.at(MEETING.toLocalDate().atTime(23, 59)));
        assertThat(formOf(task(jar))).contains("\"id\": \"jar-meeting-outcome\"")
                .contains("\"key\": \"scrCriteriaMayBeMet\"");
    }

    /** Started as the case's process calls it: business key the case reference, what it passes in. */
    private static ProcessInstance decided(String abuseOrNeglectSuspected) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, CASE_REFERENCE,
                withVariables("caseId", UUID.randomUUID().toString(), "caseReference", CASE_REFERENCE,
                        "notifiedAt", NOTIFIED_AT, "abuseOrNeglectSuspected", abuseOrNeglectSuspected));
    }

    private static ProcessInstance meetingConvened(String abuseOrNeglectSuspected) {
        ProcessInstance jar = decided(abuseOrNeglectSuspected);
        complete(task("Task_InitialInformationSharing", jar), withVariables("conveneMeeting", "yes"));
        return jar;
    }

    /** What ScheduleRapidResponseMeeting sets from the doctor's date and time: the meeting, and 24 hours before it. */
    private static void scheduleMeetingAt(LocalDateTime meeting) {
        Date at = ModelEngine.at(meeting);
        registerTaskListenerMock("scheduleRapidResponseMeeting").onExecutionSetVariables(Variables.createVariables()
                .putValue("meetingId", UUID.randomUUID().toString()).putValue("meetingAt", at)
                .putValue("meetingReminderAt", new Date(at.getTime() - 24L * 3600 * 1000)));
        Task schedule = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ScheduleMeeting").singleResult();
        complete(schedule, Map.of("meetingDate", meeting.toLocalDate().toString()));
    }

    private static HistoricProcessInstance calledBy(ProcessInstance jar, String key) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .superProcessInstanceId(jar.getId()).singleResult();
    }

    private static List<Job> jobs(ProcessInstance jar) {
        return engine.getManagementService().createJobQuery().processInstanceId(jar.getId()).list();
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
