package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.support.Axe;
import uk.cdr.support.Browsers;
import uk.cdr.support.ProcessTest;

/** The SPOC logs a death in Chromium: inline checks as they type, the duplicate warning, the new case. */
class LogADeathBrowserTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;

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
    void theSpocIsWarnedAsTheyTypeAndSavesANewCase() {
        logInAsSpoc();
        browser.get(url("/notifications/new"));

        type("nhsNumber", "4010232138");
        browser.findElement(By.id("childFirstName")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errorFor("nhsNumber"), "check digit"));

        String nhs = TestForms.uniqueNhsNumber();
        browser.findElement(By.id("nhsNumber")).clear();
        type("nhsNumber", nhs);
        wait.until(ExpectedConditions.invisibilityOfElementWithText(errorFor("nhsNumber"), "NHS number must be 10 digits with a valid check digit"));

        date("dateOfBirth", LocalDate.of(2014, 11, 2));
        date("dateOfDeath", LocalDate.of(2014, 11, 1));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errorFor("dateOfDeath"),
                "Date of death must not be before the date of birth"));
        Browsers.screenshot(browser, "log-a-death-inline-errors");
        Axe.check(browser);
        date("dateOfDeath", LocalDate.of(2015, 3, 9));

        fillTheRest("Browsertest");
        browser.findElement(By.id("save")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(browser.findElement(By.id("case-reference")).getText()).matches("20\\d\\d-\\d\\d/\\d{3}");
        assertThat(browser.findElement(By.id("child-name")).getText()).isEqualTo("Robin Browsertest");
        assertThat(browser.findElement(By.id("age-at-death")).getText()).isEqualTo("4 months");
        Browsers.screenshot(browser, "case-page");
        Axe.check(browser);
    }

    @Test
    void theSpocIsWarnedOfAPossibleDuplicateBeforeSaving() {
        FormA known = TestForms.aNotification();
        Notifications.Recorded existing = notifications.record(known, "spoc");
        logInAsSpoc();
        browser.get(url("/notifications/new"));

        type("nhsNumber", known.nhsNumber());
        WebElement warning = browser.findElement(By.id("duplicate-warning"));
        wait.until(ExpectedConditions.visibilityOf(warning));
        assertThat(warning.getText()).contains("Possible duplicate", existing.caseReference(), "NHS number");
        Browsers.screenshot(browser, "log-a-death-duplicate-warning");
        Axe.check(browser);

        date("dateOfBirth", LocalDate.of(2014, 11, 2));
        date("dateOfDeath", LocalDate.of(2015, 3, 9));
        fillTheRest("Other");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flagged")));
        assertThat(browser.findElement(By.id("flagged")).getText()).contains(existing.caseReference(), "Resolve possible duplicate");
        Axe.check(browser);
    }

    @Test
    void aFormSavedWithMistakesListsThemInFormOrderEachLinkedToItsField() {
        logInAsSpoc();
        browser.get(url("/notifications/new"));
        type("notifierName", "PC Jo Bloggs");
        type("nhsNumber", "4010232138");
        browser.findElement(By.id("add-agency")).click();
        browser.findElement(By.cssSelector("[data-agency-field=contactEmail]")).sendKeys("not-an-email");
        browser.findElement(By.id("save")).click();

        WebElement summary = browser.findElement(By.id("error-summary"));
        wait.until(ExpectedConditions.visibilityOf(summary));
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("There is a problem");
        java.util.List<WebElement> links = summary.findElements(By.cssSelector("li a"));
        java.util.List<String> texts = links.stream().map(WebElement::getText).toList();
        assertThat(texts).containsSubsequence("Notifier's role is required", "Child's first name is required",
                "Date of birth is required", "NHS number must be 10 digits with a valid check digit",
                "Date of death is required", "Place of death is required", "Agency 1: agency name is required",
                "Agency 1: contact email must be an email address").doesNotContain("Notifier's name is required")
                .allSatisfy(text -> assertThat(text).doesNotContain("null", "is required, or give nhsNumber"));
        assertThat(links.get(0).getAttribute("href")).endsWith("#notifierRole");
        WebElement emailLink = links.stream().filter(a -> a.getText().startsWith("Agency 1: contact email")).findFirst()
                .orElseThrow();
        emailLink.click();
        assertThat(browser.switchTo().activeElement().getAttribute("data-agency-field")).isEqualTo("contactEmail");
        // The same message beside the field.
        assertThat(browser.findElement(errorFor("nhsNumber")).getText())
                .isEqualTo("NHS number must be 10 digits with a valid check digit");
        Browsers.screenshot(browser, "log-a-death-error-summary");
    }

    @Test
    void datesAreTypedDayFirstAndTheTimeIsKeptToTheMinute() {
        clockAt(LocalDateTime.of(2026, 12, 1, 10, 0));
        logInAsSpoc();
        browser.get(url("/notifications/new"));
        String nhs = TestForms.uniqueNhsNumber();
        type("nhsNumber", nhs);

        // Half a date is named as such, not as missing; a 31st of a 30-day month is not a date.
        Browsers.typeDate(browser, "dateOfBirth", "03", "", "2020");
        browser.findElement(By.id("childFirstName")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errorFor("dateOfBirth"),
                "Date of birth must include a month"));
        Browsers.typeDate(browser, "dateOfDeath", "31", "11", "2026");
        browser.findElement(By.id("childFirstName")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errorFor("dateOfDeath"),
                "Date of death must be a real date"));
        type("timeOfDeath", "2:05pm");
        browser.findElement(By.id("childFirstName")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errorFor("timeOfDeath"),
                "Time of death must be a real time on the 24-hour clock, for example 14:05"));

        Browsers.typeDate(browser, "dateOfBirth", "03", "04", "2020");
        Browsers.typeDate(browser, "dateOfDeath", "30", "11", "2026");
        browser.findElement(By.id("timeOfDeath")).clear();
        type("timeOfDeath", "14:05");
        fillTheRest("Dayfirst");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(errorFor("dateOfDeath")));
        browser.findElement(By.id("save")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(browser.findElement(By.id("date-of-birth")).getText()).isEqualTo("3 April 2020");
        assertThat(browser.findElement(By.id("date-of-death")).getText()).isEqualTo("30 November 2026");
        assertThat(browser.findElement(By.id("age-at-death")).getText()).isEqualTo("6 years 7 months");
        assertThat(jdbc.sql("""
                select c.date_of_death, n.time_of_death, c.date_of_birth
                from case_file c join notification n on n.case_id = c.id where c.case_reference = ?""")
                .param(browser.findElement(By.id("case-reference")).getText())
                .query((rs, row) -> List.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalDate.class))).single())
                .containsExactly(LocalDate.of(2026, 11, 30), LocalTime.of(14, 5), LocalDate.of(2020, 4, 3));
    }

    private void fillTheRest(String lastName) {
        uk.cdr.support.LogADeathForm.fillTheRest(browser, lastName);
        browser.findElement(By.id("add-agency")).click();
        browser.findElement(By.cssSelector("[data-agency-field=agency]")).sendKeys("GP");
    }

    private void logInAsSpoc() {
        browser.get(url("/login"));
        type("username", "spoc");
        type("password", DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-log-a-death")));
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private void date(String id, LocalDate date) {
        Browsers.typeDate(browser, id, date);
    }

    private static By errorFor(String field) {
        return By.cssSelector("[data-error-for=" + field + "]");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
