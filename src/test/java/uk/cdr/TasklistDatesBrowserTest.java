package uk.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;


import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.panel.PanelFixtures;
import uk.cdr.panel.PanelMeetings;
import uk.cdr.support.Browsers;
import uk.cdr.support.ProcessTest;
import uk.cdr.support.Tasklist;

/**
 * In Tasklist, in a headless Chromium whose own date order is month first (it ignores --lang for
 * that): dates typed the UK way are read day first, shown back in words, and stored as typed, in
 * the forms no role's day in {@link DayOfWorkBrowserTest} reaches: the SPOC's overdue Form B and the
 * panel's deferral. (That test types the dates and times of Form A and of every rapid response and
 * final case discussion form, and checks what is stored.) Each task links to its case.
 *
 * The answers that are not dates are put where Tasklist keeps a form's unsaved answers (local
 * storage), so the browser types only what this test is about. Tasks are opened by their address.
 */
class TasklistDatesBrowserTest extends ProcessTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    PanelMeetings meetings;

    private WebDriver browser;
    private WebDriverWait wait;
    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        tasklist = new Tasklist(browser, wait);
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) {
        if (browser != null) {
            Browsers.screenshot(browser, "tasklist-dates-" + test.getTestMethod().map(m -> m.getName()).orElse("last"));
            Browsers.release(browser);
        }
    }

    @Test
    void ukDatesInTheSpocsOverdueFormBAndThePanelsDeferral() throws Exception {
        // Monday 2 March 2020: a GP is asked for its Form B, overdue on Monday 23 March. Then both
        // 30 November 2026 and 3 April 2020 are ahead, and 03/04/2020 read month first (4 March) is past.
        LocalDateTime requested = LocalDateTime.of(2020, 3, 2, 10, 0);
        clockAt(requested);
        Notifications.Recorded gpCase = notifications.record(FormAExamples.withAgencies(List.of(new FormA.Agency(
                "High Street Surgery", "Dr Who", "gp-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example"))),
                "spoc");
        UUID requestId = agencyReports.request(gpCase.caseId(), agencyReports.suggestedAgencies(gpCase.caseId()), "spoc")
                .get(0);
        runJobsOf(requestId);
        clockAt(requested.plusDays(14));
        runJobsOf(requestId);
        clockAt(requested.plusDays(21));
        runJobsOf(requestId);
        Task overdue = taskService.createTaskQuery().processInstanceBusinessKey(requestId.toString())
                .taskDefinitionKey("Task_FormBOverdue").singleResult();

        // The SPOC extends the deadline in Tasklist.
        logIn("spoc");
        openTask(overdue, Map.of("overdueOutcome", "extend"));
        assertCaseLink(gpCase.caseReference(), "/cases/" + gpCase.caseId());
        tasklist.typeDate("New due date", "30/11/2026", "30 November 2026");
        tasklist.typeDate("New due date", "03/04/2020", "3 April 2020");
        Browsers.screenshot(browser, "tasklist-form-b-overdue-dates");
        tasklist.complete();
        runJobsOf(requestId);
        record Request(String status, OffsetDateTime dueAt) {
        }
        Request extended = jdbc.sql("select status, due_at from agency_report_request where id = ?").param(requestId)
                .query(Request.class).single();
        assertThat(extended.status()).isEqualTo("EXTENDED");
        assertThat(extended.dueAt().atZoneSameInstant(UK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2020, 4, 3, 17, 0));

        // A case at the panel's meeting of Wednesday 25 March, deferred there in Tasklist.
        Notifications.Recorded panelCase = PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(),
                this::runDueJobs);
        UUID meetingId = PanelFixtures.meetingWith(meetings, LocalDate.of(2020, 3, 25), panelCase.caseId());
        clockAt(LocalDateTime.of(2020, 3, 25, 14, 0));
        Task review = taskService.createTaskQuery().processDefinitionKey(PanelMeetings.REVIEW_PROCESS_KEY)
                .processInstanceBusinessKey(panelCase.caseReference()).taskDefinitionKey("Task_ReviewCase").singleResult();
        signOutAndLogIn("panel");
        openTask(review, Map.of("outcome", "deferred", "deferralReason", "awaiting-inquest",
                "deferralDetail", "Inquest listed for the summer"));
        assertCaseLink(panelCase.caseReference(), "/cdop/meetings/" + meetingId);
        tasklist.typeDate("Review again by", "30/11/2026", "30 November 2026");
        tasklist.typeDate("Review again by", "03/04/2020", "3 April 2020");
        Browsers.screenshot(browser, "tasklist-cdop-review-dates");
        tasklist.complete();
        assertThat(jdbc.sql("select outcome, review_by from cdop_review where case_id = ? and meeting_id = ?")
                .params(panelCase.caseId(), meetingId)
                .query((rs, row) -> List.of(rs.getString(1), rs.getObject(2, LocalDate.class))).single())
                .containsExactly("DEFERRED", LocalDate.of(2020, 4, 3));
    }

    private Task task(String reference, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
    }

    private void openTask(Task task, Map<String, Object> otherAnswers) throws Exception {
        browser.get(url("/camunda/app/tasklist/default/"));
        tasklist.waitUntilReady();
        tasklist.keepUnsavedAnswers(task.getId(), otherAnswers);
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        tasklist.claim();
    }

    private void assertCaseLink(String reference, String href) {
        assertThat(tasklist.caseLink(reference).getAttribute("href")).isEqualTo(url(href));
    }

    private void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOutAndLogIn(String user) {
        browser.manage().deleteAllCookies();
        logIn(user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
