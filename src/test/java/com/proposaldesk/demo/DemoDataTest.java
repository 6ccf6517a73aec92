package com.proposaldesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.task.TasklistFilters;

import org.camunda.bpm.engine.FilterService;

/** The first login must show real work: every demo proposal stands where demo/proposals.json puts it. */
@SpringBootTest
// the demo profile brings the demo data (refused anywhere else), the test profile its in-memory database
@ActiveProfiles({"demo", "test"})
class DemoDataTest {

    @Autowired
    ProposalRepository proposals;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoProposalWaitsAtItsStage() throws IOException {
        JsonNode cases;
        try (InputStream in = new ClassPathResource("demo/proposals.json").getInputStream()) {
            cases = new ObjectMapper().readTree(in);
        }
        assertThat(cases.size()).isGreaterThanOrEqualTo(15);
        for (JsonNode demo : cases) {
            String number = demo.at("/proposal/number").asText();
            String stopAt = demo.get("stopAt").asText();
            assertThat(proposals.exists(number)).as(number).isTrue();
            if ("END".equals(stopAt)) {
                assertThat(proposals.get(number).status()).as(number).isEqualTo(ProposalStatus.CLOSED);
                assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).count()).as(number).isZero();
            } else {
                List<String> open = tasks.createTaskQuery().processInstanceBusinessKey(number).list().stream()
                        .map(Task::getTaskDefinitionKey).toList();
                assertThat(open).as(number).contains(stopAt);
            }
        }
    }

    @Test
    void everyDemoDraftAnswersItsProposalsSuggestionsInFullSentences() {
        List<Draft> drafts = jdbc.sql("""
                SELECT r.body AS body, s.text AS firstSuggestion FROM pd_reply r
                JOIN pd_proposal_suggestion s ON s.proposal_id = r.proposal_id AND s.position = (
                    SELECT MIN(position) FROM pd_proposal_suggestion WHERE proposal_id = r.proposal_id)""")
                .query(Draft.class).list();
        assertThat(drafts).isNotEmpty().allSatisfy(draft -> assertThat(draft.body())
                .contains("关于“" + draft.firstSuggestion().replace('“', '‘').replace('”', '’') + "”").doesNotContain("……"));
    }

    record Draft(String body, String firstSuggestion) {
    }

    @Test
    void everyRoleHasADemoUserAndTheFiltersExist() {
        for (String group : List.of("office", "dept-food", "head-food", "dept-ip", "head-ip", "dept-equipment",
                "head-equipment", "leader", "principal", "camunda-admin")) {
            assertThat(identity.createUserQuery().memberOfGroup(group).count()).as(group).isPositive();
        }
        assertThat(identity.checkPassword("office", "demo")).isTrue();
        for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.DEPARTMENT_TASKS, TasklistFilters.KEY_PROPOSALS,
                TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)) {
            assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }
}
