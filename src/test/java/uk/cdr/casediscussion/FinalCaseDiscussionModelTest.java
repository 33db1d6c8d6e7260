package uk.cdr.casediscussion;

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
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.cdr.support.ModelEngine;

/**
 * bpmn/final-case-discussion.bpmn alone: waiting for the post-mortem results (their arrival, or the
 * doctor going ahead without them), convening the discussion or recording why not, and marking the
 * stage done.
 */
class FinalCaseDiscussionModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("final-case-discussion.bpmn");

    private static final String CASE_REFERENCE = "2014-15/007";
    private static final Date DATE_OF_DEATH = ModelEngine.at(LocalDateTime.of(2015, 1, 5, 0, 0));
    private static final Date REMINDER_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 16, 9, 0));
    /** What planFinalCaseDiscussion sets when the doctor convenes the discussion. */
    private static final Date MEETING_AT = ModelEngine.at(LocalDateTime.of(2015, 2, 10, 14, 0));

    @BeforeEach
    void mockTheBeansTheModelNames() {
        FinalCaseDiscussionTimers timers = registerMockInstance("finalCaseDiscussionTimers", FinalCaseDiscussionTimers.class);
        when(timers.reminderAt(DATE_OF_DEATH)).thenReturn(REMINDER_AT);
        uk.cdr.calendar.WorkingDays workingDays = registerMockInstance("workingDays", uk.cdr.calendar.WorkingDays.class);
        when(workingDays.endOfDay(org.mockito.ArgumentMatchers.any(Date.class))).thenCallRealMethod();
        registerTaskListenerMock("proceedWithoutPostMortemResults");
        registerTaskListenerMock("planFinalCaseDiscussion");
        registerTaskListenerMock("recordFinalCaseDiscussion");
        registerJavaDelegateMock("sendFinalCaseDiscussionInvitations");
        registerJavaDelegateMock("markFinalCaseDiscussionDone");
        engine.clockAt(LocalDateTime.of(2015, 2, 2, 10, 0));
    }

    @Test
    void resultsAwaitedWaitUntilTheyArriveThenTheDiscussionIsConvenedInvitedHeldAndTheStageDone() {
        ProcessInstance discussion = started(true);
        verifyExecutionListenerMock("openFinalCaseDiscussion").executed(times(1));
        assertThat(discussion).hasPassedInOrder("Start_FinalCaseDiscussion", "Start_Discussion", "Gateway_ResultsAwaited")
                .isWaitingAt("Task_AwaitPostMortemResults");

        resultsReceived();

        verifyTaskListenerMock("proceedWithoutPostMortemResults").executedNever();
        assertThat(discussion).hasPassedInOrder("Message_PostMortemResults", "Gateway_ResultsIn")
                .isWaitingAt("Task_PlanFinalCaseDiscussion");
        complete(task(discussion), withVariables(FinalCaseDiscussionVariables.CONVENE, "yes", FinalCaseDiscussionVariables.MEETING_AT, MEETING_AT));
        verifyTaskListenerMock("planFinalCaseDiscussion").executed(times(1));
        assertThat(discussion).isWaitingAt("Send_FinalCaseDiscussionInvitations");
        execute(job(discussion));
        verifyJavaDelegateMock("sendFinalCaseDiscussionInvitations").executed(times(1));
        assertThat(task("Task_RecordFinalCaseDiscussion", discussion)).as("due by the end of the discussion's day")
                .hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 2, 10, 23, 59)));
        complete(task("Task_RecordFinalCaseDiscussion", discussion));
        verifyTaskListenerMock("recordFinalCaseDiscussion").executed(times(1));
        assertThat(discussion).hasPassed("Gateway_Done", "End_Discussion", "Sub_FinalCaseDiscussion")
                .isWaitingAt("Record_FinalCaseDiscussionDone");
        verifyJavaDelegateMock("markFinalCaseDiscussionDone").executedNever();
        execute(job(discussion));

        verifyJavaDelegateMock("markFinalCaseDiscussionDone").executed(times(1));
        assertThat(discussion).hasPassedInOrder("Start_FinalCaseDiscussion", "Task_AwaitPostMortemResults",
                "Task_PlanFinalCaseDiscussion", "Send_FinalCaseDiscussionInvitations", "Task_RecordFinalCaseDiscussion",
                "Record_FinalCaseDiscussionDone", "End_FinalCaseDiscussionDone").isEnded();
    }

    @Test
    void theDoctorMayGoAheadWithoutTheResultsAndADiscussionNotConvenedStillEndsTheStage() {
        ProcessInstance discussion = started(true);

        complete(task(discussion), withVariables("proceedReason", "inquest adjourned for months"));

        verifyTaskListenerMock("proceedWithoutPostMortemResults").executed(times(1));
        assertThat(discussion).hasNotPassed("Message_PostMortemResults").isWaitingAt("Task_PlanFinalCaseDiscussion");
        // Results arriving now find nothing waiting for them: correlateAll, as PostMortems sends them, is no error.
        resultsReceived();
        assertThat(discussion).isWaitingAt("Task_PlanFinalCaseDiscussion");

        complete(task(discussion), withVariables(FinalCaseDiscussionVariables.CONVENE, "no"));
        assertThat(discussion).hasPassedInOrder("Gateway_Convened", "Gateway_Done", "End_Discussion")
                .hasNotPassed("Send_FinalCaseDiscussionInvitations", "Task_RecordFinalCaseDiscussion")
                .isWaitingAt("Record_FinalCaseDiscussionDone");
        execute(job(discussion));
        assertThat(discussion).hasPassed("End_FinalCaseDiscussionDone").isEnded();
        verifyJavaDelegateMock("sendFinalCaseDiscussionInvitations").executedNever();
    }

    @Test
    void withNoResultsAwaitedTheDoctorConvenesAtOnce() {
        ProcessInstance discussion = started(false);

        assertThat(discussion).hasPassedInOrder("Gateway_ResultsAwaited", "Gateway_ResultsIn")
                .hasNotPassed("Task_AwaitPostMortemResults").isWaitingAt("Task_PlanFinalCaseDiscussion");
        complete(task(discussion), withVariables(FinalCaseDiscussionVariables.CONVENE, "yes", FinalCaseDiscussionVariables.MEETING_AT, MEETING_AT));
        execute(job(discussion));
        complete(task(discussion));
        execute(job(discussion));
        assertThat(discussion).hasPassed("Task_RecordFinalCaseDiscussion", "End_FinalCaseDiscussionDone").isEnded();
    }

    @Test
    void theDoctorsTasksAreOfferedToDesignatedDoctorsWithTheirFormsAndTheConveningDueAtTheTenWeekReminder()
            throws IOException {
        ProcessInstance discussion = started(true);
        assertThat(task(discussion)).hasCandidateGroup("designated-doctor");
        assertThat(task(discussion).getDueDate()).isNull();
        assertThat(formOf(task(discussion))).contains("\"id\": \"await-post-mortem-results\"");

        resultsReceived();
        assertThat(task(discussion)).hasCandidateGroup("designated-doctor").hasDueDate(REMINDER_AT);
        assertThat(formOf(task(discussion))).contains("\"id\": \"plan-final-case-discussion\"")
                .contains("\"key\": \"convene\"");

        complete(task(discussion), withVariables(FinalCaseDiscussionVariables.CONVENE, "yes", FinalCaseDiscussionVariables.MEETING_AT, MEETING_AT));
        execute(job(discussion));
        assertThat(task(discussion)).hasCandidateGroup("designated-doctor");
        assertThat(formOf(task(discussion))).contains("\"id\": \"final-case-discussion-outcome\"");
    }

    @Test
    void aStageThatCannotBeMarkedDoneStaysAnIncidentAtItsStepAfterTheDiscussion() {
        registerJavaDelegateMock("markFinalCaseDiscussionDone").onExecutionThrowException(new IllegalStateException("database down"));
        ProcessInstance discussion = started(false);
        complete(task(discussion), withVariables(FinalCaseDiscussionVariables.CONVENE, "no"));

        assertThatThrownBy(() -> execute(job(discussion))).hasMessage("database down");
        assertThat(job(discussion)).hasRetries(4).hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 2, 2, 10, 10)));
        assertThat(engine.failUntilIncident(discussion)).isEqualTo(4);

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(discussion.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Record_FinalCaseDiscussionDone");
        assertThat(discussion).isWaitingAt("Record_FinalCaseDiscussionDone").hasPassed("End_Discussion");
    }

    /** As the case's process calls it (business key the case reference); OpenFinalCaseDiscussion says whether results are awaited. */
    private static ProcessInstance started(boolean resultsAwaited) {
        registerExecutionListenerMock("openFinalCaseDiscussion")
                .onExecutionSetVariable(FinalCaseDiscussionVariables.RESULTS_AWAITED, resultsAwaited);
        return runtimeService().startProcessInstanceByKey(FinalCaseDiscussionVariables.PROCESS_KEY, CASE_REFERENCE,
                withVariables(FinalCaseDiscussionVariables.CASE_ID, UUID.randomUUID().toString(),
                        FinalCaseDiscussionVariables.CASE_REFERENCE, CASE_REFERENCE,
                        FinalCaseDiscussionVariables.DATE_OF_DEATH, DATE_OF_DEATH));
    }

    /** As PostMortems sends it when the final results are recorded. */
    private static void resultsReceived() {
        runtimeService().createMessageCorrelation(FinalCaseDiscussionVariables.RESULTS_MESSAGE)
                .processInstanceBusinessKey(CASE_REFERENCE).correlateAll();
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
