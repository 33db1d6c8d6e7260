package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

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

import uk.cdr.support.Axe;
import uk.cdr.support.Browsers;
import uk.cdr.support.IntegrationTest;

/** The SPOC logs a death in Chromium: inline checks as they type, the duplicate warning, the new case. */
class LogADeathBrowserTest extends IntegrationTest {

    @Autowired
    Notifications notifications;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
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
        wait.until(ExpectedConditions.invisibilityOfElementWithText(errorFor("nhsNumber"), "must be 10 digits with a valid check digit"));

        date("dateOfBirth", LocalDate.of(2014, 11, 2));
        date("dateOfDeath", LocalDate.of(2014, 11, 1));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errorFor("dateOfDeath"), "before dateOfBirth"));
        Browsers.screenshot(browser, "log-a-death-inline-errors");
        Axe.check(browser);
        date("dateOfDeath", LocalDate.of(2015, 3, 9));

        fillTheRest("Browsertest");
        browser.findElement(By.id("save")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(browser.findElement(By.id("case-reference")).getText()).matches("20\\d\\d-\\d\\d/\\d{3}");
        assertThat(browser.findElement(By.id("child-name")).getText()).isEqualTo("Robin Browsertest");
        assertThat(browser.findElement(By.id("age-at-death")).getText()).isEqualTo("18 weeks");
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

    private void fillTheRest(String lastName) {
        type("notifierName", "PC Jo Bloggs");
        type("notifierRole", "Police officer");
        type("notifierOrganisation", "Metropolitan Police");
        type("notifierEmail", "jo.bloggs@police.example");
        type("childFirstName", "Robin");
        type("childLastName", lastName);
        new Select(browser.findElement(By.id("sex"))).selectByValue("female");
        new Select(browser.findElement(By.id("ethnicity"))).selectByValue("not-known");
        new Select(browser.findElement(By.id("placeOfDeath"))).selectByValue("home");
        new Select(browser.findElement(By.id("notifiedExpected"))).selectByValue("unexpected");
        type("circumstances", "Found unresponsive in the morning.");
        new Select(browser.findElement(By.id("postMortemRequired"))).selectByValue("yes");
        new Select(browser.findElement(By.id("coronerInformed"))).selectByValue("yes");
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
        browser.findElement(By.id(id)).click();
        Browsers.setDate(browser, browser.findElement(By.id(id)), date);
    }

    private static By errorFor(String field) {
        return By.cssSelector("[data-error-for=" + field + "]");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
