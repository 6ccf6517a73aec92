package com.proposaldesk.webapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.proposaldesk.support.HeadlessChromium;

/**
 * Camunda Tasklist as a user works it, found by what the user reads (filter names, task names, form labels)
 * in the Chinese UI. Form fields are Camunda Forms (form-js): typed into, picked in the date picker, chosen
 * in the drop-down, clicked on the radio label.
 */
class TasklistPage {

    static final String PATH = "/camunda/app/tasklist/default/";

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final By TASK_CARDS = By.cssSelector("[cam-tasks] li.task");
    private static final By FORM = By.cssSelector("[cam-tasklist-task] .fjs-container");

    private final HeadlessChromium browser;

    TasklistPage(HeadlessChromium browser) {
        this.browser = browser;
    }

    void logIn(String user, String password) {
        browser.logIn(PATH, user, password);
        browser.visible(By.cssSelector(".task-filters .task-filter"));
    }

    /** Clicks a filter in the left column and waits until it is the one shown. */
    void showFilter(String name) {
        By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4//a[normalize-space(text()[1])='" + name + "']]");
        browser.visible(filter).findElement(By.cssSelector("h4 a")).click();
        browser.waiting().until(ExpectedConditions.attributeContains(filter, "class", "active"));
    }

    /** Waits until the list shows exactly {@code count} tasks (the list has finished loading), and returns them. */
    List<WebElement> waitForTaskCount(int count) {
        browser.waiting().until(driver -> {
            boolean loading = driver.findElements(By.cssSelector("[cam-tasks] > .loader")).stream().anyMatch(WebElement::isDisplayed);
            return !loading && driver.findElements(TASK_CARDS).size() == count;
        });
        return browser.all(TASK_CARDS);
    }

    /** Waits for the card of this task of this proposal, showing the filter again now and then to refresh the list. */
    WebElement waitForTask(String filter, String proposalNumber, String taskName) {
        By card = card(proposalNumber, taskName);
        Instant deadline = Instant.now().plus(PATIENCE);
        showFilter(filter);
        while (true) {
            try {
                return new WebDriverWait(browser.driver(), Duration.ofSeconds(3), Duration.ofMillis(100))
                        .until(ExpectedConditions.visibilityOfElementLocated(card));
            } catch (TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No task " + taskName + " of proposal " + proposalNumber + " in " + filter, e);
                }
                showFilter(filter);
            }
        }
    }

    static By card(String proposalNumber, String taskName) {
        return By.xpath("//div[@cam-tasks]//li[contains(@class,'task')][.//h4//a[normalize-space(.)='" + taskName + "']]"
                + "[.//*[normalize-space(.)='" + proposalNumber + "']]");
    }

    /**
     * Types the text in the list's search box and presses Enter, without choosing a criterion, after removing the
     * searches made before.
     */
    void search(String text) {
        browser.driver().findElements(By.cssSelector(".remove-search")).forEach(WebElement::click);
        WebElement box = browser.visible(By.cssSelector("input.main-field"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    /** Opens the task from its card and waits for its Camunda Form. */
    void open(WebElement card, String taskName) {
        card.findElement(By.cssSelector("h4.task a")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2"), taskName));
        browser.visible(FORM);
    }

    void claim() {
        browser.visible(By.cssSelector("[cam-tasklist-task] button.claim")).click();
        browser.visible(By.cssSelector("[cam-tasklist-task] button.unclaim"));
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("[cam-tasklist-task] .fjs-container input:disabled, "
                + "[cam-tasklist-task] .fjs-container textarea:disabled")).isEmpty());
    }

    /** The form field whose label reads {@code label} (without the asterisk of a required field). */
    WebElement field(String label) {
        return browser.visible(By.xpath("(//div[@cam-tasklist-task]//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
                + "[.//label[normalize-space(text()[1])='" + label + "']])[1]"));
    }

    void type(String label, String text) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        input.clear();
        input.sendKeys(text);
    }

    /** Deletes what the field holds, key by key, as a user would. */
    void erase(String label) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }

    /** Opens the date picker of the field and clicks today. */
    void pickToday(String label) {
        WebElement input = field(label).findElement(By.cssSelector("input"));
        scrollToTop(input);
        input.click();
        browser.visible(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today")).click();
        browser.waiting().until(driver -> !input.getDomProperty("value").isEmpty());
    }

    /** Opens the drop-down of a select field and clicks the option. */
    void choose(String label, String option) {
        WebElement field = field(label);
        scrollToTop(field);
        field.findElement(By.cssSelector(".fjs-input-group")).click();
        browser.waiting().until(ExpectedConditions.visibilityOf(field.findElement(
                By.xpath(".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']")))).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElement(
                field.findElement(By.cssSelector(".fjs-select-display")), option));
    }

    /** Date pickers and drop-downs open below their field: scroll it up first, as a user would, to see them whole. */
    private void scrollToTop(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    /** Clicks the option of a radio group. */
    void check(String label, String option) {
        field(label).findElement(By.xpath(".//label[normalize-space(.)='" + option + "']")).click();
    }

    /** The validation messages form-js shows under the field. */
    List<String> errors(String label) {
        return field(label).findElements(By.cssSelector(".fjs-form-field-error li")).stream().map(WebElement::getText).toList();
    }

    /** Clicks 完成 and waits until Tasklist has closed the task; fails with the message shown when the server refuses. */
    void complete() {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[cam-tasklist-task] button.btn-primary[ng-click='complete()']"))).click();
        By closed = By.cssSelector("[cam-tasklist-task] .no-task");
        By refused = By.cssSelector("[notifications-panel] .alert-danger");
        browser.waiting().until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(closed),
                ExpectedConditions.visibilityOfElementLocated(refused)));
        List<WebElement> errors = browser.all(refused);
        if (!errors.isEmpty() && errors.get(0).isDisplayed()) {
            throw new AssertionError("Tasklist refused the form: " + errors.get(0).getText());
        }
    }

    /** The text of the open task's pane (form and proposal summary). */
    String taskText() {
        return browser.visible(By.cssSelector("[cam-tasklist-task]")).getText();
    }
}
