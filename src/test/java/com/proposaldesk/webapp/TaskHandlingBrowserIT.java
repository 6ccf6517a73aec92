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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.TasklistFilters;

/**
 * A proposal's way through Tasklist in headless Chromium, as the bureau works it. The office has registered
 * it, signed for it and assigned it to 食品安全处 (over the API, as its clerk would); the department's handler
 * finds it among the department's tasks, claims it, fills and completes 先沟通后办理 and then 办理并起草答复 in
 * their Camunda Forms; the department head then finds 处室负责人审核 with that draft; a handler of 知识产权处 sees
 * it in none of the shared filters. Screenshots of every step in {@code target/e2e/task-handling-*.png}.
 */
class TaskHandlingBrowserIT extends BrowserTestBase {

    private static final String PASSWORD = "Proposal-Desk-2024";
    private static final String OFFICE = "e2e-office";
    private static final String FOOD = "e2e-food";
    private static final String FOOD_HEAD = "e2e-food-head";
    private static final String IP = "e2e-ip";

    private static final String COMMUNICATE_FIRST = "先沟通后办理：联系委员";
    private static final String DRAFT_REPLY = "办理并起草答复";
    private static final String REVIEW_DEPT_HEAD = "处室负责人审核";

    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;

    private ApiClient office;

    @BeforeEach
    void people() {
        person(OFFICE, "王晓明", "提案办", "office", "提案办（局办公室）");
        person(FOOD, "李小红", "食品安全处", "dept-food", "食品安全处经办人");
        person(FOOD_HEAD, "张建国", "食品安全处处长", "head-food", "食品安全处负责人");
        person(IP, "赵思远", "知识产权处", "dept-ip", "知识产权处经办人");
        office = client(OFFICE, "office");
    }

    @Test
    void theHandlerCompletesTheFormsAndTheHeadGetsTheReviewWhileAnotherDepartmentSeesNothing() {
        String number = TestProposals.newNumber("E2E");
        String ipNumber = TestProposals.newNumber("E2E-IP");
        registerSignForAndAssign(number, "food");
        registerSignForAndAssign(ipNumber, "ip");
        String intent = "希望在校园周边推广明厨亮灶（" + number + "）";
        String replyBody = "经研究，我局已在全市校园周边推广明厨亮灶（" + number + "）。";

        // 食品安全处's handler: 先沟通后办理, then 办理并起草答复
        HeadlessChromium foodBrowser = browser("zh-CN");
        TasklistPage food = new TasklistPage(foodBrowser);
        food.logIn(FOOD, PASSWORD);
        WebElement card = food.waitForTask(TasklistFilters.DEPARTMENT_TASKS, number, COMMUNICATE_FIRST);
        foodBrowser.screenshot("task-handling-1-department-tasks");
        food.open(card, COMMUNICATE_FIRST);
        food.claim();
        food.pickToday("沟通日期");
        food.choose("沟通方式", "座谈");
        food.type("参与人员", "李小红、委员本人");
        food.type("委员的真实意图和诉求", intent);
        food.type("沟通情况", "座谈一小时，委员关注抽检结果公开");
        foodBrowser.screenshot("task-handling-2-communicate-first");
        food.complete();
        assertThat(openTasks(number)).containsExactly(ProcessElements.TASK_DRAFT_REPLY);
        assertThat(communications(number)).contains(intent).contains("MEETING");

        food.open(food.waitForTask(TasklistFilters.DEPARTMENT_TASKS, number, DRAFT_REPLY), DRAFT_REPLY);
        food.claim();
        food.type("答复正文", replyBody);
        food.choose("答复类别", "A 已经解决或采纳");
        food.check("是否公开", "公开");
        food.type("联系人", "李小红");
        food.type("联系电话", "022-23456789");
        foodBrowser.screenshot("task-handling-3-draft-reply");
        food.complete();
        assertThat(openTasks(number)).containsExactly(ProcessElements.TASK_REVIEW_DEPT_HEAD);

        // the department head finds the review with the draft in it
        HeadlessChromium headBrowser = browser("zh-CN");
        TasklistPage head = new TasklistPage(headBrowser);
        head.logIn(FOOD_HEAD, PASSWORD);
        head.open(head.waitForTask(TasklistFilters.DEPARTMENT_TASKS, number, REVIEW_DEPT_HEAD), REVIEW_DEPT_HEAD);
        assertThat(head.taskText()).contains(replyBody).contains("审核意见");
        headBrowser.screenshot("task-handling-4-head-review");

        // 知识产权处's handler: their own task in 本处室待办, the other department's in no filter
        HeadlessChromium ipBrowser = browser("zh-CN");
        TasklistPage ip = new TasklistPage(ipBrowser);
        ip.logIn(IP, PASSWORD);
        ApiClient ipApi = client(IP, "dept-ip");
        String reviewTaskId = openTaskIds(number).get(0);
        for (String filter : List.of(TasklistFilters.MY_TASKS, TasklistFilters.DEPARTMENT_TASKS, TasklistFilters.KEY_PROPOSALS,
                TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)) {
            JsonNode visible = filterList(ipApi, filter);
            ip.showFilter(filter);
            List<WebElement> cards = ip.waitForTaskCount(visible.size());
            assertThat(cards).as("tasks of %s in %s", IP, filter).noneMatch(c -> c.getText().contains(number));
            assertThat(visible.findValuesAsText("id")).as("%s as %s over REST", filter, IP).doesNotContain(reviewTaskId);
            if (filter.equals(TasklistFilters.DEPARTMENT_TASKS)) {
                assertThat(cards).as("%s's own department's task", IP).anyMatch(c -> c.getText().contains(ipNumber));
                ipBrowser.screenshot("task-handling-5-other-department");
            }
        }
    }

    /**
     * Opening another department's task by its address must show no form. Needs Camunda authorization
     * ({@code camunda.bpm.authorization.enabled}, with the department grants): without it every logged-in user
     * may read every task, and this test is skipped.
     */
    @Test
    void anotherDepartmentCannotOpenTheTaskByItsAddress() {
        Assumptions.assumeTrue(engine.getProcessEngineConfiguration().isAuthorizationEnabled(),
                "needs Camunda authorization (camunda.bpm.authorization.enabled and the department grants)");
        String number = TestProposals.newNumber("E2E-URL");
        registerSignForAndAssign(number, "food");
        String taskId = openTaskIds(number).get(0);

        HeadlessChromium ipBrowser = browser("zh-CN");
        TasklistPage ip = new TasklistPage(ipBrowser);
        ip.logIn(IP, PASSWORD);
        ipBrowser.open(TasklistPage.PATH + "#/?task=" + taskId);
        ipBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[notifications-panel] .alert-danger")));
        assertThat(ipBrowser.all(By.cssSelector("[cam-tasklist-task] .fjs-container"))).isEmpty();
        assertThat(ipBrowser.text()).doesNotContain(number);
        ipBrowser.screenshot("task-handling-6-other-department-by-address");
    }

    // ---- the office's part, over the API ----

    private void registerSignForAndAssign(String number, String department) {
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

    private List<String> openTasks(String number) {
        return office.get("/engine-rest/task?processInstanceBusinessKey=" + number).getBody().findValuesAsText("taskDefinitionKey");
    }

    private List<String> openTaskIds(String number) {
        return office.get("/engine-rest/task?processInstanceBusinessKey=" + number).getBody().findValuesAsText("id");
    }

    private String communications(String number) {
        long memberId = office.get("/api/proposals/" + number).getBody().path("leadMember").path("id").asLong();
        return office.get("/api/members/" + memberId + "/communications").getBody().toString();
    }

    /** The tasks a filter shows this user, as the engine's REST API lists them for Tasklist. */
    private static JsonNode filterList(ApiClient user, String filterName) {
        JsonNode filters = user.get("/engine-rest/filter?resourceType=Task&name=" + filterName).getBody();
        assertThat(filters).as("filter %s", filterName).hasSize(1);
        return user.post("/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list", Map.of()).getBody();
    }

    // ---- people ----

    private ApiClient client(String userId, String group) {
        return ApiClient.as(rest, identity, userId, PASSWORD, group);
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
