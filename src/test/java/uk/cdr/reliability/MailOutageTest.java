package uk.cdr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;
import uk.cdr.support.SharedMailServer;

/**
 * The mail server is down while deaths are notified: the Designated Doctor's alerts are retried on
 * their cycle (R5/PT2M), then become incidents; the case page shows them as not sent. Once the
 * server is back and the incidents are retried, every alert is delivered, once.
 */
class MailOutageTest extends ProcessTest {

    private static final String DOCTOR = "doctor@cdr.example.org";

    @Autowired
    Notifications notifications;

    @AfterEach
    void mailServerBack() {
        if (!SharedMailServer.instance().isRunning()) {
            SharedMailServer.startAgain();
        }
    }

    @Test
    void alertsSentDuringAnOutageAreRetriedThenIncidentsThenDeliveredOnceWhenRetried() throws Exception {
        LocalDateTime now = LocalDateTime.of(2015, 3, 10, 10, 0);
        clockAt(now);
        SharedMailServer.stop();
        List<Notifications.Recorded> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(notifications.record(TestForms.aNotification(), "spoc"));
        }
        int attempts = 0;
        for (int round = 0; round < 8; round++) {
            attempts += runAlertJobsOf(cases);
            now = now.plusMinutes(2);
            clockAt(now);
        }
        List<Job> alerts = alertJobs(cases);
        assertThat(alerts).hasSize(3).allSatisfy(job -> assertThat(job.getRetries()).isZero());
        for (Job alert : alerts) {
            assertThat(engine.getRuntimeService().createIncidentQuery().configuration(alert.getId()).count())
                    .as("an incident for the failed alert").isEqualTo(1);
        }
        assertThat(attempts).as("each alert tried on its retry cycle, then left as an incident").isEqualTo(3 * 5);

        HttpSession spoc = loggedIn("spoc");
        String page = spoc.get("/cases/" + cases.get(0).caseId()).body();
        assertThat(page).contains("Emails not sent yet", "failed after every retry (the mail server could not be reached)")
                .doesNotContain("refused");

        SharedMailServer.startAgain();
        // What an administrator does from the incident in Cockpit: retry.
        alerts.forEach(job -> engine.getManagementService().setJobRetries(job.getId(), 1));
        runAlertJobsOf(cases);
        for (Notifications.Recorded c : cases) {
            assertThat(emailsAbout(c.caseReference(), DOCTOR, "Child death notification")).hasSize(1);
        }
        assertThat(alertJobs(cases)).isEmpty();
        assertThat(spoc.get("/cases/" + cases.get(0).caseId()).body()).doesNotContain("Emails not sent yet");
        System.out.printf("Mail outage: 3 alerts, %d failed attempts, 3 incidents; after the retry 3 delivered, 0 duplicates%n",
                attempts);
    }

    /** Only this test's jobs: the shared database holds other tests' jobs too. */
    private int runAlertJobsOf(List<Notifications.Recorded> cases) {
        int failures = 0;
        for (Job job : alertJobs(cases)) {
            if (job.getRetries() == 0 || job.getDuedate() != null && job.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
                continue;
            }
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException e) {
                failures++;
            }
        }
        return failures;
    }

    private List<Job> alertJobs(List<Notifications.Recorded> cases) {
        List<Job> jobs = new ArrayList<>();
        for (Notifications.Recorded c : cases) {
            ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(c.caseReference()).singleResult();
            engine.getManagementService().createJobQuery().processInstanceId(notification.getId()).list().stream()
                    .filter(job -> "Send_DesignatedDoctorAlert".equals(engine.getManagementService().createJobDefinitionQuery()
                            .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
                    .forEach(jobs::add);
        }
        return jobs;
    }
}
