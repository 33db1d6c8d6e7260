package uk.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.panel.PanelFixtures;
import uk.cdr.support.Axe;
import uk.cdr.support.Browsers;
import uk.cdr.support.ProcessTest;
import uk.cdr.support.Tasklist;

/**
 * A day's work of each role in Chromium, from the home page on, moving only by what the person
 * clicks (the navigation bar, My work, the case list, links on the pages), with axe-core at no
 * violation on every page of the app it reaches (Camunda's own Tasklist is not ours to check).
 * What is not the role's own work is done by fixtures. One browser per role.
 *
 * Every Tasklist form of a case up to its final case discussion is filled here with dates typed the
 * UK way (30/11/2026, 03/04/2020) and times to the minute (14:05), in a headless Chromium whose own
 * date order is month first, and the stored values are checked; {@link TasklistDatesBrowserTest}
 * does the same for the SPOC's overdue Form B and the panel's deferral.
 */
class DayOfWorkBrowserTest extends ProcessTest {

    private static final Pattern REFERENCE = Pattern.compile("\\d{4}-\\d{2}/\\d{3,}");
    private static final Pattern DATE_IN_WORDS = Pattern.compile("\\d{1,2} (January|February|March|April|May|June|July"
            + "|August|September|October|November|December) \\d{4}");

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        tasklist = new Tasklist(browser, wait);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            Browsers.screenshot(browser, "day-of-work-" + test.getTestMethod().map(m -> m.getName()).orElse("last"));
            Browsers.release(browser);
        }
    }

    @Test
    void theSpocLogsTwoDeathsFindsThemAndSeesTheirTasks() {
        clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
        String unique = TestForms.uniqueNhsNumber();
        String appChild = "Dayapp" + unique.substring(5);
        String tasklistChild = "Daytasklist" + unique.substring(5);

        logIn("spoc");
        Axe.check(browser);

        // Form A on the app's own page, dates typed day first.
        click("nav-log-a-death");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nhsNumber"))).sendKeys(TestForms.uniqueNhsNumber());
        Browsers.typeDate(browser, "dateOfBirth", "03", "04", "2020");
        Browsers.typeDate(browser, "dateOfDeath", "30", "11", "2026");
        type("timeOfDeath", "14:05");
        fillTheRestOfFormA(appChild);
        Axe.check(browser);
        click("save");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        String appReference = text(By.id("case-reference"));
        assertThat(appReference).matches(REFERENCE);
        assertThat(text(By.id("child-name"))).isEqualTo("Robin " + appChild);
        assertThat(text(By.id("date-of-death"))).isEqualTo("30 November 2026");
        Axe.check(browser);

        // Form A in Tasklist: the answers that are not dates are kept as unsaved ones, the dates typed.
        click("nav-tasklist");
        tasklist.waitUntilReady();
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                .as("no 'migrate to Camunda 8' banner").isEmpty();
        String tasklistNhsNumber = TestForms.uniqueNhsNumber();
        tasklist.keepUnsavedAnswers("undefined", formAInTasklist(tasklistNhsNumber, tasklistChild));
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
        browser.findElement(By.xpath("//button[normalize-space()='Start']")).click();
        WebElement started = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cdr-started-case")));
        Matcher opened = REFERENCE.matcher(started.getText());
        assertThat(opened.find()).as(started.getText()).isTrue();
        String tasklistReference = opened.group();
        assertThat(started.getText()).contains("case " + tasklistReference + " is open");
        record Notified(String reference, LocalDate dateOfBirth, LocalDate dateOfDeath, LocalTime timeOfDeath) {
        }
        assertThat(jdbc.sql("""
                select c.case_reference as reference, n.date_of_birth, n.date_of_death, n.time_of_death
                from notification n join case_file c on c.id = n.case_id where n.nhs_number = ?""")
                .param(tasklistNhsNumber).query(Notified.class).single())
                .isEqualTo(new Notified(tasklistReference, LocalDate.of(2020, 4, 3), LocalDate.of(2026, 11, 30),
                        LocalTime.of(14, 5)));

        // Back in the app by the message's link: the case list, searched by that reference.
        click("cdr-started-case-link");
        WebElement found = caseRow(tasklistReference);
        assertThat(found.getText()).contains("Robin " + tasklistChild, "3 April 2020", "30 November 2026");
        assertThat(text(By.id("case-count"))).startsWith("1 case found");
        Axe.check(browser);

        // The case list, searched by name.
        click("nav-cases");
        type("name", appChild);
        click("search-button");
        found = caseRow(appReference);
        assertThat(found.getText()).contains("Robin " + appChild, "30 November 2026");
        assertThat(text(By.id("case-count"))).startsWith("1 case found");
        Axe.check(browser);

        // My work: each new case's tasks, with its reference and the due date in words.
        click("nav-my-work");
        for (String reference : new String[] {appReference, tasklistReference}) {
            java.util.List<WebElement> rows = workRows(reference);
            assertThat(rows).as("tasks of " + reference + " in My work").isNotEmpty();
            for (WebElement row : rows) {
                assertThat(row.findElement(By.cssSelector("td:first-child")).getText()).containsPattern(DATE_IN_WORDS);
            }
        }
        Axe.check(browser);

        // From there, the case page.
        workRows(appReference).get(0).findElement(By.linkText(appReference)).click();
        wait.until(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}$"));
        assertThat(text(By.tagName("main"))).contains(appReference, "Robin " + appChild);
        Axe.check(browser);
    }

    @Test
    void theDoctorWorksARapidResponseAndAFinalCaseDiscussionFromMyWork() {
        // Tuesday 1 December 2026, the day after the death.
        clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        String reference = c.caseReference();

        logIn("doctor");
        Axe.check(browser);
        click("nav-my-work");
        Axe.check(browser);

        // The case page, from My work: the doctor's decision is awaited.
        workRows(reference).get(0).findElement(By.linkText(reference)).click();
        assertThat(text(By.id("where-now"))).isEqualTo("Awaiting the Designated Doctor's expected/unexpected decision");
        Axe.check(browser);
        browser.navigate().back();

        openFromMyWork(reference, "Confirm expected or unexpected", Map.of());
        assertThat(tasklist.caseLink(reference).getAttribute("href")).endsWith("/cases/" + c.caseId());
        tasklist.choose("This death was", "Unexpected");
        tasklist.complete();
        runDueJobs();
        // The SPOC's part: no agency knew the child.
        onOurPagesAs("spoc", () -> engine.getTaskService().complete(task(reference, "Task_RequestFormBReports"),
                Map.of("noAgencyInvolved", true)));
        runDueJobs();

        // The rapid response started out of hours on 1 December (12 January, read month first, would be accepted too).
        openFromMyWork(reference, "Initial information sharing", Map.of("startedEarlier", true,
                "participants", "Police: DS Jones", "agreed", "Home visit today", "homeVisit", "yes",
                "referredToSocialCare", "no"));
        tasklist.choose("Convene a multi-agency rapid response meeting", "Yes");
        tasklist.typeDate("If so, the date it started", "30/11/2026", "30 November 2026");
        tasklist.typeDate("If so, the date it started", "01/12/2026", "1 December 2026");
        tasklist.complete();
        assertThat(jdbc.sql("select started_at from rapid_response where case_id = ?").param(c.caseId())
                .query(OffsetDateTime.class).single().atZoneSameInstant(UK).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        runDueJobs();
        // The nurse's part, not the doctor's.
        inTasklistAs("nurse", () -> engine.getTaskService().complete(task(reference, "Task_BereavementSupport"),
                Map.of("bereavementSupport", "accepted", "bereavementSupportOfferedOn", "2026-12-01", "familiesLeaflet", "yes")));

        openFromMyWork(reference, "Schedule the rapid response meeting", Map.of("meetingPlace", "Children's Centre, room 2",
                "invitees", "police@cdr.example.org"));
        // Read month first, 03/12/2026 would be 12 March, in the past.
        meetingTypedDayFirst(c.caseId(), "RAPID_RESPONSE", "03/12/2026", "3 December 2026", LocalDate.of(2026, 12, 3));

        // Friday 4 December: the meeting was held the day before.
        clockAt(LocalDateTime.of(2026, 12, 4, 9, 0));
        runDueJobs();
        openFromMyWork(reference, "Record the rapid response meeting", Map.of("attendees", "Police: DS Jones"));
        tasklist.choose("May the case meet the Serious Case Review criteria", "No");
        tasklist.complete();
        runDueJobs();
        browser.get(url("/"));
        click("nav-my-work");
        workRows(reference).get(0).findElement(By.linkText(reference)).click();
        assertThat(text(By.id("where-now"))).isEqualTo("Final case discussion pending");
        assertThat(text(By.id("meetings"))).contains("Rapid response meeting", "3 December 2026 at 14:05", "Held");
        Axe.check(browser);
        if (taskOrNull(reference, "Task_AwaitPostMortemResults") != null) {
            openFromMyWork(reference, "Awaiting post-mortem results", Map.of());
            tasklist.field("Why go ahead without the results").sendKeys("The interim findings are enough");
            tasklist.complete();
            runDueJobs();
        }

        openFromMyWork(reference, "Convene the final case discussion", Map.of("meetingPlace", "Children's Centre, room 2",
                "invitees", "police@cdr.example.org"));
        tasklist.choose("Can the final case discussion be convened", "Yes");
        meetingTypedDayFirst(c.caseId(), "FINAL_CASE_DISCUSSION", "07/12/2026", "7 December 2026", LocalDate.of(2026, 12, 7));

        // Monday 7 December, after the discussion.
        clockAt(LocalDateTime.of(2026, 12, 7, 16, 0));
        runDueJobs();
        openFromMyWork(reference, "Record the final case discussion", Map.of("attendees", "Police: DS Jones",
                "domainChild", "1", "domainFamily", "0", "domainParenting", "0", "domainServices", "1",
                "proposedCategory", "5", "learningPoints", "Safe sleep advice"));
        tasklist.choose("Proposed modifiable factors", "No");
        tasklist.complete();
        runDueJobs();

        // Back in the app: the case has moved on to the panel.
        browser.get(url("/"));
        click("nav-cases");
        type("reference", reference);
        click("search-button");
        caseRow(reference).findElement(By.linkText(reference)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("where-now")));
        assertThat(text(By.id("where-now"))).isEqualTo("Ready for review");
        Axe.check(browser);
    }

    @Test
    void theNurseOpensTheCaseFromMyWorkAndRecordsTheBereavementSupportOffered() {
        clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
        uk.cdr.notification.FormA form = TestForms.aNotification();
        Notifications.Recorded c = notifications.record(form, "spoc");
        runDueJobs();
        String reference = c.caseReference();

        logIn("nurse");
        Axe.check(browser);
        click("nav-my-work");
        Axe.check(browser);
        // The case, to know whom she is offering support to.
        workRows(reference).get(0).findElement(By.linkText(reference)).click();
        wait.until(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}$"));
        assertThat(text(By.tagName("main"))).contains(reference, form.childFirstName() + " " + form.childLastName());
        assertThat(browser.findElements(By.id("post-mortem-form"))).isEmpty();
        Axe.check(browser);
        browser.navigate().back();

        openFromMyWork(reference, "Bereavement support", Map.of("bereavementSupport", "accepted", "familiesLeaflet", "yes"));
        assertThat(tasklist.text()).contains("Bereavement support · " + reference);
        assertThat(tasklist.caseLink(reference).getAttribute("href")).endsWith("/cases/" + c.caseId());
        tasklist.typeDate("Date offered", "30/11/2026", "30 November 2026");
        tasklist.typeDate("Date offered", "01/12/2026", "1 December 2026");
        tasklist.complete();
        // Kept in the case's record of the bereavement support, as typed: 1 December.
        assertThat(jdbc.sql("select b.offered_on from bereavement_support b join case_file c on c.id = b.case_id "
                + "where c.case_reference = ?").param(reference).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 12, 1));
        browser.get(url("/"));
        click("nav-my-work");
        assertThat(workRows(reference)).as("the task is done").isEmpty();
    }

    @Test
    void theChairRunsAMeetingAndRatifiesAReview() {
        clockAt(LocalDateTime.of(2027, 1, 11, 9, 0));
        Notifications.Recorded c = PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(), this::runDueJobs);
        String reference = c.caseReference();

        logIn("chair");
        Axe.check(browser);
        click("nav-cdop-meetings");
        Axe.check(browser);
        // Half a date is named as such.
        Browsers.typeDate(browser, "heldOn", "20", "", "2027");
        type("place", "Civic Centre, room 3");
        click("set-meeting");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-heldOn"), "Date must include a month"));
        Axe.check(browser);
        // Wednesday 20 January 2027 (no other test meets that day), typed day first.
        Browsers.typeDate(browser, "heldOn", "20", "01", "2027");
        click("set-meeting");
        wait.until(ExpectedConditions.urlMatches("/cdop/meetings/[0-9a-f-]{36}$"));
        String meetingId = browser.getCurrentUrl().replaceFirst(".*/", "");
        assertThat(text(By.tagName("main"))).contains("Routine panel meeting set for 20 January 2027 at Civic Centre, room 3.");
        Axe.check(browser);

        new Select(browser.findElement(By.id("assign-case"))).selectByValue(c.caseId().toString());
        click("assign-case-button");
        String anchor = "case-" + reference.replace('/', '-');
        WebElement section = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
        assertThat(section.getText()).contains(reference, "On the agenda");
        Axe.check(browser);

        // Form C.
        new Select(section.findElement(By.name("category"))).selectByValue("9");
        new Select(section.findElement(By.name("modifiable"))).selectByValue("no");
        new Select(section.findElement(By.name("scrConsidered"))).selectByValue("no");
        for (String domain : new String[] {"domainChild", "domainFamily", "domainParenting", "domainServices"}) {
            new Select(section.findElement(By.name(domain))).selectByValue("0");
        }
        section.findElement(By.name("learningPoints")).sendKeys("None for the agencies.");
        section.findElement(By.cssSelector("button.save-form-c")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(anchor + "-message"), "Form C saved"));
        Axe.check(browser);

        // On the meeting's day, the outcome; then the ratification.
        clockAt(LocalDateTime.of(2027, 1, 20, 14, 0));
        browser.navigate().refresh();
        section = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
        section.findElement(By.cssSelector("input[name=outcome][value=reviewed]")).click();
        section.findElement(By.cssSelector("button.record-outcome")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(anchor + "-standing"),
                "awaiting the chair's ratification"));
        Axe.check(browser);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(anchor))).findElement(By.cssSelector("button.ratify-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(anchor + "-standing"),
                "Closed: review completed on 20 January 2027"));
        Axe.check(browser);

        // The meeting list; the queue no longer lists the case; the case list and the panel's case page say it is closed.
        click("nav-cdop-meetings");
        assertThat(text(By.id("meeting-" + meetingId))).contains("Wednesday 20 January 2027");
        click("nav-cdop-queue");
        assertThat(browser.findElements(By.id("queue-" + reference))).isEmpty();
        Axe.check(browser);
        click("nav-cases");
        type("reference", reference);
        click("search-button");
        WebElement row = caseRow(reference);
        assertThat(row.findElement(By.cssSelector("td.stage")).getText()).isEqualTo("Closed");
        assertThat(row.getText()).doesNotContain(c.caseId().toString());
        Axe.check(browser);
        row.findElement(By.linkText(reference)).click();
        wait.until(ExpectedConditions.urlContains("/cdop/cases/"));
        assertThat(text(By.tagName("main"))).contains(reference, "Nothing: the case is closed", "Review completed", "20 January 2027");
        Axe.check(browser);
    }

    private void openFromMyWork(String reference, String taskName, Map<String, Object> otherAnswers) {
        if (!browser.getCurrentUrl().endsWith("/my-work")) {
            browser.get(url("/"));
            click("nav-my-work");
        }
        WebElement task = workRows(reference).stream()
                .flatMap(row -> row.findElements(By.xpath("./td[3]/a")).stream())
                .filter(a -> a.getText().contains(taskName)).findFirst()
                .orElseThrow(() -> new AssertionError("no task '" + taskName + "' of " + reference + " in My work"));
        String taskId = task.getAttribute("href").replaceFirst(".*task=", "");
        tasklist.keepUnsavedAnswers(taskId, otherAnswers);
        task.click();
        tasklist.claim();
        assertThat(tasklist.text()).contains(reference);
    }

    /**
     * On a form that schedules a meeting: 30/11/2026 is read as 30 November, then the meeting's own
     * day and 14:05 are typed; the form is completed and the meeting is stored at that minute.
     */
    private void meetingTypedDayFirst(UUID caseId, String kind, String typed, String inWords, LocalDate day) {
        tasklist.typeDate("Date", "30/11/2026", "30 November 2026");
        tasklist.typeDate("Date", typed, inWords);
        tasklist.typeTime("Time", "14:05");
        tasklist.complete();
        runDueJobs();
        assertThat(meetingAt(caseId, kind)).isEqualTo(day.atTime(14, 5));
    }

    private LocalDateTime meetingAt(UUID caseId, String kind) {
        return jdbc.sql("select scheduled_at from case_meeting where case_id = ? and kind = ?").params(caseId, kind)
                .query(OffsetDateTime.class).single().atZoneSameInstant(UK).toLocalDateTime();
    }

    private java.util.List<WebElement> workRows(String reference) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        return browser.findElements(By.xpath("//table[@id='my-work']//tr[td[2][normalize-space()='" + reference + "']]"));
    }

    private WebElement caseRow(String reference) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-" + reference.replace('/', '-'))));
    }

    private String task(String reference, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
                .singleResult().getId();
    }

    private org.camunda.bpm.engine.task.Task taskOrNull(String reference, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
                .singleResult();
    }

    private void fillTheRestOfFormA(String lastName) {
        uk.cdr.support.LogADeathForm.fillTheRest(browser, lastName);
    }

    private static Map<String, Object> formAInTasklist(String nhsNumber, String lastName) {
        return Map.ofEntries(Map.entry("notifierName", "Dr Ann Smith"), Map.entry("notifierRole", "Paediatric registrar"),
                Map.entry("notifierOrganisation", "St Elsewhere Hospital"), Map.entry("notifierEmail", "ann.smith@nhs.example"),
                Map.entry("childFirstName", "Robin"), Map.entry("childLastName", lastName),
                Map.entry("sex", "female"), Map.entry("nhsNumber", nhsNumber), Map.entry("ethnicity", "white-british"),
                Map.entry("placeOfDeath", "home"), Map.entry("area", "North Borough"), Map.entry("notifiedExpected", "unexpected"),
                Map.entry("circumstances", "Found unresponsive in the morning."), Map.entry("postMortemRequired", "yes"),
                Map.entry("coronerInformed", "yes"));
    }

    private void logIn(String user) {
        browser.get(url("/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private String text(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
