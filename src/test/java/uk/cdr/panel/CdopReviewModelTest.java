package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.cdr.caseprocess.CaseStages;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/cdop-review.bpmn alone: the panel's review, deferred or reviewed; a reviewed case's
 * ratification, during which the case's stage is RATIFICATION, and the SPOC told it is closed.
 */
class CdopReviewModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("cdop-review.bpmn");

    private static final String CASE_REFERENCE = "2014-15/007";
    private static final Date HELD_ON = ModelEngine.at(LocalDateTime.of(2015, 4, 22, 0, 0));

    private CaseStages caseStages;
    /** What caseStages was told, with the activity the execution was at: "enter RATIFICATION at Task_RatifyReview". */
    private final List<String> stageCalls = new ArrayList<>();

    @BeforeEach
    void mockTheBeansTheModelNames() {
        registerExecutionListenerMock("linkCdopReview");
        registerTaskListenerMock("recordCdopReviewOutcome");
        registerTaskListenerMock("ratifyCdopReview");
        registerJavaDelegateMock("sendCaseClosedToSpoc");
        caseStages = registerMockInstance("caseStages", CaseStages.class);
        uk.cdr.calendar.WorkingDays workingDays = registerMockInstance("workingDays", uk.cdr.calendar.WorkingDays.class);
        org.mockito.Mockito.when(workingDays.endOfDay(any(Date.class))).thenCallRealMethod();
        doAnswer(call -> stageCalls.add("enter " + call.getArgument(1) + " at "
                + ((DelegateExecution) call.getArgument(0)).getCurrentActivityId()))
                .when(caseStages).enter(any(DelegateExecution.class), anyString());
        doAnswer(call -> stageCalls.add("leave " + call.getArgument(1) + " at "
                + ((DelegateExecution) call.getArgument(0)).getCurrentActivityId()))
                .when(caseStages).leave(any(DelegateExecution.class), anyString());
        engine.clockAt(LocalDateTime.of(2015, 4, 22, 11, 0));
    }

    @Test
    void aReviewedCaseIsRatifiedByTheChairThenTheSpocIsToldItIsClosed() {
        ProcessInstance review = assignedToMeeting();
        verifyExecutionListenerMock("linkCdopReview").executed(times(1));
        assertThat(review).isWaitingAt("Task_ReviewCase");
        assertThat(stageCalls).isEmpty();

        complete(task(review), withVariables("outcome", "reviewed"));
        verifyTaskListenerMock("recordCdopReviewOutcome").executed(times(1));
        assertThat(review).hasPassedInOrder("Task_ReviewCase", "Gateway_Outcome").isWaitingAt("Task_RatifyReview");
        assertThat(stageCalls).containsExactly("enter RATIFICATION at Task_RatifyReview");

        complete(task(review));
        verifyTaskListenerMock("ratifyCdopReview").executed(times(1));
        assertThat(stageCalls).containsExactly("enter RATIFICATION at Task_RatifyReview",
                "leave RATIFICATION at Task_RatifyReview");
        assertThat(review).isWaitingAt("Send_CaseClosedToSpoc");
        verifyJavaDelegateMock("sendCaseClosedToSpoc").executedNever();
        execute(job(review));

        verifyJavaDelegateMock("sendCaseClosedToSpoc").executed(times(1));
        assertThat(review).hasPassedInOrder("Start_AssignedToMeeting", "Task_ReviewCase", "Gateway_Outcome",
                "Task_RatifyReview", "Send_CaseClosedToSpoc", "End_CaseClosed").hasNotPassed("End_Deferred").isEnded();
        verify(caseStages, times(1)).enter(any(DelegateExecution.class), anyString());
        verify(caseStages, times(1)).leave(any(DelegateExecution.class), anyString());
    }

    @Test
    void aDeferredCaseEndsTheReviewWithoutRatificationOrAnyStageChangeHere() {
        ProcessInstance review = assignedToMeeting();

        complete(task(review), withVariables("outcome", "deferred", "reviewBy", "2015-07-01"));

        assertThat(review).hasPassedInOrder("Task_ReviewCase", "Gateway_Outcome", "End_Deferred")
                .hasNotPassed("Task_RatifyReview").isEnded();
        verifyTaskListenerMock("ratifyCdopReview").executedNever();
        verifyJavaDelegateMock("sendCaseClosedToSpoc").executedNever();
        verify(caseStages, never()).enter(any(DelegateExecution.class), anyString());
        verify(caseStages, never()).leave(any(DelegateExecution.class), anyString());
    }

    /** Issue 16: a special neonatal panel's findings end its review; the case's process takes it to a routine meeting. */
    @Test
    void theNeonatalPanelsFindingsEndTheReviewWithoutRatification() {
        ProcessInstance review = assignedToMeeting();

        complete(task(review), withVariables("outcome", "neonatal-reviewed"));

        assertThat(review).hasPassedInOrder("Task_ReviewCase", "Gateway_Outcome", "End_ReviewedByNeonatalPanel")
                .hasNotPassed("Task_RatifyReview", "End_Deferred").isEnded();
        verifyTaskListenerMock("recordCdopReviewOutcome").executed();
        verifyTaskListenerMock("ratifyCdopReview").executedNever();
        verifyJavaDelegateMock("sendCaseClosedToSpoc").executedNever();
    }

    @Test
    void aReviewEndedDuringRatificationLeavesTheRatificationStageToo() {
        ProcessInstance review = assignedToMeeting();
        complete(task(review), withVariables("outcome", "reviewed"));

        // As when the case's process is cancelled or closed beneath it.
        runtimeService().deleteProcessInstance(review.getId(), "case closed");

        assertThat(stageCalls).containsExactly("enter RATIFICATION at Task_RatifyReview",
                "leave RATIFICATION at Task_RatifyReview");
        verifyJavaDelegateMock("sendCaseClosedToSpoc").executedNever();
    }

    @Test
    void anOutcomeTheGatewayDoesNotKnowIsRefusedAndThePanelsTaskStays() {
        ProcessInstance review = assignedToMeeting();
        String reviewTask = task(review).getId();

        assertThatThrownBy(() -> complete(task(review), withVariables("outcome", "adjourned")))
                .hasMessageContaining("Gateway_Outcome");

        assertThat(review).isWaitingAt("Task_ReviewCase");
        assertThat(task(review).getId()).isEqualTo(reviewTask);
        assertThat(stageCalls).isEmpty();
    }

    @Test
    void theTasksAreOfferedToThePanelThenTheChairWithTheirFormsAndTheReviewIsDueOnTheMeetingDay() throws IOException {
        ProcessInstance review = assignedToMeeting();
        // Issue 14: due by the end of the meeting day, so the panel does not see "due a day ago" at the meeting.
        assertThat(task(review)).hasCandidateGroup("cdop-panel").hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 4, 22, 23, 59)));
        assertThat(formOf(task(review))).contains("\"id\": \"cdop-review-outcome\"").contains("\"key\": \"outcome\"");

        complete(task(review), withVariables("outcome", "reviewed"));
        assertThat(task(review)).hasCandidateGroup("cdop-chair");
        assertThat(formOf(task(review))).contains("\"id\": \"ratify-cdop-review\"");
    }

    @Test
    void aClosedEmailThatCannotBeSentIsRetriedThenAnIncidentAfterTheStageWasLeft() {
        registerJavaDelegateMock("sendCaseClosedToSpoc").onExecutionThrowException(new IllegalStateException("mail server down"));
        ProcessInstance review = assignedToMeeting();
        complete(task(review), withVariables("outcome", "reviewed"));
        complete(task(review));

        assertThatThrownBy(() -> execute(job(review))).hasMessage("mail server down");
        assertThat(job(review)).hasRetries(4).hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 4, 22, 11, 10)));
        assertThat(engine.failUntilIncident(review)).isEqualTo(4);

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(review.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Send_CaseClosedToSpoc");
        assertThat(stageCalls).containsExactly("enter RATIFICATION at Task_RatifyReview",
                "leave RATIFICATION at Task_RatifyReview");
    }

    /** As the case's process calls it: business key the case reference, the meeting's day for the panel's due date. */
    private static ProcessInstance assignedToMeeting() {
        return runtimeService().startProcessInstanceByKey(PanelMeetings.REVIEW_PROCESS_KEY, CASE_REFERENCE,
                withVariables("caseId", UUID.randomUUID().toString(), "caseReference", CASE_REFERENCE,
                        "heldOn", HELD_ON));
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
