package com.proposaldesk.process;

import static com.proposaldesk.process.ProcessElements.END_CLOSED;
import static com.proposaldesk.process.ProcessElements.END_TRANSFERRED;
import static com.proposaldesk.process.ProcessElements.END_WITHDRAWN;
import static com.proposaldesk.process.ProcessElements.TASK_ASSIGN;
import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_FIRST;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_FOLLOW_UP;
import static com.proposaldesk.process.ProcessElements.TASK_FORMAL_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_EVALUATION;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_EXTERNAL_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_OBJECTION_OUTCOME;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_PRINCIPAL;
import static com.proposaldesk.process.ProcessElements.TASK_TRANSFER_TO_CO_HANDLING;
import static com.proposaldesk.support.ProposalSteps.HANDLER;
import static com.proposaldesk.support.ProposalSteps.HEAD;
import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.assignForm;
import static com.proposaldesk.support.ProposalSteps.communicateFirstForm;
import static com.proposaldesk.support.ProposalSteps.draftReplyForm;
import static com.proposaldesk.support.ProposalSteps.evaluationForm;
import static com.proposaldesk.support.ProposalSteps.form;
import static com.proposaldesk.support.ProposalSteps.formalReplyForm;
import static com.proposaldesk.support.ProposalSteps.objectionForm;
import static com.proposaldesk.support.ProposalSteps.rejected;
import static com.proposaldesk.support.ProposalSteps.reviewForm;
import static com.proposaldesk.support.ProposalSteps.signForForm;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.proposaldesk.communication.HandlingGuard;
import com.proposaldesk.member.MemberLiaisonRequest;
import com.proposaldesk.member.MemberRegistry;
import com.proposaldesk.member.MemberRequest;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;
import com.proposaldesk.support.DomainRows;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.ProcessRuleViolation;
import com.proposaldesk.task.TaskInputRejectedException;

/**
 * Every path of {@code proposal-handling} (承办/主办/分办), walked through the engine with the values
 * the Camunda Forms send, asserting the tasks people would see and what the domain tables then hold.
 */
@ProposalDeskSpringTest
class ProposalHandlingProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    FormService formService;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    ReplyRepository replies;
    @Autowired
    HandlingGuard handlingGuard;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberRegistry members;

    /** The reviewers as Tasklist users: the drafter reads their names, not their ids. */
    private static final Map<String, String> REVIEWER_NAMES = Map.of(HEAD, "王处长", ProposalSteps.LEADER, "陈副局长",
            ProposalSteps.PRINCIPAL, "刘局长");
    private static final Map<String, String> STEP_LABELS = Map.of(TASK_REVIEW_DEPT_HEAD, "处室负责人", TASK_REVIEW_OFFICE,
            "提案办", TASK_SIGN_OFF_LEADER, "分管局领导", TASK_SIGN_OFF_PRINCIPAL, "主要负责同志");

    ProposalSteps steps;
    DomainRows rows;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        rows = new DomainRows(jdbc);
        REVIEWER_NAMES.forEach((userId, name) -> {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User reviewer = identity.newUser(userId);
                reviewer.setFirstName(name);
                identity.saveUser(reviewer);
            }
        });
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    // ---- main paths --------------------------------------------------------------------------------

    @Test
    void leadProposalWithAssistingDepartmentsAndExternalCoUnitsIsClosedWithClassA() {
        String number = TestProposals.newNumber("LEAD");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD, false, List.of("市教育局", "市公安局")));

        assertThat(pi).isStarted().hasBusinessKey(number).isWaitingAtExactly(TASK_SIGN_FOR);
        assertThat(task()).hasName("签收").hasCandidateGroup("office");
        assertThat(pi).variables().containsEntry("proposalNumber", number).containsEntry("role", "LEAD")
                .containsEntry("keyProposal", false).containsEntry("handlingRound", 1)
                .containsEntry("externalCoUnits", List.of("市教育局", "市公安局"));
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REGISTERED);
        Assertions.assertThat(steps.shown(task(), "proposalSummary")).asString().contains(MarkdownText.literal(number),
                "建立校园周边食品经营者台账");

        steps.complete(OFFICE, task(), signForForm());
        assertThat(pi).hasPassed(TASK_SIGN_FOR).hasNotPassed(TASK_RECORD_OBJECTION_OUTCOME).isWaitingAtExactly(TASK_ASSIGN);
        Proposal signed = proposal(number);
        Assertions.assertThat(signed.signedOn()).isEqualTo(LocalDate.of(2025, 4, 11));
        Assertions.assertThat(signed.status()).isEqualTo(ProposalStatus.ASSIGNING);
        Assertions.assertThat(rows.rows("pd_sign_for", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("SIGNED_BY", OFFICE));

        assertThat(task()).hasCandidateGroup("office");
        // Tasklist sends a checklist as a JSON variable
        complete(task(), withVariables("leadDepartmentCode", "food", "assistingDepartmentCodes",
                SpinValues.jsonValue("[\"ip\", \"equipment\"]").create()));
        Proposal assigned = proposal(number);
        Assertions.assertThat(assigned.leadDepartment()).isEqualTo("food");
        Assertions.assertThat(assigned.assistingDepartments()).containsExactly("equipment", "ip");
        Assertions.assertThat(assigned.status()).isEqualTo(ProposalStatus.COMMUNICATING);
        assertThat(pi).variables().containsEntry("leadDepartment", "food").containsEntry("leaderGroup", "leader")
                .containsEntry("assistingDepartments", List.of("ip", "equipment"));

        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_FIRST);
        assertThat(task()).hasCandidateGroup("dept-food");
        steps.complete(HANDLER, task(), communicateFirstForm());
        Assertions.assertThat(rows.rows("pd_communication", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("STAGE", "BEFORE_HANDLING").containsEntry("WAY", "MEETING")
                        .containsEntry("RECORDED_BY", HANDLER));
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);

        // handling: one task per assisting department and per external co-unit, in parallel
        assertThat(pi).isWaitingAt(TASK_ASSISTING_OPINION, TASK_RECORD_EXTERNAL_OPINION);
        List<Task> assisting = steps.tasks(pi, TASK_ASSISTING_OPINION);
        Assertions.assertThat(assisting).hasSize(2);
        assertThat(assisting.get(0)).hasCandidateGroup("dept-ip");
        assertThat(assisting.get(1)).hasCandidateGroup("dept-equipment");
        Assertions.assertThat(steps.local(assisting.get(0), "assistingDepartmentName")).isEqualTo("知识产权处");
        List<Task> external = steps.tasks(pi, TASK_RECORD_EXTERNAL_OPINION);
        Assertions.assertThat(external).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("dept-food"));

        steps.complete("ip-zhao", assisting.get(0), form("opinionText", "知识产权处：建议纳入商标专项行动"));
        steps.complete("equipment-sun", assisting.get(1), form("opinionText", "特种设备处：无补充意见"));
        // the assisting branch waits at the join for the external opinions
        assertThat(pi).isWaitingAt(TASK_RECORD_EXTERNAL_OPINION).isNotWaitingAt(TASK_ASSISTING_OPINION);
        for (Task t : external) {
            steps.complete(HANDLER, t, form("receivedOn", "2025-05-06", "opinionText", "同意主办单位意见"));
        }
        Assertions.assertThat(rows.rows("pd_opinion", number))
                .extracting(row -> row.get("FROM_KIND"), row -> row.get("FROM_NAME"))
                .containsExactlyInAnyOrder(tuple("DEPARTMENT", "知识产权处"), tuple("DEPARTMENT", "特种设备处"),
                        tuple("EXTERNAL", "市教育局"), tuple("EXTERNAL", "市公安局"));

        // the drafter sees every opinion and no review comment yet
        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_REPLY);
        assertThat(task()).hasCandidateGroup("dept-food");
        Assertions.assertThat(steps.local(task(), "opinionsSummary")).asString()
                .contains("知识产权处", "建议纳入商标专项行动", "市教育局", "市公安局");
        Assertions.assertThat(steps.local(task(), "lastReviewComment")).isEqualTo("");
        steps.complete(HANDLER, task(), draftReplyForm("A"));
        Assertions.assertThat(replies.all(proposal(number).id())).singleElement().satisfies(reply -> {
            Assertions.assertThat(reply.version()).isEqualTo(1);
            Assertions.assertThat(reply.classification()).isEqualTo("A");
            Assertions.assertThat(reply.status()).isEqualTo(Reply.UNDER_REVIEW);
            Assertions.assertThat(reply.publish()).isTrue();
            Assertions.assertThat(reply.commitments()).isNull();
        });
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);
        Assertions.assertThat(proposal(number).replyClassification()).isEqualTo("A");

        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        assertThat(task()).hasCandidateGroup("head-food");
        Assertions.assertThat(steps.local(task(), "replyPreview")).asString().contains("第 1 稿", "A 类");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_OFFICE);
        assertThat(task()).hasCandidateGroup("office");
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        assertThat(pi).isWaitingAtExactly(TASK_SIGN_OFF_LEADER);
        assertThat(task()).hasCandidateGroup("leader");
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.UNDER_REVIEW);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);

        // not a key proposal: the leader's signature is the last one
        assertThat(pi).hasNotPassed(TASK_SIGN_OFF_PRINCIPAL).isWaitingAtExactly(TASK_COMMUNICATE_BEFORE_REPLY);
        assertThat(task()).hasCandidateGroup("dept-food");
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.APPROVED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.COMMUNICATING);
        Assertions.assertThat(rows.reviews(number)).isEqualTo(3);

        steps.communicateBeforeReply(pi, true);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REPLYING);
        Assertions.assertThat(rows.count("pd_communication", number)).isEqualTo(2);

        assertThat(pi).isWaitingAtExactly(TASK_FORMAL_REPLY);
        assertThat(task()).hasCandidateGroup("office");
        steps.formalReply(pi, "2025-06-20");
        Proposal replied = proposal(number);
        Assertions.assertThat(replied.repliedOn()).isEqualTo(LocalDate.of(2025, 6, 20));
        Assertions.assertThat(replied.repliedOnTime()).isTrue();
        Assertions.assertThat(replied.status()).isEqualTo(ProposalStatus.AWAITING_EVALUATION);
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.SENT);
        Assertions.assertThat(latestReply(number).sentOn()).isEqualTo(LocalDate.of(2025, 6, 20));

        assertThat(pi).isWaitingAtExactly(TASK_RECORD_EVALUATION);
        assertThat(task()).hasCandidateGroup("office");
        steps.evaluate(pi, "SATISFIED", "2025-06-30", null);

        assertThat(pi).isEnded().hasPassed(TASK_SIGN_FOR, TASK_ASSIGN, TASK_COMMUNICATE_FIRST, TASK_ASSISTING_OPINION,
                TASK_RECORD_EXTERNAL_OPINION, TASK_DRAFT_REPLY, TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER,
                TASK_COMMUNICATE_BEFORE_REPLY, TASK_FORMAL_REPLY, TASK_RECORD_EVALUATION, END_CLOSED)
                .hasNotPassed(TASK_FOLLOW_UP, TASK_SIGN_OFF_PRINCIPAL, END_WITHDRAWN);
        Proposal closed = proposal(number);
        Assertions.assertThat(closed.status()).isEqualTo(ProposalStatus.CLOSED);
        Assertions.assertThat(closed.evaluation()).isEqualTo("SATISFIED");
        Assertions.assertThat(closed.replyClassification()).isEqualTo("A");
        Assertions.assertThat(rows.rows("pd_evaluation", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("RESULT", "SATISFIED").containsEntry("HANDLING_ROUND", 1));
    }

    @Test
    void soleProposalWithoutAssistingDepartmentsGoesStraightToDrafting() {
        String number = TestProposals.newNumber("SOLE");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        assertThat(pi).variables().containsEntry("role", "SOLE").containsEntry("externalCoUnits", List.of());

        steps.signFor(pi);
        steps.complete(OFFICE, pi, TASK_ASSIGN, form("leadDepartmentCode", "drugs", "assistingDepartmentCodes", null));
        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_FIRST);
        assertThat(task()).hasCandidateGroup("dept-drugs");
        steps.complete(HANDLER, task(), communicateFirstForm());

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_REPLY).hasNotPassed(TASK_ASSISTING_OPINION, TASK_RECORD_EXTERNAL_OPINION);
        assertThat(task()).hasCandidateGroup("dept-drugs");
        Assertions.assertThat(steps.local(task(), "opinionsSummary")).isEqualTo("暂无协办或会办意见。");
        Assertions.assertThat(proposal(number).assistingDepartments()).isEmpty();
        Assertions.assertThat(rows.count("pd_opinion", number)).isZero();

        steps.draftReply(pi, "C");
        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        assertThat(task()).hasCandidateGroup("head-drugs");
    }

    @ParameterizedTest(name = "sent back at {0}")
    @ValueSource(strings = { TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER, TASK_SIGN_OFF_PRINCIPAL })
    void aReviewerSendsTheDraftBackWithACommentTheDrafterSees(String step) {
        String number = TestProposals.newNumber("BACK");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE, true, List.of()));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        List<String> chain = List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER, TASK_SIGN_OFF_PRINCIPAL);
        for (String earlier : chain.subList(0, chain.indexOf(step))) {
            steps.approve(pi, earlier);
        }
        assertThat(pi).isWaitingAtExactly(step);

        String comment = "第二条建议的落实时限不明确，请补充（" + step + "）";
        steps.sendBack(pi, step, comment);

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_REPLY);
        Task redraft = task();
        assertThat(redraft).hasCandidateGroup("dept-food");
        String reviewerName = Map.of(TASK_REVIEW_DEPT_HEAD, "处室负责人", TASK_REVIEW_OFFICE, "提案办", TASK_SIGN_OFF_LEADER,
                "分管局领导", TASK_SIGN_OFF_PRINCIPAL, "主要负责同志").get(step);
        // the 提案办 clerk has no Tasklist user here, so the note falls back to the user id
        String reviewer = REVIEWER_NAMES.getOrDefault(ProposalSteps.reviewer(step), ProposalSteps.reviewer(step));
        Assertions.assertThat(steps.local(redraft, "lastReviewComment")).asString()
                .contains(MarkdownText.literal(comment), reviewerName + "退回修改", "（" + MarkdownText.literal(reviewer) + "）");
        // the form comes back filled with the draft that was sent back
        Assertions.assertThat(steps.local(redraft, "replyBody")).isEqualTo(draftReplyForm("A").get("replyBody"));
        Assertions.assertThat(steps.local(redraft, "classification")).isEqualTo("A");
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.RETURNED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);

        // the revised draft is a new version and goes through the whole chain again
        Map<String, Object> revised = draftReplyForm("A");
        revised.put("replyBody", "经研究，我局将于 2025 年 9 月底前完成第二条建议……");
        steps.complete(HANDLER, redraft, revised);
        Assertions.assertThat(replies.all(proposal(number).id())).extracting(Reply::version, Reply::status)
                .containsExactly(tuple(1, Reply.RETURNED), tuple(2, Reply.UNDER_REVIEW));
        // what the drafter submitted wins over the prefilled previous draft
        Assertions.assertThat(latestReply(number).body()).isEqualTo("经研究，我局将于 2025 年 9 月底前完成第二条建议……");
        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        // each reviewer of the new version reads every earlier decision and comment, the send-back included, in order
        List<String> history = new ArrayList<>();
        for (String earlier : chain.subList(0, chain.indexOf(step))) {
            history.add(historyLine(1, earlier, "**同意**"));
        }
        history.add(historyLine(1, step, "**退回修改**　意见：" + MarkdownText.literal(comment)));
        for (String reviewStep : chain) {
            String shown = (String) steps.local(steps.task(pi, reviewStep), "reviewHistory");
            Assertions.assertThat(shown).containsSubsequence(history);
            Assertions.assertThat(shown.lines()).hasSize(history.size())
                    .allMatch(line -> line.matches(".*　\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$"), "ends with the time");
            steps.approve(pi, reviewStep);
            history.add(historyLine(2, reviewStep, "**同意**"));
        }
        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_BEFORE_REPLY);
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.APPROVED);
    }

    @Test
    void theContactFormsShowHowToReachEachMemberAndWhoKeepsInTouch() {
        String number = TestProposals.newNumber("CONTACT");
        String coSigner = "联名委员" + number;
        members.create(new MemberRequest(coSigner, "九三学社", "13911112222", "co-" + number.toLowerCase() + "@example.cn",
                "河西区", "ip", null));
        RegistrationRequest request = TestProposals.request(number, ProposalRole.SOLE);
        ProcessInstance pi = steps.register(new RegistrationRequest(request.number(), request.source(),
                request.session(), request.title(), request.leadMember(), List.of(coSigner, "未登记委员" + number),
                request.suggestions(), request.role(), request.key(), request.assignedOn(),
                request.externalLeadUnit(), request.externalCoUnits()));
        members.assignLiaison(proposal(number).leadMember().id(), new MemberLiaisonRequest("food", HEAD));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of());

        String lead = "- **" + MarkdownText.literal("委员" + number) + "**（领衔委员）　电话：13800000000　邮箱："
                + MarkdownText.literal("member-" + number.toLowerCase() + "@example.cn") + "　辖区：和平区　联络处室：食品安全处　联络人：王处长";
        List<String> expected = List.of(lead,
                "- **" + MarkdownText.literal(coSigner) + "**（联名委员）　电话：13911112222　邮箱："
                        + MarkdownText.literal("co-" + number.toLowerCase() + "@example.cn")
                        + "　辖区：河西区　联络处室：知识产权处　联络人：未登记",
                "- **" + MarkdownText.literal("未登记委员" + number) + "**（联名委员）　未在委员名册中登记，暂无联系方式");
        Assertions.assertThat(steps.local(steps.task(pi, TASK_COMMUNICATE_FIRST), "memberContacts"))
                .isEqualTo(String.join("\n", expected));

        steps.communicateFirst(pi);
        steps.draftReply(pi, "A");
        for (String reviewStep : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER)) {
            steps.approve(pi, reviewStep);
        }
        Assertions.assertThat(steps.local(steps.task(pi, TASK_COMMUNICATE_BEFORE_REPLY), "memberContacts"))
                .isEqualTo(String.join("\n", expected));
    }

    @Test
    void aReviewerCorrectsTheDraftAndApprovesAndTheNextReviewerSeesWhatChanged() {
        String number = TestProposals.newNumber("EDIT");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        String drafted = (String) draftReplyForm("A").get("replyBody");

        // 会签 is off by default: the draft goes straight to the department head
        assertThat(pi).hasNotPassed(ProcessElements.TASK_CO_SIGN).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        Task headReview = steps.task(pi, TASK_REVIEW_DEPT_HEAD);
        Assertions.assertThat(steps.local(headReview, "editedBody")).as("prefilled with the draft").isEqualTo(drafted);
        Assertions.assertThat((String) steps.local(headReview, "draftChanges")).contains("第 1 稿由承办处室",
                "尚无人修改正文。");
        Assertions.assertThat(steps.local(headReview, "letterPreview")).as("only the signers see the letter").isNull();

        String corrected = "经研究，我局已建立全市校园周边食品经营者台账……\n每季度开展一次联合检查。";
        steps.approveWithEdits(pi, TASK_REVIEW_DEPT_HEAD, corrected);

        Reply reply = latestReply(number);
        Assertions.assertThat(reply.version()).as("still the same draft").isEqualTo(1);
        Assertions.assertThat(reply.body()).isEqualTo(corrected);
        Assertions.assertThat(reply.status()).isEqualTo(Reply.UNDER_REVIEW);
        Assertions.assertThat(replies.revisions(reply.id()))
                .extracting(ReplyRepository.Revision::revision, ReplyRepository.Revision::step, ReplyRepository.Revision::author,
                        ReplyRepository.Revision::body)
                .containsExactly(tuple(1, TASK_DRAFT_REPLY, HANDLER, drafted), tuple(2, TASK_REVIEW_DEPT_HEAD, HEAD, corrected));
        Assertions.assertThat(replies.reviews(reply.id())).singleElement()
                .satisfies(review -> Assertions.assertThat(review.decisionLabel()).isEqualTo("修改后同意"));

        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_OFFICE);
        Task officeReview = steps.task(pi, TASK_REVIEW_OFFICE);
        Assertions.assertThat((String) steps.local(officeReview, "draftChanges")).contains(
                "**处室负责人 王处长 修改**",
                "经研究，我局已建立［**新增：全市**］校园周边食品经营者台账……\n\n［**新增：每季度开展一次联合检查。**］");
        Assertions.assertThat((String) steps.local(officeReview, "reviewHistory")).contains("处室负责人　王处长　**修改后同意**");
        Assertions.assertThat((String) steps.local(officeReview, "replyPreview")).contains(MarkdownText.literal("全市校园周边"));
        Assertions.assertThat(steps.local(officeReview, "editedBody")).isEqualTo(corrected);

        // a "correction" that changes nothing, or no text at all, is refused and nothing is stored
        TaskInputRejectedException same = rejected(() -> steps.complete(OFFICE, officeReview,
                ProposalSteps.reviewWithEditsForm(corrected + "\n", null)));
        Assertions.assertThat(same.problems()).extracting(p -> p.message())
                .containsExactly("修改后的正文与原稿相同；未作修改请选择“同意”");
        TaskInputRejectedException empty = rejected(() -> steps.complete(OFFICE, officeReview,
                ProposalSteps.reviewWithEditsForm(" ", null)));
        Assertions.assertThat(empty.problems()).extracting(p -> p.message()).containsExactly("修改后的正文不能为空");
        Assertions.assertThat(replies.revisions(reply.id())).hasSize(2);
        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_OFFICE);

        steps.approve(pi, TASK_REVIEW_OFFICE);
        Task signOff = steps.task(pi, TASK_SIGN_OFF_LEADER);
        String preview = (String) steps.local(signOff, "letterPreview");
        Assertions.assertThat(preview).contains("**关于市政协七届三次会议第" + MarkdownText.literal(number) + "号提案的答复**",
                MarkdownText.literal("委员" + number) + "委员：", "经研究，我局已建立全市校园周边食品经营者台账……\n\n每季度开展一次联合检查。",
                "签发人：（签发人签发后填入）", "联系人：李经办，联系电话：022\\-23456789", "抄送：市政协提案委");
        Assertions.assertThat((String) steps.local(signOff, "draftChanges")).as("the head's change is still shown")
                .contains("［**新增：全市**］");

        // the last signature may correct the text too: that text is the one signed and printed
        String signed = "经研究，我局已建立全市校园周边食品经营者台账……\n每季度至少开展一次联合检查。";
        steps.approveWithEdits(pi, TASK_SIGN_OFF_LEADER, signed);
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.APPROVED);
        Assertions.assertThat(latestReply(number).body()).isEqualTo(signed);
        Assertions.assertThat(replies.revisions(reply.id())).extracting(ReplyRepository.Revision::step)
                .containsExactly(TASK_DRAFT_REPLY, TASK_REVIEW_DEPT_HEAD, TASK_SIGN_OFF_LEADER);
        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_BEFORE_REPLY);
    }

    @Test
    void aRedraftShowsTheReviewersWhatTheDrafterChangedAgainstTheTextSentBack() {
        String number = TestProposals.newNumber("REDRAFT");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approveWithEdits(pi, TASK_REVIEW_DEPT_HEAD, "经研究，我局已建立全市校园周边食品经营者台账……");
        steps.sendBack(pi, TASK_REVIEW_OFFICE, "请写明检查频次");

        Map<String, Object> redraft = draftReplyForm("A");
        redraft.put("replyBody", "经研究，我局已建立全市校园周边食品经营者台账，每月检查一次。");
        steps.complete(HANDLER, pi, TASK_DRAFT_REPLY, redraft);

        Assertions.assertThat((String) steps.local(steps.task(pi, TASK_REVIEW_DEPT_HEAD), "draftChanges")).contains(
                "**第 2 稿与第 1 稿相比**：", "台账［*删除：……*］［**新增：，每月检查一次。**］", "第 2 稿由承办处室");
    }

    @Test
    void theFirstReviewerIsToldThereIsNoEarlierReview() {
        ProcessInstance pi = steps.register(TestProposals.request(TestProposals.newNumber("HIST"), ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        Assertions.assertThat(steps.local(steps.task(pi, TASK_REVIEW_DEPT_HEAD), "reviewHistory"))
                .isEqualTo("尚无审核意见，您是第一位审核人。");
    }

    private static String historyLine(int version, String step, String decision) {
        return "- 第 " + version + " 稿　" + STEP_LABELS.get(step) + "　" + reviewerShown(step) + "　" + decision;
    }

    private static String reviewerShown(String step) {
        return MarkdownText.literal(REVIEWER_NAMES.getOrDefault(ProposalSteps.reviewer(step), ProposalSteps.reviewer(step)));
    }

    @Test
    void aKeyProposalIsSignedOffByThePrincipalLeader() {
        String number = TestProposals.newNumber("KEY");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD, true, List.of()));
        assertThat(pi).variables().containsEntry("keyProposal", true);
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);

        assertThat(pi).isWaitingAtExactly(TASK_SIGN_OFF_PRINCIPAL);
        assertThat(task()).hasName("主要负责同志签发").hasCandidateGroup("principal");
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.UNDER_REVIEW);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);

        steps.approve(pi, TASK_SIGN_OFF_PRINCIPAL);
        assertThat(pi).hasPassed(TASK_SIGN_OFF_PRINCIPAL).isWaitingAtExactly(TASK_COMMUNICATE_BEFORE_REPLY);
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.APPROVED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.COMMUNICATING);
        Assertions.assertThat(rows.reviews(number)).isEqualTo(4);
    }

    @Test
    void formsSubmittedFromTasklistAreValidatedAndStoredLikeCompletions() {
        String number = TestProposals.newNumber("TASKLIST");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        Task signFor = steps.task(pi, TASK_SIGN_FOR);

        // Tasklist submits Camunda Forms with FormService.submitTaskForm, not TaskService.complete
        identity.setAuthentication(OFFICE, List.of("office"));
        try {
            TaskInputRejectedException rejection = rejected(() -> formService.submitTaskForm(signFor.getId(), form("signedOn", "")));
            Assertions.assertThat(rejection.getMessage()).contains("签收日期不能为空");
            formService.submitTaskForm(signFor.getId(), form("signedOn", "2025-04-14", "objectionRequested", false));
            // the checklist arrives as JSON, onto the task variable the form was prefilled with
            formService.submitTaskForm(steps.task(pi, TASK_ASSIGN).getId(), form("leadDepartmentCode", "pricing",
                    "assistingDepartmentCodes", SpinValues.jsonValue("[\"standards\"]").create()));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(pi).hasPassed(TASK_SIGN_FOR, TASK_ASSIGN).isWaitingAtExactly(TASK_COMMUNICATE_FIRST);
        assertThat(task()).hasCandidateGroup("dept-pricing");
        Proposal proposal = proposal(number);
        Assertions.assertThat(proposal.signedOn()).isEqualTo(LocalDate.of(2025, 4, 14));
        Assertions.assertThat(proposal.leadDepartment()).isEqualTo("pricing");
        Assertions.assertThat(proposal.assistingDepartments()).containsExactly("standards");
        Assertions.assertThat(rows.rows("pd_sign_for", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("SIGNED_BY", OFFICE));
        Assertions.assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("signedOn", "leadDepartmentCode",
                "assistingDepartmentCodes").containsEntry("objectionRequested", false)
                .containsEntry("assistingDepartments", List.of("standards"));
    }

    @Test
    void formFieldsDoNotStayInTheProcessOnlyRoutingVariablesDo() {
        String number = TestProposals.newNumber("NOLEAK");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");

        Assertions.assertThat(runtime.getVariables(pi.getId()).keySet())
                .doesNotContainAnyElementsOf(List.of("signedOn", "leadDepartmentCode", "assistingDepartmentCodes", "assignmentNote",
                        "contactDate", "contactWay", "participants", "memberIntent", "contactSummary", "replyBody", "classification",
                        "commitments", "publishDecision", "publishReason", "contactPerson", "contactPhone"))
                .contains("proposalNumber", "objectionRequested", "leadDepartment", "assistingDepartments", "leaderGroup",
                        "replyClassification", "handlingRound");
    }

    // ---- objections to the city's assignment ----------------------------------------------------

    @Test
    void objectionKeptByTheCommitteeContinuesWithAssignment() {
        String number = TestProposals.newNumber("KEPT");
        ProcessInstance pi = objectionFiled(number, ProposalRole.SOLE);

        steps.complete(OFFICE, task(), form("objectionOutcome", "KEPT", "decidedOn", "2025-04-15", "decisionNote", "维持原交办"));

        assertThat(pi).isWaitingAtExactly(TASK_ASSIGN);
        assertThat(task()).hasCandidateGroup("office");
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.ASSIGNING);
        Assertions.assertThat(proposal(number).role()).isEqualTo(ProposalRole.SOLE);
        Assertions.assertThat(rows.rows("pd_objection", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("OUTCOME", "KEPT").containsEntry("DECIDED_BY", OFFICE));
        assertThat(pi).variables().containsEntry("objectionOutcome", "KEPT").containsEntry("role", "SOLE");
    }

    @Test
    void objectionEndingInAnotherRoleChangesTheRoleInDatabaseAndProcess() {
        String number = TestProposals.newNumber("ROLE");
        ProcessInstance pi = objectionFiled(number, ProposalRole.SOLE);

        steps.complete(OFFICE, task(), form("objectionOutcome", "ROLE_CHANGED", "newRole", "SPLIT", "decidedOn", "2025-04-15"));

        assertThat(pi).isWaitingAtExactly(TASK_ASSIGN);
        Assertions.assertThat(proposal(number).role()).isEqualTo(ProposalRole.SPLIT);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.ASSIGNING);
        assertThat(pi).variables().containsEntry("role", "SPLIT");
        Assertions.assertThat(rows.rows("pd_objection", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("OUTCOME", "ROLE_CHANGED").containsEntry("NEW_ROLE", "SPLIT"));
    }

    @Test
    void objectionWithdrawnEndsTheCaseForTheBureau() {
        String number = TestProposals.newNumber("WDRN");
        ProcessInstance pi = objectionFiled(number, ProposalRole.LEAD);

        steps.complete(OFFICE, task(), form("objectionOutcome", "WITHDRAWN", "decidedOn", "2025-04-16", "decisionNote", "改由市教育局承办"));

        assertThat(pi).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(TASK_ASSIGN, END_CLOSED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.WITHDRAWN);
        Assertions.assertThat(steps.tasks(pi, TASK_ASSIGN)).isEmpty();
    }

    @Test
    void objectionTransferredToCoHandlingContinuesInTheCoHandlingProcess() {
        String number = TestProposals.newNumber("XFER");
        ProcessInstance pi = objectionFiled(number, ProposalRole.SOLE);

        steps.complete(OFFICE, task(), form("objectionOutcome", "TRANSFERRED_TO_CO_HANDLING", "externalLeadUnit", " 市教育局 ",
                "decidedOn", "2025-04-16"));

        assertThat(pi).isEnded().hasPassed(TASK_TRANSFER_TO_CO_HANDLING, END_TRANSFERRED).hasNotPassed(END_CLOSED, END_WITHDRAWN);
        ProcessInstance coHandling = processInstanceQuery().processInstanceBusinessKey(number).active().singleResult();
        Assertions.assertThat(coHandling).isNotNull();
        // signed for already in proposal-handling: the office assigns the co-handling work next
        assertThat(coHandling).hasProcessDefinitionKey(ProcessElements.CO_HANDLING_PROCESS).hasBusinessKey(number)
                .isWaitingAtExactly(TASK_ASSIGN).hasNotPassed(TASK_SIGN_FOR);
        assertThat(task()).hasName("分派办理处室").hasCandidateGroup("office");
        assertThat(coHandling).variables().containsEntry("role", "CO_HANDLING").containsEntry("proposalNumber", number)
                .doesNotContainKey("externalLeadUnit");
        Proposal transferred = proposal(number);
        Assertions.assertThat(transferred.role()).isEqualTo(ProposalRole.CO_HANDLING);
        Assertions.assertThat(transferred.status()).isEqualTo(ProposalStatus.TRANSFERRED);
        Assertions.assertThat(transferred.status().label()).isEqualTo("已转为会办");
        Assertions.assertThat(transferred.externalLeadUnit()).isEqualTo("市教育局");
        Assertions.assertThat(transferred.signedOn()).isEqualTo(LocalDate.of(2025, 4, 11));
        Assertions.assertThat(transferred.processInstanceId()).isEqualTo(coHandling.getId());
        Assertions.assertThat(rows.count("pd_sign_for", number)).isEqualTo(1);
        Assertions.assertThat(rows.rows("pd_objection", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("OUTCOME", "TRANSFERRED_TO_CO_HANDLING"));

        // from here the co-handling process sets the status
        steps.complete(OFFICE, task(), assignForm("food", List.of("agriculture")));
        assertThat(coHandling).isWaitingAt(TASK_ASSISTING_OPINION);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);
        steps.complete("agriculture-zhou", task(), form("opinionText", "涉农企业食堂纳入检查范围"));
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);
        steps.complete(HANDLER, task(), form("letterBody", "我局意见如下：加强日常监管。", "contactPerson", "李经办",
                "contactPhone", "022-23456789"));
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REVIEWING);
        steps.approve(coHandling, TASK_REVIEW_DEPT_HEAD);
        steps.approve(coHandling, TASK_REVIEW_OFFICE);
        assertThat(coHandling).isWaitingAtExactly(ProcessElements.TASK_SEND_OPINION_LETTER);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REPLYING);
        Assertions.assertThat(steps.local(task(), "externalLeadUnit")).isEqualTo("市教育局");
        steps.complete(OFFICE, task(), form("sentOn", "2025-05-08"));
        assertThat(coHandling).isEnded().hasPassed(ProcessElements.END_OPINION_SENT);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.CLOSED);
        Assertions.assertThat(proposal(number).repliedOn()).isEqualTo(LocalDate.of(2025, 5, 8));
    }

    @Test
    void aTransferToCoHandlingNeedsTheLeadUnit() {
        String number = TestProposals.newNumber("XFERNOLEAD");
        ProcessInstance pi = objectionFiled(number, ProposalRole.LEAD);
        Task outcome = steps.task(pi, TASK_RECORD_OBJECTION_OUTCOME);

        TaskInputRejectedException rejection = rejected(() -> steps.complete(OFFICE, outcome,
                form("objectionOutcome", "TRANSFERRED_TO_CO_HANDLING", "externalLeadUnit", "  ", "decidedOn", "2025-04-16")));
        Assertions.assertThat(rejection.problems()).extracting(p -> p.field()).containsExactly("externalLeadUnit");
        Assertions.assertThat(rejection.getMessage()).contains("转为会办时必须填写主办单位");
        rejection = rejected(() -> steps.complete(OFFICE, outcome, form("objectionOutcome", "TRANSFERRED_TO_CO_HANDLING",
                "externalLeadUnit", "市".repeat(201), "decidedOn", "2025-04-16")));
        Assertions.assertThat(rejection.getMessage()).contains("主办单位不能超过 200 个字");

        assertThat(pi).isWaitingAtExactly(TASK_RECORD_OBJECTION_OUTCOME);
        Assertions.assertThat(processInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
        Proposal unchanged = proposal(number);
        Assertions.assertThat(unchanged.role()).isEqualTo(ProposalRole.LEAD);
        Assertions.assertThat(unchanged.status()).isEqualTo(ProposalStatus.OBJECTING);
        Assertions.assertThat(unchanged.externalLeadUnit()).isNull();
        Assertions.assertThat(rows.rows("pd_objection", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row.get("OUTCOME")).isNull());
    }

    // ---- the member's view ------------------------------------------------------------------------

    @Test
    void aMemberNotExpectedToBeSatisfiedSendsTheCaseBackToHandling() {
        String number = TestProposals.newNumber("NOTOK");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        toCommunicateBeforeReply(pi);

        steps.communicateBeforeReply(pi, false);

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_REPLY).hasNotPassed(TASK_FORMAL_REPLY);
        Assertions.assertThat(steps.local(task(), "lastReviewComment")).asString()
                .contains("委员不认可答复意见", "委员认为第二条建议未落实");
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.NOT_ACCEPTED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);
        Assertions.assertThat(proposal(number).repliedOn()).isNull();
        Assertions.assertThat(rows.rows("pd_communication", number)).extracting(row -> row.get("STAGE"))
                .containsExactly("BEFORE_HANDLING", "BEFORE_REPLY");
        assertThat(pi).variables().containsEntry("memberExpectedSatisfied", false).containsEntry("handlingRound", 1);
    }

    @Test
    void anUnsatisfiedEvaluationStartsASecondRoundUntilTheMemberIsSatisfied() {
        String number = TestProposals.newNumber("UNSAT");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        toCommunicateBeforeReply(pi);
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-06-20");

        steps.evaluate(pi, "UNSATISFIED", "2025-07-01", "第三条建议未回应");

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_REPLY).variables().containsEntry("handlingRound", 2)
                .containsEntry("evaluation", "UNSATISFIED");
        Assertions.assertThat(steps.local(task(), "lastReviewComment")).asString().contains("委员评价不满意", "第三条建议未回应");
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);
        Assertions.assertThat(proposal(number).evaluation()).isEqualTo("UNSATISFIED");

        steps.draftReply(pi, "A");
        Assertions.assertThat(replies.all(proposal(number).id())).extracting(Reply::version, Reply::handlingRound, Reply::status)
                .containsExactly(tuple(1, 1, Reply.SENT), tuple(2, 2, Reply.UNDER_REVIEW));
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        steps.communicateBeforeReply(pi, true);
        Map<String, Object> secondReply = formalReplyForm("2025-08-15");
        secondReply.put("copiedTo", "市政协提案委、市教育局"); // the form comes prefilled with 市政协提案委
        steps.complete(OFFICE, pi, TASK_FORMAL_REPLY, secondReply);
        Assertions.assertThat(rows.rows("pd_reply", number)).extracting(row -> row.get("COPIED_TO"))
                .containsExactly("市政协提案委", "市政协提案委、市教育局");
        // the second reply was after the answer was due (2025-07-10)
        Assertions.assertThat(proposal(number).repliedOn()).isEqualTo(LocalDate.of(2025, 8, 15));
        Assertions.assertThat(proposal(number).repliedOnTime()).isFalse();
        steps.evaluate(pi, "BASICALLY_SATISFIED", "2025-08-20", null);

        assertThat(pi).isEnded().hasPassed(END_CLOSED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.CLOSED);
        Assertions.assertThat(proposal(number).evaluation()).isEqualTo("BASICALLY_SATISFIED");
        Assertions.assertThat(rows.rows("pd_evaluation", number)).extracting(row -> row.get("RESULT"), row -> row.get("HANDLING_ROUND"))
                .containsExactly(tuple("UNSATISFIED", 1), tuple("BASICALLY_SATISFIED", 2));
    }

    @Test
    void aClassBReplyIsFollowedUpUntilTheCommitmentIsDone() {
        String number = TestProposals.newNumber("CLSB");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "B");
        Assertions.assertThat(latestReply(number).commitments()).contains("2025 年底前");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-06-20");
        steps.evaluate(pi, "SATISFIED", "2025-06-30", null);

        assertThat(pi).isWaitingAtExactly(TASK_FOLLOW_UP);
        assertThat(task()).hasName("跟踪落实承诺事项").hasCandidateGroup("dept-food");
        Assertions.assertThat(steps.local(task(), "commitmentsText")).asString().contains("2025 年底前");
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.FOLLOW_UP);

        steps.followUp(pi, false);
        assertThat(pi).isWaitingAtExactly(TASK_FOLLOW_UP);
        steps.followUp(pi, false);
        assertThat(pi).isWaitingAtExactly(TASK_FOLLOW_UP);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.FOLLOW_UP);

        steps.followUp(pi, true);
        assertThat(pi).isEnded().hasPassed(TASK_FOLLOW_UP, END_CLOSED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.CLOSED);
        Assertions.assertThat(rows.rows("pd_follow_up", number)).extracting(row -> row.get("DONE"))
                .containsExactly(false, false, true);
    }

    // ---- 先沟通后办理 ----------------------------------------------------------------------------------

    @Test
    void firstContactWithMissingFieldsIsRejectedWithEveryProblemAndTheProcessStillWaits() {
        String number = TestProposals.newNumber("COMM");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of());
        Task communicate = steps.task(pi, TASK_COMMUNICATE_FIRST);

        TaskInputRejectedException rejection = rejected(() -> steps.complete(HANDLER, communicate,
                form("contactDate", null, "contactWay", "", "participants", "  ", "memberIntent", null)));

        Assertions.assertThat(rejection.problems()).extracting(p -> p.field())
                .containsExactly("contactDate", "contactWay", "participants", "memberIntent");
        Assertions.assertThat(rejection.getMessage()).contains("沟通日期不能为空", "沟通方式不能为空", "参与人员不能为空",
                "委员的真实意图和诉求不能为空", "contactDate", "memberIntent");
        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_FIRST).hasNotPassed("Gateway_HandlingFork");
        Assertions.assertThat(steps.task(pi, TASK_COMMUNICATE_FIRST).getId()).isEqualTo(communicate.getId());
        Assertions.assertThat(rows.count("pd_communication", number)).isZero();
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.COMMUNICATING);
    }

    @Test
    void theEngineRefusesToStartHandlingWithoutACommunicationRecord() {
        String number = TestProposals.newNumber("GUARD");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of());

        // an administrator moving the token past the first contact (Cockpit's process instance modification)
        assertThatThrownBy(() -> runtime.createProcessInstanceModification(pi.getId())
                .cancelAllForActivity(TASK_COMMUNICATE_FIRST).startBeforeActivity("Gateway_HandlingFork").execute())
                .isInstanceOf(ProcessRuleViolation.class).hasMessageContaining("先沟通后办理").hasMessageContaining(number);

        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_FIRST);
        Assertions.assertThat(steps.tasks(pi, TASK_DRAFT_REPLY)).isEmpty();
    }

    @Test
    void theHandlingGuardPassesOnlyWhenAFirstContactIsRecorded() {
        String number = TestProposals.newNumber("GRD2");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        DelegateExecution execution = Mockito.mock(DelegateExecution.class);
        Mockito.when(execution.getVariable(ProcessVariables.PROPOSAL_NUMBER)).thenReturn(number);

        assertThatThrownBy(() -> handlingGuard.notify(execution)).isInstanceOf(ProcessRuleViolation.class)
                .hasMessage("第" + number + "号提案尚未登记与委员的沟通记录，按“先沟通后办理”的要求不能开始办理。");

        steps.signFor(pi);
        steps.assign(pi, "food", List.of());
        steps.communicateFirst(pi);
        handlingGuard.notify(execution); // a record exists now: no exception
        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_REPLY);
    }

    // ---- rejected submissions: Chinese message naming the field, task stays open, nothing written ----

    @Test
    void signingForWithoutADateIsRejected() {
        String number = TestProposals.newNumber("VSIGN");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        Task signFor = steps.task(pi, TASK_SIGN_FOR);

        TaskInputRejectedException rejection = rejected(() -> steps.complete(OFFICE, signFor, form("signedOn", null)));
        Assertions.assertThat(rejection.getMessage()).contains("签收日期不能为空", "signedOn");
        rejection = rejected(() -> steps.complete(OFFICE, signFor, form("signedOn", "2025-04-01")));
        Assertions.assertThat(rejection.getMessage()).contains("签收日期不能早于交办日期 2025-04-10", "signedOn");
        rejection = rejected(() -> steps.complete(OFFICE, signFor, form("signedOn", "2025-04-11", "objectionRequested", true)));
        Assertions.assertThat(rejection.problems()).singleElement()
                .satisfies(p -> Assertions.assertThat(p.field()).isEqualTo("objectionReason"));

        assertThat(pi).isWaitingAtExactly(TASK_SIGN_FOR);
        Assertions.assertThat(steps.task(pi, TASK_SIGN_FOR).getId()).isEqualTo(signFor.getId());
        Assertions.assertThat(rows.count("pd_sign_for", number)).isZero();
        Assertions.assertThat(rows.count("pd_objection", number)).isZero();
        Assertions.assertThat(proposal(number).signedOn()).isNull();
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REGISTERED);
        // the rejected values did not leak into the process either
        Assertions.assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("signedOn", "objectionRequested");
    }

    @Test
    void anUnknownDepartmentCodeIsRejected() {
        String number = TestProposals.newNumber("VDEPT");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.signFor(pi);

        TaskInputRejectedException rejection = rejected(() -> steps.complete(OFFICE, pi, TASK_ASSIGN,
                assignForm("canteen", List.of("ip", "fisheries"))));
        Assertions.assertThat(rejection.problems()).extracting(p -> p.field(), p -> p.message()).containsExactly(
                tuple("leadDepartmentCode", "主办处室“canteen”不存在"), tuple("assistingDepartmentCodes", "协办处室“fisheries”不存在"));
        rejection = rejected(() -> steps.complete(OFFICE, pi, TASK_ASSIGN, assignForm("food", List.of("food"))));
        Assertions.assertThat(rejection.getMessage()).contains("主办处室不能同时作为协办处室", "assistingDepartmentCodes");

        assertThat(pi).isWaitingAtExactly(TASK_ASSIGN);
        Assertions.assertThat(rows.count("pd_assignment", number)).isZero();
        Assertions.assertThat(rows.count("pd_proposal_assisting_department", number)).isZero();
        Assertions.assertThat(proposal(number).leadDepartment()).isNull();
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.ASSIGNING);
        Assertions.assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("leadDepartment", "leaderGroup");
    }

    @Test
    void classBWithoutCommitmentsAndNotPublicWithoutReasonAreRejected() {
        String number = TestProposals.newNumber("VDRAFT");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);

        Map<String, Object> withoutCommitments = draftReplyForm("B");
        withoutCommitments.put("commitments", "");
        TaskInputRejectedException rejection = rejected(() -> steps.complete(HANDLER, pi, TASK_DRAFT_REPLY, withoutCommitments));
        Assertions.assertThat(rejection.problems()).singleElement().satisfies(p -> {
            Assertions.assertThat(p.field()).isEqualTo("commitments");
            Assertions.assertThat(p.message()).isEqualTo("B 类答复必须填写承诺事项及完成时限");
        });

        Map<String, Object> notPublic = draftReplyForm("A");
        notPublic.put("publishDecision", "NOT_PUBLIC");
        rejection = rejected(() -> steps.complete(HANDLER, pi, TASK_DRAFT_REPLY, notPublic));
        Assertions.assertThat(rejection.getMessage()).contains("不公开时必须填写理由", "publishReason");

        Map<String, Object> wrongChoices = draftReplyForm("E");
        wrongChoices.put("contactPhone", "call me");
        rejection = rejected(() -> steps.complete(HANDLER, pi, TASK_DRAFT_REPLY, wrongChoices));
        Assertions.assertThat(rejection.problems()).extracting(p -> p.field()).containsExactly("classification", "contactPhone");
        Assertions.assertThat(rejection.getMessage()).contains("答复类别的取值“E”无效", "联系电话格式不正确");

        assertThat(pi).isWaitingAtExactly(TASK_DRAFT_REPLY);
        Assertions.assertThat(rows.count("pd_reply", number)).isZero();
        Assertions.assertThat(proposal(number).replyClassification()).isNull();
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.HANDLING);

        notPublic.put("publishReason", "涉及执法办案细节");
        steps.complete(HANDLER, pi, TASK_DRAFT_REPLY, notPublic);
        Assertions.assertThat(latestReply(number).publish()).isFalse();
        Assertions.assertThat(latestReply(number).publishReason()).isEqualTo("涉及执法办案细节");
    }

    @Test
    void sendingBackWithoutACommentIsRejected() {
        String number = TestProposals.newNumber("VREV");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        Task review = steps.task(pi, TASK_REVIEW_DEPT_HEAD);

        TaskInputRejectedException rejection = rejected(() -> steps.complete(HEAD, review, reviewForm(false, " ")));
        Assertions.assertThat(rejection.getMessage()).contains("退回修改时必须填写意见说明", "reviewComment");
        rejection = rejected(() -> steps.complete(HEAD, review, form("reviewDecision", null)));
        Assertions.assertThat(rejection.getMessage()).contains("审核意见不能为空", "reviewDecision");

        assertThat(pi).isWaitingAtExactly(TASK_REVIEW_DEPT_HEAD);
        Assertions.assertThat(steps.task(pi, TASK_REVIEW_DEPT_HEAD).getId()).isEqualTo(review.getId());
        Assertions.assertThat(rows.reviews(number)).isZero();
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.UNDER_REVIEW);
        Assertions.assertThat(runtime.getVariables(pi.getId())).doesNotContainKey("reviewApproved");
    }

    @Test
    void aFormalReplyWithADateThatIsNoDateIsRejected() {
        String number = TestProposals.newNumber("VDATE");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        toCommunicateBeforeReply(pi);
        steps.communicateBeforeReply(pi, true);

        for (String notADate : List.of("2025年6月20日", "2025-02-30", "下周一")) {
            TaskInputRejectedException rejection = rejected(() -> steps.complete(OFFICE, pi, TASK_FORMAL_REPLY,
                    formalReplyForm(notADate)));
            Assertions.assertThat(rejection.problems()).singleElement().satisfies(p -> {
                Assertions.assertThat(p.field()).isEqualTo("repliedOn");
                Assertions.assertThat(p.message()).startsWith("答复日期不是有效日期");
            });
        }
        TaskInputRejectedException rejection = rejected(() -> steps.complete(OFFICE, pi, TASK_FORMAL_REPLY,
                form("repliedOn", "2025-06-20", "replyChannel", "FAX")));
        Assertions.assertThat(rejection.getMessage()).contains("送达方式的取值“FAX”无效", "replyChannel");

        assertThat(pi).isWaitingAtExactly(TASK_FORMAL_REPLY);
        Assertions.assertThat(proposal(number).repliedOn()).isNull();
        Assertions.assertThat(proposal(number).repliedOnTime()).isNull();
        Assertions.assertThat(latestReply(number).status()).isEqualTo(Reply.APPROVED);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.REPLYING);
    }

    @Test
    void objectionOutcomesAndEvaluationsWithMissingDetailsAreRejected() {
        String number = TestProposals.newNumber("VOBJ");
        ProcessInstance pi = objectionFiled(number, ProposalRole.SOLE);
        Task outcome = steps.task(pi, TASK_RECORD_OBJECTION_OUTCOME);

        TaskInputRejectedException rejection = rejected(() -> steps.complete(OFFICE, outcome,
                form("objectionOutcome", "ROLE_CHANGED", "decidedOn", "2025-04-15")));
        Assertions.assertThat(rejection.getMessage()).contains("调整后的办理角色不能为空", "newRole");
        rejection = rejected(() -> steps.complete(OFFICE, outcome,
                form("objectionOutcome", "ROLE_CHANGED", "newRole", "SOLE", "decidedOn", "2025-04-15")));
        Assertions.assertThat(rejection.getMessage()).contains("调整后的办理角色与原角色相同");
        assertThat(pi).isWaitingAtExactly(TASK_RECORD_OBJECTION_OUTCOME);
        Assertions.assertThat(rows.rows("pd_objection", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row.get("OUTCOME")).isNull());
        Assertions.assertThat(proposal(number).role()).isEqualTo(ProposalRole.SOLE);
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.OBJECTING);

        String evaluated = TestProposals.newNumber("VEVAL");
        ProcessInstance other = steps.register(TestProposals.request(evaluated, ProposalRole.SOLE));
        toCommunicateBeforeReply(other);
        steps.communicateBeforeReply(other, true);
        steps.formalReply(other, "2025-06-20");
        rejection = rejected(() -> steps.complete(OFFICE, other, TASK_RECORD_EVALUATION,
                evaluationForm("UNSATISFIED", "2025-06-10", null)));
        Assertions.assertThat(rejection.problems()).extracting(p -> p.field()).containsExactly("evaluationComment", "evaluatedOn");
        Assertions.assertThat(rejection.getMessage()).contains("委员评价不满意时必须记录委员意见", "评价日期不能早于答复日期 2025-06-20");
        assertThat(other).isWaitingAtExactly(TASK_RECORD_EVALUATION);
        Assertions.assertThat(rows.count("pd_evaluation", evaluated)).isZero();
        Assertions.assertThat(proposal(evaluated).evaluation()).isNull();
        assertThat(other).variables().containsEntry("handlingRound", 1).doesNotContainKey("evaluation");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Registers a proposal and signs for it with an objection; waits at the objection's outcome. */
    private ProcessInstance objectionFiled(String number, ProposalRole role) {
        ProcessInstance pi = steps.register(TestProposals.request(number, role));
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, objectionForm("本提案主要涉及教育部门职责"));
        assertThat(pi).hasPassed(TASK_SIGN_FOR).isWaitingAtExactly(TASK_RECORD_OBJECTION_OUTCOME);
        assertThat(task()).hasName("登记调整申请结果").hasCandidateGroup("office");
        Assertions.assertThat(steps.local(task(), "objectionReason")).isEqualTo("本提案主要涉及教育部门职责");
        Assertions.assertThat(proposal(number).status()).isEqualTo(ProposalStatus.OBJECTING);
        Assertions.assertThat(rows.rows("pd_objection", number)).singleElement()
                .satisfies(row -> Assertions.assertThat(row).containsEntry("REASON", "本提案主要涉及教育部门职责"));
        return pi;
    }

    /** Signs for, assigns, drafts an A reply and has it signed by everyone; waits at 先沟通后答复. */
    private void toCommunicateBeforeReply(ProcessInstance pi) {
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        assertThat(pi).isWaitingAtExactly(TASK_COMMUNICATE_BEFORE_REPLY);
    }

    private Proposal proposal(String number) {
        return proposals.get(number);
    }

    private Reply latestReply(String number) {
        return replies.latest(proposal(number).id()).orElseThrow();
    }
}
