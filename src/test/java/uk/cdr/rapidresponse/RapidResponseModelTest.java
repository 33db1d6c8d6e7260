package uk.cdr.rapidresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerMockInstance;
import static org.camunda.community.mockito.DelegateExpressions.registerExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/rapid-response.bpmn alone: the doctor's initial information sharing; with or without a
 * meeting; the meeting's invitations, its day-before reminder (or none for a meeting less than a day
 * away), the SPOC told when 5 working days pass unheld; the SCR referral.
 */
class RapidResponseModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("rapid-response.bpmn");

    private static final String CASE_REFERENCE = "2014-15/007";
    /** A Monday morning: the doctor's tasks are due a working day later, the meeting within 5. */
    private static final Date NOTIFIED_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 2, 10, 0));
    private static final Date DOCTOR_DUE = ModelEngine.at(LocalDateTime.of(2015, 3, 3, 10, 0));

    private WorkingDays workingDays;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        registerExecutionListenerMock("openRapidResponse");
        workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 1)).thenReturn(DOCTOR_DUE);
        when(workingDays.endOfDay(org.mockito.ArgumentMatchers.any(Date.class))).thenCallRealMethod();
        registerTaskListenerMock("recordInitialSharing");
        registerTaskListenerMock("scheduleRapidResponseMeeting");
        registerTaskListenerMock("recordRapidResponseMeetingOutcome");
        registerJavaDelegateMock("sendMeetingInvitations");
        registerJavaDelegateMock("sendMeetingReminder");
        registerJavaDelegateMock("sendScrReferral");
        engine.clockAt(LocalDateTime.of(2015, 3, 2, 10, 0));
    }

    @Test
    void withoutAMeetingTheRapidResponseIsDoneWhenTheDoctorHasSharedTheInitialInformation() {
        ProcessInstance rapidResponse = unexpectedDeathConfirmed();
        verifyExecutionListenerMock("openRapidResponse").executed(times(1));
        assertThat(rapidResponse).isWaitingAt("Task_InitialInformationSharing");

        complete(task(rapidResponse), withVariables(RapidResponseVariables.CONVENE_MEETING, "no"));

        verifyTaskListenerMock("recordInitialSharing").executed(times(1));
        assertThat(rapidResponse).hasPassedInOrder("Start_RapidResponse", "Task_InitialInformationSharing",
                "Gateway_ConveneMeeting", "Gateway_Merge", "End_RapidResponseDone")
                .hasNotPassed("Sub_RapidResponseMeeting", "Gateway_Scr").isEnded();
        verifyJavaDelegateMock("sendMeetingInvitations").executedNever();
    }

    @Test
    void aMeetingIsScheduledInvitedRemindedTheDayBeforeHeldAndMayReferToTheLscbChair() {
        ProcessInstance rapidResponse = meetingConvened();
        assertThat(rapidResponse).hasPassed("Start_Meeting").isWaitingAt("Task_ScheduleMeeting");

        scheduleMeetingAt(LocalDateTime.of(2015, 3, 5, 14, 0));
        assertThat(rapidResponse).isWaitingAt("Send_MeetingInvitations");
        verifyTaskListenerMock("scheduleRapidResponseMeeting").executed(times(1));
        execute(job("Send_MeetingInvitations", rapidResponse));
        verifyJavaDelegateMock("sendMeetingInvitations").executed(times(1));

        assertThat(rapidResponse).hasPassedInOrder("Send_MeetingInvitations", "Fork_Reminder", "Gateway_ReminderAhead")
                .isWaitingAt("Task_RecordMeetingOutcome", "Timer_MeetingReminder");
        assertThat(job("Timer_MeetingReminder", rapidResponse))
                .hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 3, 4, 14, 0)));
        // Due by the end of the meeting's day: not overdue while the meeting is still going on.
        assertThat(task("Task_RecordMeetingOutcome", rapidResponse))
                .hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 3, 5, 23, 59)));

        engine.clockAt(LocalDateTime.of(2015, 3, 4, 13, 59));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingReminder").executedNever();
        engine.clockAt(LocalDateTime.of(2015, 3, 4, 14, 0));
        execute(job("Timer_MeetingReminder", rapidResponse));
        execute(job("Send_MeetingReminder", rapidResponse));
        verifyJavaDelegateMock("sendMeetingReminder").executed(times(1));
        assertThat(rapidResponse).hasPassedInOrder("Timer_MeetingReminder", "Send_MeetingReminder", "End_ReminderSent")
                .isWaitingAt("Task_RecordMeetingOutcome");

        engine.clockAt(LocalDateTime.of(2015, 3, 5, 16, 0));
        complete(task("Task_RecordMeetingOutcome", rapidResponse),
                withVariables(RapidResponseVariables.SCR_CRITERIA_MAY_BE_MET, "yes"));
        verifyTaskListenerMock("recordRapidResponseMeetingOutcome").executed(times(1));
        assertThat(rapidResponse).hasPassed("End_MeetingHeld", "Sub_RapidResponseMeeting", "Gateway_Scr")
                .isWaitingAt("Send_ScrReferral");
        assertThat(jobs(rapidResponse)).extracting(Job::getJobDefinitionId).as("only the referral's job is left")
                .containsExactly(job("Send_ScrReferral", rapidResponse).getJobDefinitionId());

        execute(job("Send_ScrReferral", rapidResponse));
        verifyJavaDelegateMock("sendScrReferral").executed(times(1));
        assertThat(rapidResponse).hasPassedInOrder("Gateway_Scr", "Send_ScrReferral", "Gateway_Merge",
                "End_RapidResponseDone").isEnded();
    }

    @Test
    void recordingTheMeetingBeforeItsReminderIsDueEndsTheReminderBranchSoNoReminderFollowsTheMeeting() {
        ProcessInstance rapidResponse = meetingConvened();
        scheduleMeetingAt(LocalDateTime.of(2015, 3, 5, 14, 0));
        execute(job("Send_MeetingInvitations", rapidResponse));
        assertThat(rapidResponse).isWaitingAt("Timer_MeetingReminder", "Task_RecordMeetingOutcome");

        // The meeting was brought forward and held on the Tuesday.
        engine.clockAt(LocalDateTime.of(2015, 3, 3, 15, 0));
        complete(task("Task_RecordMeetingOutcome", rapidResponse),
                withVariables(RapidResponseVariables.SCR_CRITERIA_MAY_BE_MET, "no"));

        assertThat(rapidResponse).hasPassedInOrder("Task_RecordMeetingOutcome", "End_MeetingHeld", "Gateway_Scr",
                "Gateway_Merge", "End_RapidResponseDone")
                .hasNotPassed("Send_MeetingReminder", "End_ReminderSent", "Send_ScrReferral").isEnded();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(rapidResponse.getId())
                .activityId("Timer_MeetingReminder").canceled().count()).as("the reminder timer terminated").isEqualTo(1);
        assertThat(jobs(rapidResponse)).isEmpty();
        engine.clockAt(LocalDateTime.of(2015, 3, 10, 0, 0));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingReminder").executedNever();
        verifyJavaDelegateMock("sendScrReferral").executedNever();
    }

    @Test
    void aMeetingLessThanADayAwayGetsNoReminderSoNoTimerIsDueAtOnceBesideTheDoctorsTask() {
        engine.clockAt(LocalDateTime.of(2015, 3, 2, 10, 0));
        ProcessInstance rapidResponse = meetingConvened();
        // Scheduled on the Wednesday morning for the same afternoon: its "day before" has passed.
        engine.clockAt(LocalDateTime.of(2015, 3, 4, 9, 0));
        scheduleMeetingAt(LocalDateTime.of(2015, 3, 4, 14, 0));
        execute(job("Send_MeetingInvitations", rapidResponse));

        assertThat(rapidResponse).hasPassedInOrder("Fork_Reminder", "Gateway_ReminderAhead", "End_NoReminder")
                .hasNotPassed("Timer_MeetingReminder").isWaitingAt("Task_RecordMeetingOutcome");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(rapidResponse.getId())
                .activityId("Timer_MeetingReminder").count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(rapidResponse.getId())
                .executable().count()).as("nothing due now to race the doctor").isZero();

        complete(task("Task_RecordMeetingOutcome", rapidResponse),
                withVariables(RapidResponseVariables.SCR_CRITERIA_MAY_BE_MET, "no"));
        assertThat(rapidResponse).hasPassed("End_MeetingHeld", "End_RapidResponseDone").isEnded();
        verifyJavaDelegateMock("sendMeetingReminder").executedNever();
    }

    @Test
    void aReminderExactlyDueNowIsNotSetEither() {
        ProcessInstance rapidResponse = meetingConvened();
        engine.clockAt(LocalDateTime.of(2015, 3, 4, 14, 0));
        scheduleMeetingAt(LocalDateTime.of(2015, 3, 5, 14, 0));
        execute(job("Send_MeetingInvitations", rapidResponse));

        assertThat(rapidResponse).hasPassed("End_NoReminder").hasNotPassed("Timer_MeetingReminder");
    }



    @Test
    void theDoctorsTasksAreOfferedToDesignatedDoctorsWithTheirFormsAndDueDates() throws IOException {
        ProcessInstance rapidResponse = unexpectedDeathConfirmed();
        assertThat(task(rapidResponse)).hasCandidateGroup("designated-doctor").hasDueDate(DOCTOR_DUE);
        assertThat(formOf(task(rapidResponse))).contains("\"id\": \"initial-information-sharing\"")
                .contains("\"key\": \"conveneMeeting\"");

        complete(task(rapidResponse), withVariables(RapidResponseVariables.CONVENE_MEETING, "yes"));
        assertThat(task(rapidResponse)).hasDefinitionKey("Task_ScheduleMeeting").hasCandidateGroup("designated-doctor")
                .hasDueDate(DOCTOR_DUE);
        assertThat(formOf(task(rapidResponse))).contains("\"id\": \"schedule-rapid-response-meeting\"");

        scheduleMeetingAt(LocalDateTime.of(2015, 3, 5, 14, 0));
        execute(job("Send_MeetingInvitations", rapidResponse));
        assertThat(task(rapidResponse)).hasCandidateGroup("designated-doctor");
        assertThat(formOf(task(rapidResponse))).contains("\"id\": \"rapid-response-meeting-outcome\"")
                .contains("\"key\": \"scrCriteriaMayBeMet\"");
    }

    /** Started as the case's process calls it: business key the case reference, the case's variables. */
    private static ProcessInstance unexpectedDeathConfirmed() {
        return runtimeService().startProcessInstanceByKey(RapidResponseVariables.PROCESS_KEY, CASE_REFERENCE,
                withVariables(RapidResponseVariables.CASE_ID, UUID.randomUUID().toString(),
                        RapidResponseVariables.CASE_REFERENCE, CASE_REFERENCE,
                        RapidResponseVariables.NOTIFIED_AT, NOTIFIED_AT));
    }

    private static ProcessInstance meetingConvened() {
        ProcessInstance rapidResponse = unexpectedDeathConfirmed();
        complete(task("Task_InitialInformationSharing", rapidResponse),
                withVariables(RapidResponseVariables.CONVENE_MEETING, "yes"));
        return rapidResponse;
    }

    /** What ScheduleRapidResponseMeeting sets from the doctor's date and time: the meeting, and 24 hours before it. */
    private static void scheduleMeetingAt(LocalDateTime meeting) {
        Date at = ModelEngine.at(meeting);
        registerTaskListenerMock("scheduleRapidResponseMeeting").onExecutionSetVariables(Variables.createVariables()
                .putValue(RapidResponseVariables.MEETING_ID, UUID.randomUUID().toString())
                .putValue(RapidResponseVariables.MEETING_AT, at)
                .putValue(RapidResponseVariables.MEETING_REMINDER_AT, new Date(at.getTime() - 24L * 3600 * 1000)));
        Task schedule = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ScheduleMeeting").singleResult();
        complete(schedule, Map.of("meetingDate", meeting.toLocalDate().toString()));
    }

    private static List<Job> jobs(ProcessInstance processInstance) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstance.getId()).list();
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
