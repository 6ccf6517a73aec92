package com.proposaldesk.process;

import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_CO_SIGN;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.support.ProposalSteps.HANDLER;
import static com.proposaldesk.support.ProposalSteps.coSignForm;
import static com.proposaldesk.support.ProposalSteps.form;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.deadline.DeadlineSupervision;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.MarkdownText;

/**
 * 会签 where the bureau's rules ask for it: the assisting departments co-sign the lead department's draft, one after
 * another, before the department head reviews it, and may correct it. Its own context: the rule is switched on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "proposal-desk.review.co-sign-by-assisting=true")
@ActiveProfiles("test")
class CoSignProcessTest {

    private static final String IP_USER = "ip-zhao";
    private static final String EQUIPMENT_USER = "equipment-sun";

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    ReplyRepository replies;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    EngineClock clock;

    ProposalSteps steps;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
    }

    @Test
    void theAssistingDepartmentsCoSignInTurnAndACorrectionIsANewRevisionTheReviewersSee() {
        String number = TestProposals.newNumber("COSIGN");
        ProcessInstance pi = draftedWithAssisting(number);
        String drafted = (String) ProposalSteps.draftReplyForm("A").get("replyBody");

        assertThat(pi).isWaitingAt(TASK_CO_SIGN).hasNotPassed(TASK_REVIEW_DEPT_HEAD);
        Assertions.assertThat(proposals.get(number).status()).isEqualTo(ProposalStatus.REVIEWING);
        List<Task> first = steps.tasks(pi, TASK_CO_SIGN);
        Assertions.assertThat(first).as("one department at a time").hasSize(1);
        assertThat(first.get(0)).hasName("协办处室会签答复稿").hasCandidateGroup("dept-ip");
        Assertions.assertThat(steps.local(first.get(0), "coSignDepartmentName")).isEqualTo("知识产权处");
        Assertions.assertThat(steps.local(first.get(0), "editedBody")).isEqualTo(drafted);
        LocalDate due = calendar.plusWorkingDays(clock.today(), 5);
        LocalDate answerDue = proposals.get(number).answerDue();
        LocalDate expected = answerDue.isBefore(due) ? answerDue : due;
        Assertions.assertThat(first.get(0).getDueDate()).isEqualTo(clock.at(expected, DeadlineSupervision.DUE_AT));
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(ProcessElements.reminderTimerOf(TASK_CO_SIGN)).count()).as("its reminder timer").isEqualTo(1);

        Assertions.assertThat(visibleCoSignTasks(IP_USER, "dept-ip", pi)).as("the co-signing department's handlers")
                .isEqualTo(1);
        Assertions.assertThat(visibleCoSignTasks(EQUIPMENT_USER, "dept-equipment", pi)).as("not yet its turn").isZero();
        Assertions.assertThat(visibleCoSignTasks("drugs-wu", "dept-drugs", pi)).as("a department not on the proposal").isZero();

        steps.complete(IP_USER, first.get(0), coSignForm(null, "无意见"));

        Task second = steps.task(pi, TASK_CO_SIGN);
        assertThat(second).hasCandidateGroup("dept-equipment");
        String corrected = "经研究，我局已建立校园周边食品经营者台账，并将学校食堂的特种设备纳入检查……";
        steps.complete(EQUIPMENT_USER, second, coSignForm(corrected, "补充特种设备检查"));

        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        Reply reply = replies.latest(proposals.get(number).id()).orElseThrow();
        Assertions.assertThat(reply.body()).isEqualTo(corrected);
        Assertions.assertThat(reply.status()).isEqualTo(Reply.UNDER_REVIEW);
        Assertions.assertThat(replies.revisions(reply.id()))
                .extracting(ReplyRepository.Revision::step, ReplyRepository.Revision::department, ReplyRepository.Revision::author)
                .containsExactly(tuple(TASK_DRAFT_REPLY, null, HANDLER), tuple(TASK_CO_SIGN, "equipment", EQUIPMENT_USER));

        Task headReview = steps.task(pi, TASK_REVIEW_DEPT_HEAD);
        Assertions.assertThat((String) steps.local(headReview, "draftChanges")).contains(
                "**会签处室（特种设备处） " + MarkdownText.literal(EQUIPMENT_USER) + " 修改**",
                "台账［**新增：，并将学校食堂的特种设备纳入检查**］……");
        Assertions.assertThat((String) steps.local(headReview, "reviewHistory")).contains(
                "会签处室（知识产权处）　" + MarkdownText.literal(IP_USER) + "　**同意**　意见：无意见",
                "会签处室（特种设备处）　" + MarkdownText.literal(EQUIPMENT_USER) + "　**修改后同意**　意见：补充特种设备检查");
        Assertions.assertThat(steps.local(headReview, "editedBody")).isEqualTo(corrected);

        // a draft sent back and written again is co-signed again
        steps.sendBack(pi, TASK_REVIEW_DEPT_HEAD, "请补充检查频次");
        steps.draftReply(pi, "A");
        assertThat(pi).isWaitingAt(TASK_CO_SIGN);
        assertThat(steps.task(pi, TASK_CO_SIGN)).hasCandidateGroup("dept-ip");
    }

    @Test
    void aCoSignerMustWriteTheCorrectionAndAgreeingNeedsNoText() {
        String number = TestProposals.newNumber("COSIGN");
        ProcessInstance pi = draftedWithAssisting(number);
        Task task = steps.task(pi, TASK_CO_SIGN);

        Assertions.assertThat(ProposalSteps.rejected(() -> steps.complete(IP_USER, task, coSignForm(" ", null))).problems())
                .extracting(p -> p.message()).containsExactly("修改后的正文不能为空");
        Assertions.assertThat(ProposalSteps.rejected(() -> steps.complete(IP_USER, task, form("coSignComment", "x"))).problems())
                .extracting(p -> p.message()).containsExactly("会签意见不能为空，请选择");
        Assertions.assertThat(replies.revisions(replies.latest(proposals.get(number).id()).orElseThrow().id())).hasSize(1);
        assertThat(pi).isWaitingAt(TASK_CO_SIGN);
    }

    @Test
    void aProposalWithoutAssistingDepartmentsGoesStraightToTheDepartmentHead() {
        ProcessInstance pi = steps.register(TestProposals.request(TestProposals.newNumber("COSIGN"), ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");

        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD).hasNotPassed(TASK_CO_SIGN);
        assertThat(pi).variables().containsEntry(ProcessVariables.CO_SIGN_REQUIRED, false);
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        assertThat(pi).isWaitingAtExactly(ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY);
    }

    /** The co-sign tasks the user finds in Tasklist: the engine checks its grants when someone is logged in. */
    private long visibleCoSignTasks(String userId, String group, ProcessInstance pi) {
        engine.getIdentityService().setAuthentication(userId, List.of(group));
        try {
            return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CO_SIGN)
                    .count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private ProcessInstance draftedWithAssisting(String number) {
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of("ip", "equipment"));
        steps.communicateFirst(pi);
        for (Task opinion : steps.tasks(pi, TASK_ASSISTING_OPINION)) {
            steps.complete(IP_USER, opinion, form("opinionText", "同意主办处室的办理思路"));
        }
        steps.draftReply(pi, "A");
        return pi;
    }
}
