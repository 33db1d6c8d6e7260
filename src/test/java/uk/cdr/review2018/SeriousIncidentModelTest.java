package uk.cdr.review2018;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerMockInstance;
import static org.camunda.community.mockito.DelegateExpressions.registerExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyExecutionListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/serious-incident.bpmn alone: abuse or neglect known or suspected, the national Child
 * Safeguarding Practice Review Panel notified within 5 working days of it becoming known, then the
 * rapid review within 15 working days of the same moment (domain-2018.md, "Serious incidents").
 */
class SeriousIncidentModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("serious-incident.bpmn");

    private static final String CASE_REFERENCE = "2019-20/031";

    /** A Tuesday morning: the Designated Doctor says abuse or neglect is suspected. */
    private static final LocalDateTime KNOWN = LocalDateTime.of(2020, 3, 3, 11, 0);
    private static final Date KNOWN_AT = ModelEngine.at(KNOWN);
    /** 5 and 15 working days later, as WorkingDays counts them. */
    private static final Date NATIONAL_PANEL_DUE = ModelEngine.at(LocalDateTime.of(2020, 3, 10, 11, 0));
    private static final Date RAPID_REVIEW_DUE = ModelEngine.at(LocalDateTime.of(2020, 3, 24, 11, 0));

    private WorkingDays workingDays;
    private SeriousIncidentTimers timers;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        // As OpenSeriousIncident does: the deadlines count from the moment the process opens.
        registerExecutionListenerMock("openSeriousIncident").onExecutionSetVariable("seriousIncidentKnownAt", KNOWN_AT);
        workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.plusWorkingDays(KNOWN_AT, 5)).thenReturn(NATIONAL_PANEL_DUE);
        when(workingDays.plusWorkingDays(KNOWN_AT, 15)).thenReturn(RAPID_REVIEW_DUE);
        timers = registerMockInstance("seriousIncidentTimers", SeriousIncidentTimers.class);
        when(timers.nationalPanelWithinWorkingDays()).thenReturn(5);
        when(timers.rapidReviewWithinWorkingDays()).thenReturn(15);
        registerTaskListenerMock("recordNationalPanelNotification");
        registerTaskListenerMock("recordRapidReview");
        engine.clockAt(KNOWN);
    }

    @Test
    void theSpocNotifiesTheNationalPanelWithinFiveWorkingDaysThenRecordsTheRapidReviewWithinFifteen() {
        ProcessInstance incident = abuseOrNeglectSuspected();

        verifyExecutionListenerMock("openSeriousIncident").executed(times(1));
        assertThat(incident).hasPassed("Start_SeriousIncident").isWaitingAt("Task_NotifyNationalPanel");
        assertThat(task(incident)).hasCandidateGroup("spoc").hasDueDate(NATIONAL_PANEL_DUE);
        verify(workingDays).plusWorkingDays(KNOWN_AT, 5);
        verifyTaskListenerMock("recordNationalPanelNotification").executedNever();

        // Notified on the fourth working day: the rapid review is still due 15 working days after it became known.
        engine.clockAt(LocalDateTime.of(2020, 3, 9, 15, 0));
        complete(task(incident), withVariables("nationalPanelNotifiedOn", "2020-03-09"));

        verifyTaskListenerMock("recordNationalPanelNotification").executed(times(1));
        assertThat(incident).hasPassed("Task_NotifyNationalPanel").isWaitingAt("Task_RapidReview");
        assertThat(task(incident)).hasCandidateGroup("spoc").hasDueDate(RAPID_REVIEW_DUE);
        verify(workingDays).plusWorkingDays(KNOWN_AT, 15);
        verifyTaskListenerMock("recordRapidReview").executedNever();

        complete(task(incident), withVariables("rapidReviewCompletedOn", "2020-03-20", "localReviewDecided", "yes"));

        verifyTaskListenerMock("recordRapidReview").executed(times(1));
        assertThat(incident).hasPassedInOrder("Start_SeriousIncident", "Task_NotifyNationalPanel", "Task_RapidReview",
                "End_RapidReviewDone").isEnded();
    }

    @Test
    void theRapidReviewIsNotOfferedBeforeTheNationalPanelIsNotified() {
        ProcessInstance incident = abuseOrNeglectSuspected();

        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(incident.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("Task_NotifyNationalPanel");
        assertThat(incident).hasNotPassed("Task_RapidReview").isNotEnded();
    }

    @Test
    void eachStepIsOfferedWithItsForm() throws IOException {
        ProcessInstance incident = abuseOrNeglectSuspected();
        assertThat(formOf(task(incident))).contains("\"id\": \"notify-national-panel\"")
                .contains("\"key\": \"nationalPanelNotifiedOn\"");

        complete(task(incident));
        assertThat(formOf(task(incident))).contains("\"id\": \"record-rapid-review\"")
                .contains("\"key\": \"rapidReviewCompletedOn\"").contains("\"key\": \"localReviewDecided\"");
    }

    /** As the case's process or the Joint Agency Response calls it: business key the case reference, its ids. */
    private static ProcessInstance abuseOrNeglectSuspected() {
        return runtimeService().startProcessInstanceByKey("seriousIncident", CASE_REFERENCE,
                withVariables("caseId", UUID.randomUUID().toString(), "caseReference", CASE_REFERENCE));
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
