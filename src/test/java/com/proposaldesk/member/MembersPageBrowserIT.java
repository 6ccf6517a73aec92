package com.proposaldesk.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.TestProposals;

/**
 * 属地负责、分片包干 in members.html: the office sets a member's liaison department and person in the coverage table,
 * sees the Chinese refusal of a wrong person next to the field, and the table shows what was stored, after a reload
 * too. Screenshots in {@code target/e2e/members-liaison*.png}.
 */
class MembersPageBrowserIT extends BrowserTestBase {

    private static final String OFFICE = "members-office";
    private static final String HANDLER = "members-food";
    private static final String PASSWORD = "Members-Pw-2026";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MemberRegistry registry;

    @Test
    void theOfficeSetsAMembersLiaisonInThePageAndTheTableShowsTheStoredValues() {
        ApiClient.as(rest, engine.getIdentityService(), OFFICE, PASSWORD, "office");
        ApiClient.as(rest, engine.getIdentityService(), HANDLER, PASSWORD, "dept-food");
        String name = "林" + TestProposals.newNumber("PAGE");
        long id = registry.create(new MemberRequest(name, "经济界", "13900000009", null, "福田区", null, null)).id();

        HeadlessChromium chromium = browser("zh-CN");
        // the browser's HTTP Basic login, as the office's browser would keep it after the login prompt
        chromium.driver().get("http://" + OFFICE + ":" + PASSWORD + "@localhost:" + port + "/api/members/coverage");
        chromium.open("/members.html");
        By row = By.cssSelector("tr[data-member-id='" + id + "']");
        WebElement before = chromium.visible(row);
        assertThat(cells(before)[3]).isEmpty();
        assertThat(chromium.driver().findElement(By.id("liaison")).isDisplayed()).as("the form waits for a click").isFalse();
        before.findElement(By.cssSelector("button.edit-liaison")).click();

        chromium.visible(By.id("liaison"));
        chromium.waiting().until(d -> new Select(d.findElement(By.id("liaisonDepartment"))).getOptions().size() > 1);
        new Select(chromium.driver().findElement(By.id("liaisonDepartment"))).selectByValue("food");
        WebElement person = chromium.driver().findElement(By.id("liaisonUser"));
        person.clear();
        person.sendKeys("ghost");
        chromium.driver().findElement(By.cssSelector("#liaison button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("liaisonUserError"),
                "联络人“ghost”不是系统用户，请填写联络人的登录账号"));
        assertThat(registry.get(id).liaisonDepartment()).as("nothing stored").isNull();
        chromium.screenshot("members-liaison-refused");

        person.clear();
        person.sendKeys(HANDLER);
        chromium.driver().findElement(By.cssSelector("#liaison button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("liaisonStatus"), "已保存"));
        chromium.waiting().until(d -> cells(d.findElement(row))[3].equals("食品安全处"));
        assertThat(chromium.driver().findElement(By.id("liaison")).isDisplayed()).as("the form closes once saved").isFalse();
        assertThat(cells(chromium.driver().findElement(row))[4]).isEqualTo("测试 " + HANDLER);
        assertThat(registry.get(id).liaisonUser()).isEqualTo(HANDLER);
        chromium.screenshot("members-liaison");

        chromium.driver().navigate().refresh();
        String[] stored = cells(chromium.visible(row));
        assertThat(stored[3]).isEqualTo("食品安全处");
        assertThat(stored[4]).isEqualTo("测试 " + HANDLER);
    }

    private static String[] cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toArray(String[]::new);
    }
}
