package com.proposaldesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.TasklistFilters;

/**
 * The Camunda webapps as a Chinese and an English browser show them: the welcome page, Cockpit, Admin and
 * Tasklist with a Camunda Form (its validation message, drop-down and date picker) in Chinese for zh-CN, in
 * English for en-US, one locale file per page, no end-of-life banner, and the language choice on the welcome
 * page. Screenshots in {@code target/e2e/webapps-*.png}.
 */
class ChineseWebappsBrowserIT extends BrowserTestBase {

    private static final String WELCOME = "/camunda/app/welcome/default/";
    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    private static final String ADMIN_USERS = "/camunda/app/admin/default/#/users";

    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aChineseBrowserGetsEveryWebappInChinese() {
        HeadlessChromium zh = browser("zh-CN");
        zh.logIn(WELCOME, ADMIN, ADMIN_PASSWORD);
        zh.visible(By.id("pd-language"));
        assertThat(zh.text()).contains("提案办理台", "应用", "驾驶舱", "任务列表", "管理台", "个人资料", "界面语言")
                .doesNotContain("Applications", "Profile");
        assertShowsOnly(zh, "welcome/locales/zh.json");
        zh.screenshot("webapps-zh-welcome");

        zh.open(COCKPIT);
        waitForText(zh, "运行中的流程实例");
        assertThat(zh.text()).contains("当前概况", "未完成的人工任务", "挂图作战").doesNotContain("Running Process Instances");
        assertShowsOnly(zh, "cockpit/locales/zh.json");
        zh.screenshot("webapps-zh-cockpit");

        zh.open(ADMIN_USERS);
        waitForText(zh, "用户列表");
        waitForText(zh, ADMIN);
        assertThat(zh.text()).contains(ADMIN, "添加用户").doesNotContain("List of Users");
        assertShowsOnly(zh, "admin/locales/zh.json");
        zh.screenshot("webapps-zh-admin");
    }

    @Test
    void camundaFormsInTasklistSpeakChinese() {
        Bureau bureau = new Bureau(rest, identity);
        String number = TestProposals.newNumber("E2E-ZH");
        bureau.registerSignForAndAssign(number, "food");

        HeadlessChromium zh = browser("zh-CN");
        TasklistPage tasklist = new TasklistPage(zh);
        tasklist.logIn(Bureau.FOOD, Bureau.PASSWORD);
        WebElement card = tasklist.waitForTask(TasklistFilters.DEPARTMENT_TASKS, number, "先沟通后办理：联系委员");
        assertThat(card.getText()).contains("创建时间", "提案编号").doesNotContain("ago", "Created");
        tasklist.open(card, "先沟通后办理：联系委员");
        tasklist.claim();
        assertShowsOnly(zh, "tasklist/locales/zh.json");

        // form-js's own words: the required-field message, the empty drop-down, the date picker
        tasklist.type("参与人员", "李小红");
        tasklist.erase("参与人员");
        zh.waiting().until(driver -> !tasklist.errors("参与人员").isEmpty());
        assertThat(tasklist.errors("参与人员")).containsExactly("此项为必填项。");
        assertThat(tasklist.field("沟通方式").findElement(By.cssSelector(".fjs-select-display")).getText()).isEqualTo("请选择");
        zh.screenshot("webapps-zh-tasklist-form");
        WebElement date = tasklist.field("沟通日期").findElement(By.cssSelector("input"));
        zh.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", date);
        date.click();
        // the calendar opens with an animation: a weekday not yet shown reads as empty
        List<String> weekdays = zh.waiting().until(driver -> {
            List<String> shown = driver.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")).stream()
                    .map(day -> day.getText().trim()).toList();
            return shown.size() == 7 && shown.stream().noneMatch(String::isEmpty) ? shown : null;
        });
        assertThat(weekdays).containsExactly("一", "二", "三", "四", "五", "六", "日");
        assertThat(zh.visible(By.cssSelector(".flatpickr-calendar.open .flatpickr-monthDropdown-months")).getText()).contains("月");
        assertThat(date.getDomProperty("placeholder")).isEqualTo("yyyy/mm/dd");
        zh.screenshot("webapps-zh-tasklist-date-picker");
    }

    @Test
    void anEnglishBrowserGetsEnglishAndAChineseBrowserMayChooseIt() {
        HeadlessChromium en = browser("en-US");
        en.logIn(WELCOME, ADMIN, ADMIN_PASSWORD);
        en.visible(By.id("pd-language"));
        assertThat(en.text()).contains("Applications", "Profile", "Cockpit", "Tasklist").doesNotContain("应用", "个人资料");
        assertShowsOnly(en, "welcome/locales/en.json");
        en.screenshot("webapps-en-welcome");

        HeadlessChromium zh = browser("zh-CN");
        zh.logIn(WELCOME, ADMIN, ADMIN_PASSWORD);
        new Select(zh.visible(By.id("pd-language"))).selectByValue("en");
        waitForText(zh, "Applications");
        assertShowsOnly(zh, "welcome/locales/en.json");
        zh.open(TasklistPage.PATH);
        waitForText(zh, "Start process");
        assertThat(zh.text()).doesNotContain("启动流程");
        assertShowsOnly(zh, "tasklist/locales/en.json");
        zh.screenshot("webapps-zh-browser-chose-english");

        zh.open(WELCOME);
        new Select(zh.visible(By.id("pd-language"))).selectByValue("");
        waitForText(zh, "应用");
        assertShowsOnly(zh, "welcome/locales/zh.json");
    }

    private static void waitForText(HeadlessChromium browser, String text) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /**
     * The page loaded this one locale file and no other (with two, the last to arrive would set the language of
     * dates), and shows no end-of-life banner.
     */
    private static void assertShowsOnly(HeadlessChromium browser, String localeFile) {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.driver().executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/locales/'))"
                        + ".map(n => n.replace(/^.*\\/app\\//, '').replace(/\\?.*$/, ''))");
        assertThat(loaded).containsOnly(localeFile);
        assertThat(browser.all(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    }
}
