package uk.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.notification.TestForms;
import uk.cdr.support.Browsers;
import uk.cdr.support.ProcessTest;

/**
 * The notification stage end to end, as people do it in a browser: the SPOC logs a death, the
 * doctor's email arrives, the tasks wait in Tasklist for the right groups with their forms, an
 * agency returns its Form B through the emailed link, and the case page shows all of it.
 */
class NotificationToFormBJourneyTest extends ProcessTest {

    @Autowired
    TaskService taskService;

    private WebDriver spoc;
    private WebDriver doctor;
    private WebDriver agency;

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : Arrays.asList(spoc, doctor, agency)) {
            if (browser != null) {
                Browsers.release(browser);
            }
        }
    }

    @Test
    void fromLogADeathToAReturnedFormB() throws Exception {
        String nhsNumber = TestForms.uniqueNhsNumber();
        String gpEmail = "gp-" + nhsNumber + "@nhs.example";

        // The SPOC logs the death.
        spoc = Browsers.fresh();
        logIn(spoc, "spoc", "link-log-a-death");
        spoc.get(url("/notifications/new"));
        fillFormA(spoc, nhsNumber, gpEmail);
        spoc.findElement(By.id("save")).click();
        wait(spoc).until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        String reference = spoc.findElement(By.id("case-reference")).getText();
        String casePage = spoc.getCurrentUrl().replace("?saved", "");

        // The engine's jobs send the doctor's alert (the job executor is off in tests).
        runDueJobs();
        MimeMessage alert = onlyEmail(reference, "doctor@cdr.example.org");
        assertThat(alert.getSubject()).doesNotContain("Robin", "Journey");

        // Each role's task waits for its group, with its form.
        assertTask(reference, "Task_ConfirmExpectedOrUnexpected", "designated-doctor", "confirm-expected-or-unexpected");
        assertTask(reference, "Task_AcknowledgeNotification", "spoc", "acknowledge-notification");
        assertTask(reference, "Task_BereavementSupport", "cdr-nurse", "bereavement-support");
        assertTask(reference, "Task_RequestFormBReports", "spoc", "request-form-b-reports");
        doctor = Browsers.chromium();
        logIn(doctor, "doctor", "link-tasklist");
        doctor.get(url("/camunda/app/tasklist/default/"));
        wait(doctor).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Confirm expected or unexpected"));
        Browsers.screenshot(doctor, "journey-doctor-tasklist");

        // The SPOC sends the Form B requests from the agencies page (prefilled from Form A).
        spoc.get(casePage + "/agencies");
        assertThat(spoc.findElement(By.id("agency-0")).getAttribute("value")).isEqualTo("High Street Surgery");
        spoc.findElement(By.id("send-requests")).click();
        wait(spoc).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Form B requested from 1 agency"));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_RequestFormBReports").count()).isZero();

        // The agency opens its emailed link, without logging in, and returns Form B.
        runDueJobs();
        String link = linkIn(onlyEmail(reference, gpEmail));
        agency = Browsers.chromium();
        // Links are built on cdr.public-base-url; this test's server listens on a random port.
        agency.get(link.replaceFirst("^https?://[^/]+", url("")));
        fillFormB(agency);
        agency.findElement(By.id("submit-form-b")).click();
        wait(agency).until(ExpectedConditions.urlContains("/form-b/thank-you"));
        runDueJobs();

        // The case page shows all of it.
        spoc.get(casePage);
        String page = spoc.findElement(By.tagName("body")).getText();
        assertThat(page).contains(reference, "Robin Journey", "Returned", "High Street Surgery",
                "Form A from PC Jo Bloggs", "Child death notification " + reference, "Requested from High Street Surgery",
                "Returned by High Street Surgery");
        Browsers.screenshot(spoc, "journey-case-page");
    }

    private void assertTask(String reference, String key, String group, String form) throws Exception {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
                .taskCandidateGroup(group).singleResult();
        assertThat(task).as(key + " for " + group).isNotNull();
        assertThat(new String(engine.getFormService().getDeployedTaskForm(task.getId()).readAllBytes()))
                .contains("\"id\": \"" + form + "\"");
    }

    private void fillFormA(WebDriver browser, String nhsNumber, String gpEmail) {
        type(browser, "notifierName", "PC Jo Bloggs");
        type(browser, "notifierRole", "Police officer");
        type(browser, "notifierOrganisation", "Metropolitan Police");
        type(browser, "notifierEmail", "jo.bloggs@police.example");
        type(browser, "childFirstName", "Robin");
        type(browser, "childLastName", "Journey");
        Browsers.typeDate(browser, "dateOfBirth", LocalDate.of(2014, 11, 2));
        new Select(browser.findElement(By.id("sex"))).selectByValue("female");
        type(browser, "nhsNumber", nhsNumber);
        new Select(browser.findElement(By.id("ethnicity"))).selectByValue("not-known");
        new Select(browser.findElement(By.id("area"))).selectByValue("south");
        Browsers.typeDate(browser, "dateOfDeath", LocalDate.of(2015, 3, 9));
        new Select(browser.findElement(By.id("placeOfDeath"))).selectByValue("home");
        new Select(browser.findElement(By.id("notifiedExpected"))).selectByValue("unexpected");
        type(browser, "circumstances", "Found unresponsive in the morning.");
        new Select(browser.findElement(By.id("postMortemRequired"))).selectByValue("yes");
        new Select(browser.findElement(By.id("coronerInformed"))).selectByValue("yes");
        browser.findElement(By.id("add-agency")).click();
        browser.findElement(By.cssSelector("[data-agency-field=agency]")).sendKeys("High Street Surgery");
        browser.findElement(By.cssSelector("[data-agency-field=contactName]")).sendKeys("Dr Who");
        browser.findElement(By.cssSelector("[data-agency-field=contactEmail]")).sendKeys(gpEmail);
    }

    private void fillFormB(WebDriver browser) {
        type(browser, "reporterName", "Dr Who");
        type(browser, "reporterRole", "GP");
        type(browser, "reporterAgency", "High Street Surgery");
        type(browser, "reporterEmail", "dr.who@nhs.example");
        for (String question : List.of("knownHealth", "development", "familyAndEnvironment", "parenting",
                "serviceFactors", "concerns")) {
            browser.findElement(By.cssSelector("input[name=" + question + "][value=not-known]")).click();
        }
        browser.findElement(By.cssSelector("input[name=contactWith][value=child-and-family]")).click();
        type(browser, "natureOfContact", "Routine immunisations and one minor illness.");
    }

    private void logIn(WebDriver browser, String user, String landmark) {
        browser.get(url("/login"));
        type(browser, "username", user);
        type(browser, "password", DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id(landmark)));
    }

    private static String linkIn(MimeMessage email) throws Exception {
        Matcher matcher = Pattern.compile("(http://\\S+/form-b/[A-Za-z0-9_-]+)").matcher((String) email.getContent());
        assertThat(matcher.find()).as("a Form B link in the email").isTrue();
        return matcher.group(1);
    }

    private static MimeMessage onlyEmail(String reference, String recipient) {
        List<MimeMessage> emails = Arrays.stream(mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(reference)
                        && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(recipient));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(emails).as("emails to " + recipient + " about " + reference).hasSize(1);
        return emails.get(0);
    }

    private static void type(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
