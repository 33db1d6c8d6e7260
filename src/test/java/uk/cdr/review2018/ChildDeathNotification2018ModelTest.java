package uk.cdr.review2018;

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
import static org.camunda.community.mockito.DelegateExpressions.registerTaskListenerMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.camunda.community.mockito.DelegateExpressions.verifyTaskListenerMock;
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

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.notification.NotificationTimers;
import uk.cdr.support.ModelEngine;

/**
 * bpmn/child-death-notification-2018.bpmn with suggest-joint-agency-response.dmn, alone: the decision
 * table's suggestion, the Designated Doctor's alert, the SPOC's acknowledgement, the doctor's Joint
 * Agency Response decision with its overdue timer, the key worker; and the escalation that tells the
 * case's process the decision as soon as it is recorded.
 */
class ChildDeathNotification2018ModelTest {

    @RegisterExtension
    static final ModelEngine engine = ModelEngine.deploying("child-death-notification-2018.bpmn",
            "suggest-joint-agency-response.dmn");

    private static final String PROCESS_KEY = "childDeathNotification2018";
    private static final String CASE_REFERENCE = "2019-20/007";

    /** A Friday evening, out of hours: due 09:00 Monday, the decision overdue a working day after the notification. */
    private static final LocalDateTime NOTIFIED = LocalDateTime.of(2020, 3, 13, 17, 40);
    private static final Date NOTIFIED_AT = ModelEngine.at(NOTIFIED);
    private static final Date DUE = ModelEngine.at(LocalDateTime.of(2020, 3, 16, 9, 0));
    private static final LocalDateTime DECISION_OVERDUE = LocalDateTime.of(2020, 3, 16, 17, 40);

    private WorkingDays workingDays;
    private NotificationTimers notificationTimers;

    @BeforeEach
    void mockTheBeansTheModelNames() {
        workingDays = registerMockInstance("workingDays", WorkingDays.class);
        when(workingDays.sameOrNextWorkingDayDue(NOTIFIED_AT)).thenReturn(DUE);
        when(workingDays.plusWorkingDays(NOTIFIED_AT, 1)).thenReturn(ModelEngine.at(DECISION_OVERDUE));
        notificationTimers = registerMockInstance("notificationTimers", NotificationTimers.class);
        when(notificationTimers.classificationEscalationWorkingDays()).thenReturn(1);
        registerJavaDelegateMock("sendDesignatedDoctorAlert");
        registerJavaDelegateMock("sendClassificationOverdueAlert");
        registerJavaDelegateMock("recordJointAgencyResponseDecision");
        registerTaskListenerMock("decideJointAgencyResponse");
        registerTaskListenerMock("nameKeyWorker");
        engine.clockAt(NOTIFIED);
    }

    @ParameterizedTest(name = "notifier says {0}, died at {1}: suggest a JAR {2}")
    @CsvSource(nullValues = "null", value = {
            "unexpected, hospice,        yes",
            "unexpected, hospital-ward,  yes",
            "unexpected, home,           yes",
            "expected,   hospice,        no",
            "expected,   neonatal-unit,  no",
            "expected,   intensive-care, no",
            "expected,   hospital-ward,  no",
            "expected,   home,           no",
            "expected,   public-place,   yes",
            "expected,   school,         yes",
            "not-sure,   hospital-ward,  yes",
            "not-sure,   home,           yes",
            "expected,   null,           yes"})
    void theDecisionTableSuggestsAJointAgencyResponseForTheDoctorAndWhenInDoubtSuggestsOne(String notifiedExpected,
            String placeOfDeath, String suggested) {
        ProcessInstance notification = deathNotified(notifiedExpected, placeOfDeath);

        assertThat(notification).hasPassedInOrder("Start_DeathNotified", "Decide_SuggestJointAgencyResponse", "Fork_Work")
                .variables().containsEntry("suggestedJointAgencyResponse", suggested);
    }

    @Test
    void allFourBranchesRunSideBySideAndTheNotificationEndsWhenTheLastIsDone() {
        ProcessInstance notification = deathNotified("unexpected", "home");

        assertThat(notification).isWaitingAt("Send_DesignatedDoctorAlert", "Task_AcknowledgeNotification",
                "Task_DecideJointAgencyResponse", "Task_NameKeyWorker");
        verifyJavaDelegateMock("sendDesignatedDoctorAlert").executedNever();

        execute(job("Send_DesignatedDoctorAlert", notification));
        verifyJavaDelegateMock("sendDesignatedDoctorAlert").executed(times(1));
        assertThat(notification).isWaitingAt("Task_AcknowledgeNotification", "Task_DecideJointAgencyResponse",
                "Task_NameKeyWorker", "Join_Work");

        complete(task("Task_AcknowledgeNotification", notification), withVariables("acknowledged", true));
        doctorDecides(notification, "yes", "unexpected", "no", "no");
        verifyTaskListenerMock("decideJointAgencyResponse").executed(times(1));
        execute(job("Record_JointAgencyResponseDecision", notification));
        verifyJavaDelegateMock("recordJointAgencyResponseDecision").executed(times(1));
        assertThat(notification).hasPassed("Throw_DeathClassified").isWaitingAt("Task_NameKeyWorker", "Join_Work")
                .isNotEnded();

        complete(task("Task_NameKeyWorker", notification), withVariables("familiesGuideOffered", "yes"));
        verifyTaskListenerMock("nameKeyWorker").executed(times(1));
        engine.runDueJobs();

        assertThat(notification).hasPassed("Send_DesignatedDoctorAlert", "Task_AcknowledgeNotification",
                "Task_DecideJointAgencyResponse", "Record_JointAgencyResponseDecision", "Throw_DeathClassified",
                "Task_NameKeyWorker", "Join_Work", "End_NotificationHandled")
                .hasNotPassed("Timer_DecisionOverdue", "Send_DecisionOverdueToSpoc").isEnded();
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executedNever();
    }

    @Test
    void theDecisionIsEscalatedOnlyOnceRecordedAndTheNotificationThenWaitsForTheOtherBranches() {
        ProcessInstance notification = deathNotified("expected", "hospital-ward");
        doctorDecides(notification, "no", "expected", "no", "no");

        assertThat(notification).hasPassed("Task_DecideJointAgencyResponse")
                .isWaitingAt("Record_JointAgencyResponseDecision").hasNotPassed("Throw_DeathClassified");
        execute(job("Record_JointAgencyResponseDecision", notification));

        assertThat(notification).hasPassedInOrder("Task_DecideJointAgencyResponse", "Record_JointAgencyResponseDecision",
                "Throw_DeathClassified").hasNotPassed("End_NotificationHandled")
                .isWaitingAt("Send_DesignatedDoctorAlert", "Task_AcknowledgeNotification", "Task_NameKeyWorker",
                        "Join_Work");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(notification.getId()).count()).isZero();
    }

    /** What the case's process hears: the escalation, with the decision's variables, while the rest of the stage goes on. */
    @Test
    void aCallerHearsTheDecisionWithItsAnswersTheMomentItIsRecordedBeforeTheOtherBranchesAreDone() {
        engine.manageDeployment(engine.getRepositoryService().createDeployment()
                .addModelInstance("case-stand-in.bpmn", caller()).deploy());
        ProcessInstance caseProcess = runtimeService().startProcessInstanceByKey("caseStandIn", CASE_REFERENCE,
                caseVariables("unexpected", "home"));
        ProcessInstance notification = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .superProcessInstanceId(caseProcess.getId()).singleResult();
        assertThat(notification.getBusinessKey()).isEqualTo(CASE_REFERENCE);

        doctorDecides(notification, "yes", "unexpected", "yes", "yes");
        assertThat(caseProcess).hasNotPassed("Heard").isWaitingAt("Call_Notification");
        execute(job("Record_JointAgencyResponseDecision", notification));

        assertThat(caseProcess).hasPassed("Heard").isWaitingAt("Call_Notification", "Task_Decided").variables()
                .containsEntry("jointAgencyResponse", "yes").containsEntry("deathClassification", "unexpected")
                .containsEntry("abuseOrNeglectSuspected", "yes").containsEntry("lookedAfter", "yes");
        assertThat(notification).isNotEnded().isWaitingAt("Send_DesignatedDoctorAlert", "Task_AcknowledgeNotification",
                "Task_NameKeyWorker", "Join_Work");
    }

    @Test
    void anUndecidedDeathTellsTheSpocOneWorkingDayAfterTheNotificationOnceAndTheDoctorStillDecides() {
        ProcessInstance notification = deathNotified("unexpected", "home");
        execute(job("Send_DesignatedDoctorAlert", notification));

        assertThat(job("Timer_DecisionOverdue", notification)).hasDueDate(ModelEngine.at(DECISION_OVERDUE));
        verify(notificationTimers).classificationEscalationWorkingDays();
        engine.clockAt(DECISION_OVERDUE.minusMinutes(1));
        engine.runDueJobs();
        assertThat(notification).hasNotPassed("Timer_DecisionOverdue");
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executedNever();

        engine.clockAt(DECISION_OVERDUE);
        execute(job("Timer_DecisionOverdue", notification));
        assertThat(notification).isWaitingAt("Send_DecisionOverdueToSpoc", "Task_DecideJointAgencyResponse");
        execute(job("Send_DecisionOverdueToSpoc", notification));
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executed(times(1));
        assertThat(notification).hasPassedInOrder("Timer_DecisionOverdue", "Send_DecisionOverdueToSpoc", "End_SpocTold")
                .isWaitingAt("Task_DecideJointAgencyResponse");

        engine.clockAt(DECISION_OVERDUE.plusDays(4));
        engine.runDueJobs();
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executed(times(1));

        doctorDecides(notification, "yes", "unexpected", "no", "no");
        complete(task("Task_AcknowledgeNotification", notification));
        complete(task("Task_NameKeyWorker", notification));
        engine.runDueJobs();
        assertThat(notification).hasPassed("Throw_DeathClassified", "End_NotificationHandled").isEnded();
    }

    @Test
    void aDecisionInTimeLeavesNoOverdueTimerSoTheSpocIsNotTold() {
        ProcessInstance notification = deathNotified("expected", "hospice");
        doctorDecides(notification, "no", "expected", "no", "no");
        engine.runDueJobs();

        engine.clockAt(DECISION_OVERDUE.plusDays(1));
        engine.runDueJobs();
        assertThat(notification).hasPassed("Throw_DeathClassified").hasNotPassed("Timer_DecisionOverdue");
        verifyJavaDelegateMock("sendClassificationOverdueAlert").executedNever();
    }

    @Test
    void aDecisionThatCannotBeRecordedStaysAnIncidentAtItsStepAndIsNotEscalatedToTheCase() {
        registerJavaDelegateMock("recordJointAgencyResponseDecision")
                .onExecutionThrowException(new IllegalStateException("database down"));
        ProcessInstance notification = deathNotified("unexpected", "home");
        execute(job("Send_DesignatedDoctorAlert", notification));
        execute(job("Join_Work", notification));
        doctorDecides(notification, "yes", "unexpected", "no", "no");

        assertThatThrownBy(() -> execute(job("Record_JointAgencyResponseDecision", notification)))
                .hasMessage("database down");
        assertThat(engine.failUntilIncident(notification)).as("attempts after the first").isEqualTo(4);

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(notification.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Record_JointAgencyResponseDecision");
        assertThat(notification).hasNotPassed("Throw_DeathClassified").isWaitingAt("Record_JointAgencyResponseDecision",
                "Task_AcknowledgeNotification", "Task_NameKeyWorker");
    }

    @Test
    void eachTaskIsOfferedToItsGroupWithItsFormAndDueWhenWorkingDaysSays() throws IOException {
        ProcessInstance notification = deathNotified("unexpected", "home");

        assertThat(task("Task_AcknowledgeNotification", notification)).hasCandidateGroup("spoc").hasDueDate(DUE);
        assertThat(task("Task_DecideJointAgencyResponse", notification)).hasCandidateGroup("designated-doctor")
                .hasDueDate(DUE);
        assertThat(task("Task_NameKeyWorker", notification)).hasCandidateGroup("spoc")
                .hasDueDate(ModelEngine.at(DECISION_OVERDUE));
        assertThat(formOf(task("Task_AcknowledgeNotification", notification)))
                .contains("\"id\": \"acknowledge-notification-2018\"");
        assertThat(formOf(task("Task_DecideJointAgencyResponse", notification)))
                .contains("\"id\": \"decide-joint-agency-response\"").contains("\"key\": \"jointAgencyResponse\"")
                .contains("\"key\": \"abuseOrNeglectSuspected\"").contains("\"key\": \"lookedAfter\"");
        assertThat(formOf(task("Task_NameKeyWorker", notification))).contains("\"id\": \"name-key-worker\"")
                .contains("\"key\": \"keyWorkerName\"");
    }

    // --- helpers ---

    /** Started as the case's process calls it: business key the case reference, all the case's variables. */
    private static ProcessInstance deathNotified(String notifiedExpected, String placeOfDeath) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, CASE_REFERENCE,
                caseVariables(notifiedExpected, placeOfDeath));
    }

    private static Map<String, Object> caseVariables(String notifiedExpected, String placeOfDeath) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", UUID.randomUUID().toString());
        variables.put("caseReference", CASE_REFERENCE);
        variables.put("notifiedAt", NOTIFIED_AT);
        variables.put("outOfHours", true);
        variables.put("notifiedExpected", notifiedExpected);
        variables.put("placeOfDeath", placeOfDeath);
        variables.put("neonatal", false);
        variables.put("dateOfDeath", ModelEngine.at(LocalDateTime.of(2020, 3, 13, 0, 0)));
        variables.put("edition", "2018");
        return variables;
    }

    /** The doctor's answers, as DecideJointAgencyResponse leaves them on the process (the listener itself is mocked). */
    private static void doctorDecides(ProcessInstance notification, String jointAgencyResponse, String classification,
            String abuseOrNeglectSuspected, String lookedAfter) {
        complete(task("Task_DecideJointAgencyResponse", notification),
                withVariables("jointAgencyResponse", jointAgencyResponse, "deathClassification", classification,
                        "abuseOrNeglectSuspected", abuseOrNeglectSuspected, "lookedAfter", lookedAfter));
    }

    /** The case's process reduced to its call of the notification and the boundary event that hears the decision. */
    private static BpmnModelInstance caller() {
        return Bpmn.createExecutableProcess("caseStandIn").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_Notification").calledElement(PROCESS_KEY)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn("caseId", "caseId").camundaIn("caseReference", "caseReference")
                .camundaIn("notifiedAt", "notifiedAt").camundaIn("notifiedExpected", "notifiedExpected")
                .camundaIn("placeOfDeath", "placeOfDeath")
                .camundaOut("deathClassification", "deathClassification")
                .camundaOut("jointAgencyResponse", "jointAgencyResponse")
                .camundaOut("abuseOrNeglectSuspected", "abuseOrNeglectSuspected")
                .camundaOut("lookedAfter", "lookedAfter")
                .endEvent("End_Notified")
                .moveToActivity("Call_Notification").boundaryEvent("Heard").cancelActivity(false)
                .escalation("deathClassified")
                .userTask("Task_Decided").endEvent("End_Decided")
                .done();
    }

    private static String formOf(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
