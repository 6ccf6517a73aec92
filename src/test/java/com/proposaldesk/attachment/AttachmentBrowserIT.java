package com.proposaldesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * A clerk uploads a scan with a Chinese name through the case file page's form in headless Chromium, after a login to
 * Tasklist, at 1366×768 and at phone width. Screenshots in {@code target/e2e/case-file-attachments*.png}.
 */
class AttachmentBrowserIT extends BrowserTestBase {

    private static final String CLERK = "e2e-att-office";
    private static final String PASSWORD = "Att-secret-1";

    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void aClerkUploadsAScanFromTheCaseFilePage() {
        officeClerk(CLERK, PASSWORD);
        BpmnAwareTests.init(engine);
        ProposalSteps steps = new ProposalSteps(engine, registration);
        String number = TestProposals.newNumber("E2E-ATT");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of());
        String name = "市政协交办单（扫描件）.pdf";
        byte[] scan = AttachmentSamples.pdf(120_000);

        HeadlessChromium chromium = browser("zh-CN");
        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        chromium.logIn("/camunda/app/tasklist/default/", CLERK, PASSWORD);
        chromium.open("/proposals/" + number + "#attachments");
        chromium.visible(By.cssSelector("form.upload select[name=kind]")).sendKeys("交办单");
        // chromedriver does not find files with Chinese names on a machine without a UTF-8 locale: the browser makes the
        // file itself, and sends it as it sends any chosen file
        chromium.driver().executeScript("""
                const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));
                const chosen = new DataTransfer();
                chosen.items.add(new File([bytes], arguments[0], {type: 'application/pdf'}));
                document.querySelector('form.upload input[type=file]').files = chosen.files;""",
                name, Base64.getEncoder().encodeToString(scan));
        chromium.driver().findElement(By.cssSelector("form.upload input[name=description]")).sendKeys("原件存提案办");
        chromium.driver().findElement(By.cssSelector("form.upload button[type=submit]")).click();

        chromium.waiting().until(driver -> driver.getCurrentUrl().contains("notice=uploaded"));
        assertThat(chromium.visible(By.id("attachments")).getText()).contains("附件已上传。", "交办单", name, "117.2 KB", "王晓明 提案办");
        assertThat(jdbc.sql("SELECT file_name, kind, content FROM pd_attachment WHERE file_name = ?").param(name)
                .query((rs, row) -> rs.getString("kind") + ":" + (Arrays.equals(rs.getBytes("content"), scan))).single())
                .as("the browser's upload stored as sent, name and bytes").isEqualTo("ASSIGNMENT_SHEET:true");
        chromium.driver().executeScript("document.getElementById('attachments').scrollIntoView()");
        Path wide = chromium.screenshot("case-file-attachments");

        chromium.driver().manage().window().setSize(new Dimension(390, 844));
        chromium.open("/proposals/" + number);
        chromium.visible(By.id("attachments"));
        Long overflow = (Long) chromium.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0L);
        chromium.driver().executeScript("document.getElementById('attachments').scrollIntoView()");
        Path phone = chromium.screenshot("case-file-attachments-phone");
        assertThat(List.of(wide, phone)).allSatisfy(shot -> assertThat(shot).isNotEmptyFile());
    }
}
