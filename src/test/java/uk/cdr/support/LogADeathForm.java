package uk.cdr.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The Log a death page filled as a SPOC would, apart from the dates, the NHS number and the agencies each test types. */
public final class LogADeathForm {

    private LogADeathForm() {
    }

    public static void fillTheRest(WebDriver browser, String lastName) {
        type(browser, "notifierName", "PC Jo Bloggs");
        type(browser, "notifierRole", "Police officer");
        type(browser, "notifierOrganisation", "Metropolitan Police");
        type(browser, "notifierEmail", "jo.bloggs@police.example");
        type(browser, "childFirstName", "Robin");
        type(browser, "childLastName", lastName);
        new Select(browser.findElement(By.id("sex"))).selectByValue("female");
        new Select(browser.findElement(By.id("ethnicity"))).selectByValue("not-known");
        new Select(browser.findElement(By.id("area"))).selectByValue("north");
        new Select(browser.findElement(By.id("placeOfDeath"))).selectByValue("home");
        new Select(browser.findElement(By.id("notifiedExpected"))).selectByValue("unexpected");
        type(browser, "circumstances", "Found unresponsive in the morning.");
        new Select(browser.findElement(By.id("postMortemRequired"))).selectByValue("yes");
        new Select(browser.findElement(By.id("coronerInformed"))).selectByValue("yes");
    }

    private static void type(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }
}
