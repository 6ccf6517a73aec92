package com.proposaldesk.memberportal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.communication.CommunicateBeforeReplyForm;
import com.proposaldesk.communication.CommunicationRecord;
import com.proposaldesk.communication.CommunicationRepository;
import com.proposaldesk.communication.CommunicationStage;
import com.proposaldesk.communication.ContactWay;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.evaluation.EvaluationRecorder;
import com.proposaldesk.evaluation.EvaluationRepository;
import com.proposaldesk.evaluation.EvaluationResult;
import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.member.StaffDirectory;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyClassification;
import com.proposaldesk.reply.ReplyRepository;

/**
 * The member's side of a proposal, reached through a link: what the page shows, and the member's agreement with the
 * draft reply or evaluation, which reach the process as messages. The lead member's answer is the one that counts
 * (once, whichever of the member and the office is first); co-signers' answers are kept beside it.
 */
@Service
public class MemberPortal {

    static final String ONLINE = "委员本人（网上）";

    private final MemberLinks links;
    private final MemberAnswers answers;
    private final MemberMessages messages;
    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final CommunicationRepository communications;
    private final CommunicateBeforeReplyForm draftAnswers;
    private final EvaluationRecorder evaluationRecorder;
    private final EvaluationRepository evaluations;
    private final DepartmentRepository departments;
    private final MemberRepository members;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final EngineClock clock;

    public MemberPortal(MemberLinks links, MemberAnswers answers, MemberMessages messages, ProposalRepository proposals,
            ReplyRepository replies, CommunicationRepository communications, CommunicateBeforeReplyForm draftAnswers,
            EvaluationRecorder evaluationRecorder, EvaluationRepository evaluations, DepartmentRepository departments,
            MemberRepository members, StaffDirectory staff, AuditTrail audit, EngineClock clock) {
        this.links = links;
        this.answers = answers;
        this.messages = messages;
        this.proposals = proposals;
        this.replies = replies;
        this.communications = communications;
        this.draftAnswers = draftAnswers;
        this.evaluationRecorder = evaluationRecorder;
        this.evaluations = evaluations;
        this.departments = departments;
        this.members = members;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member's evaluation as the form sends it. */
    public record Evaluation(EvaluationResult result, Rating attitude, Rating outcome, Rating consultation, String comment) {
    }

    /** How an answer was taken. */
    public enum Outcome { COUNTED, KEPT_BESIDE, ALREADY_RECORDED, ALREADY_ANSWERED }

    /** The link a token opens, if it is signed by us, not expired and not revoked; each attempt is audited. */
    @Transactional
    public Optional<MemberLink> open(String token, String what) {
        Optional<MemberLink> found = links.find(token);
        if (found.isEmpty()) {
            audit.record(AuditAction.MEMBER_LINK_REFUSED, null, "无效的委员链接", "签名不符或链接不存在；" + what);
            return Optional.empty();
        }
        MemberLink link = found.get();
        if (!link.usableAt(clock.localNow())) {
            audit.record(AuditAction.MEMBER_LINK_REFUSED, link.proposalNumber(), subject(link),
                    (link.revokedAt() != null ? "链接已撤销" : "链接已过期") + "；" + what);
            return Optional.empty();
        }
        audit.record(AuditAction.MEMBER_LINK_OPENED, link.proposalNumber(), subject(link), what);
        return found;
    }

    @Transactional(readOnly = true)
    public MemberPage page(MemberLink link) {
        Proposal proposal = proposals.get(link.proposalNumber());
        Optional<Reply> latest = replies.latest(proposal.id());
        List<CommunicationRecord> records = communications.forProposal(proposal.id());
        // the reply's contact person; before a draft, the handler who contacted the member, else the member's liaison
        String contactPerson = latest.map(Reply::contactPerson).orElseGet(() -> records.stream()
                .map(CommunicationRecord::recordedBy).filter(staff::exists).reduce((first, last) -> last)
                .map(staff::displayName).orElseGet(() -> liaisonOf(proposal)));
        String contactPhone = latest.map(Reply::contactPhone).orElse(null);
        List<MemberPage.Contact> contacts = records.stream()
                .map(record -> new MemberPage.Contact(record.date(), record.stageLabel(), record.wayLabel())).toList();
        MemberPage.Draft draft = link.purpose() == LinkPurpose.AGREEMENT ? latest.map(MemberPortal::draft).orElse(null) : null;
        boolean letterAvailable = link.purpose() == LinkPurpose.EVALUATION && proposal.repliedOn() != null;
        Optional<MemberAnswer> answer = answers.forLink(link.id());
        String state;
        String recorded = null;
        if (link.purpose() == LinkPurpose.PROGRESS) {
            state = "VIEW";
        } else if (answer.isPresent()) {
            state = "ANSWERED";
        } else if (!link.leadMember() || awaits(link, proposal)) {
            state = "ANSWER";
        } else {
            recorded = recordedAnswer(link, proposal);
            state = recorded != null ? "RECORDED" : "NOT_NOW";
        }
        return new MemberPage(link.memberName(), link.leadMember(), link.purpose(), proposal.number(), proposal.title(),
                proposal.sessionName(), proposal.status() == null ? null : proposal.status().label(), proposal.assignedOn(),
                proposal.answerDue(), proposal.repliedOn(),
                proposal.leadDepartment() == null ? null : departments.nameOf(proposal.leadDepartment()), contactPerson,
                contactPhone, contacts, draft, letterAvailable, state, answer.orElse(null), recorded);
    }

    /**
     * The member's answer to the draft reply. For the lead member while 先沟通后答复 waits, it is recorded as the
     * handler's record would be and ends the task through the message; throws the engine's exception when the office
     * completed the task meanwhile, after which {@link #answerDraft} again keeps the answer as not counted.
     */
    @Transactional
    public Outcome answerDraft(MemberLink link, boolean agreed, String comment) {
        if (answers.forLink(link.id()).isPresent()) {
            return Outcome.ALREADY_ANSWERED;
        }
        Proposal proposal = proposals.get(link.proposalNumber());
        boolean counts = link.leadMember() && awaits(link, proposal);
        if (counts) {
            String view = (agreed ? "委员在网上同意答复意见。" : "委员在网上不同意答复意见。") + (comment == null ? "" : "意见：" + comment);
            draftAnswers.recordMemberView(proposal, clock.today(), ContactWay.EMAIL, link.memberName() + "（通过邮件中的链接在网上答复）",
                    view, agreed, ONLINE);
            messages.answerDraft(proposal.processInstanceId(), Map.of(ProcessVariables.MEMBER_EXPECTED_SATISFIED, agreed));
        }
        answers.record(link, agreed, null, null, null, null, comment, counts);
        audit.record(AuditAction.MEMBER_DRAFT_ANSWERED, proposal.number(), subject(link),
                (agreed ? "同意答复意见" : "不同意答复意见") + (counts ? "，已转入办理流程" : "，作为参考意见保存")
                        + (comment == null ? "" : "；意见：" + comment));
        return counts ? Outcome.COUNTED : link.leadMember() ? Outcome.ALREADY_RECORDED : Outcome.KEPT_BESIDE;
    }

    /**
     * The member's evaluation. The lead member's, while 登记委员评价 waits, is stored as the office's record would be
     * (the annual summary counts it the same) and ends the task through the message; fails as {@link #answerDraft}.
     */
    @Transactional
    public Outcome evaluate(MemberLink link, Evaluation evaluation) {
        if (answers.forLink(link.id()).isPresent()) {
            return Outcome.ALREADY_ANSWERED;
        }
        Proposal proposal = proposals.get(link.proposalNumber());
        boolean counts = link.leadMember() && awaits(link, proposal);
        if (counts) {
            Map<String, Object> routing = evaluationRecorder.record(proposal, link.handlingRound(), evaluation.result(),
                    clock.today(), evaluationComment(evaluation), ONLINE);
            messages.evaluate(proposal.processInstanceId(), routing);
        }
        answers.record(link, null, evaluation.result(), evaluation.attitude(), evaluation.outcome(),
                evaluation.consultation(), evaluation.comment(), counts);
        audit.record(AuditAction.MEMBER_EVALUATED, proposal.number(), subject(link),
                evaluation.result().label() + (counts ? "，已转入办理流程" : "，作为参考意见保存"));
        return counts ? Outcome.COUNTED : link.leadMember() ? Outcome.ALREADY_RECORDED : Outcome.KEPT_BESIDE;
    }

    /** The member's items and words, as the evaluation's comment in the office's records. */
    private static String evaluationComment(Evaluation evaluation) {
        String items = "办理态度：" + evaluation.attitude().label() + "；办理结果：" + evaluation.outcome().label() + "；沟通联系："
                + evaluation.consultation().label();
        return evaluation.comment() == null ? items : items + "。" + evaluation.comment();
    }

    /** Whether the process waits, in the link's round, for the answer the link asks for. */
    private boolean awaits(MemberLink link, Proposal proposal) {
        String instance = proposal.processInstanceId();
        boolean waiting = link.purpose() == LinkPurpose.AGREEMENT ? messages.awaitsDraftAnswer(instance)
                : link.purpose() == LinkPurpose.EVALUATION && messages.awaitsEvaluation(instance);
        return waiting && messages.handlingRound(instance).map(round -> round == link.handlingRound()).orElse(false);
    }

    /** What the bureau recorded for the link's round, in words; null when nothing is. */
    private String recordedAnswer(MemberLink link, Proposal proposal) {
        if (link.purpose() == LinkPurpose.EVALUATION) {
            return evaluations.forProposal(proposal.id()).stream()
                    .filter(evaluation -> evaluation.handlingRound() == link.handlingRound())
                    .map(evaluation -> "提案办已登记您的评价：" + evaluation.resultLabel()).reduce((first, last) -> last)
                    .orElse(null);
        }
        return communications.forProposal(proposal.id()).stream()
                .filter(record -> CommunicationStage.BEFORE_REPLY.name().equals(record.stage()))
                .filter(record -> !record.recordedAt().isBefore(link.issuedAt()))
                .findAny().map(record -> "承办处室已于 " + record.date() + " 记录您对答复意见的看法（" + record.wayLabel() + "）。")
                .orElse(null);
    }

    private String liaisonOf(Proposal proposal) {
        if (proposal.leadMember().id() == null) {
            return null;
        }
        return members.profile(proposal.leadMember().id()).map(profile -> profile.liaisonUser())
                .map(staff::nameOrId).orElse(null);
    }

    private static MemberPage.Draft draft(Reply reply) {
        String classification = reply.classification() == null ? null
                : reply.classification() + " 类（" + ReplyClassification.valueOf(reply.classification()).label() + "）";
        return new MemberPage.Draft(reply.version(), classification, reply.body(), reply.commitments());
    }

    static String subject(MemberLink link) {
        return (link.leadMember() ? "领衔委员 " : "联名委员 ") + link.memberName() + "，链接 #" + link.id() + "（"
                + link.purpose().label() + "）";
    }

    LocalDate today() {
        return clock.today();
    }
}
