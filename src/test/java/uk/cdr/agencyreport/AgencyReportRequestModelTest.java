package uk.cdr.agencyreport;

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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import uk.cdr.support.ModelEngine;

/**
 * bpmn/agency-report-request.bpmn alone: the agency's link, the 14-day reminder, the due date, the
 * SPOC's chase, extend or withdraw, a new link on request; and a returned Form B ending the request
 * whatever state it is in, a job pending between two steps included, so it can never go overdue.
 */
class AgencyReportRequestModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("agency-report-request.bpmn");

    private static final String REQUEST_ID = UUID.randomUUID().toString();
    /** Requested on a Monday morning: reminded 14 days later, due at 21. */
    private static final Date REQUESTED_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 2, 10, 0));
    private static final Date REMINDER_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 16, 10, 0));
    private static final Date DUE_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 23, 10, 0));
    /** The SPOC chases on the day it fell due: 7 days more. */
    private static final Date CHASED_DUE_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 30, 10, 0));

    private FormBTimers formBTimers;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        registerExecutionListenerMock("openAgencyReportRequest").onExecutionSetVariables(Variables.createVariables()
                .putValue(AgencyReportVariables.REQUEST_ID, REQUEST_ID)
                .putValue(AgencyReportVariables.CASE_ID, UUID.randomUUID().toString())
                .putValue(AgencyReportVariables.CASE_REFERENCE, "2014-15/007")
                .putValue(AgencyReportVariables.AGENCY, "Police")
                .putValue(AgencyReportVariables.REQUESTED_AT, REQUESTED_AT)
                .putValue(AgencyReportVariables.DUE_AT, DUE_AT));
        formBTimers = registerMockInstance("formBTimers", FormBTimers.class);
        when(formBTimers.reminderAt(REQUESTED_AT)).thenReturn(REMINDER_AT);
        when(formBTimers.overdueAt(any(Date.class))).thenAnswer(call -> call.getArgument(0));
        registerJavaDelegateMock("sendFormBRequest");
        registerJavaDelegateMock("sendFormBReminder");
        registerJavaDelegateMock("recordFormBOverdue");
        registerJavaDelegateMock("recordFormBOverdueOutcome");
        registerJavaDelegateMock("sendFormBLink");
        registerTaskListenerMock("formBOverdueDecision");
        engine.clockAt(LocalDateTime.of(2015, 3, 2, 10, 0));
    }

    @Test
    void theAgencyGetsItsLinkARemindAt14DaysAndAt21DaysTheSpocDecidesAndMayWithdraw() {
        ProcessInstance request = requested();
        verifyExecutionListenerMock("openAgencyReportRequest").executed(times(1));
        assertThat(request).isWaitingAt("Send_FormBRequest");
        execute(job("Send_FormBRequest", request));
        verifyJavaDelegateMock("sendFormBRequest").executed(times(1));

        assertThat(request).hasPassedInOrder("Start_FormBRequested", "Send_FormBRequest", "Start_AwaitingFormB")
                .isWaitingAt("Timer_FormBOverdue");
        assertThat(job("Timer_FormBReminder", request)).hasDueDate(REMINDER_AT);
        assertThat(job("Timer_FormBOverdue", request)).hasDueDate(DUE_AT);
        verify(formBTimers).reminderAt(REQUESTED_AT);
        verify(formBTimers).overdueAt(DUE_AT);

        engine.clockAt(LocalDateTime.of(2015, 3, 16, 10, 0));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendFormBReminder").executed(times(1));
        assertThat(request).hasPassedInOrder("Timer_FormBReminder", "Send_FormBReminder", "End_ReminderSent")
                .isWaitingAt("Timer_FormBOverdue");

        engine.clockAt(LocalDateTime.of(2015, 3, 23, 9, 59));
        engine.runDueJobs();
        assertThat(request).isWaitingAt("Timer_FormBOverdue");
        engine.clockAt(LocalDateTime.of(2015, 3, 23, 10, 0));
        execute(job("Timer_FormBOverdue", request));
        assertThat(request).hasPassedInOrder("Timer_FormBOverdue", "End_DuePassed", "Join_Overdue")
                .hasPassed("Sub_AwaitingFormB").isWaitingAt("Record_FormBOverdue");
        execute(job("Record_FormBOverdue", request));
        verifyJavaDelegateMock("recordFormBOverdue").executed(times(1));
        assertThat(request).isWaitingAt("Task_FormBOverdue");

        complete(task(request), withVariables(AgencyReportVariables.OVERDUE_OUTCOME, "withdraw"));
        verifyTaskListenerMock("formBOverdueDecision").executed(times(1));
        assertThat(request).isWaitingAt("Record_FormBOverdueOutcome");
        execute(job("Record_FormBOverdueOutcome", request));

        verifyJavaDelegateMock("recordFormBOverdueOutcome").executed(times(1));
        assertThat(request).hasPassedInOrder("Task_FormBOverdue", "Record_FormBOverdueOutcome", "Gateway_OverdueOutcome",
                "End_FormBWithdrawn").isEnded();
        verifyJavaDelegateMock("sendFormBReminder").executed(times(1));
    }

    @Test
    void aChaseSendsTheReminderAgainAndWaitsForTheNewDueDateThenTheSpocDecidesAgain() {
        ProcessInstance request = overdueTaskOpen();
        registerJavaDelegateMock("recordFormBOverdueOutcome")
                .onExecutionSetVariable(AgencyReportVariables.DUE_AT, CHASED_DUE_AT);

        complete(task(request), withVariables(AgencyReportVariables.OVERDUE_OUTCOME, "chase"));
        execute(job("Record_FormBOverdueOutcome", request));
        assertThat(request).isWaitingAt("Send_FormBChase");
        execute(job("Send_FormBChase", request));

        verifyJavaDelegateMock("sendFormBReminder").executed(times(2));
        assertThat(request).hasPassedInOrder("Gateway_OverdueOutcome", "Send_FormBChase", "Join_BackToWaiting")
                .isWaitingAt("Timer_FormBOverdueAgain");
        assertThat(job("Timer_FormBOverdueAgain", request)).hasDueDate(CHASED_DUE_AT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).count()).isZero();

        engine.clockAt(LocalDateTime.of(2015, 3, 30, 10, 0));
        execute(job("Timer_FormBOverdueAgain", request));
        assertThat(request).isWaitingAt("Record_FormBOverdue");
        execute(job("Record_FormBOverdue", request));
        verifyJavaDelegateMock("recordFormBOverdue").executed(times(2));
        assertThat(request).isWaitingAt("Task_FormBOverdue");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId("Join_Overdue").count()).isEqualTo(2);
    }

    @Test
    void anExtensionWaitsForTheSpocsNewDueDateWithoutAnotherEmail() {
        ProcessInstance request = overdueTaskOpen();
        Date extendedTo = ModelEngine.at(LocalDateTime.of(2015, 4, 10, 17, 0));
        registerJavaDelegateMock("recordFormBOverdueOutcome").onExecutionSetVariable(AgencyReportVariables.DUE_AT, extendedTo);

        complete(task(request), withVariables(AgencyReportVariables.OVERDUE_OUTCOME, "extend",
                AgencyReportVariables.NEW_DUE_DATE, "2015-04-10"));
        execute(job("Record_FormBOverdueOutcome", request));

        assertThat(request).hasPassedInOrder("Gateway_OverdueOutcome", "Join_BackToWaiting")
                .hasNotPassed("Send_FormBChase").isWaitingAt("Timer_FormBOverdueAgain");
        assertThat(job("Timer_FormBOverdueAgain", request)).hasDueDate(extendedTo);
        verifyJavaDelegateMock("sendFormBReminder").executed(times(1));

        engine.clockAt(LocalDateTime.of(2015, 4, 10, 17, 0));
        engine.runDueJobs();
        assertThat(request).isWaitingAt("Task_FormBOverdue");
    }

    /** Every state a request can be in while its agency still may return the form. */
    enum Waiting {
        BEFORE_THE_LINK_IS_SENT("Send_FormBRequest"),
        FOR_THE_FORM("Timer_FormBOverdue"),
        WITH_THE_REMINDER_TO_SEND("Send_FormBReminder"),
        WITH_THE_OVERDUE_TO_RECORD("Record_FormBOverdue"),
        FOR_THE_SPOC("Task_FormBOverdue"),
        WITH_THE_SPOCS_DECISION_TO_RECORD("Record_FormBOverdueOutcome"),
        WITH_THE_CHASE_TO_SEND("Send_FormBChase"),
        FOR_THE_NEW_DUE_DATE("Timer_FormBOverdueAgain"),
        WITH_A_NEW_LINK_TO_SEND("Send_FormBLink");

        final String activityId;

        Waiting(String activityId) {
            this.activityId = activityId;
        }

        ProcessInstance reach() {
            ProcessInstance request = requested();
            switch (this) {
                case BEFORE_THE_LINK_IS_SENT -> { }
                case WITH_A_NEW_LINK_TO_SEND -> {
                    execute(job("Send_FormBRequest", request));
                    linkResent();
                }
                default -> {
                    execute(job("Send_FormBRequest", request));
                    if (this == FOR_THE_FORM) {
                        break;
                    }
                    engine.clockAt(LocalDateTime.of(2015, 3, 16, 10, 0));
                    execute(job("Timer_FormBReminder", request));
                    if (this == WITH_THE_REMINDER_TO_SEND) {
                        break;
                    }
                    execute(job("Send_FormBReminder", request));
                    engine.clockAt(LocalDateTime.of(2015, 3, 23, 10, 0));
                    execute(job("Timer_FormBOverdue", request));
                    if (this == WITH_THE_OVERDUE_TO_RECORD) {
                        break;
                    }
                    execute(job("Record_FormBOverdue", request));
                    if (this == FOR_THE_SPOC) {
                        break;
                    }
                    registerJavaDelegateMock("recordFormBOverdueOutcome")
                            .onExecutionSetVariable(AgencyReportVariables.DUE_AT, CHASED_DUE_AT);
                    complete(task(request), withVariables(AgencyReportVariables.OVERDUE_OUTCOME, "chase"));
                    if (this == WITH_THE_SPOCS_DECISION_TO_RECORD) {
                        break;
                    }
                    execute(job("Record_FormBOverdueOutcome", request));
                    if (this == WITH_THE_CHASE_TO_SEND) {
                        break;
                    }
                    execute(job("Send_FormBChase", request));
                }
            }
            assertThat(request).isWaitingAt(activityId);
            return request;
        }
    }

    @ParameterizedTest
    @EnumSource(Waiting.class)
    void aReturnedFormBEndsTheRequestWhateverItIsWaitingForSoItCanNeverGoOverdue(Waiting waiting) {
        ProcessInstance request = waiting.reach();
        int overdueRecorded = waiting.ordinal() > Waiting.WITH_THE_OVERDUE_TO_RECORD.ordinal()
                && waiting != Waiting.WITH_A_NEW_LINK_TO_SEND ? 1 : 0;

        // As FormBReturns sends it: to every process keyed by the request, and it must find one.
        assertThat(runtimeService().createMessageCorrelation(AgencyReportVariables.MESSAGE_RETURNED)
                .processInstanceBusinessKey(REQUEST_ID).correlateAllWithResult()).hasSize(1);

        assertThat(request).hasPassedInOrder("Start_FormBReturned", "End_FormBReturned").isEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(request.getId()).count())
                .as("no job left to run: no reminder, overdue record or chase").isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).count())
                .as("no overdue task for the SPOC").isZero();
        engine.clockAt(LocalDateTime.of(2015, 12, 31, 0, 0));
        engine.runDueJobs();
        verifyJavaDelegateMock("recordFormBOverdue").executed(times(overdueRecorded));
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_FormBOverdue").count()).isZero();
    }

    @Test
    void theSpocMayHaveANewLinkSentWhileTheRequestWaitsAndItGoesOnWaitingAsBefore() {
        ProcessInstance request = requested();
        execute(job("Send_FormBRequest", request));

        linkResent();
        assertThat(request).isWaitingAt("Send_FormBLink", "Timer_FormBOverdue");
        execute(job("Send_FormBLink", request));

        verifyJavaDelegateMock("sendFormBLink").executed(times(1));
        assertThat(request).hasPassedInOrder("Start_FormBLinkResent", "Send_FormBLink", "End_FormBLinkSent")
                .isWaitingAt("Timer_FormBOverdue");
        assertThat(job("Timer_FormBReminder", request)).hasDueDate(REMINDER_AT);
        assertThat(job("Timer_FormBOverdue", request)).hasDueDate(DUE_AT);
    }

    @Test
    void aNewLinkMayBeSentWhileTheSpocDecidesOnTheOverdueRequestAndTheTaskStays() {
        ProcessInstance request = overdueTaskOpen();
        String overdueTask = task(request).getId();

        linkResent();
        execute(job("Send_FormBLink", request));

        assertThat(request).hasPassed("End_FormBLinkSent").isWaitingAt("Task_FormBOverdue");
        assertThat(task(request).getId()).isEqualTo(overdueTask);
    }

    @Test
    void theOverdueTaskIsOfferedToTheSpocsWithItsForm() throws IOException {
        ProcessInstance request = overdueTaskOpen();

        assertThat(task(request)).hasCandidateGroup("spoc");
        assertThat(formOf(task(request))).contains("\"id\": \"form-b-overdue\"").contains("\"key\": \"overdueOutcome\"");
    }

    /** Started as the case's process calls it: business key the request's id, from which OpenAgencyReportRequest reads the rest. */
    private static ProcessInstance requested() {
        return runtimeService().startProcessInstanceByKey(AgencyReportVariables.PROCESS_KEY, REQUEST_ID);
    }

    private static ProcessInstance overdueTaskOpen() {
        ProcessInstance request = requested();
        engine.runDueJobs();
        engine.clockAt(LocalDateTime.of(2015, 3, 23, 10, 0));
        engine.runDueJobs();
        assertThat(request).isWaitingAt("Task_FormBOverdue");
        return request;
    }

    /** As AgencyReports.resendLink sends it. */
    private static void linkResent() {
        runtimeService().createMessageCorrelation(AgencyReportVariables.MESSAGE_LINK_RESENT)
                .processInstanceBusinessKey(REQUEST_ID).correlate();
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
