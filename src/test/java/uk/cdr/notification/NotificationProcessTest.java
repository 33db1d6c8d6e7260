package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.support.ProcessTest;

class NotificationProcessTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyInboxes() throws Exception {
        mail().purgeEmailFromAllMailboxes();
    }

    @Test
    void inHoursTheDoctorIsAlertedAndEachRoleGetsItsTaskDueTheSameDay() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 11, 0));
        Notifications.Recorded recorded = notifications.record(FormAValidatorTest.valid(), "spoc");
        assertThat(recorded.caseReference()).matches("2014-15/\\d{3}");
        assertThat(recorded.outOfHours()).isFalse();
        ProcessInstance process = process(recorded);
        assertThat(process).isWaitingAt("Send_DesignatedDoctorAlert");

        runDueJobs();

        MimeMessage alert = onlyEmailAbout(recorded, "doctor@cdr.example.org");
        assertThat(alert.getSubject()).contains(recorded.caseReference(), "unexpected")
                .doesNotContain("Jamie", "Doe");
        String body = (String) alert.getContent();
        assertThat(body).contains(recorded.caseReference(), "Age at death: 18 weeks",
                "Place of death: hospital-emergency-department", "St Elsewhere Hospital", "/camunda/app/tasklist/")
                .doesNotContain("Jamie", "Doe", "4010232137", "SW1A");

        assertThat(process).isWaitingAt("Task_AcknowledgeNotification", "Task_ConfirmExpectedOrUnexpected",
                "Task_BereavementSupport");
        assertThat(task("Task_AcknowledgeNotification", process)).hasCandidateGroup("spoc")
                .hasDueDate(at(LocalDateTime.of(2015, 3, 10, 17, 0)));
        assertThat(task("Task_ConfirmExpectedOrUnexpected", process)).hasCandidateGroup("designated-doctor");
        assertThat(new String(engine.getFormService().getDeployedTaskForm(task("Task_ConfirmExpectedOrUnexpected",
                process).getId()).readAllBytes())).contains("\"id\": \"confirm-expected-or-unexpected\"");
        assertThat(task("Task_BereavementSupport", process)).hasCandidateGroup("cdr-nurse");
        assertThat(process).variables().containsEntry("suggestedClassification", "unexpected")
                .containsEntry("neonatal", false).doesNotContainKeys("childFirstName", "childLastName", "nhsNumber");
    }

    @Test
    void outOfHoursTheSpocAcknowledgesAtNineTheNextWorkingDay() {
        clockAt(LocalDateTime.of(2015, 3, 13, 19, 30)); // a Friday evening
        Notifications.Recorded recorded = notifications.record(FormAValidatorTest.valid(), "spoc");
        assertThat(recorded.outOfHours()).isTrue();
        runDueJobs();
        assertThat(task("Task_AcknowledgeNotification", process(recorded)))
                .hasDueDate(at(LocalDateTime.of(2015, 3, 16, 9, 0)));
        assertThat(jdbc.sql("select out_of_hours from case_file where id = ?").param(recorded.caseId())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void overEasterTheNextWorkingDaySkipsGoodFridayAndEasterMonday() {
        clockAt(LocalDateTime.of(2015, 4, 2, 18, 0)); // Thursday before Easter 2015
        Notifications.Recorded thursday = notifications.record(FormAValidatorTest.valid(), "spoc");
        clockAt(LocalDateTime.of(2015, 4, 6, 10, 0)); // Easter Monday, office time but a bank holiday
        Notifications.Recorded easterMonday = notifications.record(FormAValidatorTest.valid(), "spoc");
        runDueJobs();
        assertThat(easterMonday.outOfHours()).isTrue();
        assertThat(task("Task_AcknowledgeNotification", process(thursday)))
                .hasDueDate(at(LocalDateTime.of(2015, 4, 7, 9, 0)));
        assertThat(task("Task_AcknowledgeNotification", process(easterMonday)))
                .hasDueDate(at(LocalDateTime.of(2015, 4, 7, 9, 0)));
    }

    @Test
    void theSpocIsToldWhenTheDoctorHasNotConfirmedWithinOneWorkingDay() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 13, 15, 0)); // Friday afternoon
        Notifications.Recorded recorded = notifications.record(FormAValidatorTest.valid(), "spoc");
        runDueJobs();
        clockAt(LocalDateTime.of(2015, 3, 16, 14, 59));
        runDueJobs();
        assertThat(emailsAbout(recorded, "spoc@cdr.example.org")).isEmpty();

        clockAt(LocalDateTime.of(2015, 3, 16, 15, 0)); // Monday: one working day later
        runDueJobs();
        MimeMessage overdue = onlyEmailAbout(recorded, "spoc@cdr.example.org");
        assertThat(overdue.getSubject()).contains("Overdue", recorded.caseReference());
        assertThat(process(recorded)).isWaitingAt("Task_ConfirmExpectedOrUnexpected");
    }

    @Test
    void theDoctorsDecisionIsRecordedAndTheProcessEndsWhenAllThreeAreDone() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA expectedInHospice = FormAValidatorTest.with(FormAValidatorTest.with(FormAValidatorTest.valid(),
                "notifiedExpected", "expected"), "placeOfDeath", "hospice");
        Notifications.Recorded recorded = notifications.record(expectedInHospice, "spoc");
        runDueJobs();
        ProcessInstance process = process(recorded);
        assertThat(process).variables().containsEntry("suggestedClassification", "expected");

        complete(task("Task_AcknowledgeNotification", process), withVariables("acknowledged", true));
        complete(task("Task_BereavementSupport", process), withVariables("bereavementSupport", "accepted"));
        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            complete(task("Task_ConfirmExpectedOrUnexpected", process), withVariables("deathClassification", "expected"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runDueJobs();

        assertThat(process).isEnded();
        assertThat(jdbc.sql("select death_classification, classified_by, suggested_classification from case_file where id = ?")
                .param(recorded.caseId()).query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single()).containsExactly("expected", "doctor", "expected");
    }

    @Test
    void referencesCountWithinTheReportingYearOfTheDeath() {
        clockAt(LocalDateTime.of(2015, 4, 20, 10, 0));
        FormA aprilDeath = FormAValidatorTest.withDates(FormAValidatorTest.valid(), LocalDate.of(2014, 11, 2),
                LocalDate.of(2015, 4, 18));
        FormA marchDeath = FormAValidatorTest.valid();
        String first = notifications.record(aprilDeath, "spoc").caseReference();
        String second = notifications.record(aprilDeath, "spoc").caseReference();
        String earlierYear = notifications.record(marchDeath, "spoc").caseReference();
        assertThat(first).startsWith("2015-16/");
        assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
        assertThat(earlierYear).startsWith("2014-15/");
        assertThat(taskQuery().processInstanceBusinessKey(first).count()).isZero(); // jobs not yet run
    }

    @Test
    void aNeonatalDeathIsDerivedNotTyped() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA newborn = FormAValidatorTest.withDates(FormAValidatorTest.valid(), LocalDate.of(2015, 2, 10),
                LocalDate.of(2015, 3, 9));
        Notifications.Recorded recorded = notifications.record(newborn, "spoc");
        assertThat(recorded.ageAtDeathDays()).isEqualTo(27);
        assertThat(recorded.neonatal()).isTrue();
    }

    private ProcessInstance process(Notifications.Recorded recorded) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(recorded.caseReference())
                .singleResult();
    }

    private static int sequence(String reference) {
        return Integer.parseInt(reference.substring(reference.indexOf('/') + 1));
    }

    /** Other tests' cases share the engine and the inbox: look only at this case's emails. */
    private static MimeMessage onlyEmailAbout(Notifications.Recorded recorded, String address) {
        List<MimeMessage> messages = emailsAbout(recorded, address);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static List<MimeMessage> emailsAbout(Notifications.Recorded recorded, String address) {
        return Arrays.stream(mail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(recorded.caseReference())
                                && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
