package com.proposaldesk.extension;

import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.form;
import static com.proposaldesk.support.ProposalSteps.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Date;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.DomainRows;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskInputRejectedException;

/**
 * 延期办理: a member asks for more time, the office records the CPPCC committee's approval, and every deadline that
 * worked to the old answer date moves. The test proposals are assigned on 2025-04-10: the answer is due on 2025-07-10,
 * the hard limit is 2025-10-10 (six months), which also caps an extension of the first answer date by three months.
 */
@ProposalDeskSpringTest
class ExtensionProcessTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String PROCESS = "proposal-extension";
    private static final String COMMITTEE = "市政协提案委 2025-06-19 复函同意";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    JdbcClient jdbc;

    private ProposalSteps steps;
    private DomainRows rows;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        rows = new DomainRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aMembersRequestIsRecordedAndWaitsForTheOfficesApproval() {
        String number = TestProposals.newNumber("EXT");
        drafting(number);

        ProcessInstance request = request(number, "2025-08-29", "委员希望待秋季开学联合检查结束后再答复");

        assertThat(rows.rows("pd_extension", number)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("STATUS", "REQUESTED").containsEntry("REQUESTED_BY_KIND", "MEMBER")
                    .containsEntry("REQUESTED_BY", OFFICE)
                    .containsEntry("REASON", "委员希望待秋季开学联合检查结束后再答复")
                    .containsEntry("REQUESTED_DUE", Date.valueOf("2025-08-29"))
                    .containsEntry("PREVIOUS_DUE", Date.valueOf("2025-07-10"));
            assertThat(row.get("APPROVED_DUE")).isNull();
        });
        assertThat(request.getBusinessKey()).isEqualTo(number);
        assertThat(runtime.getVariables(request.getId())).containsEntry(ProcessVariables.PROPOSAL_NUMBER, number)
                .containsKey(ExtensionRequestListener.EXTENSION_ID)
                .doesNotContainKeys("number", "requestedBy", "requestedDue", "extensionReason");

        Task approval = approvalTask(request);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(ExtensionApprovalForm.TASK);
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId).containsExactly("office");
        assertThat(steps.local(approval, "extensionRequestText")).isEqualTo(
                "委员申请延期至 2025-08-29（现答复期限 2025-07-10，最迟可延至 2025-10-10）。理由：委员希望待秋季开学联合检查结束后再答复");
        assertThat(steps.local(approval, "approvedDue")).isEqualTo("2025-08-29");
        // the proposal itself is untouched until the office decides
        assertThat(rows.proposal(number)).containsEntry("ANSWER_DUE", Date.valueOf("2025-07-10"));
    }

    @Test
    void invalidRequestsAreRefusedWithAChineseMessageNamingTheFieldAndNothingIsStored() {
        String number = TestProposals.newNumber("EXT");
        drafting(number);
        long requestsBefore = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();

        assertThat(problems(() -> request("NO-SUCH-PROPOSAL", "2025-08-29", "需要补充调研")))
                .containsExactly(new FieldProblem("number", "提案编号 NO-SUCH-PROPOSAL 不存在"));
        assertThat(problems(() -> request(number, "2025-07-10", "需要补充调研")))
                .containsExactly(new FieldProblem("requestedDue", "申请延期至的日期应晚于现答复期限 2025-07-10"));
        assertThat(problems(() -> request(number, "2025-08-29", "  ")))
                .containsExactly(new FieldProblem("extensionReason", "延期理由不能为空"));
        assertThat(problems(() -> submit(form("number", number, "requestedBy", "NOBODY", "requestedDue", "2025-08-29",
                "extensionReason", "需要补充调研"))))
                .extracting(FieldProblem::field).containsExactly("requestedBy");
        TaskInputRejectedException all = rejected(() -> submit(form("number", null, "requestedBy", null,
                "requestedDue", null, "extensionReason", null)));
        assertThat(all.problems()).extracting(FieldProblem::field)
                .containsExactly("number", "requestedBy", "requestedDue", "extensionReason");
        assertThat(all.getMessage()).contains("提案编号不能为空", "申请方不能为空，请选择", "申请延期至不能为空", "延期理由不能为空");

        assertThat(rows.count("pd_extension", number)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(requestsBefore);
    }

    @Test
    void approvingMovesTheAnswerDeadlineTheTasksWorkingToItAndTheirReminders() {
        String number = TestProposals.newNumber("EXT");
        ProcessInstance pi = drafting(number);
        String bystander = TestProposals.newNumber("EXT");
        ProcessInstance other = drafting(bystander);

        Task draft = steps.task(pi, TASK_DRAFT_REPLY);
        assertThat(draft.getDueDate()).isEqualTo(at("2025-07-10T18:00"));
        // 5 working days before 2025-07-10
        assertThat(taskTimer(draft).getDuedate()).isEqualTo(at("2025-07-03T09:00"));
        assertThat(answerTimer(pi).getDuedate()).isEqualTo(at("2025-07-03T09:00"));

        ProcessInstance request = request(number, "2025-08-29", "委员希望待秋季开学联合检查结束后再答复");
        Task approval = approvalTask(request);

        assertThat(problems(() -> steps.complete(OFFICE, approval, approve("2025-08-29", null))))
                .containsExactly(new FieldProblem("committeeApproval", "同意延期时必须记录市政协提案委的批复情况"));
        assertThat(problems(() -> steps.complete(OFFICE, approval, approve("2025-10-13", COMMITTEE))))
                .containsExactly(new FieldProblem("approvedDue", "批准延期至的日期不能晚于 2025-10-10（延期上限和办理时限上限）"));
        assertThat(problems(() -> steps.complete(OFFICE, approval, approve("2025-07-10", COMMITTEE))))
                .containsExactly(new FieldProblem("approvedDue", "批准延期至的日期应晚于现答复期限 2025-07-10"));
        assertThat(problems(() -> steps.complete(OFFICE, approval, approve(null, COMMITTEE))))
                .containsExactly(new FieldProblem("approvedDue", "同意延期时必须填写批准延期至的日期"));
        assertThat(problems(() -> steps.complete(OFFICE, approval, form("extensionDecision", null))))
                .extracting(FieldProblem::field).containsExactly("extensionDecision");
        assertThat(rows.proposal(number)).containsEntry("ANSWER_DUE", Date.valueOf("2025-07-10"));

        steps.complete(OFFICE, approval, approve("2025-08-29", COMMITTEE));

        assertThat(rows.proposal(number)).containsEntry("ANSWER_DUE", Date.valueOf("2025-08-29"));
        assertThat(rows.rows("pd_extension", number)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("STATUS", "APPROVED").containsEntry("APPROVED_DUE", Date.valueOf("2025-08-29"))
                .containsEntry("COMMITTEE_APPROVAL", COMMITTEE).containsEntry("DECIDED_BY", OFFICE));
        assertThat(reached(request, "End_ExtensionApproved")).isTrue();

        assertThat(tasks.createTaskQuery().taskId(draft.getId()).singleResult().getDueDate()).isEqualTo(at("2025-08-29T18:00"));
        for (Job timer : List.of(taskTimer(draft), answerTimer(pi))) {
            // 5 working days before 2025-08-29
            assertThat(timer.getDuedate()).isEqualTo(at("2025-08-22T09:00"));
        }

        // another proposal due the same day keeps its deadline
        Task otherDraft = steps.task(other, TASK_DRAFT_REPLY);
        assertThat(otherDraft.getDueDate()).isEqualTo(at("2025-07-10T18:00"));
        assertThat(rows.proposal(bystander)).containsEntry("ANSWER_DUE", Date.valueOf("2025-07-10"));
        assertThat(taskTimer(otherDraft).getDuedate()).isEqualTo(at("2025-07-03T09:00"));
        assertThat(answerTimer(other).getDuedate()).isEqualTo(at("2025-07-03T09:00"));

        // the steps that follow work to the new deadline too
        steps.draftReply(pi, "A");
        Task review = steps.task(pi, TASK_REVIEW_DEPT_HEAD);
        assertThat(review.getDueDate()).isEqualTo(at("2025-08-29T18:00"));
        assertThat(taskTimer(review).getDuedate()).isEqualTo(at("2025-08-22T09:00"));
    }

    @Test
    void rejectingARequestKeepsEveryDeadline() {
        String number = TestProposals.newNumber("EXT");
        ProcessInstance pi = drafting(number);
        Task draft = steps.task(pi, TASK_DRAFT_REPLY);

        ProcessInstance request = request(number, "2025-08-29", "委员希望待秋季开学联合检查结束后再答复");
        steps.complete(OFFICE, approvalTask(request), form("extensionDecision", "REJECT", "approvedDue", null,
                "committeeApproval", null, "decisionNote", "现有材料已足以答复，不同意延期"));

        assertThat(reached(request, "End_ExtensionRejected")).isTrue();
        assertThat(rows.rows("pd_extension", number)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("STATUS", "REJECTED").containsEntry("DECISION_NOTE", "现有材料已足以答复，不同意延期");
            assertThat(row.get("APPROVED_DUE")).isNull();
        });
        assertThat(rows.proposal(number)).containsEntry("ANSWER_DUE", Date.valueOf("2025-07-10"));
        assertThat(tasks.createTaskQuery().taskId(draft.getId()).singleResult().getDueDate()).isEqualTo(at("2025-07-10T18:00"));
        for (Job timer : List.of(taskTimer(draft), answerTimer(pi))) {
            assertThat(timer.getDuedate()).isEqualTo(at("2025-07-03T09:00"));
        }
    }

    @Test
    void aSecondExtensionCannotGoPastTheSixMonthHardLimit() {
        String number = TestProposals.newNumber("EXT");
        ProcessInstance pi = drafting(number);
        steps.complete(OFFICE, approvalTask(request(number, "2025-08-29", "补充调研")), approve("2025-08-29", COMMITTEE));

        // three more months would reach 2025-12-01, but six months after assignment is 2025-10-10
        ProcessInstance second = request(number, "2025-11-28", "委员再次申请延期");
        Task approval = approvalTask(second);
        assertThat((String) steps.local(approval, "extensionRequestText")).contains("现答复期限 2025-08-29，最迟可延至 2025-10-10");
        assertThat(steps.local(approval, "approvedDue")).as("the form proposes the latest allowed date").isEqualTo("2025-10-10");
        assertThat(problems(() -> steps.complete(OFFICE, approval, approve("2025-11-28", COMMITTEE))))
                .containsExactly(new FieldProblem("approvedDue", "批准延期至的日期不能晚于 2025-10-10（延期上限和办理时限上限）"));

        steps.complete(OFFICE, approval, approve("2025-10-10", COMMITTEE));

        assertThat(rows.proposal(number)).containsEntry("ANSWER_DUE", Date.valueOf("2025-10-10"));
        assertThat(rows.rows("pd_extension", number)).extracting(row -> row.get("STATUS"), row -> row.get("APPROVED_DUE"))
                .containsExactly(tuple("APPROVED", Date.valueOf("2025-08-29")), tuple("APPROVED", Date.valueOf("2025-10-10")));
        Task draft = steps.task(pi, TASK_DRAFT_REPLY);
        assertThat(draft.getDueDate()).isEqualTo(at("2025-10-10T18:00"));
        // 5 working days before 2025-10-10 across 国庆节: 10-09, 09-30, 09-29, Sunday 09-28 (worked), 09-26
        assertThat(taskTimer(draft).getDuedate()).isEqualTo(at("2025-09-26T09:00"));
        assertThat(answerTimer(pi).getDuedate()).isEqualTo(at("2025-09-26T09:00"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Registers a proposal assigned on 2025-04-10 and carries it to 办理并起草答复; the clock then stands at 2025-06-20. */
    private ProcessInstance drafting(String number) {
        clock("2025-04-10T10:00");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        clock("2025-04-18T10:00");
        steps.toDraftReply(pi);
        clock("2025-06-20T10:00");
        return pi;
    }

    /** The office fills in the start form 提出延期申请 for a member, as Tasklist submits it. */
    private ProcessInstance request(String number, String requestedDue, String reason) {
        return submit(form("number", number, "requestedBy", "MEMBER", "requestedDue", requestedDue, "extensionReason", reason));
    }

    private ProcessInstance submit(Map<String, Object> values) {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
                .singleResult().getId();
        engine.getIdentityService().setAuthentication(OFFICE, List.of("office"));
        try {
            return forms.submitStartForm(definitionId, values);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Map<String, Object> approve(String approvedDue, String committee) {
        return form("extensionDecision", "APPROVE", "approvedDue", approvedDue, "committeeApproval", committee,
                "decisionNote", null);
    }

    private static List<FieldProblem> problems(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return rejected(call).problems();
    }

    private Task approvalTask(ProcessInstance request) {
        return tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
    }

    private Job taskTimer(Task task) {
        return management.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(ProcessElements.reminderTimerOf(task.getTaskDefinitionKey())).timers().singleResult();
    }

    private Job answerTimer(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(ProcessElements.ANSWER_REMINDER_TIMER)
                .timers().singleResult();
    }

    private boolean reached(ProcessInstance instance, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
                .finished().count() == 1;
    }

    private static java.util.Date at(String beijingTime) {
        return java.util.Date.from(LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant());
    }

    private static void clock(String beijingTime) {
        ClockUtil.setCurrentTime(at(beijingTime));
    }
}
