package com.proposaldesk.assignment;

import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.assignForm;
import static com.proposaldesk.support.ProposalSteps.form;
import static com.proposaldesk.support.ProposalSteps.signForForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** 分歧: the lead department disputes its assignment within the window; the office re-assigns or insists. */
@ProposalDeskSpringTest
class AssignmentDisputeProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    JdbcClient jdbc;

    ProposalSteps steps;

    @BeforeEach
    void setUp() {
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
    void aDisputeInTimeLetsTheOfficeReassignAndTheOpenTaskMovesToTheNewDepartment() {
        String number = assignedToFood();

        ProcessInstance dispute = raise(number, "food-li", "dept-food");
        Task resolve = tasks.createTaskQuery().processInstanceId(dispute.getId()).singleResult();
        assertThat(resolve.getTaskDefinitionKey()).isEqualTo(DisputeResolutionForm.TASK);
        assertThat(candidateGroups(resolve)).containsExactly("office");
        assertThat((String) tasks.getVariableLocal(resolve.getId(), "disputeText")).contains("食品安全处").contains("不属于本处职责");

        steps.complete(OFFICE, resolve, form("disputeOutcome", "REASSIGN", "newLeadDepartmentCode", "ip",
                "newAssistingDepartmentCodes", List.of("food"), "resolutionNote", "经研究改由知识产权处主办"));

        assertThat(proposals.get(number).leadDepartment()).isEqualTo("ip");
        assertThat(proposals.get(number).assistingDepartments()).containsExactly("food");
        String main = proposals.get(number).processInstanceId();
        assertThat(runtime.getVariable(main, "leadDepartment")).isEqualTo("ip");
        Task communicate = tasks.createTaskQuery().processInstanceId(main)
                .taskDefinitionKey(ProcessElements.TASK_COMMUNICATE_FIRST).singleResult();
        assertThat(candidateGroups(communicate)).containsExactly("dept-ip");
        assertThat(jdbc.sql("SELECT outcome FROM pd_assignment_dispute WHERE raised_by = 'food-li' ORDER BY id DESC")
                .query(String.class).list().get(0)).isEqualTo("REASSIGN");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(dispute.getId()).count()).isZero();
    }

    @Test
    void theOfficeMayInsistAndNothingMoves() {
        String number = assignedToFood();
        ProcessInstance dispute = raise(number, "food-li", "dept-food");
        Task resolve = tasks.createTaskQuery().processInstanceId(dispute.getId()).singleResult();

        Throwable missingNote = catchThrowable(() -> steps.complete(OFFICE, resolve, form("disputeOutcome", "INSIST")));
        assertThat(missingNote).hasMessageContaining("处理说明不能为空");

        steps.complete(OFFICE, resolve, form("disputeOutcome", "INSIST", "resolutionNote", "该提案主要涉及食品安全，维持原分派"));

        assertThat(proposals.get(number).leadDepartment()).isEqualTo("food");
        Task communicate = tasks.createTaskQuery().processInstanceId(proposals.get(number).processInstanceId())
                .taskDefinitionKey(ProcessElements.TASK_COMMUNICATE_FIRST).singleResult();
        assertThat(candidateGroups(communicate)).containsExactly("dept-food");
    }

    @Test
    void pastTheWindowTheDisputeIsRefused() {
        String number = assignedToFood();
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 15L * 24 * 3600 * 1000));

        Throwable refused = catchThrowable(() -> raise(number, "food-li", "dept-food"));

        assertThat(refused).hasMessageContaining("异议期限已于").hasMessageContaining("不再受理");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_assignment_dispute d JOIN pd_proposal p ON p.id = d.proposal_id WHERE p.number = ?")
                .param(number).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheLeadDepartmentMayDispute() {
        String number = assignedToFood();

        Throwable refused = catchThrowable(() -> raise(number, "ip-zhao", "dept-ip"));

        assertThat(refused).hasMessageContaining("只有主办处室可以对第" + number + "号提案的分派提出异议");
    }

    private String assignedToFood() {
        String number = TestProposals.newNumber("DISPUTE");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.complete(OFFICE, pi, ProcessElements.TASK_SIGN_FOR, signForForm());
        steps.complete(OFFICE, pi, ProcessElements.TASK_ASSIGN, assignForm("food", List.of()));
        return number;
    }

    private ProcessInstance raise(String number, String user, String group) {
        identity.setAuthentication(user, List.of(group));
        try {
            return runtime.startProcessInstanceByKey("assignment-dispute",
                    Map.of("number", number, "disputeReason", "提案内容不属于本处职责，建议由知识产权处主办"));
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }
}
