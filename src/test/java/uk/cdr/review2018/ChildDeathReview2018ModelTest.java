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
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.mockito.process.CallActivityMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

import uk.cdr.agencyreport.FormBRequestIds;
import uk.cdr.calendar.WorkingDays;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.caseprocess.CaseStages;
import uk.cdr.guidance.Edition;
import uk.cdr.panel.CdopReviewTargets;
import uk.cdr.rapidresponse.RapidResponseTimers;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/child-death-review-2018.bpmn alone: one 2018-guidance case from its opening to its closure.
 * The stages it calls (the notification with the Joint Agency Response decision, the Joint Agency
 * Response, the Child Death Review Meeting, the serious incident steps, each reporting form request,
 * the CDOP review) are stand-ins that wait for a message of this test where a person would act, and
 * return what the real ones return; the beans its expressions name are mocks, except the list of
 * reporting form request ids.
 */
class ChildDeathReview2018ModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("child-death-review-2018.bpmn");

    private static final String PROCESS_KEY = Edition.STATUTORY_GUIDANCE_2018.processKey();
    private static final String REFERENCE = "2019-20/042";
    private static final String CASE_ID = UUID.randomUUID().toString();

    /** What the stand-ins wait for: the person who ends that stage. */
    private static final String DOCTOR_DECIDES = "test: the Designated Doctor decides";
    private static final String JAR_DONE = "test: Joint Agency Response done";
    private static final String CDRM_HELD = "test: Child Death Review Meeting held";
    private static final String RAPID_REVIEW_DONE = "test: rapid review done";
    private static final String REPORTING_FORM_RETURNED = "test: reporting form returned";

    private static final Date DATE_OF_DEATH = ModelEngine.at(LocalDateTime.of(2020, 3, 1, 0, 0));
    /** A Monday morning. */
    private static final LocalDateTime OPENED = LocalDateTime.of(2020, 3, 2, 10, 0);
    private static final Date NOTIFIED_AT = ModelEngine.at(OPENED);
    /** 48 hours after the notification. */
    private static final Date NCMD_DUE = ModelEngine.at(LocalDateTime.of(2020, 3, 4, 10, 0));
    /** A working day after the notification. */
    private static final Date REQUEST_DUE = ModelEngine.at(LocalDateTime.of(2020, 3, 3, 10, 0));
    /** 5 working days after the notification, the Joint Agency Response meeting's deadline. */
    private static final LocalDateTime MEETING_DEADLINE = LocalDateTime.of(2020, 3, 9, 10, 0);
    /** When the Designated Doctor decides, and 5 working days later. */
    private static final LocalDateTime DECIDED = LocalDateTime.of(2020, 3, 3, 11, 0);
    private static final Date SECRETARY_OF_STATE_DUE = ModelEngine.at(LocalDateTime.of(2020, 3, 10, 11, 0));
    /** About 3 months after the death, the Child Death Review Meeting's target. */
    private static final LocalDateTime CDRM_TARGET = LocalDateTime.of(2020, 6, 1, 9, 0);
    private static final LocalDateTime SIX_MONTHS = LocalDateTime.of(2020, 9, 1, 9, 0);
    private static final LocalDateTime TWELVE_MONTHS = LocalDateTime.of(2021, 3, 1, 9, 0);
    private static final LocalDateTime REVIEW_BY = LocalDateTime.of(2020, 12, 1, 9, 0);

    private static final List<String> DELEGATES = List.of("withdrawOutstandingFormBs", "sendSixMonthsUnreviewed",
            "sendTwelveMonthsUnreviewed", "sendFinalCaseDiscussionOverdueToSpoc", "sendDeferredCaseDueToSpoc",
            "sendMeetingOverdueToSpoc");

    private CaseStages caseStages;
    private WorkingDays workingDays;
    private NcmdTimers ncmdTimers;
    private SeriousIncidentTimers seriousIncidentTimers;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        caseStages = registerMockInstance("caseStages", CaseStages.class);
        CdopReviewTargets targets = registerMockInstance("cdopReviewTargets", CdopReviewTargets.class);
        when(targets.reviewTargetAt(DATE_OF_DEATH)).thenReturn(ModelEngine.at(SIX_MONTHS));
        when(targets.escalationAt(DATE_OF_DEATH)).thenReturn(ModelEngine.at(TWELVE_MONTHS));
        ncmdTimers = registerMockInstance("ncmdTimers", NcmdTimers.class);
        when(ncmdTimers.notifyBy(NOTIFIED_AT)).thenReturn(NCMD_DUE);
        CdrmTimers cdrmTimers = registerMockInstance("cdrmTimers", CdrmTimers.class);
        when(cdrmTimers.targetAt(DATE_OF_DEATH)).thenReturn(ModelEngine.at(CDRM_TARGET));
        when(cdrmTimers.noticeInWords()).thenReturn("1 month");
        seriousIncidentTimers = registerMockInstance("seriousIncidentTimers", SeriousIncidentTimers.class);
        when(seriousIncidentTimers.nationalPanelWithinWorkingDays()).thenReturn(5);
        when(seriousIncidentTimers.rapidReviewWithinWorkingDays()).thenReturn(15);
        workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 1)).thenReturn(REQUEST_DUE);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 5)).thenReturn(ModelEngine.at(MEETING_DEADLINE));
        when(workingDays.plusWorkingDays(ModelEngine.at(DECIDED), 5)).thenReturn(SECRETARY_OF_STATE_DUE);
        RapidResponseTimers rapidResponseTimers = registerMockInstance("rapidResponseTimers", RapidResponseTimers.class);
        when(rapidResponseTimers.meetingWithinWorkingDays()).thenReturn(5);
        // The real one: it only splits the task's answer, and the model's multi-instance is what is under test.
        Mocks.register("formBRequestIds", new FormBRequestIds());
        DELEGATES.forEach(name -> registerJavaDelegateMock(name));
        registerTaskListenerMock("recordNoAgencyInvolved");
        registerTaskListenerMock("recordNcmdNotification");
        registerTaskListenerMock("recordSecretaryOfStateNotification");

        deploy(registerCallActivityMock("jointAgencyResponse").onExecutionWaitForMessage(JAR_DONE));
        deploy(registerCallActivityMock("childDeathReviewMeeting").onExecutionWaitForMessage(CDRM_HELD));
        deploy(registerCallActivityMock("seriousIncident").onExecutionWaitForMessage(RAPID_REVIEW_DONE));
        deploy(registerCallActivityMock("reportingFormRequest").onExecutionWaitForMessage(REPORTING_FORM_RETURNED));
        engine.clockAt(OPENED);
    }

    // --- the paths a case takes after the Designated Doctor's decision ---

    @Test
    void anExpectedHospitalDeathHasNoJointAgencyResponseOnlyAChildDeathReviewMeetingAndClosesAfterItsReview() {
        notificationDecides(Decision.of("no", "expected", "no", "no"));
        cdopReviewDecides("reviewed");
        ProcessInstance c = caseOpened();

        assertThat(c).isWaitingAt("Call_Notification", "Task_RequestFormBReports", "Task_NotifyNcmd");
        assertThat(calledBy(c, "childDeathNotification2018").getBusinessKey()).isEqualTo(REFERENCE);
        assertThat(task("Task_RequestFormBReports", c)).hasCandidateGroup("spoc").hasDueDate(REQUEST_DUE);

        doctorDecides();
        assertThat(c).hasPassedInOrder("Boundary_DeathClassified", "Fork_Decided", "Gateway_JointAgencyResponse",
                "Merge_JointAgencyResponse").hasPassed("Gateway_SeriousIncident", "Merge_SeriousIncident",
                "Gateway_LookedAfter", "Merge_LookedAfter", "End_NotificationHandled")
                .hasNotPassed("Call_JointAgencyResponse", "Call_SeriousIncident", "Task_NotifySecretaryOfState")
                .isWaitingAt("Call_ChildDeathReviewMeeting", "Join_Decided", "Task_RequestFormBReports",
                        "Task_NotifyNcmd")
                .variables().containsEntry("jointAgencyResponse", "no").containsEntry("deathClassification", "expected");
        assertThat(calledBy(c, "jointAgencyResponse")).isNull();
        HistoricProcessInstance meeting = calledBy(c, "childDeathReviewMeeting");
        assertThat(meeting.getBusinessKey()).isEqualTo(REFERENCE);
        assertThat(variablesOf(meeting)).containsEntry("caseId", CASE_ID).containsEntry("caseReference", REFERENCE)
                .containsEntry("dateOfDeath", DATE_OF_DEATH).containsEntry("edition", "2018")
                .containsEntry("cdrmNotice", "1 month");

        reportingFormsNotNeeded(c);
        ncmdNotified(c);
        assertThat(c).isWaitingAt("Call_ChildDeathReviewMeeting", "Join_Decided", "Join_ReadyForCdop");
        runtimeService().correlateMessage(CDRM_HELD);
        assertThat(c).hasPassedInOrder("Call_ChildDeathReviewMeeting", "Join_Decided", "Join_ReadyForCdop")
                .isWaitingAt(CaseProcess.READY_FOR_CDOP);

        assignedToMeeting(c);
        assertThat(c).hasPassedInOrder("Receive_AssignedToMeeting", "Merge_ToReview", "Call_CdopReview",
                "Gateway_ReviewOutcome").isWaitingAt("Withdraw_OpenFormBs");
        assertThat(calledBy(c, "cdopReview2018").getBusinessKey()).isEqualTo(REFERENCE);
        execute(job("Withdraw_OpenFormBs", c));
        verifyJavaDelegateMock("withdrawOutstandingFormBs").executed(times(1));
        assertThat(c).hasPassedInOrder("Withdraw_OpenFormBs", "End_CaseClosed").isEnded();

        InOrder stages = inOrder(caseStages);
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("CLASSIFICATION"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("CHILD_DEATH_REVIEW_MEETING"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("CHILD_DEATH_REVIEW_MEETING"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("READY"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("REVIEW"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("REVIEW"));
        stages.verify(caseStages).leaveAll(any(DelegateExecution.class));
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("JOINT_AGENCY_RESPONSE"));
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("SERIOUS_INCIDENT"));
        verifyTaskListenerMock("recordSecretaryOfStateNotification").executedNever();
    }

    @Test
    void aSuddenUnexpectedInfantDeathHasAJointAgencyResponseAndOnlyThenAChildDeathReviewMeeting() {
        notificationDecides(Decision.of("yes", "unexpected", "no", "no"));
        ProcessInstance c = caseOpened();
        reportingFormsNotNeeded(c);
        ncmdNotified(c);

        doctorDecides();
        assertThat(c).hasPassedInOrder("Boundary_DeathClassified", "Fork_Decided", "Gateway_JointAgencyResponse")
                .isWaitingAt("Call_JointAgencyResponse", "Join_Decided").hasNotPassed("Merge_JointAgencyResponse");
        assertThat(calledBy(c, "childDeathReviewMeeting")).as("no meeting before the JAR is done").isNull();
        HistoricProcessInstance jar = calledBy(c, "jointAgencyResponse");
        assertThat(jar.getBusinessKey()).isEqualTo(REFERENCE);
        assertThat(variablesOf(jar)).containsEntry("caseId", CASE_ID).containsEntry("notifiedAt", NOTIFIED_AT)
                .containsEntry("abuseOrNeglectSuspected", "no");
        assertThat(job("Timer_RapidResponseMeetingDeadline", c)).hasDueDate(ModelEngine.at(MEETING_DEADLINE));

        runtimeService().correlateMessage(JAR_DONE);
        assertThat(c).hasPassedInOrder("Call_JointAgencyResponse", "Merge_JointAgencyResponse")
                .isWaitingAt("Call_ChildDeathReviewMeeting", "Join_Decided");
        assertThat(calledBy(c, "childDeathReviewMeeting").getBusinessKey()).isEqualTo(REFERENCE);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(c.getId())
                .activityId("Timer_RapidResponseMeetingDeadline").count()).as("the JAR's deadline goes with it").isZero();

        runtimeService().correlateMessage(CDRM_HELD);
        assertThat(c).isWaitingAt(CaseProcess.READY_FOR_CDOP);
        engine.clockAt(MEETING_DEADLINE.plusDays(1));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingOverdueToSpoc").executedNever();

        InOrder stages = inOrder(caseStages);
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("JOINT_AGENCY_RESPONSE"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("JOINT_AGENCY_RESPONSE"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("CHILD_DEATH_REVIEW_MEETING"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("CHILD_DEATH_REVIEW_MEETING"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("SERIOUS_INCIDENT"));
    }

    /** Held or not even decided on, 5 working days after the notification: the SPOC is told, once. */
    @Test
    void aJointAgencyResponseStillRunningFiveWorkingDaysAfterTheNotificationTellsTheSpocOnce() {
        notificationDecides(Decision.of("yes", "unexpected", "no", "no"));
        ProcessInstance c = caseOpened();
        doctorDecides();

        engine.clockAt(MEETING_DEADLINE.minusMinutes(1));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingOverdueToSpoc").executedNever();
        engine.clockAt(MEETING_DEADLINE);
        engine.runDueJobs();
        assertThat(c).hasPassedInOrder("Timer_RapidResponseMeetingDeadline", "Send_MeetingOverdueToSpoc",
                "End_MeetingOverdueTold").isWaitingAt("Call_JointAgencyResponse");
        verifyJavaDelegateMock("sendMeetingOverdueToSpoc").executed(times(1));

        engine.clockAt(MEETING_DEADLINE.plusDays(7));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendMeetingOverdueToSpoc").executed(times(1));
        runtimeService().correlateMessage(JAR_DONE);
        assertThat(c).isWaitingAt("Call_ChildDeathReviewMeeting");
    }

    @Test
    void suspectedAbuseOrNeglectRunsTheSeriousIncidentStepsBesideTheRestAndTheCaseWaitsForThemBeforeTheQueue() {
        notificationDecides(Decision.of("yes", "unexpected", "yes", "no"));
        ProcessInstance c = caseOpened();

        doctorDecides();
        assertThat(c).hasPassed("Gateway_SeriousIncident").isWaitingAt("Call_JointAgencyResponse",
                "Call_SeriousIncident", "Join_Decided", "Task_RequestFormBReports", "Task_NotifyNcmd");
        HistoricProcessInstance seriousIncident = calledBy(c, "seriousIncident");
        assertThat(seriousIncident.getBusinessKey()).isEqualTo(REFERENCE);
        assertThat(variablesOf(seriousIncident)).containsEntry("caseId", CASE_ID)
                .containsEntry("caseReference", REFERENCE);
        assertThat(variablesOf(calledBy(c, "jointAgencyResponse")))
                .as("the JAR knows the doctor already raised it").containsEntry("abuseOrNeglectSuspected", "yes");

        runtimeService().correlateMessage(JAR_DONE);
        runtimeService().correlateMessage(CDRM_HELD);
        reportingFormsNotNeeded(c);
        ncmdNotified(c);
        assertThat(c).hasPassed("Call_ChildDeathReviewMeeting", "End_FormBsIn", "Task_NotifyNcmd")
                .isWaitingAt("Call_SeriousIncident", "Join_Decided", "Join_ReadyForCdop")
                .hasNotPassed(CaseProcess.READY_FOR_CDOP);
        assertThat(waitsFor(c, CaseProcess.ASSIGNED_TO_MEETING)).as("not in the CDOP queue").isFalse();
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("READY"));

        runtimeService().correlateMessage(RAPID_REVIEW_DONE);
        assertThat(c).hasPassedInOrder("Call_SeriousIncident", "Merge_SeriousIncident", "Join_Decided",
                "Join_ReadyForCdop").isWaitingAt(CaseProcess.READY_FOR_CDOP);
        InOrder stages = inOrder(caseStages);
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("SERIOUS_INCIDENT"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("SERIOUS_INCIDENT"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
    }

    @Test
    void aLookedAfterChildsDeathIsNotifiedToTheSecretaryOfStateWithinFiveWorkingDaysBeforeTheQueue() throws IOException {
        notificationDecides(Decision.of("no", "expected", "no", "yes"));
        ProcessInstance c = caseOpened();
        reportingFormsNotNeeded(c);
        ncmdNotified(c);

        engine.clockAt(DECIDED);
        doctorDecides();
        assertThat(c).hasPassed("Gateway_LookedAfter").isWaitingAt("Task_NotifySecretaryOfState",
                "Call_ChildDeathReviewMeeting", "Join_Decided");
        assertThat(task("Task_NotifySecretaryOfState", c)).hasCandidateGroup("spoc").hasDueDate(SECRETARY_OF_STATE_DUE);
        verify(seriousIncidentTimers).nationalPanelWithinWorkingDays();
        verify(workingDays).plusWorkingDays(ModelEngine.at(DECIDED), 5);
        assertThat(formOf(task("Task_NotifySecretaryOfState", c))).contains("\"id\": \"notify-secretary-of-state\"");

        runtimeService().correlateMessage(CDRM_HELD);
        assertThat(c).isWaitingAt("Task_NotifySecretaryOfState", "Join_Decided", "Join_ReadyForCdop")
                .hasNotPassed(CaseProcess.READY_FOR_CDOP);
        verifyTaskListenerMock("recordSecretaryOfStateNotification").executedNever();

        complete(task("Task_NotifySecretaryOfState", c), withVariables("secretaryOfStateNotifiedOn", "2020-03-05"));
        verifyTaskListenerMock("recordSecretaryOfStateNotification").executed(times(1));
        assertThat(c).hasPassedInOrder("Task_NotifySecretaryOfState", "Merge_LookedAfter", "Join_Decided",
                "Join_ReadyForCdop").hasNotPassed("Call_SeriousIncident").isWaitingAt(CaseProcess.READY_FOR_CDOP);
    }

    @Test
    void theNcmdIsToBeNotifiedWithin48HoursAndTheCaseDoesNotReachTheQueueUntilItIs() throws IOException {
        notificationDecides(Decision.of("no", "expected", "no", "no"));
        ProcessInstance c = caseOpened();

        assertThat(task("Task_NotifyNcmd", c)).hasCandidateGroup("spoc").hasDueDate(NCMD_DUE);
        verify(ncmdTimers).notifyBy(NOTIFIED_AT);
        assertThat(formOf(task("Task_NotifyNcmd", c))).contains("\"id\": \"notify-ncmd\"")
                .contains("\"key\": \"ncmdNotifiedOn\"");

        doctorDecides();
        runtimeService().correlateMessage(CDRM_HELD);
        reportingFormsNotNeeded(c);
        assertThat(c).hasPassed("Join_Decided", "End_FormBsIn").isWaitingAt("Task_NotifyNcmd", "Join_ReadyForCdop")
                .hasNotPassed(CaseProcess.READY_FOR_CDOP);
        assertThat(waitsFor(c, CaseProcess.ASSIGNED_TO_MEETING)).isFalse();
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("READY"));
        verifyTaskListenerMock("recordNcmdNotification").executedNever();

        ncmdNotified(c);
        verifyTaskListenerMock("recordNcmdNotification").executed(times(1));
        assertThat(c).hasPassedInOrder("Task_NotifyNcmd", "Join_ReadyForCdop").isWaitingAt(CaseProcess.READY_FOR_CDOP);
        verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
    }

    @Test
    void theNcmdMayBeNotifiedBeforeTheDoctorDecidesAndTheCaseWaitsAtTheJoinForTheRest() {
        notificationDecides(Decision.of("no", "expected", "no", "no"));
        ProcessInstance c = caseOpened();

        ncmdNotified(c);
        assertThat(c).hasPassed("Task_NotifyNcmd").isWaitingAt("Call_Notification", "Task_RequestFormBReports",
                "Join_ReadyForCdop");
        doctorDecides();
        reportingFormsNotNeeded(c);
        runtimeService().correlateMessage(CDRM_HELD);
        assertThat(c).isWaitingAt(CaseProcess.READY_FOR_CDOP);
    }

    // --- the Child Death Review Meeting's target ---

    @Test
    void aMeetingNotHeldByItsTargetAfterTheDeathTellsTheSpocOnceAndTheMeetingGoesOn() {
        notificationDecides(Decision.of("no", "expected", "no", "no"));
        ProcessInstance c = caseOpened();
        doctorDecides();
        assertThat(job("Timer_ChildDeathReviewMeetingOverdue", c)).hasDueDate(ModelEngine.at(CDRM_TARGET));

        engine.clockAt(CDRM_TARGET.minusMinutes(1));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executedNever();
        assertThat(c).hasNotPassed("Timer_ChildDeathReviewMeetingOverdue");

        engine.clockAt(CDRM_TARGET);
        execute(job("Timer_ChildDeathReviewMeetingOverdue", c));
        assertThat(c).isWaitingAt("Send_CdrmOverdueToSpoc", "Call_ChildDeathReviewMeeting");
        execute(job("Send_CdrmOverdueToSpoc", c));
        verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executed(times(1));
        assertThat(c).hasPassedInOrder("Timer_ChildDeathReviewMeetingOverdue", "Send_CdrmOverdueToSpoc",
                "End_CdrmOverdueTold").isWaitingAt("Call_ChildDeathReviewMeeting");
        HistoricProcessInstance meeting = calledBy(c, "childDeathReviewMeeting");
        assertThat(meeting.getState()).as("the meeting's stage is not ended").isEqualTo(HistoricProcessInstance.STATE_ACTIVE);
        verify(caseStages, never()).leave(any(DelegateExecution.class), eq("CHILD_DEATH_REVIEW_MEETING"));

        engine.clockAt(CDRM_TARGET.plusMonths(1));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executed(times(1));

        runtimeService().correlateMessage(CDRM_HELD);
        assertThat(c).hasPassedInOrder("Call_ChildDeathReviewMeeting", "Join_Decided");
    }

    @Test
    void aMeetingHeldBeforeItsTargetLeavesNoTimerBehind() {
        notificationDecides(Decision.of("no", "expected", "no", "no"));
        ProcessInstance c = caseOpened();
        doctorDecides();
        runtimeService().correlateMessage(CDRM_HELD);

        assertThat(timersOf(c)).extracting(Job::getDuedate)
                .containsExactlyInAnyOrder(ModelEngine.at(SIX_MONTHS), ModelEngine.at(TWELVE_MONTHS));
        engine.clockAt(CDRM_TARGET);
        engine.runDueJobs();
        assertThat(c).hasNotPassed("Send_CdrmOverdueToSpoc");
        verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executedNever();
    }

    /** Another notification of the same death: the SPOC's decision is a stage of the matched case, keyed by it. */
    @Test
    void aPossibleDuplicateIsResolvedBesideWhateverTheCaseIsDoing() {
        notificationDecides(Decision.of("no", "expected", "no", "no"));
        deploy(registerCallActivityMock("resolvePossibleDuplicate").onExecutionWaitForMessage("test: duplicate resolved"));
        ProcessInstance c = caseOpened();
        Date notifiedAgain = ModelEngine.at(OPENED.plusHours(2));
        runtimeService().createMessageCorrelation(CaseProcess.POSSIBLE_DUPLICATE_NOTIFIED).processInstanceId(c.getId())
                .setVariable("duplicateNotificationId", "b7c3a0c2-0000-4000-8000-000000000001")
                .setVariable("duplicateMatchedOn", "nhs-number").setVariable("duplicateNotifiedAt", notifiedAgain)
                .correlate();

        HistoricProcessInstance resolution = calledBy(c, "resolvePossibleDuplicate");
        assertThat(resolution.getBusinessKey()).isEqualTo("b7c3a0c2-0000-4000-8000-000000000001");
        assertThat(variablesOf(resolution)).containsEntry("notificationId", "b7c3a0c2-0000-4000-8000-000000000001")
                .containsEntry("matchedOn", "nhs-number").containsEntry("notifiedAt", notifiedAgain);
        assertThat(c).isWaitingAt("Call_ResolvePossibleDuplicate", "Call_Notification", "Task_RequestFormBReports",
                "Task_NotifyNcmd");
        runtimeService().correlateMessage("test: duplicate resolved");
        assertThat(c).hasPassed("End_DuplicateResolved").isWaitingAt("Call_Notification", "Task_RequestFormBReports",
                "Task_NotifyNcmd");
    }

    @Nested
    class ReportingForms {

        @BeforeEach
        void decidedExpected() {
            notificationDecides(Decision.of("no", "expected", "no", "no"));
            cdopReviewDecides("reviewed");
        }

        @Test
        void eachRequestTheSpocSentIsItsOwnCallKeyedByTheRequestAndTheCaseWaitsForAllOfThem() {
            ProcessInstance c = caseOpened();
            decidedAndMeetingHeld(c);
            ncmdNotified(c);

            complete(task("Task_RequestFormBReports", c), withVariables(FormBRequestIds.VARIABLE, "id1,id2"));
            assertThat(c).isWaitingAt("Call_AgencyReportRequests", "Join_ReadyForCdop")
                    .hasNotPassed(CaseProcess.READY_FOR_CDOP);
            assertThat(requestsRunning(c)).containsExactlyInAnyOrder("id1", "id2");
            verifyTaskListenerMock("recordNoAgencyInvolved").executed(times(1));

            formReturned("id1");
            assertThat(c).isWaitingAt("Call_AgencyReportRequests").hasNotPassed("End_FormBsIn");
            formReturned("id2");

            assertThat(c).hasPassedInOrder("Call_AgencyReportRequests", "End_FormBsIn", "Join_ReadyForCdop")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
        }

        @Test
        void noAgencyInvolvedEndsTheStageAtOnce() {
            ProcessInstance c = caseOpened();
            reportingFormsNotNeeded(c);

            verifyTaskListenerMock("recordNoAgencyInvolved").executed(times(1));
            assertThat(c).hasPassedInOrder("Task_RequestFormBReports", "Call_AgencyReportRequests#multiInstanceBody",
                    "End_FormBsIn").hasNotPassed("Call_AgencyReportRequests").isWaitingAt("Call_Notification",
                            "Task_NotifyNcmd", "Join_ReadyForCdop");
            assertThat(requestsRunning(c)).isEmpty();
        }

        @Test
        void anAgencyAskedWhileTheStageRunsHoldsTheStageUntilItsFormIsIn() {
            ProcessInstance c = caseOpened();
            complete(task("Task_RequestFormBReports", c), withVariables(FormBRequestIds.VARIABLE, "id1,id2"));

            spocAsksAnotherAgency(c, CaseProcess.FORM_B_REQUESTED, "id3");
            assertThat(c).hasPassed("Start_AgencyAdded").isWaitingAt("Call_AgencyReportRequests",
                    "Call_AddedAgencyReportRequest");
            assertThat(requestsRunning(c)).containsExactlyInAnyOrder("id1", "id2", "id3");

            formReturned("id1");
            formReturned("id2");
            assertThat(c).hasPassed("End_FormBsIn").isWaitingAt("Call_AddedAgencyReportRequest");
            verify(caseStages, never()).leave(any(DelegateExecution.class), eq("FORM_B"));

            formReturned("id3");
            assertThat(c).hasPassedInOrder("Call_AddedAgencyReportRequest", "End_AddedFormBIn")
                    .isWaitingAt("Call_Notification", "Task_NotifyNcmd", "Join_ReadyForCdop");
            verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
        }

        @Test
        void goingOnWithoutTheMissingFormsEndsTheirRequestsWithdrawsThemAndEndsTheStage() {
            ProcessInstance c = caseOpened();
            complete(task("Task_RequestFormBReports", c), withVariables(FormBRequestIds.VARIABLE, "id1,id2"));
            formReturned("id1");

            runtimeService().createMessageCorrelation(CaseProcess.PROCEED_WITHOUT_FORM_BS).processInstanceId(c.getId())
                    .correlate();
            assertThat(requestsRunning(c)).isEmpty();
            assertThat(c).hasPassed("Start_ProceedWithoutFormBs").isWaitingAt("Withdraw_MissingFormBs")
                    .hasNotPassed("End_FormBsIn");
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executedNever();

            execute(job("Withdraw_MissingFormBs", c));
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executed(times(1));
            assertThat(c).hasPassedInOrder("Withdraw_MissingFormBs", "End_WithoutMissingFormBs")
                    .isWaitingAt("Call_Notification", "Task_NotifyNcmd", "Join_ReadyForCdop");
            verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
        }

        @Test
        void anAgencyFoundAfterTheStageIsAskedWithoutHoldingTheCaseAndClosingTheCaseEndsItsRequest() {
            ProcessInstance c = readyForCdop();
            assertThat(waitsFor(c, CaseProcess.FORM_B_REQUESTED)).isFalse();
            assertThat(waitsFor(c, CaseProcess.LATE_FORM_B_REQUESTED)).isTrue();

            spocAsksAnotherAgency(c, CaseProcess.LATE_FORM_B_REQUESTED, "id4");
            assertThat(c).hasPassed("Start_LateAgency").isWaitingAt(CaseProcess.READY_FOR_CDOP,
                    "Call_LateAgencyReportRequest");
            assertThat(requestsRunning(c)).containsExactly("id4");
            formReturned("id4");
            assertThat(c).hasPassedInOrder("Call_LateAgencyReportRequest", "End_LateFormBIn")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);

            spocAsksAnotherAgency(c, CaseProcess.LATE_FORM_B_REQUESTED, "id5");
            assignedToMeeting(c);
            engine.runDueJobs();
            assertThat(c).hasPassed("End_CaseClosed").isEnded();
            assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("reportingFormRequest")
                    .processInstanceBusinessKey("id5").count()).as("the late request still running").isZero();
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executed(times(1));
        }
    }

    @Nested
    class TheCdopReview {

        @BeforeEach
        void decidedExpected() {
            notificationDecides(Decision.of("no", "expected", "no", "no"));
        }

        @Test
        void aDeferredCaseWaitsToBeAssignedAgainTheSpocIsToldOnItsReviewByDateAndTheNextMeetingReviewsIt() {
            cdopReviewDecides("deferred");
            ProcessInstance c = readyForCdop();

            assignedToMeeting(c);
            assertThat(c).hasPassedInOrder("Call_CdopReview", "Gateway_ReviewOutcome").isWaitingAt("Receive_AssignedAgain")
                    .hasNotPassed("Withdraw_OpenFormBs");
            assertThat(job("Timer_ReviewBy", c)).hasDueDate(ModelEngine.at(REVIEW_BY));

            engine.clockAt(REVIEW_BY.minusMinutes(1));
            engine.runDueJobs();
            verifyJavaDelegateMock("sendDeferredCaseDueToSpoc").executedNever();
            engine.clockAt(REVIEW_BY);
            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Timer_ReviewBy", "Send_DeferredCaseDueToSpoc", "End_DeferredDueTold")
                    .isWaitingAt("Receive_AssignedAgain");
            verifyJavaDelegateMock("sendDeferredCaseDueToSpoc").executed(times(1));

            cdopReviewDecides("reviewed");
            assignedToMeeting(c);
            assertThat(c).hasPassedInOrder("Receive_AssignedAgain", "Merge_ToReview", "Call_CdopReview")
                    .isWaitingAt("Withdraw_OpenFormBs");
            engine.runDueJobs();
            assertThat(c).hasPassed("End_CaseClosed").isEnded();

            verify(caseStages, times(2)).enter(any(DelegateExecution.class), eq("REVIEW"));
            InOrder stages = inOrder(caseStages);
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("DEFERRED"));
            stages.verify(caseStages).leave(any(DelegateExecution.class), eq("DEFERRED"));
            stages.verify(caseStages).leaveAll(any(DelegateExecution.class));
        }

        @Test
        void aCaseReviewedByTheNeonatalPanelWaitsForARoutineMeetingWhichCompletesTheReview() {
            cdopReviewDecides("neonatal-reviewed");
            ProcessInstance c = readyForCdop();

            assignedToMeeting(c);
            assertThat(c).hasPassedInOrder("Call_CdopReview", "Gateway_ReviewOutcome")
                    .isWaitingAt("Receive_AssignedToFullCdop").hasNotPassed("Withdraw_OpenFormBs", "Receive_AssignedAgain");

            cdopReviewDecides("reviewed");
            assignedToMeeting(c);
            assertThat(c).hasPassedInOrder("Receive_AssignedToFullCdop", "Merge_ToReview", "Call_CdopReview")
                    .isWaitingAt("Withdraw_OpenFormBs");
            engine.runDueJobs();
            assertThat(c).hasPassed("End_CaseClosed").isEnded();
            InOrder stages = inOrder(caseStages);
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("NEONATAL_REVIEWED"));
            stages.verify(caseStages).leave(any(DelegateExecution.class), eq("NEONATAL_REVIEWED"));
            stages.verify(caseStages).leaveAll(any(DelegateExecution.class));
        }
    }

    @Nested
    class TheReviewTargets {

        @BeforeEach
        void inTheQueue() {
            notificationDecides(Decision.of("no", "expected", "no", "no"));
            cdopReviewDecides("reviewed");
        }

        @Test
        void anOpenCaseUnreviewedAtSixMonthsTellsTheSpocAndAtTwelveMonthsTheChair() {
            ProcessInstance c = readyForCdop();
            assertThat(job("Timer_SixMonths", c)).hasDueDate(ModelEngine.at(SIX_MONTHS));
            assertThat(job("Timer_TwelveMonths", c)).hasDueDate(ModelEngine.at(TWELVE_MONTHS));

            engine.clockAt(SIX_MONTHS);
            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Timer_SixMonths", "Gateway_ReopenedAtSixMonths", "Send_SixMonthsToSpoc",
                    "End_SixMonthsTold").isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verifyJavaDelegateMock("sendSixMonthsUnreviewed").executed(times(1));
            verifyJavaDelegateMock("sendTwelveMonthsUnreviewed").executedNever();

            engine.clockAt(TWELVE_MONTHS);
            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Timer_TwelveMonths", "Gateway_ReopenedAtTwelveMonths",
                    "Send_TwelveMonthsToChair", "End_TwelveMonthsTold").isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verifyJavaDelegateMock("sendTwelveMonthsUnreviewed").executed(times(1));
            verifyJavaDelegateMock("sendSixMonthsUnreviewed").executed(times(1));
        }

        @Test
        void aReopenedCaseMetItsTargetsWhenFirstReviewedAndTellsNobody() {
            ProcessInstance c = startedAt(true, List.of(CaseProcess.StartPoint.before(CaseProcess.READY_FOR_CDOP)));

            engine.clockAt(SIX_MONTHS);
            engine.runDueJobs();
            engine.clockAt(TWELVE_MONTHS);
            engine.runDueJobs();

            assertThat(c).hasPassedInOrder("Timer_SixMonths", "Gateway_ReopenedAtSixMonths", "End_TargetMetAtSixMonths")
                    .hasPassedInOrder("Timer_TwelveMonths", "Gateway_ReopenedAtTwelveMonths", "End_TargetMetAtTwelveMonths")
                    .hasNotPassed("Send_SixMonthsToSpoc", "Send_TwelveMonthsToChair")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verifyJavaDelegateMock("sendSixMonthsUnreviewed").executedNever();
            verifyJavaDelegateMock("sendTwelveMonthsUnreviewed").executedNever();
        }

        @Test
        void closingTheCaseEndsItsWaitingTargetTimers() {
            ProcessInstance c = readyForCdop();
            assertThat(timersOf(c)).hasSize(2);

            assignedToMeeting(c);
            engine.runDueJobs();

            assertThat(c).hasPassed("End_CaseClosed").isEnded();
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(c.getId()).count()).isZero();
            engine.clockAt(TWELVE_MONTHS);
            engine.runDueJobs();
            verifyJavaDelegateMock("sendSixMonthsUnreviewed").executedNever();
            verifyJavaDelegateMock("sendTwelveMonthsUnreviewed").executedNever();
            verify(caseStages).leaveAll(any(DelegateExecution.class));
        }
    }

    /** Restarted where its records say (CaseProcess.startWhereRecordsSay): each branch where it stands. */
    @Nested
    class StartedPartWay {

        @Test
        void aCaseDecidedWhoseMeetingIsStillToBeHeldStartsAtTheMeetingWithItsTargetAndGoesOnToTheQueue() {
            engine.clockAt(LocalDateTime.of(2020, 4, 1, 10, 0));
            ProcessInstance c = startedAt(false, List.of(CaseProcess.StartPoint.before("Call_ChildDeathReviewMeeting"),
                    CaseProcess.StartPoint.on("Flow_SeriousIncidentToJoinDecided"),
                    CaseProcess.StartPoint.on("Flow_LookedAfterToJoinDecided"),
                    CaseProcess.StartPoint.on("Flow_FormBsToReady"), CaseProcess.StartPoint.on("Flow_NcmdToReady")));

            assertThat(c).isWaitingAt("Call_ChildDeathReviewMeeting", "Join_Decided", "Join_ReadyForCdop")
                    .hasNotPassed("Call_Notification", "Task_NotifyNcmd", "Task_RequestFormBReports");
            assertThat(job("Timer_ChildDeathReviewMeetingOverdue", c)).hasDueDate(ModelEngine.at(CDRM_TARGET));
            verify(caseStages).enter(any(DelegateExecution.class), eq("CHILD_DEATH_REVIEW_MEETING"));
            verify(caseStages, never()).enter(any(DelegateExecution.class), eq("FORM_B"));

            runtimeService().correlateMessage(CDRM_HELD);
            assertThat(c).hasPassed("Join_Decided", "Join_ReadyForCdop").isWaitingAt(CaseProcess.READY_FOR_CDOP);
        }

        @Test
        void aLookedAfterChildsCaseWhoseNotificationIsOutstandingStartsAtItWithTheRestDone() {
            engine.clockAt(DECIDED);
            ProcessInstance c = startedAt(false, List.of(CaseProcess.StartPoint.on("Flow_MeetingToJoinDecided"),
                    CaseProcess.StartPoint.on("Flow_SeriousIncidentToJoinDecided"),
                    CaseProcess.StartPoint.before("Task_NotifySecretaryOfState"),
                    CaseProcess.StartPoint.on("Flow_FormBsToReady"), CaseProcess.StartPoint.on("Flow_NcmdToReady")));

            assertThat(c).isWaitingAt("Task_NotifySecretaryOfState", "Join_Decided", "Join_ReadyForCdop");
            assertThat(task("Task_NotifySecretaryOfState", c)).hasCandidateGroup("spoc");
            complete(task("Task_NotifySecretaryOfState", c));
            assertThat(c).isWaitingAt(CaseProcess.READY_FOR_CDOP);
        }
    }

    // --- the stages' stand-ins ---

    /** The Designated Doctor's answers, as DecideJointAgencyResponse and the decision form leave them. */
    private record Decision(String jointAgencyResponse, String deathClassification, String abuseOrNeglectSuspected,
            String lookedAfter) {

        static Decision of(String jointAgencyResponse, String deathClassification, String abuseOrNeglectSuspected,
                String lookedAfter) {
            return new Decision(jointAgencyResponse, deathClassification, abuseOrNeglectSuspected, lookedAfter);
        }
    }

    /**
     * The notification process: waits for the doctor, then hands the decision up with the escalation
     * "deathClassified" (the real one throws it mid-process and goes on; this one ends with it).
     */
    private static void notificationDecides(Decision decision) {
        deploy(registerCallActivityMock("childDeathNotification2018").onExecutionWaitForMessage(DOCTOR_DECIDES)
                .onExecutionSetVariables(Variables.createVariables()
                        .putValue("jointAgencyResponse", decision.jointAgencyResponse())
                        .putValue("deathClassification", decision.deathClassification())
                        .putValue("abuseOrNeglectSuspected", decision.abuseOrNeglectSuspected())
                        .putValue("lookedAfter", decision.lookedAfter()))
                .onExecutionThrowEscalation("deathClassified"));
    }

    /** The CDOP review, ended at once with the panel's outcome; a deferral carries its review-by date. */
    private static void cdopReviewDecides(String outcome) {
        VariableMap decided = Variables.createVariables().putValue("outcome", outcome);
        if ("deferred".equals(outcome)) {
            decided.putValue("reviewByAt", ModelEngine.at(REVIEW_BY));
        }
        deploy(registerCallActivityMock("cdopReview2018").onExecutionSetVariables(decided));
    }

    private static void deploy(CallActivityMock mock) {
        engine.manageDeployment(mock.deploy(engine));
    }

    private static void doctorDecides() {
        runtimeService().correlateMessage(DOCTOR_DECIDES);
    }

    private static void formReturned(String requestId) {
        runtimeService().correlateMessage(REPORTING_FORM_RETURNED, requestId);
    }

    // --- the case ---

    /** Started as CaseProcess.start starts a 2018 case. */
    private static ProcessInstance caseOpened() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REFERENCE, caseVariables(false));
    }

    /** Started as CaseProcess.startAt starts an imported, restarted or reopened case. */
    private static ProcessInstance startedAt(boolean reopened, List<CaseProcess.StartPoint> points) {
        var builder = runtimeService().createProcessInstanceByKey(PROCESS_KEY).businessKey(REFERENCE)
                .setVariables(caseVariables(reopened));
        for (CaseProcess.StartPoint point : points) {
            builder = point.transition() ? builder.startTransition(point.activityId())
                    : builder.startBeforeActivity(point.activityId());
        }
        return builder.execute();
    }

    private static Map<String, Object> caseVariables(boolean reopened) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", CASE_ID);
        variables.put("caseReference", REFERENCE);
        variables.put("notifiedAt", NOTIFIED_AT);
        variables.put("outOfHours", false);
        variables.put("notifiedExpected", "expected");
        variables.put("placeOfDeath", "hospital-ward");
        variables.put("neonatal", false);
        variables.put("dateOfDeath", DATE_OF_DEATH);
        variables.put("edition", "2018");
        variables.put("reopened", reopened);
        return variables;
    }

    private static void reportingFormsNotNeeded(ProcessInstance c) {
        complete(task("Task_RequestFormBReports", c), withVariables("noAgencyInvolved", true));
    }

    private static void ncmdNotified(ProcessInstance c) {
        complete(task("Task_NotifyNcmd", c), withVariables("ncmdNotifiedOn", "2020-03-03", "ncmdNotifiedTime", "09:30"));
    }

    /** No Joint Agency Response, nothing else decided on: the meeting held, the decided-on stages done. */
    private static void decidedAndMeetingHeld(ProcessInstance c) {
        doctorDecides();
        runtimeService().correlateMessage(CDRM_HELD);
        assertThat(c).hasPassed("Join_Decided");
    }

    /** An expected death with nothing else decided on, no agency involved, the NCMD notified: in the CDOP queue. */
    private static ProcessInstance readyForCdop() {
        ProcessInstance c = caseOpened();
        decidedAndMeetingHeld(c);
        reportingFormsNotNeeded(c);
        ncmdNotified(c);
        assertThat(c).isWaitingAt(CaseProcess.READY_FOR_CDOP);
        return c;
    }

    private static void assignedToMeeting(ProcessInstance c) {
        runtimeService().createMessageCorrelation(CaseProcess.ASSIGNED_TO_MEETING).processInstanceId(c.getId())
                .setVariable("heldOn", ModelEngine.at(REVIEW_BY.minusMonths(1))).correlate();
    }

    private static void spocAsksAnotherAgency(ProcessInstance c, String message, String requestId) {
        runtimeService().createMessageCorrelation(message).processInstanceId(c.getId())
                .setVariable(CaseProcess.ADDED_FORM_B_REQUEST_ID, requestId).correlate();
    }

    private static boolean waitsFor(ProcessInstance c, String message) {
        return runtimeService().createEventSubscriptionQuery().processInstanceId(c.getId()).eventType("message")
                .eventName(message).count() > 0;
    }

    /** The business keys of the case's running reporting form requests. */
    private static List<String> requestsRunning(ProcessInstance c) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("reportingFormRequest")
                .superProcessInstanceId(c.getId()).list().stream().map(ProcessInstance::getBusinessKey).toList();
    }

    /** The one instance of this stage the case has called, running or ended; null if none. */
    private static HistoricProcessInstance calledBy(ProcessInstance c, String key) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .superProcessInstanceId(c.getId()).singleResult();
    }

    /** What the case handed the stage when calling it. */
    private static Map<String, Object> variablesOf(HistoricProcessInstance stage) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(stage.getId()).list()) {
            variables.put(v.getName(), v.getValue());
        }
        return variables;
    }

    private static List<Job> timersOf(ProcessInstance c) {
        return engine.getManagementService().createJobQuery().processInstanceId(c.getId()).timers().list();
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
