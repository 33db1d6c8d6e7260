package uk.cdr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.agencyreport.FormBFixtures;
import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.panel.CdopReviews;
import uk.cdr.panel.FormC;
import uk.cdr.panel.PanelFixtures;
import uk.cdr.panel.PanelMeetings;
import uk.cdr.support.Axe;
import uk.cdr.support.Browsers;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Every page of the app, as every role that may open it and as an agency with its link, with the
 * data a working day puts on it: axe-core finds no WCAG 2.2 A or AA violation, and the first thing
 * the keyboard reaches is the skip link to the page's main content. One browser, one login a role.
 * A new page is one line in {@link #pagesOf}.
 */
class AccessibilityBrowserTest extends ProcessTest {

    /** No other test meets on this day. */
    private static final LocalDate MEETING_DAY = LocalDate.of(2015, 7, 22);

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    CdopReviews reviews;

    private WebDriver browser;
    private WebDriverWait wait;

    /** What the pages show: a case with its Form B requests, a duplicate, a case on a meeting's agenda. */
    record Fixture(UUID caseId, UUID duplicateNotificationId, UUID meetingId, String formBToken, String usedFormBToken) {
    }

    /** The pages each role may open; {caseId} and the like are the fixture's. */
    private static Map<String, List<String>> pagesOf(Fixture f) {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        String theCase = "/cases/" + f.caseId();
        String theMeeting = "/cdop/meetings/" + f.meetingId();
        pages.put("spoc", List.of("/", "/notifications/new",
                "/notifications/" + f.duplicateNotificationId() + "/possible-duplicate", theCase, theCase + "/agencies",
                "/cases", "/cases?diedFrom=31/02/2015", "/my-work", "/cdop/queue", "/cdop/meetings", theMeeting, "/statistics", "/import", "/process-audit", "/no-such-page"));
        pages.put("doctor", List.of("/", "/cases", "/my-work", theCase, "/cdop/queue", "/process-audit"));
        pages.put("nurse", List.of("/", "/cases", "/my-work", theCase, "/no-such-page"));
        pages.put("panel", List.of("/", "/cases", "/my-work", "/cdop/cases/" + f.caseId(), "/cdop/queue", "/cdop/meetings", theMeeting, "/statistics"));
        pages.put("chair", List.of("/", "/cases", "/my-work", "/cdop/queue", "/cdop/meetings", theMeeting, "/statistics",
                "/process-audit", "/process-audit/final-case-discussion?year=2014-15"));
        pages.put("admin", List.of("/", "/import", "/statistics", "/audit", "/audit?action=CASE_VIEWED", "/process-audit"));
        // An agency's contact has no login: only the link.
        pages.put("agency", List.of("/login", "/login?error", "/login?logout", "/form-b/" + f.formBToken(),
                "/form-b/thank-you", "/form-b/" + f.usedFormBToken()));
        return pages;
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Browsers.release(browser);
        }
    }

    @Test
    void everyPageAsEveryRoleHasNoWcagViolationAndASkipLink() {
        Fixture fixture = fixture();
        List<String> problems = new ArrayList<>();
        pagesOf(fixture).forEach((role, pages) -> {
            if (!"agency".equals(role)) {
                logIn(role);
            }
            for (String page : pages) {
                consoleErrors(); // only this page's
                browser.get(url(page));
                problems.addAll(check(role, page));
            }
            if ("agency".equals(role)) {
                problems.addAll(formBWithErrors(fixture.formBToken()));
            } else {
                logOut();
            }
        });
        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    /** The agency posts its Form B with nothing filled in: the errors page is checked too. */
    private List<String> formBWithErrors(String token) {
        browser.get(url("/form-b/" + token));
        consoleErrors();
        // Past the browser's own checks of required fields, as a browser without them would post.
        ((JavascriptExecutor) browser).executeScript(
                "const f = document.querySelector('main form'); f.noValidate = true; f.requestSubmit();");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        List<String> problems = new ArrayList<>(check("agency", "/form-b/{token} with errors"));
        // Each field tells a screen reader it is wrong and reads its message with it.
        WebElement name = browser.findElement(By.id("reporterName"));
        WebElement radio = browser.findElement(By.id("knownHealth"));
        for (WebElement field : List.of(name, radio)) {
            String described = field.getDomAttribute("aria-describedby");
            if (!"true".equals(field.getDomAttribute("aria-invalid")) || described == null
                    || browser.findElement(By.id(described.split(" ")[0])).getText().isBlank()) {
                problems.add("agency on /form-b/{token} with errors: " + field.getDomAttribute("name")
                        + " is not marked invalid with its message");
            }
        }
        return problems;
    }

    /** The browser console's errors since last asked, but for the page's own status (a 404 page is one). */
    private List<String> consoleErrors() {
        String page = browser.getCurrentUrl();
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(message -> !message.startsWith(page + " ")).toList();
    }

    private List<String> check(String role, String page) {
        List<String> problems = new ArrayList<>();
        String as = role + " on " + page + ": ";
        if (browser.getTitle().isBlank()) {
            problems.add(as + "no title");
        }
        if (browser.findElements(By.cssSelector("head link[rel=icon]")).isEmpty()) {
            problems.add(as + "no favicon");
        }
        problems.addAll(consoleErrors().stream().map(message -> as + "browser console: " + message).toList());
        problems.addAll(Axe.violations(browser).stream().map(v -> as + v).toList());
        // The first Tab from the top of the page reaches the skip link, and it leads to the main content.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        if (!"Skip to main content".equals(first.getText()) || !"#main-content".equals(first.getDomAttribute("href"))) {
            problems.add(as + "the first focusable element is not the skip link but " + first.getTagName() + " \""
                    + first.getText() + "\"");
        }
        if (browser.findElements(By.cssSelector("main#main-content")).size() != 1) {
            problems.add(as + "no <main id=\"main-content\">");
        }
        // Only a page with a problem is kept for a person to look at: a screenshot of each costs the suite seconds.
        if (!problems.isEmpty()) {
            Browsers.screenshot(browser, "a11y-" + role + page.replaceAll("[^A-Za-z0-9]+", "-"));
        }
        return problems;
    }

    private Fixture fixture() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String police = "police-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example";
        String school = "school-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example";
        Notifications.Recorded c = notifications.record(FormAExamples.withAgencies(List.of(
                new FormA.Agency("Metropolitan Police", "DC Jones", police),
                new FormA.Agency("Hill Primary School", "Ms Head", school))), "spoc");
        List<UUID> requests = agencyReports.request(c.caseId(), agencyReports.suggestedAgencies(c.caseId()), "spoc");
        requests.forEach(this::runJobsOf);
        String usedToken = formBTokenSentTo(school);
        HttpSession agency = browser();
        Map<String, String> answers = new HashMap<>(FormBFixtures.validAnswers());
        answers.put("_csrf", agency.csrfTokenFrom("/form-b/" + usedToken));
        assertThat(agency.postForm("/form-b/" + usedToken, answers).redirectsTo("/form-b/thank-you")).isTrue();

        FormA known = TestForms.aNotification();
        notifications.record(known, "spoc");
        Notifications.Recorded duplicate = notifications.record(known, "spoc");
        assertThat(duplicate.outcome()).isEqualTo(Notifications.Outcome.POSSIBLE_DUPLICATE);

        Notifications.Recorded reviewed = PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(),
                this::runDueJobs);
        Notifications.Recorded waiting = PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(),
                this::runDueJobs);
        UUID meetingId = PanelFixtures.meetingWith(meetings, MEETING_DAY, reviewed.caseId(), waiting.caseId());
        reviews.saveFormC(reviewed.caseId(), 0, new FormC("2", "1*", "1", "0", 8, "yes",
                "Safe sleep advice was not repeated.", false,
                List.of(new FormC.Recommendation("Health visiting", "Repeat safe sleep advice at every visit"))), "chair");
        return new Fixture(c.caseId(), duplicate.notificationId(), meetingId, formBTokenSentTo(police), usedToken);
    }

    private void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }

    private void logOut() {
        browser.get(url("/"));
        browser.findElement(By.xpath("//header//button[normalize-space()='Log out']")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
