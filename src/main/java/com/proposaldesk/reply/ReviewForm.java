package com.proposaldesk.reply;

import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.ProcessRuleViolation;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 审核把关 and 签发: each reviewer approves the draft or sends it back with a comment the drafter sees. */
@Component
public class ReviewForm implements TaskForm {

    enum Decision { APPROVE, RETURN }

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final ReviewHistory history;
    private final ApplicationEventPublisher events;

    ReviewForm(ProposalRepository proposals, ReplyRepository replies, ReviewHistory history, ApplicationEventPublisher events) {
        this.proposals = proposals;
        this.replies = replies;
        this.history = history;
        this.events = events;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_REVIEW_DEPT_HEAD, ProcessElements.TASK_REVIEW_OFFICE,
                ProcessElements.TASK_SIGN_OFF_LEADER, ProcessElements.TASK_SIGN_OFF_PRINCIPAL);
    }

    @Override
    public List<String> fields() {
        return List.of("reviewDecision", "reviewComment");
    }

    @Override
    public void prepare(TaskFormContext context) {
        long proposalId = proposals.get(context.proposalNumber()).id();
        context.show("reviewHistory", history.markdown(proposalId));
        context.show("replyPreview", replies.previewOfLatest(proposalId));
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        Decision decision = in.requiredChoice("reviewDecision", "审核意见", Decision.class);
        String comment = in.text("reviewComment", "意见说明", 4000);
        if (decision == Decision.RETURN && comment == null) {
            in.problem("reviewComment", "退回修改时必须填写意见说明，告诉起草人要改什么");
        }
        in.check();
        Reply reply = replies.latest(proposal.id())
                .orElseThrow(() -> new ProcessRuleViolation("第" + proposal.number() + "号提案还没有答复稿，无法审核。"));
        boolean approved = decision == Decision.APPROVE;
        replies.review(reply.id(), context.taskKey(), approved, comment, context.userId());
        if (!approved) {
            replies.setStatus(reply.id(), Reply.RETURNED);
        } else if (isLastSignature(proposal, context.taskKey())) {
            replies.setStatus(reply.id(), Reply.APPROVED);
            events.publishEvent(new ReplySigned(proposal.number(), reply.id(), context.userId()));
        }
        context.route(ProcessVariables.REVIEW_APPROVED, approved);
    }

    /** The signature after which the letter may go out: the principal leader's for key proposals, else the leader's (or, for 会办, the office's). */
    private static boolean isLastSignature(Proposal proposal, String step) {
        if (proposal.keyProposal()) {
            return proposal.role() == ProposalRole.CO_HANDLING ? ProcessElements.TASK_SIGN_OFF_LEADER.equals(step)
                    : ProcessElements.TASK_SIGN_OFF_PRINCIPAL.equals(step);
        }
        return proposal.role() == ProposalRole.CO_HANDLING ? ProcessElements.TASK_REVIEW_OFFICE.equals(step)
                : ProcessElements.TASK_SIGN_OFF_LEADER.equals(step);
    }
}
