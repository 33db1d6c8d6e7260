package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

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

import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.Axe;
import uk.cdr.support.Browsers;
import uk.cdr.support.ProcessTest;

/**
 * A CDOP meeting in Chromium: a panel member goes from the queue to the meeting page, amends and
 * saves Form C and records the case reviewed on the meeting's day; the chair ratifies and the case closes.
 * The chair's own day (setting a meeting by typing its date day first, putting a case on it, Form C,
 * outcome, ratification) is {@link uk.cdr.DayOfWorkBrowserTest}'s.
 */
class CdopMeetingBrowserTest extends ProcessTest {

    /** No other test meets on this day. */
    private static final LocalDate MEETING_DAY = LocalDate.of(2015, 5, 20);

    @Autowired
    Notifications notifications;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    CdopReviews reviews;

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
    void thePanelReviewsACaseAtItsMeetingAndTheChairRatifiesIt() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(), this::runDueJobs);
        UUID meetingId = PanelFixtures.meetingWith(meetings, MEETING_DAY, c.caseId());
        // A panel member already started Form C before the meeting.
        reviews.saveFormC(c.caseId(), 0, new FormC("2", "1*", "1", "0", 8, "no", "Safe sleep advice was not repeated.",
                false, List.of(new FormC.Recommendation("Health visiting", "Repeat safe sleep advice at every visit"))), "chair");
        String anchor = "case-" + c.caseReference().replace('/', '-');

        logIn("panel");
        browser.get(url("/cdop/queue?meetingId=" + meetingId));
        WebElement row = browser.findElement(By.xpath("//tr[@id='queue-" + c.caseReference() + "']"));
        Axe.check(browser);
        assertThat(row.getText()).contains("Assigned to the CDOP meeting of 20 May 2015");
        row.findElement(By.cssSelector("a.meeting-link")).click();
        wait.until(ExpectedConditions.urlContains("/cdop/meetings/" + meetingId));
        WebElement section = caseSection(anchor);
        assertThat(section.getText()).contains(c.caseReference(), "On the agenda");
        assertThat(new Select(section.findElement(By.name("category"))).getFirstSelectedOption().getText())
                .isEqualTo("8. Perinatal/neonatal event");

        new Select(section.findElement(By.name("category"))).selectByValue("9");
        new Select(section.findElement(By.name("modifiable"))).selectByValue("insufficient-information");
        section.findElement(By.cssSelector("button.save-form-c")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(anchor + "-message")));
        assertThat(browser.findElement(By.id(anchor + "-message")).getText()).isEqualTo("Form C saved (version 2).");
        section = caseSection(anchor);
        assertThat(new Select(section.findElement(By.name("category"))).getFirstSelectedOption().getText())
                .isEqualTo("9. Infection");
        Browsers.screenshot(browser, "cdop-meeting-form-c-saved");
        Axe.check(browser);

        clockAt(LocalDateTime.of(2015, 5, 20, 14, 0));
        section.findElement(By.cssSelector("input[name=outcome][value=reviewed]")).click();
        section.findElement(By.cssSelector("button.record-outcome")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(anchor + "-standing"),
                "awaiting the chair's ratification"));
        assertThat(browser.findElement(By.id(anchor + "-message")).getText()).contains("recorded as reviewed");
        Axe.check(browser);
        assertThat(caseSection(anchor).findElements(By.cssSelector("button.ratify-button"))).as("only the chair ratifies")
                .isEmpty();

        browser.findElement(By.cssSelector("header button.link")).click(); // log out
        logIn("chair");
        browser.get(url("/cdop/meetings/" + meetingId));
        caseSection(anchor).findElement(By.cssSelector("button.ratify-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(anchor + "-standing"),
                "Closed: review completed on 20 May 2015"));
        assertThat(caseSection(anchor).getAttribute("data-standing")).isEqualTo("CLOSED");
        assertThat(caseSection(anchor).getText()).contains("category 9. Infection", "Insufficient information");
        Browsers.screenshot(browser, "cdop-meeting-ratified");
        Axe.check(browser);

        assertThat(jdbc.sql("select status, review_completed_on from case_file where id = ?").param(c.caseId())
                .query((rs, row2) -> List.of(rs.getString(1), rs.getObject(2, LocalDate.class))).single())
                .containsExactly("CLOSED", MEETING_DAY);
    }

    private WebElement caseSection(String anchor) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
    }

    private void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-cdop-meetings")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
