package uk.cdr.notification;

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
import static org.camunda.community.mockito.DelegateExpressions.registerJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
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

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.support.ModelEngine;

/** bpmn/resolve-possible-duplicate.bpmn alone: the doctor's alert, the SPOC's decision and carrying it out. */
class ResolvePossibleDuplicateModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("resolve-possible-duplicate.bpmn");

    private static final Date NOTIFIED_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 13, 17, 40));
    private static final Date DUE = ModelEngine.at(LocalDateTime.of(2015, 3, 16, 9, 0));

    private WorkingDays workingDays;
    private WhoIsCompleting whoIsCompleting;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.sameOrNextWorkingDayDue(NOTIFIED_AT)).thenReturn(DUE);
        whoIsCompleting = registerMockInstance("whoIsCompleting", WhoIsCompleting.class);
        when(whoIsCompleting.of(any(DelegateTask.class))).thenReturn("spoc");
        registerJavaDelegateMock("sendPossibleDuplicateAlert");
        registerJavaDelegateMock("resolvePossibleDuplicate");
        engine.clockAt(LocalDateTime.of(2015, 3, 13, 17, 40));
    }

    @ParameterizedTest
    @ValueSource(strings = {ResolvePossibleDuplicate.MERGE, ResolvePossibleDuplicate.DISTINCT})
    void theDoctorIsAlertedTheSpocDecidesAndTheDecisionIsCarriedOutWithWhoMadeIt(String decision) {
        ProcessInstance duplicate = possibleDuplicateNotified();
        assertThat(duplicate).isWaitingAt("Send_PossibleDuplicateAlert");
        verifyJavaDelegateMock("sendPossibleDuplicateAlert").executedNever();

        execute(job(duplicate));
        verifyJavaDelegateMock("sendPossibleDuplicateAlert").executed(times(1));
        assertThat(duplicate).isWaitingAt("Task_ResolvePossibleDuplicate");

        complete(task(duplicate), withVariables(NotificationVariables.DUPLICATE_DECISION, decision));
        assertThat(duplicate).isWaitingAt("Apply_DuplicateDecision").variables()
                .containsEntry(NotificationVariables.DUPLICATE_DECISION, decision)
                .containsEntry(NotificationVariables.DUPLICATE_RESOLVED_BY, "spoc");
        verify(whoIsCompleting, times(1)).of(any(DelegateTask.class));
        verifyJavaDelegateMock("resolvePossibleDuplicate").executedNever();

        execute(job(duplicate));
        verifyJavaDelegateMock("resolvePossibleDuplicate").executed(times(1));
        assertThat(duplicate).hasPassedInOrder("Start_PossibleDuplicateNotified", "Send_PossibleDuplicateAlert",
                "Task_ResolvePossibleDuplicate", "Apply_DuplicateDecision", "End_Resolved").isEnded();
    }

    @Test
    void theSpocsTaskIsOfferedToTheSpocGroupWithItsFormAndDueWhenWorkingDaysSays() throws IOException {
        ProcessInstance duplicate = possibleDuplicateNotified();
        execute(job(duplicate));

        assertThat(task(duplicate)).hasCandidateGroup("spoc").hasDueDate(DUE);
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task(duplicate).getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"resolve-possible-duplicate\"").contains("\"key\": \"duplicateDecision\"");
        }
    }

    @Test
    void anAlertThatCannotBeSentIsRetriedEveryTwoMinutesThenBecomesAnIncidentAndTheSpocHasNoTaskMeanwhile() {
        registerJavaDelegateMock("sendPossibleDuplicateAlert").onExecutionThrowException(new IllegalStateException("mail server down"));
        ProcessInstance duplicate = possibleDuplicateNotified();

        assertThatThrownBy(() -> execute(job(duplicate))).hasMessage("mail server down");
        assertThat(job(duplicate)).hasRetries(4).hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 3, 13, 17, 42)));
        assertThat(engine.failUntilIncident(duplicate)).as("attempts after the first").isEqualTo(4);

        assertThat(incidentOf(duplicate).getActivityId()).isEqualTo("Send_PossibleDuplicateAlert");
        assertThat(duplicate).isWaitingAt("Send_PossibleDuplicateAlert");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(duplicate.getId()).count()).isZero();
    }

    @Test
    void aDecisionThatCannotBeCarriedOutStaysAtItsStepAsAnIncidentAndIsNotAskedForAgain() {
        registerJavaDelegateMock("resolvePossibleDuplicate").onExecutionThrowException(new IllegalStateException("database down"));
        ProcessInstance duplicate = possibleDuplicateNotified();
        execute(job(duplicate));
        complete(task(duplicate), withVariables(NotificationVariables.DUPLICATE_DECISION, ResolvePossibleDuplicate.MERGE));

        assertThat(engine.failUntilIncident(duplicate)).isEqualTo(5);

        assertThat(incidentOf(duplicate).getActivityId()).isEqualTo("Apply_DuplicateDecision");
        assertThat(duplicate).isWaitingAt("Apply_DuplicateDecision").variables()
                .containsEntry(NotificationVariables.DUPLICATE_DECISION, ResolvePossibleDuplicate.MERGE);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(duplicate.getId()).count()).isZero();
    }

    /** Started as Notifications starts it: keyed by the new notification, naming the case it matches. */
    private static ProcessInstance possibleDuplicateNotified() {
        UUID notificationId = UUID.randomUUID();
        return runtimeService().startProcessInstanceByKey(NotificationVariables.DUPLICATE_PROCESS_KEY,
                notificationId.toString(), withVariables(NotificationVariables.NOTIFICATION_ID, notificationId.toString(),
                        NotificationVariables.CASE_ID, UUID.randomUUID().toString(),
                        NotificationVariables.CASE_REFERENCE, "2014-15/007",
                        NotificationVariables.MATCHED_ON, "nhsNumber",
                        NotificationVariables.NOTIFIED_AT, NOTIFIED_AT));
    }

    private static Incident incidentOf(ProcessInstance processInstance) {
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(processInstance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        return incident;
    }
}
