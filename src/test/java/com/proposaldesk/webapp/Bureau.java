package com.proposaldesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.HeadlessChromium;

/**
 * The people of the browser tests, in the groups the bureau's users have, and the office's part of the work
 * done over the API as its clerk would: register a proposal, sign for it, assign it to a department.
 */
final class Bureau {

    static final String PASSWORD = "Proposal-Desk-2024";
    static final String OFFICE = "e2e-office";
    static final String FOOD = "e2e-food";
    static final String FOOD_HEAD = "e2e-food-head";
    static final String IP = "e2e-ip";

    private final TestRestTemplate rest;
    private final IdentityService identity;
    private final ApiClient office;

    Bureau(TestRestTemplate rest, IdentityService identity) {
        this.rest = rest;
        this.identity = identity;
        person(OFFICE, "王晓明", "提案办", "office", "提案办（局办公室）");
        person(FOOD, "李小红", "食品安全处", "dept-food", "食品安全处经办人");
        person(FOOD_HEAD, "张建国", "食品安全处处长", "head-food", "食品安全处负责人");
        person(IP, "赵思远", "知识产权处", "dept-ip", "知识产权处经办人");
        this.office = api(OFFICE, "office");
    }

    ApiClient api(String userId, String group) {
        return ApiClient.as(rest, identity, userId, PASSWORD, group);
    }

    ApiClient office() {
        return office;
    }

    /** Registers the proposal, assigned yesterday, signs for it and assigns it to the department: it waits at 先沟通后办理. */
    void registerSignForAndAssign(String number, String department) {
        String assignedOn = LocalDate.now(ZoneId.of(HeadlessChromium.TIME_ZONE)).minusDays(1).toString();
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", "委员" + number);
        member.put("phone", "13800000000");
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("number", number);
        proposal.put("source", "CPPCC");
        proposal.put("session", "市政协七届四次会议");
        proposal.put("title", "关于加强校园周边食品安全监管的提案（" + number + "）");
        proposal.put("leadMember", member);
        proposal.put("suggestions", List.of("推广明厨亮灶", "公开抽检结果"));
        proposal.put("role", "SOLE");
        proposal.put("key", false);
        proposal.put("assignedOn", assignedOn);
        ResponseEntity<JsonNode> registered = office.post("/api/proposals", proposal);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);

        complete(number, ProcessElements.TASK_SIGN_FOR, Map.of("signedOn", typed(assignedOn, "String"),
                "objectionRequested", typed(false, "Boolean")));
        complete(number, ProcessElements.TASK_ASSIGN, Map.of("leadDepartmentCode", typed(department, "String"),
                "assistingDepartmentCodes", typed("[]", "Json"), "assignmentNote", typed("按最大关联度原则分派", "String")));
        assertThat(openTasks(number)).containsExactly(ProcessElements.TASK_COMMUNICATE_FIRST);
    }

    /** The element ids of the proposal's open tasks. */
    List<String> openTasks(String number) {
        return office.get("/engine-rest/task?processInstanceBusinessKey=" + number).getBody().findValuesAsText("taskDefinitionKey");
    }

    List<String> openTaskIds(String number) {
        return office.get("/engine-rest/task?processInstanceBusinessKey=" + number).getBody().findValuesAsText("id");
    }

    /** Every contact with the proposal's lead member on record, as JSON. */
    String communications(String number) {
        long memberId = office.get("/api/proposals/" + number).getBody().path("leadMember").path("id").asLong();
        return office.get("/api/members/" + memberId + "/communications").getBody().toString();
    }

    private void complete(String number, String taskKey, Map<String, Object> variables) {
        String taskId = office.get("/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey)
                .getBody().get(0).path("id").asText();
        assertThat(office.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", OFFICE)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> completed = office.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(completed.getStatusCode()).as(String.valueOf(completed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private void person(String id, String firstName, String lastName, String groupId, String groupName) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupName);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@bureau.example.cn");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, groupId);
        }
    }
}
