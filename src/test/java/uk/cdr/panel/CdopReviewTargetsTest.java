package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.ProcessTest;

/** The test child died on 9 March 2015: 6 months is 9 September 2015, 12 months 9 March 2016. */
class CdopReviewTargetsTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSpocIsToldAtSixMonthsAndTheChairAtTwelveWhileTheCaseIsUnreviewed() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        ProcessInstance watch = watch(c);

        clockAt(LocalDateTime.of(2015, 9, 9, 8, 59));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "6 months")).isEmpty();
        clockAt(LocalDateTime.of(2015, 9, 9, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "not yet reviewed 6 months")).hasSize(1);
        assertThat(watch).isWaitingAt("Timer_TwelveMonths");

        clockAt(LocalDateTime.of(2016, 3, 9, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "cdop-chair@cdr.example.org", "unreviewed 12 months")).hasSize(1);
        assertThat(watch).isEnded().hasPassed("Send_TwelveMonthsToChair");
    }

    @Test
    void targetsAlreadyPastWhenTheCaseWasOpenedAreFlagsNotEmails() {
        // Notified 8 months after the death (9 March 2015): the 6-month target has passed, the 12-month one has not.
        clockAt(LocalDateTime.of(2015, 11, 9, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        ProcessInstance watch = watch(c);
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "6 months")).isEmpty();
        assertThat(watch).isWaitingAt("Timer_TwelveMonths");
        clockAt(LocalDateTime.of(2016, 3, 9, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "cdop-chair@cdr.example.org", "unreviewed 12 months")).hasSize(1);

        // Notified (or imported) 13 months after the death: nothing to tell, the queue flags it.
        clockAt(LocalDateTime.of(2016, 4, 11, 10, 0));
        Notifications.Recorded late = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        assertThat(watch(late)).as("nothing left to watch").isNull();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CdopReviewTargets.PROCESS_KEY)
                .processInstanceBusinessKey(late.caseReference()).finished().count()).isEqualTo(1);
        assertThat(emailsAbout(late.caseReference(), "spoc@cdr.example.org", "6 months")).isEmpty();
        assertThat(emailsAbout(late.caseReference(), "cdop-chair@cdr.example.org", "12 months")).isEmpty();
    }

    @Test
    void aCaseReviewedInTimeTellsNobody() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        ProcessInstance watch = watch(c);
        // Closure is what the CDOP's ratification will do; here the case is closed directly.
        jdbc.sql("update case_file set status = 'CLOSED' where id = ?").param(c.caseId()).update();

        clockAt(LocalDateTime.of(2015, 9, 9, 9, 0));
        runDueJobs();
        assertThat(emailsAbout(c.caseReference(), "spoc@cdr.example.org", "6 months")).isEmpty();
        assertThat(watch).isEnded().hasPassed("End_Reviewed");
    }

    private ProcessInstance watch(Notifications.Recorded c) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CdopReviewTargets.PROCESS_KEY)
                .processInstanceBusinessKey(c.caseReference()).singleResult();
    }
}
