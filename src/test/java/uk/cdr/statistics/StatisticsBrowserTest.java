package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.support.Axe;
import uk.cdr.support.Browsers;
import uk.cdr.support.IntegrationTest;

/**
 * A panel member opens the statistics of 2010-11 in Chromium: every table, the charts, the public
 * switch; and prints the year for the annual report.
 */
class StatisticsBrowserTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        StatisticsDataset.loadInto(jdbc);
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
    void thePanelSeesTheTablesAndChartsOfAYear() {
        logInAsPanel();
        browser.findElement(By.id("link-statistics")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("year-form")));
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2010-11");
        browser.findElement(By.cssSelector("#year-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("report-year"), "2010-11"));

        for (String table : Statistics.tablesOfAYearOf(uk.cdr.guidance.Edition.WORKING_TOGETHER_2013)) {
            assertThat(browser.findElements(By.id("table-" + table))).as(table).hasSize(1);
        }
        List<WebElement> deaths = browser.findElements(By.cssSelector("#table-deaths tbody tr"));
        assertThat(deaths).extracting(WebElement::getText)
                .containsExactly("Expected 8 6", "Unexpected 9 6", "Not yet decided 1 0", "All deaths 18 12");
        assertThat(browser.findElement(By.cssSelector("#table-deaths thead")).getText()).isEqualTo("Figure 2010-11 2009-10");

        for (String chart : List.of("deaths-by-age", "reviews-by-category", "reviews-by-modifiable", "time-to-review")) {
            WebElement svg = browser.findElement(By.cssSelector("#chart-" + chart + " svg"));
            assertThat(svg.isDisplayed()).as(chart).isTrue();
            List<WebElement> bars = svg.findElements(By.cssSelector(".series rect.bar.this-year"));
            assertThat(bars).as(chart).isNotEmpty();
            assertThat(bars.stream().filter(bar -> bar.getSize().getWidth() > 0)).as(chart).isNotEmpty();
        }
        // Six age bands, and the longest bar is the largest count (4, shared by two bands).
        List<WebElement> ageBars = browser.findElements(By.cssSelector("#chart-deaths-by-age .series rect.this-year"));
        assertThat(ageBars).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#chart-deaths-by-age .series text.bar-label")))
                .extracting(WebElement::getText).containsExactly("0-27 days (neonatal)", "28-364 days", "1-4 years",
                        "5-9 years", "10-14 years", "15-17 years");
        Browsers.screenshot(browser, "statistics-2010-11");
        Axe.check(browser);

        browser.findElement(By.id("version-public")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-note"), "Public version"));
        assertThat(browser.findElements(By.cssSelector("#table-deaths tbody tr"))).extracting(WebElement::getText)
                .containsExactly("Expected * 6", "Unexpected 9 6", "Not yet decided <5 0", "All deaths 18 12");
        assertThat(browser.findElement(By.cssSelector("#table-deaths a.csv")).getAttribute("href"))
                .endsWith("/api/statistics/2010-11/deaths.csv?version=public");
        Browsers.screenshot(browser, "statistics-2010-11-public");
        Axe.check(browser);
    }

    /** Chromium's own print to PDF on A4, as the Print button would: the PDF's page objects are counted. */
    @Test
    void oneYearPrintsOnAtMostFourA4Pages() throws IOException {
        logInAsPanel();
        for (String version : List.of("internal", "public")) {
            browser.get("http://localhost:" + port + "/statistics?year=2010-11&version=" + version);
            wait.until(ExpectedConditions.textToBe(By.id("report-year"), "2010-11"));
            PrintOptions a4 = new PrintOptions();
            a4.setPageSize(PageSize.ISO_A4);
            a4.setShrinkToFit(false);
            byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser).print(a4).getContent());
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve("statistics-2010-11-" + version + ".pdf"), pdf);
            Files.writeString(dir.resolve("statistics-2010-11-" + version + ".html"), browser.getPageSource());
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            long pages = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(text).results().count();
            assertThat(text).startsWith("%PDF");
            assertThat(pages).as(version + " A4 pages").isBetween(1L, 4L);
            // Every table and chart is there to print (each kept whole by the print CSS).
            assertThat(browser.findElements(By.cssSelector(".statistics-table"))).hasSize(Statistics.tablesOfAYearOf(uk.cdr.guidance.Edition.WORKING_TOGETHER_2013).size());
            // Each chart is drawn with its table and is no taller than it (it was a page of its own).
            for (String chart : List.of("deaths-by-age", "reviews-by-category", "reviews-by-modifiable", "time-to-review")) {
                WebElement table = browser.findElement(By.cssSelector("#table-" + chart + " table"));
                WebElement svg = browser.findElement(By.cssSelector("#table-" + chart + " figure.chart svg"));
                assertThat(svg.getSize().getHeight()).as(chart).isPositive()
                        .isLessThanOrEqualTo(table.getSize().getHeight());
            }
        }
    }

    private void logInAsPanel() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("panel");
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-statistics")));
    }
}
