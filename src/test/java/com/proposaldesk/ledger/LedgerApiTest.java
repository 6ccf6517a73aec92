package com.proposaldesk.ledger;

import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.support.ProposalSteps.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.extension.ExtensionRepository;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ApiUsers;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** The ledger (台账) downloaded as .xlsx and read back, with its filters. */
@ProposalDeskSpringTest
class LedgerApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    ExtensionRepository extensions;

    private TestRestTemplate api;
    private ProposalSteps steps;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        api = ApiUsers.signedIn(rest, engine, "office-ledger");
        steps = new ProposalSteps(engine, registration);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aRowPerProposalWithItsDatesResultsAndFilters() throws IOException {
        String session = "市政协七届三次会议（台账" + TestProposals.newNumber("S") + "）";
        String closed = TestProposals.newNumber("LEDGER");
        ProcessInstance pi = steps.register(request(closed, session, ProposalRole.LEAD, TestProposals.ASSIGNED_ON));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of("ip"));
        steps.communicateFirst(pi);
        steps.complete("ip-zhao", pi, TASK_ASSISTING_OPINION, form("opinionText", "知识产权处：无补充意见"));
        steps.draftReply(pi, "A");
        for (String step : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER)) {
            steps.approve(pi, step);
        }
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-06-20");
        steps.evaluate(pi, "SATISFIED", "2025-06-30", null);

        String extended = TestProposals.newNumber("LEDGER");
        ProcessInstance second = steps.register(request(extended, session, ProposalRole.SOLE, "2024-03-15"));
        steps.signFor(second);
        steps.assign(second, "ip", List.of());
        steps.communicateFirst(second);
        long proposalId = proposals.get(extended).id();
        long extension = extensions.request(proposalId, "MEMBER", "委员申请延期", LocalDate.of(2024, 9, 13),
                proposals.get(extended).answerDue(), ProposalSteps.OFFICE);
        extensions.decide(extension, true, LocalDate.of(2024, 9, 13), "市政协提案委同意", null, ProposalSteps.OFFICE);

        String registered = TestProposals.newNumber("LEDGER");
        steps.register(request(registered, session, ProposalRole.CO_HANDLING, "2025-05-06"));

        ResponseEntity<byte[]> all = ledger("session=" + session);
        assertThat(all.getStatusCode().value()).isEqualTo(200);
        assertThat(all.getHeaders().getContentType().toString()).contains("spreadsheetml");
        assertThat(all.getHeaders().getContentDisposition().getFilename()).isEqualTo("提案办理台账.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(all.getBody()))) {
            XSSFSheet sheet = workbook.getSheet("提案办理台账");
            Row header = sheet.getRow(0);
            assertThat(cells(header)).containsExactly("编号", "来源", "会议届次", "标题", "领衔委员", "我局角色", "重点", "主办处室",
                    "协办处室", "交办日期", "签收日期", "首次沟通日期", "答复期限", "答复日期", "是否按时", "答复类别", "委员评价", "延期", "状态");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);

            Map<String, Object> first = row(sheet, closed);
            assertThat(first).containsEntry("来源", "政协提案").containsEntry("会议届次", session)
                    .containsEntry("领衔委员", "委员" + closed).containsEntry("我局角色", "主办").containsEntry("重点", "否")
                    .containsEntry("主办处室", "食品安全处").containsEntry("协办处室", "知识产权处")
                    .containsEntry("交办日期", LocalDate.of(2025, 4, 10)).containsEntry("签收日期", LocalDate.of(2025, 4, 11))
                    .containsEntry("首次沟通日期", LocalDate.of(2025, 4, 18)).containsEntry("答复期限", LocalDate.of(2025, 7, 10))
                    .containsEntry("答复日期", LocalDate.of(2025, 6, 20)).containsEntry("是否按时", "按时")
                    .containsEntry("答复类别", "A类").containsEntry("委员评价", "满意").containsEntry("延期", null)
                    .containsEntry("状态", "已办结");
            assertThat(row(sheet, extended)).containsEntry("主办处室", "知识产权处").containsEntry("延期", LocalDate.of(2024, 9, 13))
                    .containsEntry("交办日期", LocalDate.of(2024, 3, 15)).containsEntry("答复日期", null)
                    .containsEntry("是否按时", null).containsEntry("状态", "办理中");
            assertThat(row(sheet, registered)).containsEntry("我局角色", "会办").containsEntry("主办处室", null)
                    .containsEntry("签收日期", null).containsEntry("状态", "待签收");
        }

        assertThat(numbers(ledger("session=" + session + "&year=2024"))).containsExactly(extended);
        assertThat(numbers(ledger("session=" + session + "&year=2025"))).containsExactlyInAnyOrder(closed, registered);
        assertThat(numbers(ledger("session=" + session + "&department=food"))).containsExactly(closed);
        assertThat(numbers(ledger("session=" + session + "&status=CLOSED"))).containsExactly(closed);
        assertThat(numbers(ledger("year=2024&status=HANDLING&department=ip"))).contains(extended).doesNotContain(closed);
    }

    @Test
    void anUnknownStatusOrDepartmentIsRefusedInChinese() {
        ResponseEntity<JsonNode> status = api.getForEntity("/api/ledger.xlsx?status=DONE", JsonNode.class);
        assertThat(status.getStatusCode().value()).isEqualTo(400);
        assertThat(status.getBody().path("message").asText()).startsWith("状态“DONE”无效，可选：").contains("CLOSED（已办结）");

        ResponseEntity<JsonNode> department = api.getForEntity("/api/ledger.xlsx?department=nowhere", JsonNode.class);
        assertThat(department.getStatusCode().value()).isEqualTo(400);
        assertThat(department.getBody().path("message").asText()).startsWith("处室“nowhere”不存在，可选：").contains("food（食品安全处）");

        ResponseEntity<JsonNode> year = api.getForEntity("/api/ledger.xlsx?year=abc", JsonNode.class);
        assertThat(year.getStatusCode().value()).isEqualTo(400);
    }

    private ResponseEntity<byte[]> ledger(String query) {
        return api.getForEntity("/api/ledger.xlsx?" + query, byte[].class);
    }

    private static RegistrationRequest request(String number, String session, ProposalRole role, String assignedOn) {
        RegistrationRequest r = TestProposals.request(number, role);
        return new RegistrationRequest(r.number(), r.source(), session, r.title(), r.leadMember(), r.coSigners(),
                r.suggestions(), r.role(), r.key(), assignedOn, r.externalLeadUnit(), r.externalCoUnits());
    }

    private static List<String> numbers(ResponseEntity<byte[]> response) throws IOException {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> numbers = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            return numbers;
        }
    }

    private static Map<String, Object> row(XSSFSheet sheet, String number) {
        List<String> headers = cells(sheet.getRow(0));
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (number.equals(row.getCell(0).getStringCellValue())) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    values.put(headers.get(c), value(row.getCell(c)));
                }
                return values;
            }
        }
        throw new AssertionError("No row for " + number);
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        return cell.getStringCellValue();
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }
}
