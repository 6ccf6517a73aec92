package com.proposaldesk.casefile;

import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.extension.ExtensionRepository;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** The case file and the search on PostgreSQL: migration V11, every search clause at once, the timeline's history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseFileSearchPostgresIT {

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
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    ExtensionRepository extensions;

    ProposalSteps steps;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aClosedProposalIsFoundByEveryCriterionAndItsCaseFileShowsItsHistory() {
        String number = TestProposals.newNumber("PGCASE");
        at("2025-04-10T09:00:00+08:00");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD, true, List.of()));
        at("2025-04-11T10:00:00+08:00");
        steps.signFor(pi);
        steps.assign(pi, "food", List.of("ip"));
        steps.communicateFirst(pi);
        long id = proposals.get(number).id();
        long extension = extensions.request(id, "MEMBER", "委员申请延期", LocalDate.of(2025, 8, 29), LocalDate.of(2025, 7, 10),
                ProposalSteps.OFFICE);
        extensions.decide(extension, true, LocalDate.of(2025, 8, 29), "市政协提案委同意", "同意延期", ProposalSteps.OFFICE);
        steps.complete("ip-zhao", pi, "Task_AssistingOpinion", ProposalSteps.form("opinionText", "无补充意见"));
        at("2025-09-01T09:00:00+08:00");
        steps.draftReply(pi, "A");
        // a key proposal: the principal leader signs too
        for (String step : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER, TASK_SIGN_OFF_PRINCIPAL)) {
            steps.approve(pi, step);
        }
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-09-05");
        steps.evaluate(pi, "SATISFIED", "2025-09-20", null);
        ApiClient office = ApiClient.as(rest, identity, "pg-case-office", "Pg-Case-2026", "office");
        ApiClient ip = ApiClient.as(rest, identity, "pg-case-ip", "Pg-Case-2026", "dept-ip");
        ApiClient equipment = ApiClient.as(rest, identity, "pg-case-equipment", "Pg-Case-2026", "dept-equipment");

        String everything = "/api/proposals/search?q=我局已建立 经营者台账&number=" + number + "&title=校园&member=王五"
                + "&department=ip&departmentRole=ASSISTING&role=LEAD&status=CLOSED&year=2025&session=七届三次&key=true"
                + "&overdue=true&sort=answerDue,desc&page=0&size=5";
        JsonNode found = office.get(everything).getBody();
        assertThat(found.path("total").asLong()).as(found.toString()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("number").asText()).isEqualTo(number);
        assertThat(found.path("items").get(0).path("assistingDepartmentNames").get(0).asText()).isEqualTo("知识产权处");
        assertThat(ip.get(everything).getBody().path("total").asLong()).isEqualTo(1);
        assertThat(equipment.get(everything).getBody().path("total").asLong()).isZero();
        assertThat(office.get("/api/proposals/search?number=" + number + "&overdue=false").getBody().path("total").asLong())
                .as("answered on 5 September, after its deadline").isZero();
        assertThat(office.get("/api/proposals/search?q=_%&number=" + number).getBody().path("total").asLong()).isZero();
        assertThat(office.download("/api/proposals/search.xlsx?number=" + number).getStatusCode().value()).isEqualTo(200);

        JsonNode file = office.get("/api/proposals/" + number + "/case-file").getBody();
        assertThat(file.path("proposal").path("status").asText()).isEqualTo("CLOSED");
        assertThat(file.path("extensions").get(0).path("approvedDue").asText()).isEqualTo("2025-08-29");
        assertThat(file.path("extensions").get(0).path("requestedAt").asText()).endsWith("+08:00");
        assertThat(file.path("opinions")).hasSize(1);
        List<String> late = new ArrayList<>();
        file.path("timeline").forEach(step -> {
            if (step.path("late").asBoolean()) {
                late.add(step.path("step").asText());
            }
        });
        assertThat(late).contains("办理并起草答复").doesNotContain("签收", "登记");
        assertThat(equipment.get("/api/proposals/" + number + "/case-file").getStatusCode().value()).isEqualTo(403);
    }

    private static void at(String moment) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
    }
}
