package com.proposaldesk.memberportal;

import static com.proposaldesk.process.ProcessElements.MESSAGE_MEMBER_ANSWERED_DRAFT;
import static com.proposaldesk.process.ProcessElements.MESSAGE_MEMBER_EVALUATED;
import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_FORMAL_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_EVALUATION;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.proposaldesk.evaluation.EvaluationResult;
import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.report.AnnualSummaries;
import com.proposaldesk.report.AnnualSummary;
import com.proposaldesk.report.ReportScope;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;
import com.proposaldesk.support.DomainRows;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * The member's online answers reach proposal-handling as messages: the interrupting boundary events on 先沟通后答复
 * and 登记委员评价 end the office's task and route exactly as its form would; whichever of member and office comes
 * first counts, once.
 */
@ProposalDeskSpringTest
class MemberAnswersProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    MemberRepository members;
    @Autowired
    MemberLinks links;
    @Autowired
    MemberPortal portal;
    @Autowired
    MemberAnswers answers;
    @Autowired
    MemberMessages messages;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    ReplyRepository replies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AnnualSummaries summaries;

    ProposalSteps steps;
    MemberProposals walk;
    DomainRows rows;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        walk = new MemberProposals(steps, members);
        rows = new DomainRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
    }

    @Test
    void theLeadMembersOnlineAgreementEndsCommunicateBeforeReplyAndLeadsToTheFormalReply() {
        String number = TestProposals.newNumber("MAGREE");
        ProcessInstance pi = walk.register(number);
        walk.toCommunicateBeforeReply(pi);
        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_BEFORE_REPLY);

        MemberLink lead = link(number, LinkPurpose.AGREEMENT, true);
        Assertions.assertThat(portal.answerDraft(lead, true, "答复意见很具体，同意")).isEqualTo(MemberPortal.Outcome.COUNTED);

        assertThat(pi).hasPassed(MESSAGE_MEMBER_ANSWERED_DRAFT).isWaitingAtExactly(TASK_FORMAL_REPLY);
        assertThat(pi).variables().containsEntry(ProcessVariables.MEMBER_EXPECTED_SATISFIED, true);
        Assertions.assertThat(rows.rows("pd_communication", number)).hasSize(2).last()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("STAGE", "BEFORE_REPLY")
                        .containsEntry("RECORDED_BY", MemberPortal.ONLINE)
                        .extractingByKey("MEMBER_VIEW").asString().contains("同意", "答复意见很具体，同意"));
        Assertions.assertThat(answers(number)).singleElement().satisfies(answer -> {
            Assertions.assertThat(answer.counted()).isTrue();
            Assertions.assertThat(answer.agreed()).isTrue();
            Assertions.assertThat(answer.comment()).isEqualTo("答复意见很具体，同意");
        });
        // the link has been used: a second answer is not taken
        Assertions.assertThat(portal.answerDraft(lead, false, "改主意了")).isEqualTo(MemberPortal.Outcome.ALREADY_ANSWERED);
        Assertions.assertThat(portal.page(lead).state()).isEqualTo("ANSWERED");
    }

    @Test
    void theLeadMembersOnlineDisagreementSendsTheDraftBackToHandlingAsTheFormWould() {
        String number = TestProposals.newNumber("MDISAGREE");
        ProcessInstance pi = walk.register(number);
        walk.toCommunicateBeforeReply(pi);

        portal.answerDraft(link(number, LinkPurpose.AGREEMENT, true), false, "第二条建议未落实，请补充时间表");

        assertThat(pi).hasPassed(MESSAGE_MEMBER_ANSWERED_DRAFT).isWaitingAtExactly(TASK_DRAFT_REPLY);
        assertThat(pi).variables().containsEntry(ProcessVariables.MEMBER_EXPECTED_SATISFIED, false);
        Assertions.assertThat(replies.latest(proposals.get(number).id()).orElseThrow().status()).isEqualTo(Reply.NOT_ACCEPTED);
    }

    @Test
    void aCoSignersAnswerIsKeptBesideAndLeavesTheTaskToTheLeadMember() {
        String number = TestProposals.newNumber("MCOSIGN");
        ProcessInstance pi = walk.register(number);
        walk.toCommunicateBeforeReply(pi);

        MemberLink coSigner = link(number, LinkPurpose.AGREEMENT, false);
        Assertions.assertThat(coSigner.memberName()).isEqualTo(MemberProposals.coSignerOf(number));
        Assertions.assertThat(portal.answerDraft(coSigner, false, "建议再细化")).isEqualTo(MemberPortal.Outcome.KEPT_BESIDE);

        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_BEFORE_REPLY);
        Assertions.assertThat(answers(number)).singleElement()
                .satisfies(answer -> Assertions.assertThat(answer.counted()).isFalse());
    }

    @Test
    void whenTheOfficeRecordsFirstTheMembersAnswerIsKeptButNotCountedAndThePageSaysSo() {
        String number = TestProposals.newNumber("MOFFICE");
        ProcessInstance pi = walk.register(number);
        walk.toCommunicateBeforeReply(pi);
        MemberLink lead = link(number, LinkPurpose.AGREEMENT, true);
        Assertions.assertThat(portal.page(lead).state()).isEqualTo("ANSWER");

        steps.communicateBeforeReply(pi, true);
        assertThat(pi).isWaitingAtExactly(TASK_FORMAL_REPLY);
        Assertions.assertThat(portal.page(lead).state()).isEqualTo("RECORDED");

        // the member's page was open before the office's record: the message finds no task, nothing moves
        assertThatThrownBy(() -> messages.answerDraft(pi.getId(), Map.of(ProcessVariables.MEMBER_EXPECTED_SATISFIED, false)))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        Assertions.assertThat(portal.answerDraft(lead, false, "不同意")).isEqualTo(MemberPortal.Outcome.ALREADY_RECORDED);
        assertThat(pi).isWaitingAtExactly(TASK_FORMAL_REPLY).hasNotPassed(MESSAGE_MEMBER_ANSWERED_DRAFT);
        Assertions.assertThat(rows.count("pd_communication", number)).isEqualTo(2);
        Assertions.assertThat(answers(number)).singleElement()
                .satisfies(answer -> Assertions.assertThat(answer.counted()).isFalse());
    }

    @Test
    void theLeadMembersOnlineEvaluationIsRecordedAsTheOfficesWouldBeAndClosesTheCase() {
        String number = TestProposals.newNumber("MEVAL");
        ProcessInstance pi = walk.register(number);
        walk.toRecordEvaluation(pi);
        assertThat(pi).isWaitingAtExactly(TASK_RECORD_EVALUATION);
        MemberLink lead = link(number, LinkPurpose.EVALUATION, true);
        Assertions.assertThat(portal.page(lead).letterAvailable()).isTrue();

        MemberPortal.Outcome outcome = portal.evaluate(lead, new MemberPortal.Evaluation(EvaluationResult.SATISFIED,
                Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.SATISFIED, "办理认真"));

        Assertions.assertThat(outcome).isEqualTo(MemberPortal.Outcome.COUNTED);
        assertThat(pi).hasPassed(MESSAGE_MEMBER_EVALUATED).isEnded();
        Assertions.assertThat(proposals.get(number).evaluation()).isEqualTo("SATISFIED");
        Assertions.assertThat(rows.rows("pd_evaluation", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("RESULT", "SATISFIED")
                        .containsEntry("HANDLING_ROUND", 1).containsEntry("RECORDED_BY", MemberPortal.ONLINE)
                        .extractingByKey("COMMENT").asString().contains("办理态度：满意", "办理结果：基本满意", "办理认真"));
    }

    @Test
    void anUnsatisfiedOnlineEvaluationStartsAnotherRoundWithItsDeadline() {
        String number = TestProposals.newNumber("MUNSAT");
        ProcessInstance pi = walk.register(number);
        walk.toRecordEvaluation(pi);

        portal.evaluate(link(number, LinkPurpose.EVALUATION, true), new MemberPortal.Evaluation(
                EvaluationResult.UNSATISFIED, Rating.BASICALLY_SATISFIED, Rating.UNSATISFIED, Rating.SATISFIED,
                "抽检结果仍未公开"));

        assertThat(pi).hasPassed(MESSAGE_MEMBER_EVALUATED).isWaitingAtExactly(TASK_DRAFT_REPLY);
        assertThat(pi).variables().containsEntry(ProcessVariables.HANDLING_ROUND, 2)
                .containsEntry(ProcessVariables.EVALUATION, "UNSATISFIED").containsKey(ProcessVariables.HANDLING_DUE);
        Assertions.assertThat(proposals.get(number).evaluation()).isEqualTo("UNSATISFIED");
    }

    @Test
    void anEvaluationRecordedByTheOfficeFirstCountsAndTheLinkSaysSo() {
        String number = TestProposals.newNumber("MEVOFFICE");
        ProcessInstance pi = walk.register(number);
        walk.toRecordEvaluation(pi);
        MemberLink lead = link(number, LinkPurpose.EVALUATION, true);
        MemberLink coSigner = link(number, LinkPurpose.EVALUATION, false);

        steps.evaluate(pi, "BASICALLY_SATISFIED", "2025-06-30", null);

        assertThat(pi).isEnded().hasNotPassed(MESSAGE_MEMBER_EVALUATED);
        MemberPage page = portal.page(lead);
        Assertions.assertThat(page.state()).isEqualTo("RECORDED");
        Assertions.assertThat(page.recordedAnswer()).contains("基本满意");
        // a co-signer may still evaluate; it is kept beside the lead member's
        Assertions.assertThat(portal.evaluate(coSigner, new MemberPortal.Evaluation(EvaluationResult.SATISFIED,
                Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, null))).isEqualTo(MemberPortal.Outcome.KEPT_BESIDE);
        Assertions.assertThat(rows.rows("pd_evaluation", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("RESULT", "BASICALLY_SATISFIED"));
        Assertions.assertThat(proposals.get(number).evaluation()).isEqualTo("BASICALLY_SATISFIED");
    }

    @Test
    void theAnnualSummaryCountsAnOnlineEvaluationLikeARecordedOne() {
        ReportScope year = new ReportScope(2025, null);
        String recorded = TestProposals.newNumber("MSUMREC");
        String online = TestProposals.newNumber("MSUMWEB");
        ProcessInstance recordedPi = walk.register(recorded);
        ProcessInstance onlinePi = walk.register(online);
        walk.toRecordEvaluation(recordedPi);
        walk.toRecordEvaluation(onlinePi);
        AnnualSummary.Evaluations before = summaries.summarise(year).evaluations();

        steps.evaluate(recordedPi, "BASICALLY_SATISFIED", "2025-06-30", null);
        AnnualSummary.Evaluations afterRecorded = summaries.summarise(year).evaluations();
        // a co-signer's evaluation is kept beside, never counted
        portal.evaluate(link(online, LinkPurpose.EVALUATION, false), new MemberPortal.Evaluation(EvaluationResult.UNSATISFIED,
                Rating.UNSATISFIED, Rating.UNSATISFIED, Rating.UNSATISFIED, "联名委员的意见"));
        Assertions.assertThat(summaries.summarise(year).evaluations()).isEqualTo(afterRecorded);
        portal.evaluate(link(online, LinkPurpose.EVALUATION, true), new MemberPortal.Evaluation(
                EvaluationResult.BASICALLY_SATISFIED, Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.SATISFIED, null));
        AnnualSummary.Evaluations afterOnline = summaries.summarise(year).evaluations();

        Assertions.assertThat(afterRecorded.basicallySatisfied()).isEqualTo(before.basicallySatisfied() + 1);
        Assertions.assertThat(afterOnline.basicallySatisfied()).isEqualTo(afterRecorded.basicallySatisfied() + 1);
        Assertions.assertThat(afterOnline.unsatisfied()).isEqualTo(before.unsatisfied());
        Assertions.assertThat(afterOnline.notEvaluated()).isEqualTo(before.notEvaluated() - 2);
    }

    private MemberLink link(String number, LinkPurpose purpose, boolean lead) {
        List<MemberLink> issued = links.forProposal(proposals.get(number).id()).stream()
                .filter(link -> link.purpose() == purpose && link.leadMember() == lead).toList();
        Assertions.assertThat(issued).as("%s links to the %s", purpose, lead ? "lead member" : "co-signer").hasSize(1);
        return issued.get(0);
    }

    private List<MemberAnswer> answers(String number) {
        return answers.forProposal(proposals.get(number).id());
    }
}
