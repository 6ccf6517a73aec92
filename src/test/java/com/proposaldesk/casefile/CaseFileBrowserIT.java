package com.proposaldesk.casefile;

import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * The case file and search pages in headless Chromium after a login to Tasklist: the office finds a closed proposal by
 * its number from the home, reads its case file and downloads the letter; a department's search lists only its own
 * proposals; both pages at 1366×768 and at phone width (375 px). The screenshots are kept in {@code target/e2e/}.
 */
class CaseFileBrowserIT extends BrowserTestBase {

    private static final String CLERK = "e2e-case-office";
    private static final String FOOD_HANDLER = "e2e-case-food";
    private static final String PASSWORD = "Case-secret-1";
    private static final int PHONE = 375;

    @Autowired
    ProposalRegistrationService registration;

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void theOfficeFindsAClosedProposalByNumberFromTheHomeReadsItsCaseFileAndDownloadsTheLetter() {
        officeClerk(CLERK, PASSWORD);
        BpmnAwareTests.init(engine);
        ProposalSteps steps = new ProposalSteps(engine, registration);
        String number = TestProposals.newNumber("E2E-CASE");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of("ip"));
        steps.communicateFirst(pi);
        steps.complete("ip-zhao", pi, TASK_ASSISTING_OPINION, ProposalSteps.form("opinionText", "建议同步公开抽检结果"));
        steps.draftReply(pi, "A");
        steps.sendBack(pi, TASK_REVIEW_DEPT_HEAD, "请补充抽检数据和整改时限");
        steps.draftReply(pi, "A");
        for (String step : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER)) {
            steps.approve(pi, step);
        }
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-08-05");
        steps.evaluate(pi, "SATISFIED", "2025-08-20", "满意");

        HeadlessChromium chromium = browser("zh-CN");
        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.logIn("/camunda/app/tasklist/default/", CLERK, PASSWORD);
        chromium.open("/");
        WebElement search = chromium.visible(By.id("home-search"));
        search.sendKeys(number);
        search.submit();
        chromium.visible(By.linkText(number));
        assertThat(chromium.text()).contains("共 1 件", "已办结");
        Path found = chromium.screenshot("home-search-by-number");
        chromium.driver().findElement(By.linkText(number)).click();

        chromium.visible(By.id("timeline"));
        assertThat(chromium.driver().getCurrentUrl()).endsWith("/proposals/" + number);
        assertThat(chromium.text()).contains(number, "已办结", "登记信息", "办理过程", "分派主办和协办处室", "请补充抽检数据和整改时限",
                        "分管局领导签发", "北京时间")
                .as("every department by its name").contains("协办处室\n知识产权处").doesNotContain("null");
        assertThat(chromium.all(By.cssSelector("#timeline tr.late"))).as("steps done after their 2025 deadlines").isNotEmpty();
        Path closed = chromium.screenshot("case-file-closed");

        WebElement letter = chromium.visible(By.cssSelector("a[href$='reply-letter.docx']"));
        assertThat(letter.getText()).contains("下载答复函");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) chromium.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(async response => {
                    const bytes = new Uint8Array(await response.arrayBuffer());
                    done({ status: response.status, type: response.headers.get('Content-Type') || '',
                           disposition: response.headers.get('Content-Disposition') || '',
                           size: bytes.length, zip: bytes[0] === 0x50 && bytes[1] === 0x4b });
                  })
                  .catch(e => done({ status: -1, type: String(e) }));
                """, letter.getDomAttribute("href"));
        assertThat(download.get("status")).as("the letter over the session: %s", download).isEqualTo(200L);
        assertThat((String) download.get("type")).contains("wordprocessingml.document");
        assertThat((String) download.get("disposition")).contains("attachment", ".docx");
        assertThat((Long) download.get("size")).isGreaterThan(1000L);
        assertThat(download.get("zip")).as("a .docx is a zip file").isEqualTo(true);

        chromium.driver().manage().window().setSize(new Dimension(PHONE, 812));
        chromium.open("/proposals/" + number);
        chromium.visible(By.id("timeline"));
        assertNoSidewaysScrolling(chromium, "case file");
        Path phone = chromium.screenshot("case-file-phone");

        chromium.open("/proposals?q=" + number);
        chromium.visible(By.linkText(number));
        assertNoSidewaysScrolling(chromium, "search");
        Path searchPhone = chromium.screenshot("proposal-search-phone");

        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.open("/proposals?q=" + number);
        assertThat(chromium.text()).contains("共 1 件", number);
        assertNoSidewaysScrolling(chromium, "search");
        Path wide = chromium.screenshot("proposal-search");
        assertThat(List.of(found, closed, phone, searchPhone, wide)).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    @Test
    void aDepartmentsSearchListsOnlyItsOwnProposals() {
        departmentHandler(FOOD_HANDLER, "dept-food");
        BpmnAwareTests.init(engine);
        ProposalSteps steps = new ProposalSteps(engine, registration);
        String prefix = TestProposals.newNumber("E2E-DEPT");
        String own = prefix + "-F";
        String other = prefix + "-E";
        ProcessInstance food = steps.register(TestProposals.request(own, ProposalRole.LEAD));
        steps.signFor(food);
        steps.assign(food, "food", List.of());
        ProcessInstance equipment = steps.register(TestProposals.request(other, ProposalRole.LEAD));
        steps.signFor(equipment);
        steps.assign(equipment, "equipment", List.of());

        HeadlessChromium chromium = browser("zh-CN");
        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.logIn("/camunda/app/tasklist/default/", FOOD_HANDLER, PASSWORD);
        chromium.open("/proposals?number=" + prefix);
        chromium.visible(By.linkText(own));
        assertThat(chromium.text()).contains("共 1 件", own).doesNotContain(other);
        chromium.screenshot("proposal-search-department");

        chromium.open("/proposals/" + other);
        assertThat(chromium.text()).contains("无权查看").doesNotContain("登记信息");
    }

    private static void assertNoSidewaysScrolling(HeadlessChromium chromium, String page) {
        Long overflow = (Long) chromium.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling on the %s page", page).isLessThanOrEqualTo(0L);
    }

    private void departmentHandler(String userId, String group) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group department = identity.newGroup(group);
            department.setName("食品安全处经办人");
            department.setType("WORKFLOW");
            identity.saveGroup(department);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName("李小红");
            user.setLastName("食品安全处");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(userId, group);
        }
    }
}
