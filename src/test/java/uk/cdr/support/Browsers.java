package uk.cdr.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests. Outside CI a machine without it skips them; under
 * CI=true a missing browser is a failure, because .ci/run installs it.
 */
public final class Browsers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** Keeps what the browser showed under target/screenshots, for a person to look at after a run. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Types a date into a GOV.UK date input (the boxes {@code id-day}, {@code id-month}, {@code id-year})
     * as a person would, e.g. "03", "04", "2020".
     */
    public static void typeDate(WebDriver driver, String id, String day, String month, String year) {
        for (String[] part : new String[][] {{"day", day}, {"month", month}, {"year", year}}) {
            org.openqa.selenium.WebElement box = driver.findElement(org.openqa.selenium.By.id(id + "-" + part[0]));
            box.clear();
            box.sendKeys(part[1]);
        }
    }

    /** Types the date day first, without leading zeros, as most people write it: 2 11 2014. */
    public static void typeDate(WebDriver driver, String id, java.time.LocalDate date) {
        typeDate(driver, id, String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getYear()));
    }

    private static WebDriver shared;

    /**
     * The test JVM's one Chromium, clean for the next test: starting a browser for each test cost
     * the suite seconds each time. {@link #release} wipes what a test left (cookies, storage, page).
     */
    public static synchronized WebDriver fresh() {
        if (shared == null) {
            shared = chromium();
            WebDriver started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        }
        return shared;
    }

    /** A test is done with the shared browser: logged out everywhere, local and session storage gone, a blank page. */
    public static synchronized void release(WebDriver driver) {
        if (driver != shared) {
            driver.quit();
            return;
        }
        try {
            if (driver.getCurrentUrl().startsWith("http")) {
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("localStorage.clear(); sessionStorage.clear();");
            }
            ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
            driver.get("about:blank");
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
        } catch (RuntimeException e) {
            // A browser in a state it cannot be cleaned from (an alert open, a crash): the next test gets a new one.
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // already gone
            }
            shared = null;
        }
    }

    public static WebDriver chromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Debian chromium and chromium-driver are needed (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine has no network beyond localhost: keep Chromium from calling home.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,2400", "--lang=en-GB");
        // What the page's console says (a resource refused or missing, a script error) is there for the tests to read.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
