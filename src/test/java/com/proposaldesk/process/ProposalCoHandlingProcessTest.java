package com.proposaldesk.process;

import static com.proposaldesk.process.ProcessElements.END_OPINION_SENT;
import static com.proposaldesk.process.ProcessElements.TASK_ASSIGN;
import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_OPINION_LETTER;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SEND_OPINION_LETTER;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.support.ProposalSteps.HANDLER;
import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.form;
import static com.proposaldesk.support.ProposalSteps.rejected;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.TaskInputRejectedException;

/**
 * {@code proposal-co-handling} (会办/协办): the bureau writes an opinion letter for the lead bureau
 * (牵头单位) instead of answering the member, and the case ends when the letter is sent.
 */
@ProposalDeskSpringTest
class ProposalCoHandlingProcessTest {

    /** The lead bureau every test co-handled proposal names (TestProposals). */
    private static final String LEAD_BUREAU = "市教育局";

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    ReplyRepository replies;

    ProposalSteps steps;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void theOpinionLetterIsReviewedAndSentToTheLeadBureau() {
        String number = TestProposals.newNumber("CO");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.CO_HANDLING));

        assertThat(pi).hasProcessDefinitionKey(ProcessElements.CO_HANDLING_PROCESS).hasBusinessKey(number)
                .isWaitingAtExactly(TASK_SIGN_FOR);
        assertThat(task()).hasName("签收").hasCandidateGroup("office");
        assertThat(pi).variables().containsEntry("role", "CO_HANDLING").containsEntry("externalCoUnits", List.of());
        // one month for 会办: 10 May 2025 is a Saturday, so the next working day
        Assertions.assertThat(proposal(number).answerDue()).isEqualTo(LocalDate.of(2025, 5, 12));
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REGISTERED);
        steps.complete(OFFICE, task(), form("signedOn", "2025-04-11"));
        Assertions.assertThat(proposal(number).signedOn()).isEqualTo(LocalDate.of(2025, 4, 11));
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.ASSIGNING);

        assertThat(pi).isWaitingAtExactly(TASK_ASSIGN);
        assertThat(task()).hasName("分派办理处室").hasCandidateGroup("office");
        steps.complete(OFFICE, task(), ProposalSteps.assignForm("food", List.of("agriculture")));
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);

        // no first contact with the member: the lead bureau does that
        assertThat(pi).isWaitingAt(TASK_ASSISTING_OPINION);
        assertThat(task(TASK_ASSISTING_OPINION)).hasCandidateGroup("dept-agriculture");
        steps.complete("agriculture-zhou", task(TASK_ASSISTING_OPINION), form("opinionText", "涉农企业食堂纳入检查范围"));

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_OPINION_LETTER);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);
        assertThat(task()).hasName("起草会办意见函").hasCandidateGroup("dept-food");
        Assertions.assertThat(steps.local(task(), "opinionsSummary")).asString().contains("农业和涉农企业服务处", "涉农企业食堂");
        steps.complete(HANDLER, task(), letterForm("我局意见如下：一、……"));
        Assertions.assertThat(latestLetter(number)).satisfies(letter -> {
            Assertions.assertThat(letter.kind()).isEqualTo(Reply.KIND_OPINION_LETTER);
            Assertions.assertThat(letter.status()).isEqualTo(Reply.UNDER_REVIEW);
        });
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);

        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        assertThat(task()).hasCandidateGroup("head-food");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_OFFICE);
        assertThat(task()).hasCandidateGroup("office");
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);
        steps.approve(pi, TASK_REVIEW_OFFICE);

        // not a key proposal: the office's approval is the last one
        assertThat(pi).hasNotPassed(TASK_SIGN_OFF_LEADER).isWaitingAtExactly(TASK_SEND_OPINION_LETTER);
        assertThat(task()).hasName("函复牵头单位").hasCandidateGroup("office");
        Assertions.assertThat(steps.local(task(), "externalLeadUnit")).isEqualTo(LEAD_BUREAU);
        Assertions.assertThat(latestLetter(number).status()).isEqualTo(Reply.APPROVED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REPLYING);

        steps.complete(OFFICE, task(), form("sentOn", "2025-05-08"));

        assertThat(pi).isEnded().hasPassed(TASK_SIGN_FOR, TASK_ASSIGN, TASK_ASSISTING_OPINION, TASK_DRAFT_OPINION_LETTER,
                TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SEND_OPINION_LETTER, END_OPINION_SENT);
        Proposal closed = proposal(number);
        Assertions.assertThat(closed.status()).isEqualTo(ProposalStatus.CLOSED);
        Assertions.assertThat(closed.repliedOn()).isEqualTo(LocalDate.of(2025, 5, 8));
        Assertions.assertThat(closed.repliedOnTime()).isTrue();
        Assertions.assertThat(closed.evaluation()).isNull();
        Reply sent = latestLetter(number);
        Assertions.assertThat(sent.status()).isEqualTo(Reply.SENT);
        Assertions.assertThat(sent.sentOn()).isEqualTo(LocalDate.of(2025, 5, 8));
    }

    @Test
    void theDepartmentHeadSendsTheLetterBack() {
        String number = TestProposals.newNumber("COBACK1");
        ProcessInstance pi = toReview(number, false);

        steps.sendBack(pi, TASK_REVIEW_DEPT_HEAD, "请写明我局负责的具体事项");

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_OPINION_LETTER);
        Task redraft = task();
        Assertions.assertThat(steps.local(redraft, "lastReviewComment")).asString().contains("处室负责人退回修改", "请写明我局负责的具体事项");
        Assertions.assertThat(steps.local(redraft, "letterBody")).isEqualTo("我局意见如下：一、……");
        Assertions.assertThat(latestLetter(number).status()).isEqualTo(Reply.RETURNED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);

        steps.complete(HANDLER, redraft, letterForm("我局负责校园周边食品经营者的日常监管……"));
        Assertions.assertThat(replies.all(proposal(number).id())).extracting(Reply::version, Reply::status)
                .containsExactly(tuple(1, Reply.RETURNED), tuple(2, Reply.UNDER_REVIEW));
        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
    }

    @Test
    void theOfficeSendsTheLetterBack() {
        String number = TestProposals.newNumber("COBACK2");
        ProcessInstance pi = toReview(number, false);
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);

        steps.sendBack(pi, TASK_REVIEW_OFFICE, "联系电话请用办公电话");

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_OPINION_LETTER);
        Assertions.assertThat(steps.local(task(), "lastReviewComment")).asString().contains("提案办退回修改", "联系电话请用办公电话");
        Assertions.assertThat(latestLetter(number).status()).isEqualTo(Reply.RETURNED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);
    }

    @Test
    void aKeyCoHandledProposalIsSignedByTheLeaderInCharge() {
        String number = TestProposals.newNumber("COKEY");
        ProcessInstance pi = toReview(number, true);
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);

        assertThat(pi).isWaitingAtExactly(TASK_SIGN_OFF_LEADER);
        assertThat(task()).hasName("分管局领导签发").hasCandidateGroup("leader");
        Assertions.assertThat(latestLetter(number).status()).isEqualTo(Reply.UNDER_REVIEW);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);

        steps.sendBack(pi, TASK_SIGN_OFF_LEADER, "请补充与牵头单位的分工");
        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_OPINION_LETTER);
        Assertions.assertThat(steps.local(task(), "lastReviewComment")).asString().contains("分管局领导退回修改", "请补充与牵头单位的分工");
        steps.complete(HANDLER, task(), letterForm("我局意见如下（补充分工）……"));
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);

        assertThat(pi).isWaitingAtExactly(TASK_SEND_OPINION_LETTER);
        Assertions.assertThat(latestLetter(number).status()).isEqualTo(Reply.APPROVED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REPLYING);
        steps.complete(OFFICE, task(), form("sentOn", "2025-06-02"));
        assertThat(pi).isEnded().hasPassed(TASK_SIGN_OFF_LEADER, END_OPINION_SENT);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.CLOSED);
        // 会办 opinions are due one month after assignment (2025-05-10)
        Assertions.assertThat(proposal(number).repliedOnTime()).isFalse();
    }

    @Test
    void theLetterAndItsSendingAreValidated() {
        String number = TestProposals.newNumber("COVAL");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.CO_HANDLING));
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", "2025-04-11"));
        steps.complete(OFFICE, pi, TASK_ASSIGN, ProposalSteps.assignForm("food", List.of()));
        assertThat(pi).hasNotPassed(TASK_ASSISTING_OPINION).isWaitingAtExactly(TASK_DRAFT_OPINION_LETTER);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);

        TaskInputRejectedException rejection = rejected(() -> steps.complete(HANDLER, pi, TASK_DRAFT_OPINION_LETTER,
                form("letterBody", " ", "contactPerson", "李经办", "contactPhone", "办公室")));
        Assertions.assertThat(rejection.problems()).extracting(p -> p.field(), p -> p.message())
                .containsExactly(tuple("letterBody", "会办意见不能为空"), tuple("contactPhone", "联系电话格式不正确"));
        Assertions.assertThat(replies.all(proposal(number).id())).isEmpty();
        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_OPINION_LETTER);

        steps.complete(HANDLER, pi, TASK_DRAFT_OPINION_LETTER, letterForm("我局意见如下：一、……"));
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        rejection = rejected(() -> steps.complete(OFFICE, pi, TASK_SEND_OPINION_LETTER, form("sentOn", "2025-04-01")));
        Assertions.assertThat(rejection.getMessage()).contains("函复日期不能早于交办日期 2025-04-10", "sentOn");
        assertThat(pi).isWaitingAtExactly(TASK_SEND_OPINION_LETTER);
        Assertions.assertThat(proposal(number).repliedOn()).isNull();
        Assertions.assertThat(latestLetter(number).status()).isEqualTo(Reply.APPROVED);
    }

    /** Registers, signs for, assigns to 食品安全处 (no assisting department) and drafts the letter. */
    private ProcessInstance toReview(String number, boolean key) {
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.CO_HANDLING, key, List.of()));
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", "2025-04-11"));
        steps.complete(OFFICE, pi, TASK_ASSIGN, ProposalSteps.assignForm("food", List.of()));
        steps.complete(HANDLER, pi, TASK_DRAFT_OPINION_LETTER, letterForm("我局意见如下：一、……"));
        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        return pi;
    }

    private static Map<String, Object> letterForm(String body) {
        return form("letterBody", body, "contactPerson", "李经办", "contactPhone", "022-23456789");
    }

    private Proposal proposal(String number) {
        return proposals.get(number);
    }

    private Reply latestLetter(String number) {
        return replies.latest(proposal(number).id()).orElseThrow();
    }
}
