package uk.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

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
 * that): dates typed the UK way are read day first, shown back in words, and stored as typed;
 * times keep their minute. Each task names its case and links to it; Form A says which case it
 * opened; no Camunda 8 banner.
 *
 * The answers that are not dates are put where Tasklist keeps a form's unsaved answers (local
 * storage), so the browser types only what this test is about. Tasks are opened by their address
 * here; {@link DayOfWorkBrowserTest} opens them from My work, as the doctor does.
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
        browser = Browsers.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        tasklist = new Tasklist(browser, wait);
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) {
        if (browser != null) {
            Browsers.screenshot(browser, "tasklist-dates-" + test.getTestMethod().map(m -> m.getName()).orElse("last"));
            browser.quit();
        }
    }

    @Test
    void ukDatesAndExactTimesInEveryFormOfACaseUpToItsFinalCaseDiscussion() throws Exception {
        // Tuesday 1 December 2026: the death on 30 November is past, a meeting on 3 December ahead.
        clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
        String nhsNumber = TestForms.uniqueNhsNumber();

        // Form A, started in Tasklist by the SPOC.
        logIn("spoc");
        browser.get(url("/camunda/app/tasklist/default/"));
        tasklist.waitUntilReady();
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                .as("no 'migrate to Camunda 8' banner").isEmpty();
        tasklist.keepUnsavedAnswers("undefined", formAAnswers(nhsNumber));
        tasklist.startForm("Log a death (Form A)");
        tasklist.typeDate("Date of birth", "03/04/2020", "3 April 2020");
        // Typed month first, it is no date at all: refused, not rolled over to 11 June 2028.
        WebElement dateOfDeath = tasklist.field("Date of death");
        dateOfDeath.sendKeys("11/30/2026", Keys.TAB);
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'cdr-date-in-words') and contains(., '11/30/2026')]")));
        assertThat(refusal.getText()).contains("is not a date", "the day, then the month, then the year");
        assertThat(dateOfDeath.getAttribute("value")).isEmpty();
        tasklist.typeDate("Date of death", "30/11/2026", "30 November 2026");
        tasklist.typeTime("Time of death", "14:05");
        Browsers.screenshot(browser, "tasklist-form-a-dates");
        browser.findElement(By.xpath("//button[normalize-space()='Start']")).click();
        WebElement started = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cdr-started-case")));

        record Notified(UUID caseId, String reference, LocalDate dateOfBirth, LocalDate dateOfDeath, LocalTime timeOfDeath) {
        }
        Notified notified = jdbc.sql("""
                select c.id as case_id, c.case_reference as reference, n.date_of_birth, n.date_of_death, n.time_of_death
                from notification n join case_file c on c.id = n.case_id where n.nhs_number = ?""")
                .param(nhsNumber).query(Notified.class).single();
        assertThat(notified.dateOfBirth()).isEqualTo(LocalDate.of(2020, 4, 3));
        assertThat(notified.dateOfDeath()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(notified.timeOfDeath()).isEqualTo(LocalTime.of(14, 5));
        assertThat(started.getText()).contains("case " + notified.reference() + " is open");
        String reference = notified.reference();

        // The doctor classifies the death unexpected and convenes a rapid response meeting.
        inTasklistAs("doctor", () -> taskService.complete(task(reference, "Task_ConfirmExpectedOrUnexpected").getId(),
                Map.of("deathClassification", "unexpected")));
        runDueJobs();

        // The doctor records the initial information sharing: the rapid response started out of hours
        // on 1 December (12 January, read month first, would have been accepted too).
        signOutAndLogIn("doctor");
        openTask(task(reference, "Task_InitialInformationSharing"), Map.of("startedEarlier", true,
                "participants", "Police: DS Jones", "agreed", "Home visit today", "homeVisit", "yes",
                "referredToSocialCare", "no", "conveneMeeting", "yes"));
        assertCaseLink(reference, "/cases/" + notified.caseId());
        tasklist.typeDate("If so, the date it started", "30/11/2026", "30 November 2026");
        tasklist.typeDate("If so, the date it started", "01/12/2026", "1 December 2026");
        tasklist.complete();
        assertThat(jdbc.sql("select started_at from rapid_response where case_id = ?").param(notified.caseId())
                .query(OffsetDateTime.class).single().atZoneSameInstant(UK).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        runDueJobs();

        // The nurse records the bereavement support offered.
        Task bereavement = task(reference, "Task_BereavementSupport");
        signOutAndLogIn("nurse");
        openTask(bereavement, Map.of("bereavementSupport", "accepted"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Bereavement support · " + reference);
        assertCaseLink(reference, "/cases/" + notified.caseId());
        tasklist.typeDate("Date offered", "30/11/2026", "30 November 2026");
        tasklist.typeDate("Date offered", "01/12/2026", "1 December 2026");
        tasklist.complete();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(bereavement.getProcessInstanceId()).variableName("bereavementSupportOfferedOn")
                .singleResult().getValue()).asString().startsWith("2026-12-01");

        // The doctor schedules the meeting: a date typed month first would be 12 March, in the past.
        Task schedule = task(reference, "Task_ScheduleMeeting");
        signOutAndLogIn("doctor");
        openTask(schedule, Map.of("meetingPlace", "Children's Centre, room 2", "invitees", "police@cdr.example.org"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Schedule the rapid response meeting · " + reference);
        assertCaseLink(reference, "/cases/" + notified.caseId());
        tasklist.typeDate("Date", "30/11/2026", "30 November 2026");
        tasklist.typeDate("Date", "03/12/2026", "3 December 2026");
        tasklist.typeTime("Time", "14:05");
        Browsers.screenshot(browser, "tasklist-schedule-meeting-dates");
        tasklist.complete();
        runDueJobs();
        OffsetDateTime meetingAt = jdbc.sql("select scheduled_at from case_meeting where case_id = ?")
                .param(notified.caseId()).query(OffsetDateTime.class).single();
        assertThat(meetingAt.atZoneSameInstant(UK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 14, 5));

        // Friday 4 December: the meeting was held; the doctor goes ahead without the post-mortem results
        // and convenes the final case discussion on Monday 7 December (read month first: 12 July, past).
        clockAt(LocalDateTime.of(2026, 12, 4, 9, 0));
        runDueJobs();
        inTasklistAs("doctor", () -> taskService.complete(task(reference, "Task_RecordMeetingOutcome").getId(),
                Map.of("attendees", "Police: DS Jones", "scrCriteriaMayBeMet", "no")));
        runDueJobs();
        Task awaiting = task(reference, "Task_AwaitPostMortemResults");
        if (awaiting != null) {
            inTasklistAs("doctor", () -> taskService.complete(awaiting.getId(),
                    Map.of("proceedReason", "The pathologist's interim findings are enough")));
            runDueJobs();
        }
        openTask(task(reference, "Task_PlanFinalCaseDiscussion"), Map.of("convene", "yes",
                "meetingPlace", "Children's Centre, room 2", "invitees", "police@cdr.example.org"));
        assertCaseLink(reference, "/cases/" + notified.caseId());
        tasklist.typeDate("Date", "30/11/2026", "30 November 2026");
        tasklist.typeDate("Date", "07/12/2026", "7 December 2026");
        tasklist.typeTime("Time", "14:05");
        tasklist.complete();
        OffsetDateTime discussionAt = jdbc.sql("select scheduled_at from case_meeting where case_id = ? and kind = ?")
                .params(notified.caseId(), "FINAL_CASE_DISCUSSION").query(OffsetDateTime.class).single();
        assertThat(discussionAt.atZoneSameInstant(UK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 7, 14, 5));
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

    private Map<String, Object> formAAnswers(String nhsNumber) {
        return Map.ofEntries(Map.entry("notifierName", "Dr Ann Smith"), Map.entry("notifierRole", "Paediatric registrar"),
                Map.entry("notifierOrganisation", "St Elsewhere Hospital"), Map.entry("notifierEmail", "ann.smith@nhs.example"),
                Map.entry("childFirstName", "Robin"), Map.entry("childLastName", "Datechild" + nhsNumber.substring(6)),
                Map.entry("sex", "female"), Map.entry("nhsNumber", nhsNumber), Map.entry("ethnicity", "white-british"),
                Map.entry("placeOfDeath", "home"), Map.entry("notifiedExpected", "unexpected"),
                Map.entry("circumstances", "Found unresponsive in the morning."), Map.entry("postMortemRequired", "yes"),
                Map.entry("coronerInformed", "yes"));
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
