package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.ProcessTest;

/**
 * The review targets are timers on the open case (bpmn/child-death-review.bpmn). The test child
 * died on 9 March 2015: 6 months is 9 September 2015, 12 months 9 March 2016.
 */
class CdopReviewTargetsTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    CaseProcess caseProcess;

    @Test
    void theSpocIsToldAtSixMonthsAndTheChairAtTwelveWhileTheCaseIsOpen() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        ProcessInstance theCase = caseProcess(c.caseReference());

        clockAt(LocalDateTime.of(2015, 9, 9, 8, 59));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "6 months")).isEmpty();
        clockAt(LocalDateTime.of(2015, 9, 9, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "not yet reviewed 6 months")).hasSize(1);
        assertThat(theCase).hasPassed("Send_SixMonthsToSpoc").isNotEnded();

        clockAt(LocalDateTime.of(2016, 3, 9, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "cdop-chair@cdr.example.org", "unreviewed 12 months")).hasSize(1);
        assertThat(theCase).hasPassed("Send_TwelveMonthsToChair").isNotEnded();
    }

    /** docs/import.md: an old open case is already past both, and the SPOC and then the chair hear at once. */
    @Test
    void targetsAlreadyPastWhenTheCaseIsOpenedAreToldAtOnce() {
        clockAt(LocalDateTime.of(2016, 4, 11, 10, 0));
        Notifications.Recorded late = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        assertThat(emailsAbout(late.caseReference(), "spoc@cdr.example.org", "not yet reviewed 6 months")).hasSize(1);
        assertThat(emailsAbout(late.caseReference(), "cdop-chair@cdr.example.org", "unreviewed 12 months")).hasSize(1);
    }

    /** A case reopened after its review met its targets then: its new run in the queue tells nobody. */
    @Test
    void aReopenedCaseIsNotToldItsTargetsAgain() {
        clockAt(LocalDateTime.of(2016, 4, 11, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        runtimeService.deleteProcessInstance(caseProcess(c.caseReference()).getId(), "test: a new run follows");
        ProcessInstance reopened = runtimeService.createProcessInstanceQuery()
                .processInstanceId(caseProcess.startAt(c.caseId(), true,
                        List.of(CaseProcess.StartPoint.before(CaseProcess.READY_FOR_CDOP))))
                .singleResult();
        int toldBefore = emailsAbout(c.caseReference(), "spoc@cdr.example.org", "6 months").size();
        runDueJobs();
        assertThat(reopened).hasPassed("End_TargetMetAtSixMonths", "End_TargetMetAtTwelveMonths")
                .isWaitingAt(CaseProcess.READY_FOR_CDOP);
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "6 months")).hasSize(toldBefore);
    }

    private ProcessInstance caseProcess(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CaseProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).active().singleResult();
    }
}
