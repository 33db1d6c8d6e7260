package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.agencyreport.AgencyContact;
import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 13: every way a case can be stopped in the middle leaves it where a person sees it and can
 * act. (A stage cancelled on its own is refused: FinalCaseDiscussionProcessTest; an incident shows
 * on the case page: MailOutageTest; a reopened case is in the queue: CdopReviewProcessTest; a
 * duplicate merged away leaves its case as it was: NotificationProcessTest.)
 */
class StoppedInTheMiddleTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    CdopQueue queue;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aCaseWhoseProcessIsCancelledInCockpitShowsAsStoppedAndTheSpocRestartsIt() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        HttpSession admin = browser().withBasicAuth("admin", DEMO_PASSWORD);
        assertThat(admin.send("DELETE", "/engine-rest/process-instance/" + theCase(c).getId(), null, null, Map.of())
                .status()).as("the administrator cancels the whole case").isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c.caseReference()).count())
                .as("its stages ended with it").isZero();

        assertThat(queue.queued(c.caseId()).orElseThrow().state()).isEqualTo(QueueState.STOPPED);
        HttpSession spocPages = loggedIn("spoc");
        assertThat(spocPages.get("/cases/" + c.caseId()).body()).contains("No step of this case is running",
                "Restart the case at the stage its records show");
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        assertThat(browser().withBasicAuth("doctor", DEMO_PASSWORD).postJson(process(c), "{}").status()).isEqualTo(403);
        assertThat(spoc.postJson(process(c), "{}").status()).isEqualTo(204);

        assertThat(theCase(c)).isWaitingAt("Call_Notification", "Task_RequestFormBReports");
        assertThat(queue.queued(c.caseId()).orElseThrow().state()).isEqualTo(QueueState.WAITING_FOR_CLASSIFICATION);
        assertThat(spocPages.get("/cases/" + c.caseId()).body()).contains("Where it is now",
                "Awaiting the Designated Doctor").doesNotContain("No step of this case is running");
        assertThat(spoc.postJson(process(c), "{}").status()).as("running: nothing to restart").isEqualTo(409);
        assertThat(spoc.postJson("/api/cases/" + UUID.randomUUID() + "/process", "{}").status()).isEqualTo(404);
    }

    @Test
    void withdrawingTheLastMissingFormBSendsTheCaseToTheCdop() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        PanelFixtures.as(engine, "doctor", "designated-doctor", () -> engine.getTaskService().complete(
                PanelFixtures.task(engine, c, "Task_ConfirmExpectedOrUnexpected"), Map.of("deathClassification", "expected")));
        String email = "withdrawn-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        onOurPagesAs("spoc", () -> agencyReports.request(c.caseId(), List.of(new AgencyContact("School", null, email)), "spoc"));
        runDueJobs();
        assertThat(queue.queued(c.caseId()).orElseThrow().state()).isEqualTo(QueueState.WAITING_FOR_FORM_B);

        clockAt(LocalDateTime.of(2015, 4, 2, 10, 0));
        runDueJobs();
        String overdue = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_FormBOverdue")
                .processVariableValueEquals("caseReference", c.caseReference()).singleResult().getId();
        PanelFixtures.as(engine, "spoc", "spoc", () -> engine.getTaskService().complete(overdue, Map.of("overdueOutcome", "withdraw")));
        runDueJobs();

        assertThat(queue.queued(c.caseId()).orElseThrow().state()).isEqualTo(QueueState.READY_FOR_REVIEW);
        assertThat(theCase(c)).isWaitingAt(CaseProcess.READY_FOR_CDOP);
    }

    private ProcessInstance theCase(Notifications.Recorded c) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CaseProcess.PROCESS_KEY)
                .processInstanceBusinessKey(c.caseReference()).active().singleResult();
    }


    private static String process(Notifications.Recorded c) {
        return "/api/cases/" + c.caseId() + "/process";
    }
}
