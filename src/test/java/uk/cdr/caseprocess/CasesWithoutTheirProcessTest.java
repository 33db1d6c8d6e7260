package uk.cdr.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.ProcessTest;

/**
 * A database from before a case had its own process: an open case whose stages were started on
 * their own. At start-up it gets its process where its records say, and the stray stage ends; a
 * case whose process was cancelled on purpose is left stopped for the SPOC.
 */
class CasesWithoutTheirProcessTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    CasesWithoutTheirProcess atStartUp;

    @Autowired
    CaseProcess caseProcess;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpenCaseFromAnEarlierVersionGetsItsProcessAndItsStrayStageEnds() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded old = notifications.record(TestForms.aNotification(), "spoc");
        Notifications.Recorded cancelled = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        // As an earlier version left them: no case process, the notification stage started on its own.
        runtimeService.deleteProcessInstance(caseProcess.running(old.caseReference()).orElseThrow().getId(), "test",
                true);
        jdbc.sql("delete from case_stage where case_id = ?").param(old.caseId()).update();
        jdbc.sql("update case_file set process_instance_id = null where id = ?").param(old.caseId()).update();
        ProcessInstance stray = runtimeService.startProcessInstanceByKey("childDeathNotification", old.caseReference(),
                Map.of("caseId", old.caseId().toString(), "caseReference", old.caseReference(),
                        "notifiedAt", new Date(), "outOfHours", false, "notifiedExpected", "unexpected",
                        "placeOfDeath", "hospital-emergency-department", "neonatal", false));
        // Cancelled on purpose through Cockpit: stays stopped.
        runtimeService.deleteProcessInstance(caseProcess.running(cancelled.caseReference()).orElseThrow().getId(),
                "cancelled by the administrator");

        atStartUp.run(null);

        assertThat(stray).isEnded();
        ProcessInstance adopted = caseProcess.running(old.caseReference()).orElseThrow();
        assertThat(adopted).isWaitingAt("Call_Notification", "Task_RequestFormBReports");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(old.caseReference())
                .processDefinitionKey("childDeathNotification").superProcessInstanceId(adopted.getId()).count())
                .as("its notification stage is now its child").isEqualTo(1);
        assertThat(caseProcess.running(cancelled.caseReference())).isEmpty();

        atStartUp.run(null);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CaseProcess.PROCESS_KEY)
                .processInstanceBusinessKey(old.caseReference()).count()).as("once only").isEqualTo(1);
    }
}
