package com.proposaldesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.web.TaskNotFoundMapper;
import com.proposaldesk.task.TasklistFilters;

/**
 * A proposal's way through Tasklist in headless Chromium, as the bureau works it. The office has registered
 * it, signed for it and assigned it to 食品安全处 (over the API, as its clerk would); the department's handler
 * finds it among the department's tasks, claims it, fills and completes 先沟通后办理 and then 办理并起草答复 in
 * their Camunda Forms; the department head then finds 处室负责人审核 with that draft; a handler of 知识产权处 sees
 * it in none of the shared filters. Screenshots of every step in {@code target/e2e/task-handling-*.png}.
 */
class TaskHandlingBrowserIT extends BrowserTestBase {

    private static final String COMMUNICATE_FIRST = "先沟通后办理：联系委员";
    private static final String DRAFT_REPLY = "办理并起草答复";
    private static final String REVIEW_DEPT_HEAD = "处室负责人审核";

    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;

    private Bureau bureau;

    @BeforeEach
    void people() {
        bureau = new Bureau(rest, identity);
    }

    @Test
    void theHandlerCompletesTheFormsAndTheHeadGetsTheReviewWhileAnotherDepartmentSeesNothing() {
        String number = TestProposals.newNumber("E2E");
        String ipNumber = TestProposals.newNumber("E2E-IP");
        bureau.registerSignForAndAssign(number, "food");
        bureau.registerSignForAndAssign(ipNumber, "ip");
        String intent = "希望在校园周边推广明厨亮灶（" + number + "）";
        String replyBody = "经研究，我局已在全市校园周边推广明厨亮灶（" + number + "）。";

        // 食品安全处's handler: 先沟通后办理, then 办理并起草答复
        HeadlessChromium foodBrowser = browser("zh-CN");
        TasklistPage food = new TasklistPage(foodBrowser);
        food.logIn(Bureau.FOOD, Bureau.PASSWORD);
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
        assertThat(bureau.openTasks(number)).containsExactly(ProcessElements.TASK_DRAFT_REPLY);
        assertThat(bureau.communications(number)).contains(intent).contains("MEETING");

        food.open(food.waitForTask(TasklistFilters.DEPARTMENT_TASKS, number, DRAFT_REPLY), DRAFT_REPLY);
        food.claim();
        food.type("答复正文", replyBody);
        food.choose("答复类别", "A 已经解决或采纳");
        food.check("是否公开", "公开");
        food.type("联系人", "李小红");
        food.type("联系电话", "022-23456789");
        foodBrowser.screenshot("task-handling-3-draft-reply");
        food.complete();
        assertThat(bureau.openTasks(number)).containsExactly(ProcessElements.TASK_REVIEW_DEPT_HEAD);

        // the department head finds the review with the draft in it
        HeadlessChromium headBrowser = browser("zh-CN");
        TasklistPage head = new TasklistPage(headBrowser);
        head.logIn(Bureau.FOOD_HEAD, Bureau.PASSWORD);
        head.open(head.waitForTask(TasklistFilters.DEPARTMENT_TASKS, number, REVIEW_DEPT_HEAD), REVIEW_DEPT_HEAD);
        assertThat(head.taskText()).contains(replyBody).contains("审核意见");
        headBrowser.screenshot("task-handling-4-head-review");

        // 知识产权处's handler: their own task in 本处室待办, the other department's in no filter
        HeadlessChromium ipBrowser = browser("zh-CN");
        TasklistPage ip = new TasklistPage(ipBrowser);
        ip.logIn(Bureau.IP, Bureau.PASSWORD);
        ApiClient ipApi = bureau.api(Bureau.IP, "dept-ip");
        String reviewTaskId = bureau.openTaskIds(number).get(0);
        for (String filter : List.of(TasklistFilters.MY_TASKS, TasklistFilters.DEPARTMENT_TASKS, TasklistFilters.KEY_PROPOSALS,
                TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)) {
            JsonNode visible = filterList(ipApi, filter);
            ip.showFilter(filter);
            List<WebElement> cards = ip.waitForTaskCount(visible.size());
            assertThat(cards).as("tasks of %s in %s", Bureau.IP, filter).noneMatch(c -> c.getText().contains(number));
            assertThat(visible.findValuesAsText("id")).as("%s as %s over REST", filter, Bureau.IP).doesNotContain(reviewTaskId);
            if (filter.equals(TasklistFilters.DEPARTMENT_TASKS)) {
                assertThat(cards).as("%s's own department's task", Bureau.IP).anyMatch(c -> c.getText().contains(ipNumber));
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
        bureau.registerSignForAndAssign(number, "food");
        String taskId = bureau.openTaskIds(number).get(0);

        HeadlessChromium ipBrowser = browser("zh-CN");
        TasklistPage ip = new TasklistPage(ipBrowser);
        ip.logIn(Bureau.IP, Bureau.PASSWORD);
        ipBrowser.open(TasklistPage.PATH + "#/?task=" + taskId);
        By notice = By.cssSelector("[notifications-panel] .alert-danger");
        ipBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(notice));
        assertThat(ipBrowser.visible(notice).getText().replace("×", "").strip()).as("the notification, read once")
                .isEqualTo(TaskNotFoundMapper.MESSAGE);
        assertThat(ipBrowser.all(By.cssSelector("[cam-tasklist-task] .fjs-container"))).isEmpty();
        assertThat(ipBrowser.text()).doesNotContain(number);
        ipBrowser.screenshot("task-handling-6-other-department-by-address");
    }

    /** The tasks a filter shows this user, as the engine's REST API lists them for Tasklist. */
    private static JsonNode filterList(ApiClient user, String filterName) {
        JsonNode filters = user.get("/engine-rest/filter?resourceType=Task&name=" + filterName).getBody();
        assertThat(filters).as("filter %s", filterName).hasSize(1);
        return user.post("/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list", Map.of()).getBody();
    }
}
