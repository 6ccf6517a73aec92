package com.proposaldesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * {@code GET /api/proposals/search}: the criteria, order and paging, what each user may see (totals included), the
 * Chinese answer to bad criteria, and the ledger export of the same filter.
 */
@ProposalDeskSpringTest
class ProposalSearchApiTest {

    private static final String PASSWORD = "Search-Pw-2026";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;

    ProposalSteps steps;
    /** Every proposal of a test is in a session of its own, so that other tests' proposals stay out. */
    String session;
    String foodLead;
    String equipmentKey;
    String unassigned;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        session = "市政协七届三次会议（检索" + TestProposals.newNumber("S") + "）";
        foodLead = TestProposals.newNumber("SEARCH-A");
        ProcessInstance a = steps.register(request(foodLead, ProposalRole.LEAD, false, "2025-04-10", "校园周边食品安全"));
        steps.signFor(a);
        steps.assign(a, "food", List.of("ip"));
        steps.communicateFirst(a);
        equipmentKey = TestProposals.newNumber("SEARCH-B");
        ProcessInstance b = steps.register(request(equipmentKey, ProposalRole.SOLE, true, "2024-03-15", "电梯维保质量"));
        steps.signFor(b);
        steps.assign(b, "equipment", List.of());
        steps.communicateFirst(b);
        steps.draftReply(b, "B");
        unassigned = TestProposals.newNumber("SEARCH-C");
        steps.register(request(unassigned, ProposalRole.SPLIT, false, "2025-05-06", "农贸市场价格公示"));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void criteriaNarrowTheListAndEachItemLinksItsCaseFile() {
        JsonNode all = search("office", "");
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(numbers(all)).containsExactly(unassigned, foodLead, equipmentKey); // newest assignment first

        JsonNode item = find(all, foodLead);
        assertThat(item.path("title").asText()).contains("校园周边食品安全");
        assertThat(item.path("leadMember").asText()).isEqualTo("委员" + foodLead);
        assertThat(item.path("leadDepartmentName").asText()).isEqualTo("食品安全处");
        assertThat(item.path("assistingDepartmentNames").get(0).asText()).isEqualTo("知识产权处");
        assertThat(item.path("roleLabel").asText()).isEqualTo("主办");
        assertThat(item.path("statusLabel").asText()).isEqualTo("办理中");
        assertThat(item.path("answerDue").asText()).isEqualTo("2025-07-10");
        assertThat(item.path("caseFile").asText()).isEqualTo("/proposals/" + foodLead);

        assertThat(numbers(search("office", "number=" + foodLead))).containsExactly(foodLead);
        assertThat(numbers(search("office", "title=电梯"))).containsExactly(equipmentKey);
        assertThat(numbers(search("office", "member=委员" + unassigned))).containsExactly(unassigned);
        assertThat(numbers(search("office", "member=王五"))).as("co-signers count").hasSize(3);
        assertThat(numbers(search("office", "department=ip"))).as("ip assists").containsExactly(foodLead);
        assertThat(numbers(search("office", "department=ip&departmentRole=LEAD"))).isEmpty();
        assertThat(numbers(search("office", "department=food&departmentRole=LEAD"))).containsExactly(foodLead);
        assertThat(numbers(search("office", "role=SOLE"))).containsExactly(equipmentKey);
        assertThat(numbers(search("office", "status=REGISTERED"))).containsExactly(unassigned);
        assertThat(numbers(search("office", "year=2024"))).containsExactly(equipmentKey);
        assertThat(numbers(search("office", "key=true"))).containsExactly(equipmentKey);
        assertThat(numbers(search("office", "key=false"))).containsExactlyInAnyOrder(foodLead, unassigned);
        // on 20 July 2025 the answers due on 10 July 2025 and in June 2024 are overdue, the one due in August is not
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-07-20T10:00:00+08:00").toInstant()));
        assertThat(numbers(search("office", "overdue=true"))).containsExactlyInAnyOrder(foodLead, equipmentKey);
        assertThat(numbers(search("office", "overdue=false"))).containsExactly(unassigned);
    }

    @Test
    void freeTextSearchesTitlesSuggestionsAndRepliesWordByWord() {
        assertThat(numbers(search("office", "q=农贸"))).as("title").containsExactly(unassigned);
        assertThat(numbers(search("office", "q=季度联合检查"))).as("a suggestion").hasSize(3);
        assertThat(numbers(search("office", "q=我局已建立"))).as("a reply").containsExactly(equipmentKey);
        assertThat(numbers(search("office", "q=电梯 我局已建立"))).as("every word").containsExactly(equipmentKey);
        assertThat(numbers(search("office", "q=电梯 农贸"))).isEmpty();
        assertThat(numbers(search("office", "q=100%"))).as("a wildcard is taken literally").isEmpty();
    }

    @Test
    void pagesAndOrder() {
        JsonNode first = search("office", "sort=number&size=2");
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("items")).hasSize(2);
        JsonNode second = search("office", "sort=number&size=2&page=1");
        assertThat(second.path("items")).hasSize(1);
        List<String> byNumber = new ArrayList<>(List.of(foodLead, equipmentKey, unassigned));
        byNumber.sort(null);
        assertThat(numbers(first)).containsExactlyElementsOf(byNumber.subList(0, 2));
        assertThat(numbers(second)).containsExactly(byNumber.get(2));
        assertThat(numbers(search("office", "sort=answerDue,desc"))).containsExactly(unassigned, foodLead, equipmentKey);
        assertThat(search("office", "page=9").path("items")).isEmpty();
    }

    @Test
    void eachUserFindsOnlyTheProposalsTheyMaySee() {
        Map<String, List<String>> expected = Map.of(
                "office", List.of(foodLead, equipmentKey, unassigned),
                "principal", List.of(foodLead, equipmentKey, unassigned),
                "leader", List.of(foodLead, equipmentKey),
                "food", List.of(foodLead), "food-head", List.of(foodLead), "ip", List.of(foodLead),
                "equipment", List.of(equipmentKey), "equipment-head", List.of(equipmentKey));
        expected.forEach((user, numbers) -> {
            JsonNode result = search(user, "");
            assertThat(numbers(result)).as(user).containsExactlyInAnyOrderElementsOf(numbers);
            assertThat(result.path("total").asLong()).as(user + "'s total").isEqualTo(numbers.size());
        });
        assertThat(search("food", "department=equipment").path("total").asLong()).isZero();
        assertThat(rest.getForEntity("/api/proposals/search", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badCriteriaAreRefusedInChinese() {
        Map<String, String> refusals = Map.of(
                "year=明年", "年度“明年”无效",
                "status=DONE", "状态“DONE”无效",
                "size=1000", "每页条数“1000”无效",
                "page=-1", "页码“-1”无效",
                "key=maybe", "重点提案“maybe”无效",
                "sort=colour", "排序字段“colour”无效",
                "department=nowhere", "处室“nowhere”不存在");
        refusals.forEach((query, message) -> {
            ResponseEntity<JsonNode> response = as("office").get("/api/proposals/search?" + query);
            assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("message").asText()).as(query).contains(message);
        });
    }

    @Test
    void theFilterExportsAsTheLedger() throws IOException {
        ResponseEntity<byte[]> workbook = as("office").download("/api/proposals/search.xlsx?session=" + session
                + "&key=false&sort=number");
        assertThat(workbook.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(workbook.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.getBody()))) {
            XSSFSheet sheet = book.getSheet("提案办理台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            List<String> numbers = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(numbers).containsExactly(foodLead, unassigned);
        }
        ResponseEntity<byte[]> food = as("food").download("/api/proposals/search.xlsx?session=" + session);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(food.getBody()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).as("food's ledger has food's proposal only").isEqualTo(1);
        }
    }

    private JsonNode search(String user, String query) {
        ResponseEntity<JsonNode> response = as(user).get("/api/proposals/search?session=" + session
                + (query.isEmpty() ? "" : "&" + query));
        assertThat(response.getStatusCode()).as(user + " " + query + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ApiClient as(String user) {
        String group = switch (user) {
            case "office", "leader", "principal" -> user;
            default -> user.endsWith("-head") ? "head-" + user.substring(0, user.length() - 5) : "dept-" + user;
        };
        // ids of their own: other test classes share the database and create "office", "food"... with other passwords
        return ApiClient.as(rest, identity, "search-" + user, PASSWORD, group);
    }

    private RegistrationRequest request(String number, ProposalRole role, boolean key, String assignedOn, String subject) {
        RegistrationRequest r = TestProposals.request(number, role, key, List.of());
        return new RegistrationRequest(r.number(), r.source(), session, "关于" + subject + "的提案（" + number + "）",
                r.leadMember(), r.coSigners(), r.suggestions(), r.role(), r.key(), assignedOn, r.externalLeadUnit(),
                r.externalCoUnits());
    }

    private static JsonNode find(JsonNode result, String number) {
        for (JsonNode item : result.path("items")) {
            if (number.equals(item.path("number").asText())) {
                return item;
            }
        }
        throw new AssertionError(number + " not in " + result);
    }

    private static List<String> numbers(JsonNode result) {
        List<String> numbers = new ArrayList<>();
        result.path("items").forEach(item -> numbers.add(item.path("number").asText()));
        return numbers;
    }
}
