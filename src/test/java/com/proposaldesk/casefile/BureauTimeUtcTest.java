package com.proposaldesk.casefile;

import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * The bureau's zone whatever the server's: the tests run with {@code -Duser.timezone=UTC}, and everything here happens
 * at 00:30 in Beijing, still the previous day in UTC. The timeline's times and the letter's date must say the Beijing
 * day (in the server's zone they would say the day before); dates typed in forms stay as typed in the API and the
 * ledger export.
 */
@ProposalDeskSpringTest
class BureauTimeUtcTest {

    private static final String PASSWORD = "Utc-Zone-Pw-1";
    /** 2025-06-21 00:30 in Beijing. */
    private static final String AFTER_MIDNIGHT = "2025-06-20T16:30:00Z";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void datesAndTimesAreTheBureausWhileTheServerRunsInUtc() throws IOException {
        assertThat(TimeZone.getDefault().getID()).as("this test means something only off the bureau's zone").isEqualTo("UTC");
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(AFTER_MIDNIGHT).toInstant()));
        ProposalSteps steps = new ProposalSteps(engine, registration);
        String number = TestProposals.newNumber("UTC");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of());
        steps.communicateFirst(pi);
        steps.draftReply(pi, "A");
        for (String step : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER)) {
            steps.approve(pi, step);
        }
        ApiClient office = ApiClient.as(rest, identity, "utc-office", PASSWORD, "office");

        JsonNode file = office.get("/api/proposals/" + number + "/case-file").getBody();
        assertThat(file.path("signFor").get(0).path("signedOn").asText()).as("the date typed in the form, not shifted")
                .isEqualTo("2025-04-11");
        JsonNode signFor = null;
        for (JsonNode step : file.path("timeline")) {
            signFor = signFor == null && "签收".equals(step.path("step").asText()) ? step : signFor;
        }
        assertThat(signFor).as(file.path("timeline").toString()).isNotNull();
        assertThat(signFor.path("done").asText()).isEqualTo("2025-06-21T00:30:00+08:00");
        file.path("timeline").forEach(step -> assertThat(step.path("due").asText("+08:00")).endsWith("+08:00"));

        ResponseEntity<byte[]> ledger = office.download("/api/proposals/search.xlsx?number=" + number);
        assertThat(ledger.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int signedOn = -1;
            for (Cell header : sheet.getRow(0)) {
                signedOn = "签收日期".equals(header.getStringCellValue()) ? header.getColumnIndex() : signedOn;
            }
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(number);
            assertThat(row.getCell(signedOn).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 11));
        }

        ResponseEntity<byte[]> letter = office.download("/api/proposals/" + number + "/reply-letter.docx");
        assertThat(letter.getStatusCode().value()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(letter.getBody()))) {
            assertThat(new XWPFWordExtractor(document).getText()).contains("2025年6月21日").doesNotContain("2025年6月20日");
        }
    }
}
