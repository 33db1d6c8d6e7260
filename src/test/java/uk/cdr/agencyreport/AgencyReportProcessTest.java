package uk.cdr.agencyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static uk.cdr.agencyreport.FormBFixtures.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.support.ProcessTest;

/** One Form B request through its life: sent, reminded at 14 days, overdue at 21, chased, extended, withdrawn, returned. */
class AgencyReportProcessTest extends ProcessTest {

    static final LocalDateTime REQUESTED = LocalDateTime.of(2015, 3, 10, 10, 0);

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    FormBReturns returns;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    uk.cdr.panel.CdopQueue cdopQueue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    record Requested(Notifications.Recorded recorded, UUID requestId, String email, ProcessInstance process) {
    }

    private Requested requested() {
        clockAt(REQUESTED);
        String email = uniqueEmail("gp");
        Notifications.Recorded recorded = notifications.record(
                FormAExamples.withAgencies(List.of(new FormA.Agency("High Street Surgery", "Dr Who", email))), "spoc");
        List<UUID> ids = agencyReports.request(recorded.caseId(), agencyReports.suggestedAgencies(recorded.caseId()), "spoc");
        assertThat(ids).hasSize(1);
        ProcessInstance process = process(ids.get(0));
        assertThat(process).isWaitingAt("Send_FormBRequest");
        runJobsOf(process);
        return new Requested(recorded, ids.get(0), email, process);
    }

    @Test
    void theAgencyGetsItsLinkAndReturnsFormBOnTime() {
        Requested r = requested();

        List<MimeMessage> emails = emailsTo(r.email());
        assertThat(emails).hasSize(1);
        MimeMessage request = emails.get(0);
        assertThat(subject(request)).contains(r.recorded().caseReference()).doesNotContain("Jamie", "Doe");
        assertThat(body(request)).contains(r.recorded().caseReference(), "High Street Surgery", "Due by: 31 March 2015",
                "Dear Dr Who", "http://localhost:8080/form-b/").doesNotContain("Jamie", "Doe", "4010232137");
        assertThat(r.process()).isWaitingAt("Timer_FormBOverdue");
        assertThat(status(r)).isEqualTo("SENT");
        assertThat(jdbc.sql("select token_hash from agency_report_request where id = ?").param(r.requestId())
                .query(String.class).single()).isEqualTo(FormBTokens.hash(tokenIn(request)))
                .doesNotContain(tokenIn(request));

        clockAt(REQUESTED.plusDays(5));
        returns.submit(tokenIn(request), validAnswers());

        assertThat(r.process()).isEnded().hasPassed("End_FormBReturned");
        FormBStatus status = agencyReports.forCase(r.recorded().caseId()).get(0);
        assertThat(status.status()).isEqualTo("RETURNED");
        assertThat(status.returnedAt()).isEqualTo(at(REQUESTED.plusDays(5)).toInstant().atOffset(status.returnedAt().getOffset()));
        assertThat(returns.answers(r.requestId())).hasValueSatisfying(a -> assertThat(a)
                .containsEntry("reporterName", "Dr Gee Pee").containsEntry("familyAndEnvironment", "not-known")
                .containsEntry("firstContactDate", LocalDate.of(2014, 11, 10)));
        assertThat(auditLog.find(new AuditQuery(null, AuditAction.FORM_B_RETURNED, r.recorded().caseReference(), 5)))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("agency:" + r.email()));
        assertThatThrownBy(() -> returns.open(tokenIn(request))).isInstanceOf(LinkNotValid.class);
    }

    @Test
    void at14DaysTheAgencyIsRemindedWithAFreshLinkThatReplacesTheFirst() {
        Requested r = requested();
        String first = latestToken(r.email());

        clockAt(REQUESTED.plusDays(14).minusMinutes(1));
        runJobsOf(r.process());
        assertThat(emailsTo(r.email())).hasSize(1);

        clockAt(REQUESTED.plusDays(14));
        runJobsOf(r.process());
        List<MimeMessage> emails = emailsTo(r.email());
        assertThat(emails).hasSize(2);
        assertThat(subject(emails.get(1))).startsWith("Reminder").contains(r.recorded().caseReference());
        assertThat(body(emails.get(1))).contains("Due by: 31 March 2015", "High Street Surgery");
        assertThat(status(r)).isEqualTo("REMINDED");
        assertThat(agencyReports.forCase(r.recorded().caseId()).get(0).remindedAt()).isNotNull();
        assertThat(r.process()).isWaitingAt("Timer_FormBOverdue");

        String second = tokenIn(emails.get(1));
        assertThatThrownBy(() -> returns.open(first)).isInstanceOf(LinkNotValid.class);
        assertThat(returns.open(second).caseReference()).isEqualTo(r.recorded().caseReference());
    }

    @Test
    void at21DaysTheSpocGetsAnOverdueTask() {
        Requested r = overdue();
        assertThat(task("Task_FormBOverdue", r.process())).hasCandidateGroup("spoc");
        assertThat(status(r)).isEqualTo("OVERDUE");
        assertThat(jdbc.sql("select overdue_at from agency_report_request where id = ?").param(r.requestId())
                .query(OffsetDateTime.class).single()).isNotNull();
    }

    @Test
    void chasingSendsTheReminderAgainAndGivesSevenMoreDays() {
        Requested r = overdue();
        complete(task("Task_FormBOverdue", r.process()), withVariables("overdueOutcome", "chase"));
        runJobsOf(r.process());

        assertThat(r.process()).isWaitingAt("Timer_FormBOverdueAgain");
        FormBStatus status = agencyReports.forCase(r.recorded().caseId()).get(0);
        assertThat(status.status()).isEqualTo("REMINDED");
        assertThat(status.dueAt().toInstant()).isEqualTo(at(REQUESTED.plusDays(28)).toInstant());
        List<MimeMessage> emails = emailsTo(r.email());
        assertThat(emails).hasSize(3); // request, 14-day reminder, chase: each really sent
        assertThat(subject(emails.get(2))).startsWith("Reminder");
        assertThat(body(emails.get(2))).contains("Due by: 7 April 2015");

        clockAt(REQUESTED.plusDays(28));
        runJobsOf(r.process());
        assertThat(r.process()).isWaitingAt("Task_FormBOverdue");
        assertThat(status(r)).isEqualTo("OVERDUE");
    }

    @Test
    void extendingGivesTheSpocsDueDateAndALateReturnIsStillTaken() {
        Requested r = overdue();
        complete(task("Task_FormBOverdue", r.process()),
                withVariables("overdueOutcome", "extend", "newDueDate", "2015-04-20"));
        runJobsOf(r.process());

        assertThat(r.process()).isWaitingAt("Timer_FormBOverdueAgain");
        FormBStatus status = agencyReports.forCase(r.recorded().caseId()).get(0);
        assertThat(status.status()).isEqualTo("EXTENDED");
        assertThat(status.dueAt().toInstant()).isEqualTo(at(LocalDateTime.of(2015, 4, 20, 17, 0)).toInstant());
        assertThat(auditLog.find(new AuditQuery(null, AuditAction.FORM_B_EXTENDED, r.recorded().caseReference(), 5)))
                .hasSize(1);

        clockAt(LocalDateTime.of(2015, 4, 15, 9, 0));
        returns.submit(latestToken(r.email()), validAnswers());
        assertThat(r.process()).isEnded().hasPassed("End_FormBReturned");
        assertThat(status(r)).isEqualTo("RETURNED");
    }

    @Test
    void anExtensionNeedsADateAfterToday() {
        Requested r = overdue();
        String taskId = task("Task_FormBOverdue", r.process()).getId();
        assertThatThrownBy(() -> taskService.complete(taskId, withVariables("overdueOutcome", "extend")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("newDueDate");
        assertThatThrownBy(() -> taskService.complete(taskId,
                withVariables("overdueOutcome", "extend", "newDueDate", "2015-03-01")))
                .hasMessageContaining("after today");
        assertThatThrownBy(() -> taskService.complete(taskId, withVariables("overdueOutcome", "forget")))
                .hasMessageContaining("chase, extend, withdraw");
        assertThat(r.process()).isWaitingAt("Task_FormBOverdue");
    }

    @Test
    void withdrawingEndsTheRequestAndItsLink() {
        Requested r = overdue();
        String token = latestToken(r.email());
        complete(task("Task_FormBOverdue", r.process()), withVariables("overdueOutcome", "withdraw"));
        runJobsOf(r.process());

        assertThat(r.process()).isEnded().hasPassed("End_FormBWithdrawn");
        assertThat(status(r)).isEqualTo("WITHDRAWN");
        assertThatThrownBy(() -> returns.open(token)).isInstanceOf(LinkNotValid.class);
        assertThatThrownBy(() -> agencyReports.resendLink(r.requestId(), "spoc")).isInstanceOf(RequestClosed.class);
    }

    /** Issue 13 finding: the return found no waiting state while a job was due, and the request went overdue anyway. */
    @Test
    void aFormBReturnedWhileTheOverdueStepIsAboutToRunIsNeverLost() {
        Requested r = requested();
        clockAt(REQUESTED.plusDays(14));
        runJobsOf(r.process());
        clockAt(REQUESTED.plusDays(21));
        // The due date's timer fires: the overdue step is now a job waiting to run.
        Job timer = managementService.createJobQuery().processInstanceId(r.process().getId()).timers().executable()
                .singleResult();
        managementService.executeJob(timer.getId());
        assertThat(r.process()).isWaitingAt("Record_FormBOverdue");

        returns.submit(latestToken(r.email()), validAnswers());

        assertThat(r.process()).isEnded().hasPassed("End_FormBReturned").hasNotPassed("Task_FormBOverdue");
        assertThat(status(r)).isEqualTo("RETURNED");
        assertThat(managementService.createJobQuery().processInstanceId(r.process().getId()).count()).isZero();
    }

    /**
     * Issue 13 finding: going on without the missing Form Bs left them open, so their links still
     * worked after the case closed and they went overdue, giving the SPOC tasks for closed cases.
     */
    @Test
    void goingOnWithoutTheMissingFormBsWithdrawsThemAndEndsTheirProcesses() {
        Requested r = requested();
        String token = latestToken(r.email());
        onOurPagesAs("spoc", () -> cdopQueue.proceedWithoutFormBs(r.recorded().caseId(), "Surgery closed; panel agreed", "spoc"));
        runDueJobs();

        assertThat(r.process()).isEnded();
        assertThat(status(r)).isEqualTo("WITHDRAWN");
        assertThatThrownBy(() -> returns.open(token)).isInstanceOf(LinkNotValid.class);
        clockAt(REQUESTED.plusDays(30));
        runDueJobs();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(r.requestId().toString()).count())
                .as("no overdue task for the SPOC").isZero();
        assertThat(emailsTo(r.email())).as("only the first link, no reminder").hasSize(1);
        // Nothing left to go on without: the SPOC is told, and nothing changes.
        assertThatThrownBy(() -> cdopQueue.proceedWithoutFormBs(r.recorded().caseId(), "again", "spoc"))
                .hasMessageContaining("not waiting for Form Bs");
    }

    @Test
    void aFormBReturnedWhileTheSpocDecidesEndsTheTask() {
        Requested r = overdue();
        returns.submit(latestToken(r.email()), validAnswers());
        assertThat(r.process()).isEnded().hasPassed("End_FormBReturned");
        assertThat(taskService.createTaskQuery().processInstanceId(r.process().getId()).count()).isZero();
    }

    @Test
    void aResentLinkIsReallySentAndTheOldOneStopsWorking() {
        Requested r = requested();
        String old = latestToken(r.email());
        clockAt(REQUESTED.plusDays(3));
        agencyReports.resendLink(r.requestId(), "spoc");
        runJobsOf(r.process());
        agencyReports.resendLink(r.requestId(), "spoc");
        runJobsOf(r.process());

        List<MimeMessage> emails = emailsTo(r.email());
        assertThat(emails).hasSize(3);
        assertThat(subject(emails.get(1))).startsWith("New link").contains(r.recorded().caseReference());
        assertThatThrownBy(() -> returns.open(old)).isInstanceOf(LinkNotValid.class);
        assertThatThrownBy(() -> returns.open(tokenIn(emails.get(1)))).isInstanceOf(LinkNotValid.class);
        assertThat(returns.open(tokenIn(emails.get(2))).requestId()).isEqualTo(r.requestId());
        assertThat(r.process()).isWaitingAt("Timer_FormBOverdue");
    }

    @Test
    void anAgencyFoundLaterIsAskedLikeTheOthers() {
        Requested r = requested();
        clockAt(REQUESTED.plusDays(2));
        String school = uniqueEmail("school");
        UUID id = agencyReports.addAgency(r.recorded().caseId(), new AgencyContact("Primary school", null, school), "spoc");
        runJobsOf(process(id));

        assertThat(agencyReports.forCase(r.recorded().caseId())).extracting(FormBStatus::agency)
                .containsExactly("High Street Surgery", "Primary school");
        assertThat(body(emailsTo(school).get(0))).contains("Dear colleague", "Primary school", "Due by: 2 April 2015");
        assertThatThrownBy(() -> agencyReports.addAgency(r.recorded().caseId(), new AgencyContact("", null, "nope"), "spoc"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("agency", "contactEmail"));
    }

    @Test
    void requestingCompletesTheCasesRequestFormBReportsTask() {
        clockAt(REQUESTED);
        Notifications.Recorded recorded = notifications.record(FormAExamples.valid(), "spoc");
        ProcessInstance theCase = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(recorded.caseReference()).processDefinitionKey("childDeathReview")
                .singleResult();
        assertThat(theCase).isWaitingAt("Task_RequestFormBReports");

        List<UUID> ids = new java.util.ArrayList<>();
        onOurPagesAs("spoc", () -> ids.addAll(agencyReports.request(recorded.caseId(),
                List.of(new AgencyContact("Police", "DC Jones", uniqueEmail("police"))), "spoc")));
        // The case's process asks the agency: the request's process is its child, keyed by the request.
        assertThat(theCase).hasPassed("Task_RequestFormBReports").isWaitingAt("Call_AgencyReportRequests")
                .variables().containsEntry("formBRequestCount", 1);
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(theCase.getId())
                .processDefinitionKey(AgencyReportVariables.PROCESS_KEY).singleResult().getBusinessKey())
                .isEqualTo(ids.get(0).toString());
    }

    @Test
    void theFormAAgenciesAreSuggestedOnce() {
        clockAt(REQUESTED);
        Notifications.Recorded recorded = notifications.record(FormAExamples.withAgencies(List.of(
                new FormA.Agency("GP", "Dr Who", "gp@nhs.example"), new FormA.Agency("Police", null, null),
                new FormA.Agency("gp", "Dr Who", "GP@nhs.example"))), "spoc");
        assertThat(agencyReports.suggestedAgencies(recorded.caseId())).containsExactly(
                new AgencyContact("GP", "Dr Who", "gp@nhs.example"), new AgencyContact("Police", null, null));
        assertThatThrownBy(() -> agencyReports.request(recorded.caseId(), agencyReports.suggestedAgencies(recorded.caseId()), "spoc"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("agencies[1].contactEmail", "is required: the link goes to this address")));
        assertThat(agencyReports.forCase(recorded.caseId())).isEmpty();
    }

    private Requested overdue() {
        Requested r = requested();
        clockAt(REQUESTED.plusDays(14));
        runJobsOf(r.process());
        clockAt(REQUESTED.plusDays(21).minusMinutes(1));
        runJobsOf(r.process());
        assertThat(r.process()).isWaitingAt("Timer_FormBOverdue");
        clockAt(REQUESTED.plusDays(21));
        runJobsOf(r.process());
        assertThat(r.process()).isWaitingAt("Task_FormBOverdue");
        return r;
    }

    private String status(Requested r) {
        return jdbc.sql("select status from agency_report_request where id = ?").param(r.requestId())
                .query(String.class).single();
    }

    private ProcessInstance process(UUID requestId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId.toString())
                .processDefinitionKey(AgencyReportVariables.PROCESS_KEY).singleResult();
    }

    /** Only this request's jobs: other tests' processes share the engine and would fire as the clock moves. */
    private void runJobsOf(ProcessInstance process) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(process.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }
}
