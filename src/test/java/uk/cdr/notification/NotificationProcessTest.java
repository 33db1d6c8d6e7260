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
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
        assertThat(recorded.caseReference()).matches("2014-15/\\d{3}");
        assertThat(recorded.outOfHours()).isFalse();
        ProcessInstance process = process(recorded);
        // The tasks do not wait for the email: a mail outage must not hold up the work.
        assertThat(process).isWaitingAt("Send_DesignatedDoctorAlert", "Task_AcknowledgeNotification",
                "Task_ConfirmExpectedOrUnexpected", "Task_BereavementSupport");
        // Beside it, the case's own process asks the SPOC for the agencies.
        assertThat(theCase(recorded)).isWaitingAt("Call_Notification", "Task_RequestFormBReports");

        runDueJobs();

        MimeMessage alert = onlyEmailAbout(recorded, "doctor@cdr.example.org");
        assertThat(alert.getSubject()).contains(recorded.caseReference(), "unexpected")
                .doesNotContain("Jamie", "Doe");
        String body = (String) alert.getContent();
        assertThat(body).contains(recorded.caseReference(), "Age at death: 4 months",
                "Place of death: Hospital emergency department", "Notifier's view: Unexpected", "St Elsewhere Hospital", "/camunda/app/tasklist/")
                .doesNotContain("Jamie", "Doe", "4010232137", "SW1A");

        assertThat(process).isWaitingAt("Task_AcknowledgeNotification", "Task_ConfirmExpectedOrUnexpected",
                "Task_BereavementSupport");
        assertThat(task("Task_RequestFormBReports", theCase(recorded))).hasCandidateGroup("spoc")
                .hasDueDate(at(LocalDateTime.of(2015, 3, 11, 11, 0)));
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
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
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
        Notifications.Recorded thursday = notifications.record(TestForms.aNotification(), "spoc");
        clockAt(LocalDateTime.of(2015, 4, 6, 10, 0)); // Easter Monday, office time but a bank holiday
        Notifications.Recorded easterMonday = notifications.record(TestForms.aNotification(), "spoc");
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
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
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
    void theDoctorsDecisionIsRecordedAndTheProcessEndsWhenEveryTaskIsDone() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA expectedInHospice = FormAValidatorTest.with(FormAValidatorTest.with(TestForms.aNotification(),
                "notifiedExpected", "expected"), "placeOfDeath", "hospice");
        Notifications.Recorded recorded = notifications.record(expectedInHospice, "spoc");
        runDueJobs();
        ProcessInstance process = process(recorded);
        assertThat(process).variables().containsEntry("suggestedClassification", "expected");

        complete(task("Task_AcknowledgeNotification", process), withVariables("acknowledged", true));
        complete(task("Task_BereavementSupport", process), withVariables("bereavementSupport", "accepted", "familiesLeaflet", "yes"));
        complete(task("Task_RequestFormBReports", theCase(recorded)), withVariables("noAgencyInvolved", true));
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
        // The nurse's answers are the case's record, shown on its page, not the engine's variables.
        assertThat(loggedIn("nurse").get("/cases/" + recorded.caseId()).body())
                .contains("Offered and accepted; the families&#39; leaflet given");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("familiesLeaflet").list()).allSatisfy(v -> assertThat(v.getValue()).isNull());
    }

    /** Issue 16: the nurse says whether the families' leaflet was given; without it nothing is kept. */
    @Test
    void bereavementSupportWithoutTheLeafletAnswerIsRefusedByName() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        ProcessInstance process = process(recorded);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task("Task_BereavementSupport", process),
                withVariables("bereavementSupport", "accepted"))).hasMessageContaining("families' leaflet")
                .isInstanceOfSatisfying(uk.cdr.config.RefusedAnswers.class, refused -> assertThat(refused.refusals())
                        .extracting(uk.cdr.config.RefusedAnswers.Refusal::field).containsExactly("familiesLeaflet"));
        assertThat(jdbc.sql("select count(*) from bereavement_support where case_id = ?").param(recorded.caseId())
                .query(Integer.class).single()).isZero();
        assertThat(process).isWaitingAt("Task_BereavementSupport");
    }

    @Test
    void theDoctorMayOverruleTheSuggestionAndUnexpectedIsRecorded() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA expectedInHospice = FormAValidatorTest.with(FormAValidatorTest.with(TestForms.aNotification(),
                "notifiedExpected", "expected"), "placeOfDeath", "hospice");
        Notifications.Recorded recorded = notifications.record(expectedInHospice, "spoc");
        runDueJobs();
        ProcessInstance process = process(recorded);
        assertThat(process).variables().containsEntry("suggestedClassification", "expected");

        engine.getIdentityService().setAuthentication("doctor", List.of("designated-doctor"));
        try {
            complete(task("Task_ConfirmExpectedOrUnexpected", process), withVariables("deathClassification", "unexpected"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runDueJobs();

        assertThat(process).hasPassed("Record_DeathClassification");
        assertThat(jdbc.sql("select death_classification, suggested_classification from case_file where id = ?")
                .param(recorded.caseId()).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).single())
                .containsExactly("unexpected", "expected");
    }

    @Test
    void referencesCountWithinTheReportingYearOfTheDeath() {
        clockAt(LocalDateTime.of(2015, 4, 20, 10, 0));
        String first = notifications.record(aprilDeath(), "spoc").caseReference();
        String second = notifications.record(aprilDeath(), "spoc").caseReference();
        String earlierYear = notifications.record(TestForms.aNotification(), "spoc").caseReference();
        assertThat(first).startsWith("2015-16/");
        assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
        assertThat(earlierYear).startsWith("2014-15/");
    }

    @Test
    void aSecondNotificationWithTheSameNhsNumberIsMergedWithoutASecondCase() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA hospital = TestForms.aNotification();
        Notifications.Recorded first = notifications.record(hospital, "spoc");
        runDueJobs();
        long cases = caseCount();

        FormA police = FormAValidatorTest.with(FormAValidatorTest.with(hospital, "notifierOrganisation", "Metropolitan Police"),
                "childFirstName", "James");
        Notifications.Recorded second = notifications.record(police, "spoc");
        assertThat(second.outcome()).isEqualTo(Notifications.Outcome.POSSIBLE_DUPLICATE);
        assertThat(second.possibleDuplicateOf()).isEqualTo(first.caseReference());
        assertThat(caseCount()).isEqualTo(cases);

        runDueJobs();
        ProcessInstance resolution = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(second.notificationId().toString()).singleResult();
        assertThat(resolution).isWaitingAt("Task_ResolvePossibleDuplicate");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(resolution.getId())
                .superProcessInstanceId(theCase(first).getId()).count()).as("a stage of the matched case").isEqualTo(1);
        assertThat(task("Task_ResolvePossibleDuplicate", resolution)).hasCandidateGroup("spoc");
        assertThat(resolution).variables().containsEntry("matchedOn", PossibleDuplicates.ON_NHS_NUMBER);
        MimeMessage alert = onlyEmailAbout(first, "doctor@cdr.example.org", "possible duplicate");
        assertThat(alert.getSubject()).doesNotContain("James", "Testchild");

        complete(task("Task_ResolvePossibleDuplicate", resolution), withVariables("duplicateDecision", "merge"));
        runDueJobs();

        assertThat(resolution).isEnded();
        assertThat(caseCount()).isEqualTo(cases);
        // Merged away, the duplicate leaves the case where it was: its process runs on, its stages unchanged.
        assertThat(caseStages.of(first.caseId())).containsExactlyInAnyOrder(
                uk.cdr.caseprocess.CaseStage.CLASSIFICATION, uk.cdr.caseprocess.CaseStage.FORM_B);
        assertThat(theCase(first)).isWaitingAt("Call_Notification", "Task_RequestFormBReports");
        assertThat(jdbc.sql("select notifier_organisation from notification where case_id = ? order by received_at")
                .param(first.caseId()).query(String.class).list())
                .containsExactly("St Elsewhere Hospital", "Metropolitan Police");
    }

    @Test
    void aMatchOnNameAndDatesConfirmedDistinctOpensItsOwnCase() {
        clockAt(LocalDateTime.of(2015, 3, 10, 19, 0)); // out of hours
        FormA withoutNhsNumber = FormAValidatorTest.with(FormAValidatorTest.with(TestForms.aNotification(),
                "nhsNumber", null), "nhsNumberAbsentReason", "Not known to the notifier");
        Notifications.Recorded first = notifications.record(withoutNhsNumber, "spoc");
        Notifications.Recorded second = notifications.record(withoutNhsNumber, "spoc");
        assertThat(second.outcome()).isEqualTo(Notifications.Outcome.POSSIBLE_DUPLICATE);
        runDueJobs();
        ProcessInstance resolution = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(second.notificationId().toString()).singleResult();
        assertThat(resolution).variables().containsEntry("matchedOn", PossibleDuplicates.ON_NAME_AND_DATES);

        clockAt(LocalDateTime.of(2015, 3, 11, 9, 30));
        complete(task("Task_ResolvePossibleDuplicate", resolution), withVariables("duplicateDecision", "distinct"));
        runDueJobs();

        String opened = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(resolution.getId()).variableName("openedCaseReference").singleResult().getValue();
        assertThat(opened).isNotEqualTo(first.caseReference()).startsWith("2014-15/");
        ProcessInstance newCase = runtimeService.createProcessInstanceQuery().processDefinitionKey("childDeathNotification")
                .processInstanceBusinessKey(opened)
                .singleResult();
        // Timed from when it was notified (out of hours), not from when the SPOC decided.
        assertThat(task("Task_AcknowledgeNotification", newCase)).hasDueDate(at(LocalDateTime.of(2015, 3, 11, 9, 0)));
        assertThat(newCase).variables().containsEntry("outOfHours", true);
    }

    private static FormA aprilDeath() {
        return FormAValidatorTest.withDates(TestForms.aNotification(), LocalDate.of(2014, 11, 2), LocalDate.of(2015, 4, 18));
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from case_file").query(Long.class).single();
    }

    @Test
    void aNeonatalDeathIsDerivedNotTyped() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA newborn = FormAValidatorTest.withDates(TestForms.aNotification(), LocalDate.of(2015, 2, 10),
                LocalDate.of(2015, 3, 9));
        Notifications.Recorded recorded = notifications.record(newborn, "spoc");
        assertThat(recorded.ageAtDeathDays()).isEqualTo(27);
        assertThat(recorded.neonatal()).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    uk.cdr.caseprocess.CaseStages caseStages;

    private ProcessInstance theCase(Notifications.Recorded recorded) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("childDeathReview")
                .processInstanceBusinessKey(recorded.caseReference()).singleResult();
    }

    private ProcessInstance process(Notifications.Recorded recorded) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("childDeathNotification")
                .processInstanceBusinessKey(recorded.caseReference())
                .singleResult();
    }

    private static int sequence(String reference) {
        return Integer.parseInt(reference.substring(reference.indexOf('/') + 1));
    }

    /** Other tests' cases share the engine and the inbox: look only at this case's emails. */
    private static MimeMessage onlyEmailAbout(Notifications.Recorded recorded, String address) {
        return onlyEmailAbout(recorded, address, "");
    }

    private static MimeMessage onlyEmailAbout(Notifications.Recorded recorded, String address, String subjectPart) {
        List<MimeMessage> messages = emailsAbout(recorded, address).stream().filter(m -> {
            try {
                return m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
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
