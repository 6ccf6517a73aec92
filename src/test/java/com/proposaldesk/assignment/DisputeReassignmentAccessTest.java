package com.proposaldesk.assignment;

import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.assignForm;
import static com.proposaldesk.support.ProposalSteps.form;
import static com.proposaldesk.support.ProposalSteps.signForForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * After the office re-assigns a disputed proposal, its open tasks belong to the new lead department only: the old
 * department's handlers, the one who had claimed the task included, neither list, read nor claim them any more, through
 * the engine's REST API with authorization on, and the new department's handlers claim them.
 */
@ProposalDeskSpringTest
class DisputeReassignmentAccessTest {

    private static final String PASSWORD = "Moved-Pw-2026";
    private static final String FOOD_CLAIMER = "moved-food-1";
    private static final String FOOD_OTHER = "moved-food-2";
    private static final String IP_FIRST = "moved-ip-1";
    private static final String IP_SECOND = "moved-ip-2";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;

    ProposalSteps steps;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        ApiClient.as(http, identity, FOOD_CLAIMER, PASSWORD, "dept-food");
        ApiClient.as(http, identity, FOOD_OTHER, PASSWORD, "dept-food");
        ApiClient.as(http, identity, IP_FIRST, PASSWORD, "dept-ip");
        ApiClient.as(http, identity, IP_SECOND, PASSWORD, "dept-ip");
        steps = new ProposalSteps(engine, registration);
    }

    @Test
    void theMovedTaskLeavesTheOldDepartmentEvenTheHandlerWhoHadClaimedIt() {
        ProcessInstance proposal = assignedToFood();
        Task communicate = steps.task(proposal, ProcessElements.TASK_COMMUNICATE_FIRST);
        assertThat(post(FOOD_CLAIMER, "/engine-rest/task/" + communicate.getId() + "/claim", Map.of("userId", FOOD_CLAIMER))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(listed(FOOD_OTHER, proposal)).as("before: the department sees its task").contains(communicate.getId());

        reassign(proposal, List.of());

        Task moved = engine.getTaskService().createTaskQuery().taskId(communicate.getId()).singleResult();
        assertThat(moved.getAssignee()).as("released by the old department").isNull();
        for (String user : List.of(FOOD_CLAIMER, FOOD_OTHER)) {
            assertThat(listed(user, proposal)).as("%s lists", user).doesNotContain(communicate.getId());
            assertThat(count(user, proposal)).as("%s counts", user).isZero();
            ResponseEntity<String> read = exchange(user, HttpMethod.GET, "/engine-rest/task/" + communicate.getId(), null);
            assertThat(read.getStatusCode().value()).as("%s reads", user).isIn(403, 404);
            assertThat(read.getBody()).containsAnyOf("没有权限", "该任务不存在");
            ResponseEntity<String> claim = post(user, "/engine-rest/task/" + communicate.getId() + "/claim", Map.of("userId", user));
            assertThat(claim.getStatusCode().value()).as("%s claims: %s", user, claim.getBody()).isIn(403, 404);
            assertThat(exchange(user, HttpMethod.GET, "/engine-rest/process-instance/" + proposal.getId(), null)
                    .getStatusCode().value()).as("%s reads the proposal it no longer handles", user).isIn(403, 404);
            assertThat(getJson(user, "/engine-rest/history/task?processInstanceId=" + proposal.getId())).as("%s history", user)
                    .isEmpty();
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(communicate.getId()).singleResult().getAssignee()).isNull();
        assertThat(grantsOn(communicate.getId())).as("grants left on the task")
                .noneMatch(grant -> grant.startsWith("group:dept-food") || grant.startsWith("user:moved-food"));

        assertThat(listed(IP_FIRST, proposal)).contains(communicate.getId());
        assertThat(post(IP_FIRST, "/engine-rest/task/" + communicate.getId() + "/claim", Map.of("userId", IP_FIRST))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> held = post(IP_SECOND, "/engine-rest/task/" + communicate.getId() + "/claim",
                Map.of("userId", IP_SECOND));
        assertThat(held.getStatusCode()).as(held.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(held.getBody()).contains("已由他人（" + IP_FIRST + "）认领").doesNotContain("already claimed");
        assertThat(engine.getTaskService().createTaskQuery().taskId(communicate.getId()).singleResult().getAssignee())
                .isEqualTo(IP_FIRST);
    }

    @Test
    void anOldLeadThatNowAssistsKeepsTheProposalButNotTheMovedTask() {
        ProcessInstance proposal = assignedToFood();
        Task communicate = steps.task(proposal, ProcessElements.TASK_COMMUNICATE_FIRST);

        reassign(proposal, List.of("food"));

        assertThat(exchange(FOOD_OTHER, HttpMethod.GET, "/engine-rest/process-instance/" + proposal.getId(), null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed(FOOD_OTHER, proposal)).doesNotContain(communicate.getId());
        assertThat(post(FOOD_OTHER, "/engine-rest/task/" + communicate.getId() + "/claim", Map.of("userId", FOOD_OTHER))
                .getStatusCode().value()).isIn(403, 404);
        assertThat(post(IP_SECOND, "/engine-rest/task/" + communicate.getId() + "/claim", Map.of("userId", IP_SECOND))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ProcessInstance assignedToFood() {
        String number = TestProposals.newNumber("MOVED");
        ProcessInstance proposal = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.complete(OFFICE, proposal, ProcessElements.TASK_SIGN_FOR, signForForm());
        steps.complete(OFFICE, proposal, ProcessElements.TASK_ASSIGN, assignForm("food", List.of()));
        return proposal;
    }

    /** The old department disputes through Tasklist's start form; the office re-assigns the proposal to 知识产权处. */
    private void reassign(ProcessInstance proposal, List<String> assisting) {
        String number = proposal.getBusinessKey();
        Map<String, Object> start = Map.of("variables", Map.of("number", Map.of("value", number),
                "disputeReason", Map.of("value", "提案内容不属于本处职责，建议由知识产权处主办")));
        ResponseEntity<String> raised = post(FOOD_OTHER, "/engine-rest/process-definition/key/"
                + ProcessElements.DISPUTE_PROCESS + "/submit-form", start);
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.OK);
        String dispute = raised.getBody().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Task resolve = engine.getTaskService().createTaskQuery().processInstanceId(dispute).singleResult();
        steps.complete(OFFICE, resolve, form("disputeOutcome", "REASSIGN", "newLeadDepartmentCode", "ip",
                "newAssistingDepartmentCodes", assisting, "resolutionNote", "经研究改由知识产权处主办"));
        assertThat(proposals.get(number).leadDepartment()).isEqualTo("ip");
    }

    private List<String> listed(String user, ProcessInstance proposal) {
        List<String> ids = new ArrayList<>();
        getJson(user, "/engine-rest/task?processInstanceId=" + proposal.getId()).forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    private int count(String user, ProcessInstance proposal) {
        return getJson(user, "/engine-rest/task/count?processInstanceId=" + proposal.getId()).path("count").asInt();
    }

    private List<String> grantsOn(String resourceId) {
        List<String> grants = new ArrayList<>();
        for (Authorization grant : authorizations.createAuthorizationQuery().resourceId(resourceId).list()) {
            grants.add(grant.getGroupId() != null ? "group:" + grant.getGroupId() : "user:" + grant.getUserId());
        }
        return grants;
    }

    private JsonNode getJson(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, PASSWORD).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        return http.withBasicAuth(user, PASSWORD).exchange(path, method, body == null ? null : new HttpEntity<>(body), String.class);
    }
}
