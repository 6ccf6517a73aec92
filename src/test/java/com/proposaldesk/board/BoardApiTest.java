package com.proposaldesk.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

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
import com.proposaldesk.evaluation.EvaluationResult;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** {@code GET /api/board}: lights, working days left, counts and rates, over HTTP Basic. */
@ProposalDeskSpringTest
class BoardApiTest {

    /** A Tuesday; the answer is due three months after assignment. */
    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    EngineClock clock;

    ApiClient api;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        ClockUtil.setCurrentTime(clock.at(TODAY, LocalTime.of(9, 0)));
        api = ApiClient.as(http, identity, "boardviewer", "board-Pw1", "office");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void showsOpenProposalsWithLightsAndWorkingDaysLeft() {
        JsonNode before = board();
        String overdue = register("2025-03-10");   // due 2025-06-10
        String soon = register("2025-04-03");      // due 2025-07-03
        String green = register("2025-04-10");     // due 2025-07-10
        String closed = register("2025-04-10");
        proposals.updateStatus(closed, ProposalStatus.CLOSED);

        JsonNode board = board();

        assertThat(board.path("today").asText()).isEqualTo("2025-07-01");
        assertThat(board.path("openCount").asInt()).isEqualTo(before.path("openCount").asInt() + 3);
        assertRow(row(board, overdue), "2025-06-10", -15, "RED", "超期");
        assertRow(row(board, soon), "2025-07-03", 2, "AMBER", "临期");
        assertRow(row(board, green), "2025-07-10", 7, "GREEN", "正常");
        assertThat(row(board, closed)).isNull();

        JsonNode first = row(board, overdue);
        assertThat(first.path("roleLabel").asText()).isEqualTo("承办");
        assertThat(first.path("stage").asText()).isNotBlank().matches(".*\\p{IsHan}.*");
        assertThat(first.path("leadDepartmentName").asText()).isEqualTo("未分派");
        assertThat(count(board.path("byDepartment"), "未分派")).isEqualTo(count(before.path("byDepartment"), "未分派") + 3);
        String stage = first.path("stage").asText();
        assertThat(count(board.path("byStage"), stage)).isGreaterThanOrEqualTo(3);
        int stageTotal = 0;
        for (JsonNode c : board.path("byStage")) {
            stageTotal += c.path("count").asInt();
        }
        assertThat(stageTotal).isEqualTo(board.path("openCount").asInt());
    }

    @Test
    void ratesCountRepliedAndEvaluatedProposals() {
        JsonNode before = board();
        String onTime = register("2025-04-10");
        String late = register("2025-04-10");
        proposals.markReplied(onTime, TODAY, true);
        proposals.setEvaluation(onTime, EvaluationResult.BASICALLY_SATISFIED.name());
        proposals.markReplied(late, TODAY, false);
        proposals.setEvaluation(late, EvaluationResult.UNSATISFIED.name());

        JsonNode board = board();

        assertRate(before.path("onTime"), board.path("onTime"), 1, 2);
        assertRate(before.path("satisfaction"), board.path("satisfaction"), 1, 2);
        JsonNode rate = board.path("onTime");
        assertThat(rate.path("percent").asDouble())
                .isEqualTo(Math.round(rate.path("part").asInt() * 1000.0 / rate.path("whole").asInt()) / 10.0);
    }

    @Test
    void aProposalTransferredToCoHandlingStaysOnTheBoardAsTransferredUntilItsWorkIsAssigned() {
        String number = register("2025-04-10");
        ProposalSteps steps = new ProposalSteps(engine, registration);
        BpmnAwareTests.init(engine);
        try {
            ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                    .singleResult();
            steps.complete(ProposalSteps.OFFICE, pi, ProcessElements.TASK_SIGN_FOR, ProposalSteps.objectionForm("涉及交通部门职责"));
            steps.complete(ProposalSteps.OFFICE, pi, ProcessElements.TASK_RECORD_OBJECTION_OUTCOME, ProposalSteps.form(
                    "objectionOutcome", "TRANSFERRED_TO_CO_HANDLING", "externalLeadUnit", "市交通运输委员会", "decidedOn", "2025-04-16"));
        } finally {
            BpmnAwareTests.reset();
        }

        JsonNode row = row(board(), number);

        assertThat(row).as("a transferred case is not finished").isNotNull();
        assertThat(row.path("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(row.path("statusLabel").asText()).isEqualTo("已转为会办");
        assertThat(row.path("roleLabel").asText()).isEqualTo("会办");
        assertThat(row.path("stage").asText()).isEqualTo("分派办理处室");
    }

    @Test
    void anonymousCallsAreRefused() {
        assertThat(http.getForEntity("/api/board", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode board() {
        ResponseEntity<JsonNode> response = api.get("/api/board");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String register(String assignedOn) {
        String number = TestProposals.newNumber("BOARD");
        RegistrationRequest template = TestProposals.request(number, ProposalRole.SOLE);
        RegistrationRequest request = new RegistrationRequest(template.number(), template.source(), template.session(),
                template.title(), template.leadMember(), template.coSigners(), template.suggestions(), template.role(),
                template.key(), assignedOn, template.externalLeadUnit(), template.externalCoUnits());
        registration.register(request);
        return number;
    }

    private static JsonNode row(JsonNode board, String number) {
        for (JsonNode row : board.path("proposals")) {
            if (row.path("number").asText().equals(number)) {
                return row;
            }
        }
        return null;
    }

    private static void assertRow(JsonNode row, String answerDue, int left, String light, String label) {
        assertThat(row).isNotNull();
        assertThat(row.path("answerDue").asText()).isEqualTo(answerDue);
        assertThat(row.path("workingDaysLeft").asInt()).isEqualTo(left);
        assertThat(row.path("light").asText()).isEqualTo(light);
        assertThat(row.path("lightLabel").asText()).isEqualTo(label);
    }

    private static int count(JsonNode counts, String name) {
        for (JsonNode c : counts) {
            if (c.path("name").asText().equals(name)) {
                return c.path("count").asInt();
            }
        }
        return 0;
    }

    private static void assertRate(JsonNode before, JsonNode after, int part, int whole) {
        assertThat(after.path("part").asInt()).isEqualTo(before.path("part").asInt() + part);
        assertThat(after.path("whole").asInt()).isEqualTo(before.path("whole").asInt() + whole);
    }
}
