package com.proposaldesk.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * The home after a login to Tasklist, in headless Chromium (screenshot {@code target/e2e/home.png}), and Tasklist's
 * 工作台 link and 案卷 tab on a proposal's task.
 */
class HomeBrowserIT extends BrowserTestBase {

    private static final String CLERK = "e2e-home-office";
    private static final String PASSWORD = "Home-secret-1";
    /** The sample row's number in the import template. */
    private static final String TEMPLATE_NUMBER = "20240001";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProposalRegistrationService registration;

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void aClerkGoesFromTasklistToTheHomeAndFromATaskToItsCaseFile() {
        officeClerk(CLERK, PASSWORD);
        BpmnAwareTests.init(engine);
        String number = TestProposals.newNumber("E2E-HOME");
        ProcessInstance pi = new ProposalSteps(engine, registration).register(TestProposals.request(number, ProposalRole.LEAD));
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list().get(0);

        HeadlessChromium chromium = browser("zh-CN");
        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.logIn("/camunda/app/tasklist/default/", CLERK, PASSWORD);
        WebElement home = chromium.visible(By.cssSelector("a.pd-home-link"));
        assertThat(home.getText()).isEqualTo("工作台");

        chromium.open("/camunda/app/tasklist/default/#/?task=" + task.getId() + "&detailsTab=proposal-case-file");
        WebElement caseFile = chromium.visible(By.cssSelector("a.pd-case-file-link"));
        assertThat(caseFile.getAttribute("href")).endsWith("/proposals/" + number);

        chromium.open("/");
        chromium.visible(By.cssSelector("ul.tiles"));
        assertThat(chromium.text()).contains("工作台", "王晓明", "案卷检索", "挂图作战", "导入交办清单", "操作记录", "Cockpit")
                .doesNotContain("Admin");
        assertThat(List.of(chromium.screenshot("home"))).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    /** import.html on the login of Tasklist: the upload goes through without a second password. */
    @Test
    void theOfficeImportsAnAssignmentListOnItsTasklistLogin() throws IOException {
        officeClerk(CLERK, PASSWORD);
        String number = "2099" + String.format("%06d", System.nanoTime() % 1_000_000);
        String template = new String(rest.withBasicAuth(CLERK, PASSWORD)
                .getForObject("/api/proposals/import/template.csv", byte[].class), StandardCharsets.UTF_8);
        assertThat(template).contains(TEMPLATE_NUMBER);
        Path list = Files.createTempFile("assignment-list-", ".csv");
        Files.writeString(list, template.replace(TEMPLATE_NUMBER, number), StandardCharsets.UTF_8);

        HeadlessChromium chromium = browser("zh-CN");
        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.logIn("/camunda/app/tasklist/default/", CLERK, PASSWORD);
        chromium.open("/import.html");
        chromium.visible(By.id("file")).sendKeys(list.toAbsolutePath().toString());
        chromium.driver().findElement(By.cssSelector("#upload button[type='submit']")).click();
        WebElement status = chromium.visible(By.cssSelector("#status.ok"));
        assertThat(status.getText()).contains("1");
        assertThat(chromium.visible(By.id("result")).getText()).contains(number);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
                .isEqualTo(1);
        chromium.screenshot("import-on-login");
        Files.delete(list);
    }
}
