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
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/child-death-notification.bpmn with suggest-death-classification.dmn, alone: the Designated
 * Doctor's alert, the SPOC's acknowledgement, the doctor's classification with its overdue timer, the
 * nurse's bereavement support, and the escalation that tells the case's process the classification
 * (not caught here, so the notification just goes on).
 */
class ChildDeathNotificationModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("child-death-notification.bpmn",
            "suggest-death-classification.dmn");

    /** A Friday evening, out of hours: due 09:00 Monday, the classification overdue a working day after the notification. */
    private static final Date NOTIFIED_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 13, 17, 40));
    private static final Date DUE = ModelEngine.at(LocalDateTime.of(2015, 3, 16, 9, 0));
    private static final Date CLASSIFICATION_OVERDUE_AT = ModelEngine.at(LocalDateTime.of(2015, 3, 16, 17, 40));

    private WorkingDays workingDays;
    private NotificationTimers notificationTimers;
    private WhoIsCompleting whoIsCompleting;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.sameOrNextWorkingDayDue(NOTIFIED_AT)).thenReturn(DUE);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 1)).thenReturn(CLASSIFICATION_OVERDUE_AT);
        notificationTimers = registerMockInstance("notificationTimers", NotificationTimers.class);
        when(notificationTimers.classificationEscalationWorkingDays()).thenReturn(1);
        whoIsCompleting = registerMockInstance("whoIsCompleting", WhoIsCompleting.class);
        when(whoIsCompleting.of(any(DelegateTask.class))).thenReturn("doctor");
        registerJavaDelegateMock("sendDesignatedDoctorAlert");
        registerJavaDelegateMock("sendClassificationOverdueAlert");
        registerJavaDelegateMock("recordDeathClassification");
        registerTaskListenerMock("recordBereavementSupport");
        engine.clockAt(LocalDateTime.of(2015, 3, 13, 17, 40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"expected", "unexpected"})
    void allFourBranchesRunSideBySideAndTheNotificationEndsWhenTheLastIsDone(String classification) {
        ProcessInstance notification = deathNotified("unexpected", "home");

        assertThat(notification).hasPassedInOrder("Start_DeathNotified", "Decide_SuggestClassification", "Fork_Work")
                .isWaitingAt("Send_DesignatedDoctorAlert", "Task_AcknowledgeNotification",
                        "Task_ConfirmExpectedOrUnexpected", "Task_BereavementSupport");
        verifyJavaDelegateMock("sendDesignatedDoctorAlert").executedNever();

        execute(job("Send_DesignatedDoctorAlert", notification));
        verifyJavaDelegateMock("sendDesignatedDoctorAlert").executed(times(1));
        complete(task("Task_AcknowledgeNotification", notification));
        complete(task("Task_ConfirmExpectedOrUnexpected", notification),
                withVariables(NotificationVariables.DEATH_CLASSIFICATION, classification));
        assertThat(notification).isWaitingAt("Record_DeathClassification").variables()
                .containsEntry("classifiedBy", "doctor");
        execute(job("Record_DeathClassification", notification));
        verifyJavaDelegateMock("recordDeathClassification").executed(times(1));
        assertThat(notification).hasPassedInOrder("Record_DeathClassification", "Throw_DeathClassified")
                .isNotEnded();

        complete(task("Task_BereavementSupport", notification));
        engine.runDueJobs();

        assertThat(notification).hasPassed("Send_DesignatedDoctorAlert", "Task_AcknowledgeNotification",
                "Task_ConfirmExpectedOrUnexpected", "Record_DeathClassification", "Throw_DeathClassified",
                "Task_BereavementSupport", "Join_Work", "End_NotificationHandled")
                .hasNotPassed("Timer_ClassificationOverdue", "Send_ClassificationOverdueToSpoc").isEnded();
        assertThat(notification).variables().containsEntry(NotificationVariables.DEATH_CLASSIFICATION, classification);
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executedNever();
    }

    @Test
    void theClassificationEscalatesUncaughtHereSoTheProcessGoesOnToWaitAtTheJoinForTheOtherBranches() {
        ProcessInstance notification = deathNotified("expected", "hospice");
        complete(task("Task_ConfirmExpectedOrUnexpected", notification),
                withVariables(NotificationVariables.DEATH_CLASSIFICATION, "expected"));
        execute(job("Record_DeathClassification", notification));
        engine.runDueJobs();

        // The alert has gone, the classification is recorded and thrown; the acknowledgement and the support remain.
        assertThat(notification).hasPassed("Throw_DeathClassified")
                .isWaitingAt("Task_AcknowledgeNotification", "Task_BereavementSupport", "Join_Work")
                .hasNotPassed("End_NotificationHandled");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(notification.getId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(notification.getId()).count()).isZero();

        complete(task("Task_BereavementSupport", notification));
        complete(task("Task_AcknowledgeNotification", notification));
        engine.runDueJobs();
        assertThat(notification).hasPassed("End_NotificationHandled").isEnded();
    }

    @Test
    void anUnclassifiedDeathTellsTheSpocOneWorkingDayAfterTheNotificationOnceAndTheDoctorStillDecides() {
        ProcessInstance notification = deathNotified("unexpected", "home");
        execute(job("Send_DesignatedDoctorAlert", notification));

        assertThat(job("Timer_ClassificationOverdue", notification)).hasDueDate(CLASSIFICATION_OVERDUE_AT);
        verify(notificationTimers).classificationEscalationWorkingDays();
        verify(workingDays).plusWorkingDays(NOTIFIED_AT, 1);
        engine.clockAt(LocalDateTime.of(2015, 3, 16, 17, 39));
        engine.runDueJobs();
        assertThat(notification).hasNotPassed("Timer_ClassificationOverdue");

        engine.clockAt(LocalDateTime.of(2015, 3, 16, 17, 40));
        execute(job("Timer_ClassificationOverdue", notification));
        assertThat(notification).isWaitingAt("Send_ClassificationOverdueToSpoc", "Task_ConfirmExpectedOrUnexpected");
        execute(job("Send_ClassificationOverdueToSpoc", notification));
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executed(times(1));
        assertThat(notification).hasPassedInOrder("Timer_ClassificationOverdue", "Send_ClassificationOverdueToSpoc",
                "End_SpocTold").isWaitingAt("Task_ConfirmExpectedOrUnexpected");
        engine.clockAt(LocalDateTime.of(2015, 3, 20, 17, 40));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executed(times(1));

        complete(task("Task_ConfirmExpectedOrUnexpected", notification),
                withVariables(NotificationVariables.DEATH_CLASSIFICATION, "unexpected"));
        engine.runDueJobs();
        complete(task("Task_AcknowledgeNotification", notification));
        complete(task("Task_BereavementSupport", notification));
        engine.runDueJobs();
        assertThat(notification).hasPassed("Throw_DeathClassified", "End_NotificationHandled").isEnded();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "unexpected, hospice,       unexpected",
            "expected,   hospice,       expected",
            "expected,   home,          expected",
            "expected,   neonatal-unit, expected",
            "expected,   public-place,  unexpected",
            "unknown,    hospital-ward, unexpected",
            "expected,   null,          unexpected"})
    void theDecisionTableSuggestsAClassificationForTheDoctorAndWhenInDoubtUnexpected(String notifiedExpected,
            String placeOfDeath, String suggested) {
        ProcessInstance notification = deathNotified(notifiedExpected, placeOfDeath);

        assertThat(notification).variables().containsEntry(NotificationVariables.SUGGESTED_CLASSIFICATION, suggested);
    }

    @Test
    void eachTaskIsOfferedToItsGroupWithItsFormAndTheSpocsAndDoctorsAreDueWhenWorkingDaysSays() throws IOException {
        ProcessInstance notification = deathNotified("unexpected", "home");

        assertThat(task("Task_AcknowledgeNotification", notification)).hasCandidateGroup("spoc").hasDueDate(DUE);
        assertThat(task("Task_ConfirmExpectedOrUnexpected", notification)).hasCandidateGroup("designated-doctor")
                .hasDueDate(DUE);
        assertThat(task("Task_BereavementSupport", notification)).hasCandidateGroup("cdr-nurse");
        assertThat(task("Task_BereavementSupport", notification).getDueDate()).isNull();
        assertThat(formOf(task("Task_AcknowledgeNotification", notification))).contains("\"id\": \"acknowledge-notification\"");
        assertThat(formOf(task("Task_ConfirmExpectedOrUnexpected", notification)))
                .contains("\"id\": \"confirm-expected-or-unexpected\"").contains("\"key\": \"deathClassification\"");
        assertThat(formOf(task("Task_BereavementSupport", notification))).contains("\"id\": \"bereavement-support\"");
    }

    @Test
    void aClassificationThatCannotBeRecordedStaysAnIncidentAtItsStepAndIsNotThrownToTheCase() {
        registerJavaDelegateMock("recordDeathClassification").onExecutionThrowException(new IllegalStateException("database down"));
        ProcessInstance notification = deathNotified("unexpected", "home");
        execute(job("Send_DesignatedDoctorAlert", notification));
        execute(job("Join_Work", notification));
        complete(task("Task_ConfirmExpectedOrUnexpected", notification),
                withVariables(NotificationVariables.DEATH_CLASSIFICATION, "unexpected"));

        assertThatThrownBy(() -> execute(job("Record_DeathClassification", notification))).hasMessage("database down");
        assertThat(job("Record_DeathClassification", notification)).hasRetries(4)
                .hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 3, 13, 17, 50)));
        assertThat(engine.failUntilIncident(notification)).as("attempts after the first").isEqualTo(4);

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(notification.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Record_DeathClassification");
        assertThat(notification).hasNotPassed("Throw_DeathClassified")
                .isWaitingAt("Record_DeathClassification", "Task_AcknowledgeNotification", "Task_BereavementSupport");
    }

    @Test
    void anAlertThatCannotBeSentIsRetriedEveryTwoMinutesWhileThePeopleGetOnWithTheirTasks() {
        registerJavaDelegateMock("sendDesignatedDoctorAlert").onExecutionThrowException(new IllegalStateException("mail server down"));
        ProcessInstance notification = deathNotified("unexpected", "home");

        assertThatThrownBy(() -> execute(job("Send_DesignatedDoctorAlert", notification))).hasMessage("mail server down");
        assertThat(job("Send_DesignatedDoctorAlert", notification)).hasRetries(4)
                .hasDueDate(ModelEngine.at(LocalDateTime.of(2015, 3, 13, 17, 42)));
        complete(task("Task_AcknowledgeNotification", notification));
        assertThat(notification).isWaitingAt("Send_DesignatedDoctorAlert", "Task_ConfirmExpectedOrUnexpected",
                "Task_BereavementSupport", "Join_Work");
    }

    /** Started as the case's process calls it: business key the case reference, the case's variables. */
    private static ProcessInstance deathNotified(String notifiedExpected, String placeOfDeath) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NotificationVariables.CASE_ID, UUID.randomUUID().toString());
        variables.put(NotificationVariables.CASE_REFERENCE, "2014-15/007");
        variables.put(NotificationVariables.NOTIFIED_AT, NOTIFIED_AT);
        variables.put(NotificationVariables.OUT_OF_HOURS, true);
        variables.put(NotificationVariables.NOTIFIED_EXPECTED, notifiedExpected);
        variables.put(NotificationVariables.PLACE_OF_DEATH, placeOfDeath);
        variables.put(NotificationVariables.NEONATAL, false);
        return runtimeService().startProcessInstanceByKey(NotificationVariables.PROCESS_KEY, "2014-15/007", variables);
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
