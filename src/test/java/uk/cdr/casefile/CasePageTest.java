package uk.cdr.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.agencyreport.AgencyContact;
import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

class CasePageTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    TaskService taskService;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AgencyReports agencyReports;

    @Test
    void theCasePageShowsEverythingThatHappenedInTimeOrder() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 30));
        Task acknowledge = taskService.createTaskQuery().processInstanceBusinessKey(recorded.caseReference())
                .taskDefinitionKey("Task_AcknowledgeNotification").singleResult();
        inTasklistAs("spoc", () -> taskService.complete(acknowledge.getId(), Map.of("acknowledged", true)));

        HttpSession.Response page = loggedIn("spoc").get("/cases/" + recorded.caseId());
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains(recorded.caseReference(), "Jamie Testchild", "10 March 2015 at 10:00");
        assertThat(html).contains("Form A from Dr Ann Smith (Paediatric registrar, St Elsewhere Hospital)",
                "Child death notification " + recorded.caseReference(), "doctor@cdr.example.org",
                "“Acknowledge notification” done", "“Confirm expected or unexpected” created");
        assertThat(html.indexOf("Form A from")).isLessThan(html.indexOf("Email sent"));
        // People by their names and roles, not their logins.
        assertThat(html).containsPattern("“Acknowledge notification” done</td>\\s*<td>Sam Patel \\(Single Point of Contact\\)</td>");
        assertThat(html).contains("<span id=\"age-at-death\">4 months</span>");
        assertThat(auditLog.find(new AuditQuery("spoc", AuditAction.CASE_VIEWED, recorded.caseReference(), 5))).hasSize(1);
        assertThat(html).contains("No Form B has been requested yet.", "id=\"link-agencies\"");

        // The engine's history is cleaned up by design: the case keeps its own record of its tasks.
        engine.getHistoryService().deleteHistoricTaskInstance(acknowledge.getId());
        String afterCleanUp = loggedIn("spoc").get("/cases/" + recorded.caseId()).body();
        assertThat(afterCleanUp).containsPattern(
                "“Acknowledge notification” done</td>\\s*<td>Sam Patel \\(Single Point of Contact\\)</td>");
    }

    @Test
    void theCasePageShowsEachAgencysFormBStatus() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded recorded = notifications.record(TestForms.aNotification(), "spoc");
        onOurPagesAs("spoc", () ->
            agencyReports.request(recorded.caseId(), List.of(
                    new AgencyContact("High Street Surgery", "Dr Who", "surgery-" + recorded.caseId() + "@nhs.example"),
                    new AgencyContact("Primary school", null, "school-" + recorded.caseId() + "@school.example")), "spoc"));

        String html = loggedIn("doctor").get("/cases/" + recorded.caseId()).body();
        assertThat(html).contains("id=\"form-b-status\"", "High Street Surgery", "Primary school", "Sent",
                "10 March 2015", "31 March 2015", "Requested from High Street Surgery");
        assertThat(html).doesNotContain("id=\"link-agencies\"");
    }

    @Test
    void theDoctorAndTheNurseSeeTheCaseButThePanelDoesNot() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        uk.cdr.notification.FormA form = TestForms.aNotification();
        Notifications.Recorded recorded = notifications.record(form, "spoc");
        assertThat(loggedIn("doctor").get("/cases/" + recorded.caseId()).status()).isEqualTo(200);
        assertThat(loggedIn("panel").get("/cases/" + recorded.caseId()).status()).isEqualTo(403);
        // The nurse reads the case she offers bereavement support for; she changes nothing from it.
        String nursesView = loggedIn("nurse").get("/cases/" + recorded.caseId()).body();
        assertThat(nursesView).contains(recorded.caseReference(), form.childLastName())
                .doesNotContain("id=\"post-mortem-form\"", "id=\"link-agencies\"", "/process\"");
        assertThat(loggedIn("spoc").get("/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
