package uk.cdr.support;

import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda's Tasklist as a person uses it in Chromium: start Form A, claim a task, type into its form
 * (dates day first, read back in words by uk-tasklist.js) and complete it. Answers a test is not about
 * go where Tasklist keeps a form's unsaved answers (local storage), so the browser types only what
 * the test is about.
 */
public final class Tasklist {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebDriver browser;
    private final WebDriverWait wait;

    public Tasklist(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Waits for Tasklist, opened by a link, to be ready to use. */
    public void waitUntilReady() {
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Start process")));
        } catch (TimeoutException firstLoad) {
            // The first Tasklist page in a JVM has been seen to stay on its loading spinner on a slow,
            // shared machine; a person would reload, and so does the test, once.
            browser.navigate().refresh();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Start process")));
        }
    }

    /** Puts answers where Tasklist keeps a form's unsaved ones, by task id ("undefined" for a start form). */
    public void keepUnsavedAnswers(String taskId, Map<String, Object> answers) {
        try {
            ((JavascriptExecutor) browser).executeScript("localStorage.setItem(arguments[0], arguments[1]);",
                    "camunda-form:" + taskId, JSON.writeValueAsString(answers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a start form from "Start process" by (part of) its process's name. */
    public void startForm(String processName) {
        browser.findElement(By.linkText("Start process")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(processName))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
    }

    /** On a task Tasklist shows: claims it and waits for its form. */
    public void claim() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
    }

    /** Everything the form shows, its title included. */
    public String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The link to the case page the form shows beside its case reference. */
    public WebElement caseLink(String reference) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'fjs-form')]//a[normalize-space()='" + reference + "']")));
    }

    /** Chooses an answer to a question of radio buttons, by their labels (the question's may be its start). */
    public void choose(String question, String answer) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"
                + "[.//label[starts-with(normalize-space(.), \"" + question + "\")]]//label[normalize-space()='" + answer + "']")))
                .click();
    }

    /** Types a date as a person would, leaves the field, and waits for it to be read back in words. */
    public void typeDate(String label, String typed, String inWords) {
        WebElement input = field(label);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(typed, Keys.TAB);
        wait.until(ExpectedConditions.attributeToBe(input, "value", typed));
        WebElement words = browser.findElement(By.id(input.getAttribute("id") + "-in-words"));
        wait.until(ExpectedConditions.textToBePresentInElement(words, inWords));
    }

    public void typeTime(String label, String typed) {
        WebElement input = field(label);
        input.sendKeys(typed, Keys.TAB);
        wait.until(ExpectedConditions.attributeToBe(input, "value", typed));
    }

    /** The input a label (or the start of it) names. */
    public WebElement field(String label) {
        WebElement labelled = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[starts-with(normalize-space(.), '" + label + "')]")));
        return browser.findElement(By.id(labelled.getAttribute("for")));
    }

    /** Completes the task and waits for Tasklist to close its form. */
    public void complete() {
        browser.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }
}
