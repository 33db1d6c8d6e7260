package uk.cdr.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import uk.cdr.casediscussion.FinalCaseDiscussionTimers;
import uk.cdr.panel.CdopReviewTargets;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/child-death-review.bpmn alone: one case from its opening to its closure. The stages it calls
 * (notification, rapid response, final case discussion, each agency's Form B request, the CDOP review)
 * are stand-ins that wait for a message of this test where a person would act, and return what the
 * real ones return; the beans its expressions name are mocks, except the list of Form B request ids.
 */
class ChildDeathReviewModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("child-death-review.bpmn");

    private static final String REFERENCE = "2014-15/042";
    private static final String CASE_ID = UUID.randomUUID().toString();

    /** What the stand-ins wait for: the person who ends that stage. */
    private static final String DOCTOR_CONFIRMS = "test: the Designated Doctor confirms";
    private static final String RAPID_RESPONSE_DONE = "test: rapid response done";
    private static final String DISCUSSION_DONE = "test: final case discussion done";
    private static final String FORM_B_RETURNED = "test: Form B returned";

    private static final Date DATE_OF_DEATH = ModelEngine.at(LocalDateTime.of(2015, 3, 1, 0, 0));
    private static final LocalDateTime OPENED = LocalDateTime.of(2015, 3, 2, 10, 0);
    private static final Date NOTIFIED_AT = ModelEngine.at(OPENED);
    private static final Date REQUEST_DUE = ModelEngine.at(LocalDateTime.of(2015, 3, 3, 10, 0));
    private static final LocalDateTime TEN_WEEKS = LocalDateTime.of(2015, 5, 10, 9, 0);
    private static final LocalDateTime TWELVE_WEEKS = LocalDateTime.of(2015, 5, 24, 9, 0);
    private static final LocalDateTime SIX_MONTHS = LocalDateTime.of(2015, 9, 1, 9, 0);
    private static final LocalDateTime TWELVE_MONTHS = LocalDateTime.of(2016, 3, 1, 9, 0);
    private static final LocalDateTime REVIEW_BY = LocalDateTime.of(2015, 7, 1, 9, 0);

    /** A death eleven weeks before the case reaches its final case discussion: the 10-week moment has passed. */
    private static final Date OLDER_DEATH = ModelEngine.at(LocalDateTime.of(2014, 12, 15, 0, 0));
    private static final LocalDateTime OLDER_TEN_WEEKS = LocalDateTime.of(2015, 2, 23, 9, 0);
    private static final LocalDateTime OLDER_TWELVE_WEEKS = LocalDateTime.of(2015, 3, 9, 9, 0);

    private static final List<String> DELEGATES = List.of("withdrawOutstandingFormBs", "sendSixMonthsUnreviewed",
            "sendTwelveMonthsUnreviewed", "sendFinalCaseDiscussionReminder", "sendFinalCaseDiscussionOverdueToSpoc",
            "sendDeferredCaseDueToSpoc", "sendMeetingOverdueToSpoc");
    /** 5 working days after OPENED, the rapid response meeting's deadline. */
    private static final LocalDateTime MEETING_DEADLINE = LocalDateTime.of(2015, 3, 9, 10, 0);

    private CaseStages caseStages;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        caseStages = registerMockInstance("caseStages", CaseStages.class);
        CdopReviewTargets targets = registerMockInstance("cdopReviewTargets", CdopReviewTargets.class);
        when(targets.reviewTargetAt(DATE_OF_DEATH)).thenReturn(ModelEngine.at(SIX_MONTHS));
        when(targets.escalationAt(DATE_OF_DEATH)).thenReturn(ModelEngine.at(TWELVE_MONTHS));
        when(targets.reviewTargetAt(OLDER_DEATH)).thenReturn(ModelEngine.at(LocalDateTime.of(2015, 6, 15, 9, 0)));
        when(targets.escalationAt(OLDER_DEATH)).thenReturn(ModelEngine.at(LocalDateTime.of(2015, 12, 15, 9, 0)));
        FinalCaseDiscussionTimers discussionTimers = registerMockInstance("finalCaseDiscussionTimers",
                FinalCaseDiscussionTimers.class);
        when(discussionTimers.reminderAt(DATE_OF_DEATH)).thenReturn(ModelEngine.at(TEN_WEEKS));
        when(discussionTimers.targetAt(DATE_OF_DEATH)).thenReturn(ModelEngine.at(TWELVE_WEEKS));
        when(discussionTimers.reminderAt(OLDER_DEATH)).thenReturn(ModelEngine.at(OLDER_TEN_WEEKS));
        when(discussionTimers.targetAt(OLDER_DEATH)).thenReturn(ModelEngine.at(OLDER_TWELVE_WEEKS));
        WorkingDays workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 1)).thenReturn(REQUEST_DUE);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 5)).thenReturn(ModelEngine.at(MEETING_DEADLINE));
        uk.cdr.rapidresponse.RapidResponseTimers rapidResponseTimers = registerMockInstance("rapidResponseTimers",
                uk.cdr.rapidresponse.RapidResponseTimers.class);
        when(rapidResponseTimers.meetingWithinWorkingDays()).thenReturn(5);
        // The real one: it only splits the task's answer, and the model's multi-instance is what is under test.
        Mocks.register("formBRequestIds", new FormBRequestIds());
        DELEGATES.forEach(name -> registerJavaDelegateMock(name));
        registerTaskListenerMock("recordNoAgencyInvolved");

        deploy(registerCallActivityMock("rapidResponse").onExecutionWaitForMessage(RAPID_RESPONSE_DONE));
        deploy(registerCallActivityMock("finalCaseDiscussion").onExecutionWaitForMessage(DISCUSSION_DONE));
        deploy(registerCallActivityMock("agencyReportRequest").onExecutionWaitForMessage(FORM_B_RETURNED));
        engine.clockAt(OPENED);
    }

    /** Another notification of the same death: the SPOC's decision is a stage of the matched case, keyed by it. */
    @Test
    void aPossibleDuplicateIsResolvedBesideWhateverTheCaseIsDoing() {
        notificationClassifies("expected");
        deploy(registerCallActivityMock("resolvePossibleDuplicate").onExecutionWaitForMessage("test: duplicate resolved"));
        ProcessInstance c = caseOpened();
        Date notifiedAgain = ModelEngine.at(OPENED.plusHours(2));
        runtimeService().createMessageCorrelation(CaseProcess.POSSIBLE_DUPLICATE_NOTIFIED).processInstanceId(c.getId())
                .setVariable("duplicateNotificationId", "b7c3a0c2-0000-4000-8000-000000000001")
                .setVariable("duplicateMatchedOn", "nhs-number").setVariable("duplicateNotifiedAt", notifiedAgain)
                .correlate();

        HistoricProcessInstance resolution = calledBy(c, "resolvePossibleDuplicate");
        assertThat(resolution.getBusinessKey()).isEqualTo("b7c3a0c2-0000-4000-8000-000000000001");
        assertThat(c).isWaitingAt("Call_ResolvePossibleDuplicate", "Call_Notification", "Task_RequestFormBReports");
        runtimeService().correlateMessage("test: duplicate resolved");
        assertThat(c).hasPassed("End_DuplicateResolved").isWaitingAt("Call_Notification", "Task_RequestFormBReports");
    }

    @Test
    void anExpectedDeathWithNoAgencyInvolvedWaitsInTheQueueIsReviewedAndClosesWithItsLeftoverRequestsWithdrawn() {
        notificationClassifies("expected");
        cdopReviewDecides("reviewed");
        ProcessInstance c = caseOpened();

        assertThat(c).isWaitingAt("Call_Notification", "Task_RequestFormBReports");
        assertThat(task(c)).hasCandidateGroup("spoc").hasDueDate(REQUEST_DUE);
        assertThat(calledBy(c, "childDeathNotification").getBusinessKey()).isEqualTo(REFERENCE);

        complete(task(c), withVariables("noAgencyInvolved", true));
        verifyTaskListenerMock("recordNoAgencyInvolved").executed(times(1));
        // No request: the multi-instance call has no instance and the stage ends at once.
        assertThat(c).hasPassedInOrder("Task_RequestFormBReports", "Call_AgencyReportRequests#multiInstanceBody",
                "End_FormBsIn").hasNotPassed("Call_AgencyReportRequests", "Join_ReadyForCdop")
                .isWaitingAt("Call_Notification");

        doctorConfirms();
        assertThat(c).hasPassedInOrder("Boundary_DeathClassified", "Gateway_Unexpected", "Merge_Classified",
                "Join_ReadyForCdop").hasPassed("End_NotificationHandled").hasNotPassed("Call_RapidResponse")
                .isWaitingAt(CaseProcess.READY_FOR_CDOP).variables().containsEntry("deathClassification", "expected");

        assignedToMeeting(c);
        assertThat(c).hasPassedInOrder("Receive_AssignedToMeeting", "Merge_ToReview", "Call_CdopReview",
                "Gateway_ReviewOutcome").isWaitingAt("Withdraw_OpenFormBs");
        assertThat(calledBy(c, "cdopReview").getBusinessKey()).isEqualTo(REFERENCE);
        verifyJavaDelegateMock("withdrawOutstandingFormBs").executedNever();

        execute(job("Withdraw_OpenFormBs", c));
        verifyJavaDelegateMock("withdrawOutstandingFormBs").executed(times(1));
        assertThat(c).hasPassedInOrder("Withdraw_OpenFormBs", "End_CaseClosed").isEnded();

        InOrder stages = inOrder(caseStages);
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("CLASSIFICATION"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("FORM_B"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("READY"));
        stages.verify(caseStages).enter(any(DelegateExecution.class), eq("REVIEW"));
        stages.verify(caseStages).leave(any(DelegateExecution.class), eq("REVIEW"));
        stages.verify(caseStages).leaveAll(any(DelegateExecution.class));
        // Left when the doctor decides (the escalation) and again when the notification process ends.
        verify(caseStages, times(2)).leave(any(DelegateExecution.class), eq("CLASSIFICATION"));
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("RAPID_RESPONSE"));
        verify(caseStages, never()).enter(any(DelegateExecution.class), eq("DEFERRED"));
    }

    @Nested
    class AnUnexpectedDeath {

        @BeforeEach
        void classifiedUnexpected() {
            notificationClassifies("unexpected");
        }

        /** Held or not even decided on, 5 working days after the notification: the SPOC is told, once. */
        @Test
        void aRapidResponseStillRunningFiveWorkingDaysAfterTheNotificationTellsTheSpoc() {
            ProcessInstance c = caseOpened();
            complete(task(c), withVariables("noAgencyInvolved", true));
            doctorConfirms();
            assertThat(job("Timer_RapidResponseMeetingDeadline", c)).hasDueDate(ModelEngine.at(MEETING_DEADLINE));

            engine.clockAt(MEETING_DEADLINE.minusMinutes(1));
            engine.runDueJobs();
            verifyJavaDelegateMock("sendMeetingOverdueToSpoc").executedNever();
            engine.clockAt(MEETING_DEADLINE);
            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Timer_RapidResponseMeetingDeadline", "Send_MeetingOverdueToSpoc",
                    "End_MeetingOverdueTold").isWaitingAt("Call_RapidResponse");
            verifyJavaDelegateMock("sendMeetingOverdueToSpoc").executed(times(1));
        }

        @Test
        void aRapidResponseDoneBeforeItsDeadlineLeavesNoDeadlineBehind() {
            ProcessInstance c = caseOpened();
            complete(task(c), withVariables("noAgencyInvolved", true));
            doctorConfirms();
            runtimeService().correlateMessage(RAPID_RESPONSE_DONE);
            engine.clockAt(MEETING_DEADLINE.plusDays(1));
            engine.runDueJobs();
            assertThat(c).hasNotPassed("Send_MeetingOverdueToSpoc");
            verifyJavaDelegateMock("sendMeetingOverdueToSpoc").executedNever();
        }

        @Test
        void goesThroughTheRapidResponseThenTheFinalCaseDiscussionWithItsReminderAndTargetBeforeTheQueue() {
            ProcessInstance c = caseOpened();
            complete(task(c), withVariables("noAgencyInvolved", true));
            doctorConfirms();

            assertThat(c).hasPassed("Gateway_Unexpected").isWaitingAt("Call_RapidResponse")
                    .hasNotPassed("Merge_Classified");
            assertThat(calledBy(c, "rapidResponse").getBusinessKey()).isEqualTo(REFERENCE);
            runtimeService().correlateMessage(RAPID_RESPONSE_DONE);

            assertThat(c).hasPassed("Call_RapidResponse").isWaitingAt("Call_FinalCaseDiscussion").variables()
                    .containsEntry("finalCaseDiscussionBeganAt", ModelEngine.at(OPENED));
            assertThat(calledBy(c, "finalCaseDiscussion").getBusinessKey()).isEqualTo(REFERENCE);
            assertThat(job("Timer_FinalCaseDiscussionReminder", c)).hasDueDate(ModelEngine.at(TEN_WEEKS));
            assertThat(job("Timer_FinalCaseDiscussionOverdue", c)).hasDueDate(ModelEngine.at(TWELVE_WEEKS));

            engine.clockAt(TEN_WEEKS.minusMinutes(1));
            engine.runDueJobs();
            verifyJavaDelegateMock("sendFinalCaseDiscussionReminder").executedNever();
            engine.clockAt(TEN_WEEKS);
            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Timer_FinalCaseDiscussionReminder", "Gateway_ReminderAhead",
                    "Send_FinalCaseDiscussionReminder", "End_Reminded").hasNotPassed("End_NoReminder")
                    .isWaitingAt("Call_FinalCaseDiscussion");
            verifyJavaDelegateMock("sendFinalCaseDiscussionReminder").executed(times(1));
            verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executedNever();

            engine.clockAt(TWELVE_WEEKS);
            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Timer_FinalCaseDiscussionOverdue", "Send_FinalCaseDiscussionOverdueToSpoc",
                    "End_DiscussionOverdueTold").isWaitingAt("Call_FinalCaseDiscussion");
            verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executed(times(1));

            runtimeService().correlateMessage(DISCUSSION_DONE);
            assertThat(c).hasPassedInOrder("Call_FinalCaseDiscussion", "Merge_Classified", "Join_ReadyForCdop")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
            assertThat(timersOf(c)).extracting(Job::getDuedate)
                    .containsExactlyInAnyOrder(ModelEngine.at(SIX_MONTHS), ModelEngine.at(TWELVE_MONTHS));

            InOrder stages = inOrder(caseStages);
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("CLASSIFICATION"));
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("RAPID_RESPONSE"));
            stages.verify(caseStages).leave(any(DelegateExecution.class), eq("RAPID_RESPONSE"));
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("FINAL_CASE_DISCUSSION"));
            stages.verify(caseStages).leave(any(DelegateExecution.class), eq("FINAL_CASE_DISCUSSION"));
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
        }

        @Test
        void whoseDeathIsAlreadyPastTheTenWeeksWhenTheDiscussionBeginsGetsNoReminderButStillItsTwelveWeekEmail() {
            ProcessInstance c = caseOpened(OLDER_DEATH);
            doctorConfirms();
            runtimeService().correlateMessage(RAPID_RESPONSE_DONE);
            assertThat(job("Timer_FinalCaseDiscussionReminder", c)).hasDueDate(ModelEngine.at(OLDER_TEN_WEEKS));

            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Timer_FinalCaseDiscussionReminder", "Gateway_ReminderAhead", "End_NoReminder")
                    .hasNotPassed("Send_FinalCaseDiscussionReminder").isWaitingAt("Call_FinalCaseDiscussion");
            verifyJavaDelegateMock("sendFinalCaseDiscussionReminder").executedNever();

            engine.clockAt(OLDER_TWELVE_WEEKS);
            engine.runDueJobs();
            assertThat(c).hasPassed("End_DiscussionOverdueTold").isWaitingAt("Call_FinalCaseDiscussion");
            verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executed(times(1));
        }

        @Test
        void aDiscussionDoneBeforeItsTimersLeavesNoTimerBehind() {
            ProcessInstance c = caseOpened();
            doctorConfirms();
            runtimeService().correlateMessage(RAPID_RESPONSE_DONE);
            runtimeService().correlateMessage(DISCUSSION_DONE);

            assertThat(c).hasPassed("Merge_Classified").isWaitingAt("Task_RequestFormBReports");
            assertThat(timersOf(c)).extracting(Job::getDuedate)
                    .containsExactlyInAnyOrder(ModelEngine.at(SIX_MONTHS), ModelEngine.at(TWELVE_MONTHS));
            engine.clockAt(TWELVE_WEEKS);
            engine.runDueJobs();
            verifyJavaDelegateMock("sendFinalCaseDiscussionReminder").executedNever();
            verifyJavaDelegateMock("sendFinalCaseDiscussionOverdueToSpoc").executedNever();
        }
    }

    @Nested
    class FormBs {

        @BeforeEach
        void classifiedExpected() {
            notificationClassifies("expected");
            cdopReviewDecides("reviewed");
        }

        @Test
        void eachRequestTheSpocSentIsItsOwnCallKeyedByTheRequestAndTheCaseWaitsForAllOfThem() {
            ProcessInstance c = caseOpened();
            doctorConfirms();

            complete(task(c), withVariables(FormBRequestIds.VARIABLE, "id1,id2"));
            assertThat(c).isWaitingAt("Call_AgencyReportRequests").hasNotPassed("Join_ReadyForCdop");
            assertThat(requestsRunning(c)).containsExactlyInAnyOrder("id1", "id2");
            verifyTaskListenerMock("recordNoAgencyInvolved").executed(times(1));

            formBReturned("id1");
            assertThat(c).isWaitingAt("Call_AgencyReportRequests").hasNotPassed("End_FormBsIn");
            formBReturned("id2");

            assertThat(c).hasPassedInOrder("Call_AgencyReportRequests", "End_FormBsIn", "Join_ReadyForCdop")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
        }

        @Test
        void anAgencyAskedWhileTheStageRunsHoldsTheStageUntilItsFormBIsIn() {
            ProcessInstance c = caseOpened();
            doctorConfirms();
            complete(task(c), withVariables(FormBRequestIds.VARIABLE, "id1,id2"));

            spocAsksAnotherAgency(c, CaseProcess.FORM_B_REQUESTED, "id3");
            assertThat(c).hasPassed("Start_AgencyAdded").isWaitingAt("Call_AgencyReportRequests",
                    "Call_AddedAgencyReportRequest");
            assertThat(requestsRunning(c)).containsExactlyInAnyOrder("id1", "id2", "id3");

            formBReturned("id1");
            formBReturned("id2");
            assertThat(c).hasPassed("End_FormBsIn").isWaitingAt("Call_AddedAgencyReportRequest")
                    .hasNotPassed("Join_ReadyForCdop");
            verify(caseStages, never()).leave(any(DelegateExecution.class), eq("FORM_B"));

            formBReturned("id3");
            assertThat(c).hasPassedInOrder("Call_AddedAgencyReportRequest", "End_AddedFormBIn", "Join_ReadyForCdop")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
        }

        @Test
        void goingOnWithoutTheMissingFormBsEndsTheirRequestsWithdrawsThemAndMakesTheCaseReady() {
            ProcessInstance c = caseOpened();
            doctorConfirms();
            complete(task(c), withVariables(FormBRequestIds.VARIABLE, "id1,id2"));
            spocAsksAnotherAgency(c, CaseProcess.FORM_B_REQUESTED, "id3");
            formBReturned("id1");

            runtimeService().createMessageCorrelation(CaseProcess.PROCEED_WITHOUT_FORM_BS).processInstanceId(c.getId())
                    .correlate();
            assertThat(requestsRunning(c)).isEmpty();
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey("agencyReportRequest").processInstanceBusinessKey("id2").singleResult().getState())
                    .isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
            assertThat(c).hasPassed("Start_ProceedWithoutFormBs").isWaitingAt("Withdraw_MissingFormBs")
                    .hasNotPassed("End_FormBsIn", "End_AddedFormBIn");
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executedNever();

            execute(job("Withdraw_MissingFormBs", c));
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executed(times(1));
            assertThat(c).hasPassedInOrder("Withdraw_MissingFormBs", "End_WithoutMissingFormBs", "Join_ReadyForCdop")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
        }

        @Test
        void theSpocCanGoOnWithoutFormBsBeforeAskingAnyAgency() {
            ProcessInstance c = caseOpened();
            runtimeService().createMessageCorrelation(CaseProcess.PROCEED_WITHOUT_FORM_BS).processInstanceId(c.getId())
                    .correlate();

            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(c.getId()).count()).isZero();
            engine.runDueJobs();
            assertThat(c).hasPassed("End_WithoutMissingFormBs").isWaitingAt("Call_Notification")
                    .hasNotPassed("Join_ReadyForCdop");
            doctorConfirms();
            assertThat(c).isWaitingAt(CaseProcess.READY_FOR_CDOP);
        }

        @Test
        void anAgencyFoundAfterTheStageIsAskedWithoutHoldingTheCaseAndClosingTheCaseEndsItsRequest() {
            ProcessInstance c = caseOpened();
            doctorConfirms();
            complete(task(c), withVariables("noAgencyInvolved", true));
            assertThat(c).isWaitingAt(CaseProcess.READY_FOR_CDOP);
            assertThat(waitsFor(c, CaseProcess.FORM_B_REQUESTED)).isFalse();
            assertThat(waitsFor(c, CaseProcess.LATE_FORM_B_REQUESTED)).isTrue();

            spocAsksAnotherAgency(c, CaseProcess.LATE_FORM_B_REQUESTED, "id4");
            assertThat(c).hasPassed("Start_LateAgency").isWaitingAt(CaseProcess.READY_FOR_CDOP,
                    "Call_LateAgencyReportRequest");
            assertThat(requestsRunning(c)).containsExactly("id4");
            formBReturned("id4");
            assertThat(c).hasPassedInOrder("Call_LateAgencyReportRequest", "End_LateFormBIn")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);

            spocAsksAnotherAgency(c, CaseProcess.LATE_FORM_B_REQUESTED, "id5");
            assignedToMeeting(c);
            engine.runDueJobs();
            assertThat(c).hasPassed("End_CaseClosed").isEnded();
            assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("agencyReportRequest")
                    .processInstanceBusinessKey("id5").count()).as("the late request still running").isZero();
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executed(times(1));
        }
    }

    @Nested
    class TheCdopReview {

        @BeforeEach
        void inTheQueue() {
            notificationClassifies("expected");
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
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
            stages.verify(caseStages).leave(any(DelegateExecution.class), eq("READY"));
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("DEFERRED"));
            stages.verify(caseStages).leave(any(DelegateExecution.class), eq("DEFERRED"));
            stages.verify(caseStages).leaveAll(any(DelegateExecution.class));
        }

        /** Issue 16: the neonatal panel's findings go with the case to a routine meeting, which completes the review. */
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

            verify(caseStages, times(2)).enter(any(DelegateExecution.class), eq("REVIEW"));
            InOrder stages = inOrder(caseStages);
            stages.verify(caseStages).enter(any(DelegateExecution.class), eq("NEONATAL_REVIEWED"));
            stages.verify(caseStages).leave(any(DelegateExecution.class), eq("NEONATAL_REVIEWED"));
            stages.verify(caseStages).leaveAll(any(DelegateExecution.class));
        }

        @Test
        void aDeferredCaseAssignedAgainBeforeItsReviewByDateDropsThatTimerAndTheSpocIsNotTold() {
            cdopReviewDecides("deferred");
            ProcessInstance c = readyForCdop();
            assignedToMeeting(c);
            assertThat(c).isWaitingAt("Receive_AssignedAgain");

            assignedToMeeting(c);
            assertThat(c).isWaitingAt("Receive_AssignedAgain");
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(c.getId())
                    .activityId("Timer_ReviewBy").count()).as("one review-by timer, the new deferral's").isEqualTo(1);

            engine.clockAt(REVIEW_BY.minusDays(1));
            cdopReviewDecides("reviewed");
            assignedToMeeting(c);
            engine.clockAt(REVIEW_BY);
            engine.runDueJobs();
            assertThat(c).isEnded();
            verifyJavaDelegateMock("sendDeferredCaseDueToSpoc").executedNever();
        }

        @Test
        void aCaseThatCannotBeClosedStaysOpenAtItsWithdrawalForARetryAndKeepsItsTargets() {
            registerJavaDelegateMock("withdrawOutstandingFormBs").onExecutionThrowException(
                    new IllegalStateException("database down"));
            cdopReviewDecides("reviewed");
            ProcessInstance c = readyForCdop();
            assignedToMeeting(c);

            assertThatThrownBy(() -> execute(job("Withdraw_OpenFormBs", c))).hasMessage("database down");
            assertThat(job("Withdraw_OpenFormBs", c)).hasRetries(4)
                    .hasDueDate(ModelEngine.at(OPENED.plusMinutes(1)));
            assertThat(c).isWaitingAt("Withdraw_OpenFormBs").isNotEnded();
            assertThat(timersOf(c)).hasSize(2);
            verify(caseStages, never()).leaveAll(any(DelegateExecution.class));
        }
    }

    @Nested
    class TheReviewTargets {

        @BeforeEach
        void inTheQueue() {
            notificationClassifies("expected");
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

    /** Imported and reopened cases: CaseProcess.startAt starts the model at the points their records imply. */
    @Nested
    class StartedPartWay {

        @BeforeEach
        void stages() {
            notificationClassifies("expected");
            cdopReviewDecides("reviewed");
        }

        @Test
        void aCaseStartedBeforeTheQueueIsInTheQueueWithItsTargetsAndGoesOnToItsReview() {
            ProcessInstance c = startedAt(false, List.of(CaseProcess.StartPoint.before(CaseProcess.READY_FOR_CDOP)));

            assertThat(c).isWaitingAt(CaseProcess.READY_FOR_CDOP).hasNotPassed("Call_Notification");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(c.getId()).count())
                    .as("no stage called").isZero();
            assertThat(timersOf(c)).extracting(Job::getDuedate)
                    .containsExactlyInAnyOrder(ModelEngine.at(SIX_MONTHS), ModelEngine.at(TWELVE_MONTHS));
            verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
            verify(caseStages, never()).enter(any(DelegateExecution.class), eq("CLASSIFICATION"));

            assignedToMeeting(c);
            engine.runDueJobs();
            assertThat(c).hasPassedInOrder("Call_CdopReview", "Withdraw_OpenFormBs", "End_CaseClosed").isEnded();
        }

        @Test
        void aCaseClassifiedWithItsFormBsInJoinsAtTheMilestoneAndReachesTheQueue() {
            ProcessInstance c = startedAt(false, List.of(CaseProcess.StartPoint.on("Flow_ClassifiedToReady"),
                    CaseProcess.StartPoint.on("Flow_FormBsToReady")));

            assertThat(c).hasPassed("Join_ReadyForCdop").hasNotPassed("Call_Notification", "Sub_AgencyReports")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verify(caseStages).enter(any(DelegateExecution.class), eq("READY"));
            verify(caseStages, never()).enter(any(DelegateExecution.class), eq("FORM_B"));
        }

        @Test
        void aCaseAwaitingItsFinalCaseDiscussionAndItsFormBRequestsStartsAtBothWithTheirTimers() {
            engine.clockAt(LocalDateTime.of(2015, 4, 1, 10, 0));
            ProcessInstance c = startedAt(false, List.of(CaseProcess.StartPoint.before("Call_FinalCaseDiscussion"),
                    CaseProcess.StartPoint.before("Task_RequestFormBReports")));

            assertThat(c).isWaitingAt("Call_FinalCaseDiscussion", "Task_RequestFormBReports")
                    .hasNotPassed("Call_RapidResponse");
            assertThat(job("Timer_FinalCaseDiscussionReminder", c)).hasDueDate(ModelEngine.at(TEN_WEEKS));
            assertThat(job("Timer_FinalCaseDiscussionOverdue", c)).hasDueDate(ModelEngine.at(TWELVE_WEEKS));
            verify(caseStages).enter(any(DelegateExecution.class), eq("FINAL_CASE_DISCUSSION"));
            verify(caseStages).enter(any(DelegateExecution.class), eq("FORM_B"));

            runtimeService().correlateMessage(DISCUSSION_DONE);
            complete(task(c), withVariables("noAgencyInvolved", true));
            assertThat(c).hasPassed("Merge_Classified", "End_FormBsIn", "Join_ReadyForCdop")
                    .isWaitingAt(CaseProcess.READY_FOR_CDOP);
        }

        @Test
        void anOpenCaseImportedAfterItsTargetsPassedHasTheSpocAndTheChairToldAtOnce() {
            engine.clockAt(TWELVE_MONTHS.plusDays(3));
            ProcessInstance c = startedAt(false, List.of(CaseProcess.StartPoint.before(CaseProcess.READY_FOR_CDOP)));

            engine.runDueJobs();

            assertThat(c).hasPassed("End_SixMonthsTold", "End_TwelveMonthsTold").isWaitingAt(CaseProcess.READY_FOR_CDOP);
            verifyJavaDelegateMock("sendSixMonthsUnreviewed").executed(times(1));
            verifyJavaDelegateMock("sendTwelveMonthsUnreviewed").executed(times(1));
        }
    }

    /**
     * Why a stage's process instance must not be deleted on its own: the engine then cancels the
     * call activity in the case's process, and the case is left in no stage, its process waiting at
     * the join for a branch that no longer exists, or ended without being closed. The app therefore
     * refuses that deletion to everyone through the engine's ways in, Cockpit included
     * (config.PeopleInTheEngine; FinalCaseDiscussionProcessTest), and a case whose whole process is
     * cancelled shows as stopped for the SPOC to restart (StoppedInTheMiddleTest). These tests pin
     * what the engine alone does, the reason for that refusal.
     */
    @Nested
    class AStageDeletedBeneathItsCase {

        @Test
        void aCancelledFinalCaseDiscussionLeavesTheCaseProcessAtTheJoinForEverInNoStage() {
            notificationClassifies("unexpected");
            ProcessInstance c = caseOpened();
            complete(task(c), withVariables("noAgencyInvolved", true));
            doctorConfirms();
            runtimeService().correlateMessage(RAPID_RESPONSE_DONE);
            assertThat(c).isWaitingAt("Call_FinalCaseDiscussion", "Join_ReadyForCdop");

            runtimeService().deleteProcessInstance(calledBy(c, "finalCaseDiscussion").getId(), "cancelled in Cockpit");

            assertThat(c).isNotEnded().isWaitingAt("Join_ReadyForCdop").hasNotPassed("Merge_Classified");
            assertThat(runtimeService().getActivityInstance(c.getId()).getChildActivityInstances())
                    .extracting(a -> a.getActivityId()).containsExactly("Join_ReadyForCdop");
            assertThat(timersOf(c)).as("the discussion's timers go, the case's targets stay").hasSize(2);
            verify(caseStages).leave(any(DelegateExecution.class), eq("FINAL_CASE_DISCUSSION"));
            verify(caseStages, never()).enter(any(DelegateExecution.class), eq("READY"));
            verify(caseStages, never()).leaveAll(any(DelegateExecution.class));
        }

        @Test
        void cancelledFormBRequestsEndTheStageWithoutItsWayToTheJoinSoTheCaseNeverReachesTheQueue() {
            notificationClassifies("expected");
            ProcessInstance c = caseOpened();
            doctorConfirms();
            complete(task(c), withVariables(FormBRequestIds.VARIABLE, "id1,id2"));

            runtimeService().deleteProcessInstance(requestProcess("id1"), "cancelled in Cockpit");
            assertThat(c).isWaitingAt("Call_AgencyReportRequests", "Join_ReadyForCdop");
            runtimeService().deleteProcessInstance(requestProcess("id2"), "cancelled in Cockpit");

            assertThat(c).isNotEnded().isWaitingAt("Join_ReadyForCdop").hasNotPassed("End_FormBsIn");
            assertThat(runtimeService().getActivityInstance(c.getId()).getChildActivityInstances())
                    .extracting(a -> a.getActivityId()).containsExactly("Join_ReadyForCdop");
            assertThat(waitsFor(c, CaseProcess.PROCEED_WITHOUT_FORM_BS)).as("the SPOC cannot go on without them").isFalse();
            engine.runDueJobs();
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executedNever();
            verify(caseStages).leave(any(DelegateExecution.class), eq("FORM_B"));
            verify(caseStages, never()).enter(any(DelegateExecution.class), eq("READY"));
        }

        @Test
        void aCancelledCdopReviewEndsTheCaseProcessWithoutClosingTheCase() {
            notificationClassifies("expected");
            deploy(registerCallActivityMock("cdopReview").onExecutionWaitForMessage("test: the panel decides"));
            ProcessInstance c = readyForCdop();
            assignedToMeeting(c);
            assertThat(c).isWaitingAt("Call_CdopReview");

            runtimeService().deleteProcessInstance(calledBy(c, "cdopReview").getId(), "cancelled in Cockpit");

            assertThat(c).isEnded().hasNotPassed("Withdraw_OpenFormBs", "End_CaseClosed");
            verifyJavaDelegateMock("withdrawOutstandingFormBs").executedNever();
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(c.getId()).count()).isZero();
            verify(caseStages).leaveAll(any(DelegateExecution.class));
        }
    }

    // --- the stages' stand-ins ---

    /**
     * The notification process: waits for the doctor, then hands the classification up with the
     * escalation "deathClassified" (the real one throws it mid-process and goes on; this one ends with it).
     */
    private static void notificationClassifies(String classification) {
        deploy(registerCallActivityMock("childDeathNotification").onExecutionWaitForMessage(DOCTOR_CONFIRMS)
                .onExecutionSetVariables(Variables.createVariables().putValue("deathClassification", classification))
                .onExecutionThrowEscalation("deathClassified"));
    }

    /** The CDOP review, ended at once with the panel's outcome; a deferral carries its review-by date. */
    private static void cdopReviewDecides(String outcome) {
        VariableMap decided = Variables.createVariables().putValue("outcome", outcome);
        if ("deferred".equals(outcome)) {
            decided.putValue("reviewByAt", ModelEngine.at(REVIEW_BY));
        }
        deploy(registerCallActivityMock("cdopReview").onExecutionSetVariables(decided));
    }

    private static void deploy(CallActivityMock mock) {
        engine.manageDeployment(mock.deploy(engine));
    }

    private static void doctorConfirms() {
        runtimeService().correlateMessage(DOCTOR_CONFIRMS);
    }

    private static void formBReturned(String requestId) {
        runtimeService().correlateMessage(FORM_B_RETURNED, requestId);
    }

    // --- the case ---

    private static ProcessInstance caseOpened() {
        return caseOpened(DATE_OF_DEATH);
    }

    /** Started as CaseProcess.start starts it. */
    private static ProcessInstance caseOpened(Date dateOfDeath) {
        return runtimeService().startProcessInstanceByKey(CaseProcess.PROCESS_KEY, REFERENCE,
                caseVariables(dateOfDeath, false));
    }

    /** Started as CaseProcess.startAt starts an imported or reopened case. */
    private static ProcessInstance startedAt(boolean reopened, List<CaseProcess.StartPoint> points) {
        var builder = runtimeService().createProcessInstanceByKey(CaseProcess.PROCESS_KEY).businessKey(REFERENCE)
                .setVariables(caseVariables(DATE_OF_DEATH, reopened));
        for (CaseProcess.StartPoint point : points) {
            builder = point.transition() ? builder.startTransition(point.activityId())
                    : builder.startBeforeActivity(point.activityId());
        }
        return builder.execute();
    }

    private static Map<String, Object> caseVariables(Date dateOfDeath, boolean reopened) {
        return withVariables("caseId", CASE_ID, "caseReference", REFERENCE, "notifiedAt", NOTIFIED_AT,
                "dateOfDeath", dateOfDeath, "reopened", reopened);
    }

    /** An expected death, no agency involved: in the CDOP queue. */
    private static ProcessInstance readyForCdop() {
        ProcessInstance c = caseOpened();
        doctorConfirms();
        complete(task(c), withVariables("noAgencyInvolved", true));
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

    /** The business keys of the case's running Form B requests. */
    private static List<String> requestsRunning(ProcessInstance c) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("agencyReportRequest")
                .superProcessInstanceId(c.getId()).list().stream().map(ProcessInstance::getBusinessKey).toList();
    }

    /** The one instance of this stage the case has called, running or ended. */
    private static HistoricProcessInstance calledBy(ProcessInstance c, String key) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .superProcessInstanceId(c.getId()).singleResult();
    }

    private static String requestProcess(String requestId) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("agencyReportRequest")
                .processInstanceBusinessKey(requestId).singleResult().getId();
    }

    private static List<Job> timersOf(ProcessInstance c) {
        return engine.getManagementService().createJobQuery().processInstanceId(c.getId()).timers().list();
    }
}
