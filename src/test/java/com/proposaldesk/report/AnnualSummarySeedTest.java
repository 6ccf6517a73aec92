package com.proposaldesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;

/**
 * The bureau's real 2023 figures (66 proposals: 3 承办, 16 主办, 6 分办, 41 会办; 23 satisfied; one key proposal
 * and one extended proposal still open) reproduced in the tables, and the summary must say exactly that.
 */
@ProposalDeskSpringTest
class AnnualSummarySeedTest {

    private static final String SESSION = "市政协七届三次会议（总结样例）";
    private static final String KEY_LED = "20230505";
    private static final String EXTENDED = "20230334";
    private static final List<String> KEY_CO_HANDLED = List.of("20230412", "20230444", "20230467", "20230492", "20230538");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    private ApiClient office;

    @BeforeEach
    void seed() {
        ProcessEngines.registerProcessEngine(engine);
        office = ApiClient.as(rest, identity, "summary-office", "secret", "office");
        if (jdbc.sql("SELECT COUNT(*) FROM pd_proposal WHERE session_name = ?").param(SESSION).query(Integer.class).single() == 0) {
            insertSeedYear();
        }
    }

    private void insertSeedYear() {
        SummaryRows rows = new SummaryRows(jdbc);
        LocalDate assigned = LocalDate.of(2023, 3, 20);
        LocalDate due = LocalDate.of(2023, 6, 20);
        LocalDate replied = LocalDate.of(2023, 6, 10);
        Set<String> special = Set.of(KEY_LED, EXTENDED, "20230412", "20230444", "20230467", "20230492", "20230538", "20230049");
        List<String> plain = new ArrayList<>();
        for (int n = 1; plain.size() < 58; n++) {
            String number = String.format("2023%04d", n);
            if (!special.contains(number)) {
                plain.add(number);
            }
        }
        // the bureau answers 25: 3 SOLE, 16 LEAD (incl. the key one and the extended one), 6 SPLIT
        List<ProposalRole> answeredRoles = new ArrayList<>();
        answeredRoles.addAll(java.util.Collections.nCopies(3, ProposalRole.SOLE));
        answeredRoles.addAll(java.util.Collections.nCopies(14, ProposalRole.LEAD));
        answeredRoles.addAll(java.util.Collections.nCopies(6, ProposalRole.SPLIT));
        int next = 0;
        List<String> departments = List.of("food", "ip", "agriculture");
        for (int i = 0; i < answeredRoles.size(); i++) {
            String number = i == 0 ? "20230049" : plain.get(next++);
            long id = rows.proposal(number, SESSION, answeredRoles.get(i), false, assigned, due, replied, true, "SATISFIED",
                    departments.get(i % 3), i % 5 == 0 ? List.of("standards") : List.of());
            rows.communication(id, "BEFORE_HANDLING");
        }
        long key = rows.proposal(KEY_LED, SESSION, ProposalRole.LEAD, true, assigned, LocalDate.now().plusMonths(1), null, null,
                null, "food", List.of("ip"));
        rows.communication(key, "BEFORE_HANDLING");
        long extended = rows.proposal(EXTENDED, SESSION, ProposalRole.LEAD, false, assigned, due, null, null, null, "pricing",
                List.of());
        rows.communication(extended, "BEFORE_HANDLING");
        rows.approvedExtension(extended, due, LocalDate.now().plusMonths(2));
        // 41 co-handled, every opinion letter sent on time
        for (int i = 0; i < 41; i++) {
            String number = i < KEY_CO_HANDLED.size() ? KEY_CO_HANDLED.get(i) : plain.get(next++);
            rows.proposal(number, SESSION, ProposalRole.CO_HANDLING, i < KEY_CO_HANDLED.size(), assigned, due,
                    replied.minusDays(20), true, null, null, List.of());
        }
    }

    @Test
    void theSummaryGivesTheSeedYearsFigures() {
        office.put("/api/reports/typical-cases/20230049", new ReportController.TypicalCaseRequest(
                "我局正牵头编制推动现代农业高质量发展的若干措施。"));

        ResponseEntity<JsonNode> response = office.get("/api/reports/annual?session=" + SESSION);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode summary = response.getBody();
        assertThat(summary.path("total").asInt()).isEqualTo(66);
        assertThat(roles(summary)).isEqualTo("SOLE=3,LEAD=16,SPLIT=6,CO_HANDLING=41");
        JsonNode answered = summary.path("answered");
        assertThat(answered.path("total").asInt()).isEqualTo(25);
        assertThat(answered.path("replied").asInt()).isEqualTo(23);
        assertThat(answered.path("pending")).hasSize(2);
        assertThat(answered.path("pending").get(0).path("number").asText()).isEqualTo(EXTENDED);
        assertThat(answered.path("pending").get(0).path("reason").asText()).isEqualTo("已批准延期");
        assertThat(answered.path("pending").get(1).path("number").asText()).isEqualTo(KEY_LED);
        assertThat(answered.path("pending").get(1).path("reason").asText()).isEqualTo("重点提案办理中");
        assertThat(summary.path("evaluations").path("satisfied").asInt()).isEqualTo(23);
        assertThat(summary.path("evaluations").path("unsatisfied").asInt()).isZero();
        assertThat(summary.path("coHandling").path("total").asInt()).isEqualTo(41);
        assertThat(summary.path("coHandling").path("lettersSent").asInt()).isEqualTo(41);
        assertThat(summary.path("repliedInAll").asInt()).isEqualTo(64);
        JsonNode key = summary.path("keyProposals");
        assertThat(key.path("led").asInt()).isEqualTo(1);
        assertThat(key.path("ledNumbers").get(0).asText()).isEqualTo(KEY_LED);
        assertThat(key.path("coHandled").asInt()).isEqualTo(5);
        assertThat(texts(key.path("coHandledNumbers"))).containsExactlyElementsOf(KEY_CO_HANDLED);
        assertThat(summary.path("extensions").path("approved").asInt()).isEqualTo(1);
        assertThat(texts(summary.path("extensions").path("numbers"))).containsExactly(EXTENDED);
        assertThat(summary.path("typicalCases")).hasSize(1);
        assertThat(summary.path("typicalCases").get(0).path("suggestions").get(0).asText()).isEqualTo("建议一（20230049）");

        JsonNode score = summary.path("selfScore");
        assertThat(score.path("total").asInt()).isEqualTo(100);
        assertThat(score.path("max").asInt()).isEqualTo(100);
        for (JsonNode item : score.path("criteria")) {
            assertThat(item.path("met").asBoolean()).as(item.path("name").asText()).isTrue();
            assertThat(item.path("reasons")).isEmpty();
        }
    }

    @Test
    void theDocxDraftSaysItInTheBureausWords() throws Exception {
        ResponseEntity<byte[]> response = office.download("/api/reports/annual.docx?session=" + SESSION);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.getBody()))) {
            text = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
        assertThat(text).contains("市市场监管局" + SESSION + "政协提案办理工作总结", "一、办理基本情况", "二、典型案例",
                "三、存在问题和改进措施", "四、对政协提案工作的意见建议", "五、自评", "（请提案办补充）");
        assertThat(text).contains("共66件", "其余64件提案均已完成答复工作", "承办3件，主办16件，分办6件", "已有23件获得领衔委员的满意评价",
                "其余41件会办件均已按时函复市各牵头单位", "我局负责主办的重点提案有1件，为" + SESSION + "第20230505号重点提案",
                "会办（协办）重点提案有5件");
        assertThat(text).contains("我局自评绩效得分为100分，为满分。");
    }

    @Test
    void onlyTheOfficeChoosesTypicalCases() {
        ApiClient clerk = ApiClient.as(rest, identity, "summary-clerk", "secret", "dept-food");
        ResponseEntity<JsonNode> refused = clerk.put("/api/reports/typical-cases/20230049",
                new ReportController.TypicalCaseRequest("成效"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().path("message").asText()).isEqualTo("只有提案办可以选定典型案例");

        assertThat(office.put("/api/reports/typical-cases/20230049", new ReportController.TypicalCaseRequest(" "))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(office.put("/api/reports/typical-cases/19990001", new ReportController.TypicalCaseRequest("成效"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(office.get("/api/reports/annual").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static String roles(JsonNode summary) {
        List<String> parts = new ArrayList<>();
        summary.path("byRole").forEach(r -> parts.add(r.path("role").asText() + "=" + r.path("count").asInt()));
        return String.join(",", parts);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
