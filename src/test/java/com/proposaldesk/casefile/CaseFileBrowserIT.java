package com.proposaldesk.casefile;

import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * The case file and search pages in headless Chromium after a login to Tasklist, at 1366×768 and at phone width. The
 * screenshots are kept in {@code target/e2e/case-file*.png} and {@code proposal-search.png}.
 */
class CaseFileBrowserIT extends BrowserTestBase {

    private static final String CLERK = "e2e-case-office";
    private static final String PASSWORD = "Case-secret-1";

    @Autowired
    ProposalRegistrationService registration;

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void aClerkFromTasklistReadsTheCaseFileAndSearches() {
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

        HeadlessChromium chromium = browser("zh-CN");
        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.logIn("/camunda/app/tasklist/default/", CLERK, PASSWORD);
        chromium.open("/proposals/" + number);
        chromium.visible(By.id("timeline"));
        assertThat(chromium.text()).contains(number, "登记信息", "办理过程", "分派主办和协办处室", "请补充抽检数据和整改时限", "分管局领导签发")
                .as("every department by its name").contains("协办处室\n知识产权处").doesNotContain("null");
        assertThat(chromium.all(By.cssSelector("#timeline tr.late"))).as("steps done after their 2025 deadlines").isNotEmpty();
        Path wide = chromium.screenshot("case-file");

        chromium.driver().manage().window().setSize(new Dimension(390, 844));
        chromium.open("/proposals/" + number);
        chromium.visible(By.id("timeline"));
        Long overflow = (Long) chromium.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0L);
        Path phone = chromium.screenshot("case-file-phone");

        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.open("/proposals?q=" + number);
        assertThat(chromium.text()).contains("共 1 件", number);
        Path search = chromium.screenshot("proposal-search");
        assertThat(List.of(wide, phone, search)).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }
}
