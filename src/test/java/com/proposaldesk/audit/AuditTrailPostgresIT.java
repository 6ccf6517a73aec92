package com.proposaldesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.support.TestProposals;

/** The audit trail on PostgreSQL: migration V9, the record written with the change, the merged and filtered query. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailPostgresIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    private ApiClient office;

    @BeforeEach
    void office() {
        ProcessEngines.registerProcessEngine(engine);
        office = ApiClient.as(rest, identity, "pg-office", "Cao-Zuo-2025", "office");
    }

    @Test
    void ourRecordsAndTheEnginesOperationsComeBackTogether() {
        String number = TestProposals.newNumber("PGAUD");
        assertThat(office.post("/api/proposals", TestProposals.request(number, ProposalRole.SOLE)).getStatusCode().value())
                .isEqualTo(201);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
        assertThat(office.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "pg-office")).getStatusCode().value())
                .isEqualTo(204);

        // the audit trail filters by the bureau's days, whatever the clock of the machine running the test
        LocalDate bureauToday = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String today = bureauToday.toString();
        JsonNode page = office.get("/api/audit?proposal=" + number + "&user=pg-office&from=" + today + "&to=" + today).getBody();

        List<String> actions = new ArrayList<>();
        page.get("items").forEach(item -> actions.add(item.get("action").asText()));
        assertThat(actions).containsSubsequence("Task:Claim", "PROPOSAL_REGISTERED").contains("ProcessInstance:Create");
        assertThat(office.get("/api/audit?proposal=" + number + "&from=" + bureauToday.plusDays(1)).getBody().get("items"))
                .isEmpty();
        assertThat(office.get("/api/audit?user=pg-office&size=1").getBody().get("hasMore").asBoolean()).isTrue();
    }
}
