package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.cdr.support.Axe;
import uk.cdr.support.Browsers;
import uk.cdr.support.IntegrationTest;

/** In a real browser: one login on our page, then Tasklist and Cockpit open as that user. */
class SingleSignOnBrowserTest extends IntegrationTest {

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.fresh();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Browsers.release(browser);
        }
    }

    @Test
    void theSpocLogsInOnceAndWorksInTasklist() {
        logIn("spoc", Role.SPOC);
        assertThat(browser.findElement(By.id("role-spoc")).getText()).contains("Single Point of Contact");

        browser.findElement(By.id("link-tasklist")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tasks for my roles"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Sam Patel");
        assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
    }

    @Test
    void theAdministratorLogsInOnceAndOpensCockpit() {
        logIn("admin", Role.ADMIN);
        browser.findElement(By.id("link-cockpit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Alex Admin"));
        assertThat(browser.getCurrentUrl()).contains("/camunda/app/cockpit/default/");
        assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
    }

    private void logIn(String user, Role role) {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        Axe.check(browser);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("role-" + role.groupId())));
        // Our pages only: Tasklist and Cockpit are Camunda's.
        Axe.check(browser);
    }
}
