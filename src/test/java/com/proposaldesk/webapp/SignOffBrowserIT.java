package com.proposaldesk.webapp;

import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.TasklistFilters;

/**
 * The leader in Tasklist: finds the sign-off by the proposal's number and by words of its title typed in the search box,
 * and reads the earlier reviewers' decisions and comments on the sign-off form (screenshot
 * {@code target/e2e/tasklist-sign-off-history.png}).
 */
class SignOffBrowserIT extends BrowserTestBase {

    private static final String LEADER = "e2e-sign-off-leader";
    private static final String PASSWORD = "Sign-off-secret-1";
    private static final String SIGN_OFF = "分管局领导签发";

    @Autowired
    ProposalRegistrationService registration;

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void theLeaderFindsTheSignOffByNumberAndByTitleAndReadsTheEarlierReviews() {
        BpmnAwareTests.init(engine);
        ProposalSteps steps = new ProposalSteps(engine, registration);
        String number = TestProposals.newNumber("E2E-SIGN");
        String titleWords = "夜市烟火气" + number.substring(number.length() - 4);
        RegistrationRequest sample = TestProposals.request(number, ProposalRole.LEAD);
        ProcessInstance pi = steps.register(new RegistrationRequest(number, sample.source(), sample.session(),
                "关于" + titleWords + "与食品安全并重的提案", sample.leadMember(), sample.coSigners(), sample.suggestions(),
                sample.role(), sample.key(), sample.assignedOn(), sample.externalLeadUnit(), sample.externalCoUnits()));
        ProcessInstance other = steps.register(TestProposals.request(TestProposals.newNumber("E2E-SIGN"), ProposalRole.LEAD));
        for (ProcessInstance instance : List.of(pi, other)) {
            steps.signFor(instance);
            steps.assign(instance, "food", List.of());
            steps.communicateFirst(instance);
            steps.draftReply(instance, "B");
            steps.sendBack(instance, TASK_REVIEW_DEPT_HEAD, "请写明整改时限（" + number + "）");
            steps.draftReply(instance, "B");
            steps.approve(instance, TASK_REVIEW_DEPT_HEAD);
            steps.approve(instance, TASK_REVIEW_OFFICE);
        }
        String leaders = (String) engine.getRuntimeService().getVariable(pi.getId(), ProcessVariables.LEADER_GROUP);
        leader(leaders);
        // other tests share the database: what the leader's group has open besides these two
        int open = (int) engine.getTaskService().createTaskQuery().taskCandidateGroup(leaders).includeAssignedTasks().count();
        int signOffs = (int) engine.getTaskService().createTaskQuery().taskCandidateGroup(leaders).includeAssignedTasks()
                .taskName(SIGN_OFF).count();

        HeadlessChromium chromium = browser("zh-CN");
        chromium.driver().manage().window().setSize(new Dimension(1366, 768));
        TasklistPage tasklist = new TasklistPage(chromium);
        tasklist.logIn(LEADER, PASSWORD);
        tasklist.showFilter(TasklistFilters.DEPARTMENT_TASKS);
        assertThat(tasklist.waitForTaskCount(open)).as("every task before searching").hasSize(open);

        tasklist.search(number);
        List<WebElement> byNumber = tasklist.waitForTaskCount(1);
        assertThat(byNumber.get(0).getText()).contains(number, SIGN_OFF);

        tasklist.search(titleWords);
        List<WebElement> byTitle = tasklist.waitForTaskCount(1);
        assertThat(byTitle.get(0).getText()).contains(number, SIGN_OFF);

        tasklist.search(SIGN_OFF);
        assertThat(signOffs).isGreaterThanOrEqualTo(2);
        assertThat(tasklist.waitForTaskCount(signOffs)).as("the task's name is still searched").hasSize(signOffs);

        tasklist.search(number);
        tasklist.open(tasklist.waitForTaskCount(1).get(0), SIGN_OFF);
        assertThat(tasklist.taskText()).contains("此前的审核意见", "第 1 稿　处室负责人", "退回修改　意见：请写明整改时限（" + number + "）",
                "第 2 稿　处室负责人", "第 2 稿　提案办");
        WebElement history = chromium.visible(By.xpath("//div[@cam-tasklist-task]//*[normalize-space(text())='此前的审核意见']"));
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", history);
        chromium.screenshot("tasklist-sign-off-history");
    }

    private void leader(String group) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(LEADER).count() > 0) {
            return;
        }
        User leader = identity.newUser(LEADER);
        leader.setFirstName("陈副局长");
        leader.setLastName("分管局领导");
        leader.setPassword(PASSWORD);
        identity.saveUser(leader);
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        identity.createMembership(LEADER, group);
    }
}
