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

/**
 * 审核把关 and 签发: each reviewer approves the draft, corrects its text and approves it (修改后同意), or sends it back
 * with a comment the drafter sees. A correction is the draft's next revision and its text from then on, the one the
 * letter prints; the next reviewer sees what it changed. The signers also see the letter as it will go out.
 */
@Component
public class ReviewForm implements TaskForm {

    enum Decision { APPROVE, APPROVE_WITH_EDITS, RETURN }

    static final Set<String> SIGN_OFFS = Set.of(ProcessElements.TASK_SIGN_OFF_LEADER, ProcessElements.TASK_SIGN_OFF_PRINCIPAL);

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final ReviewHistory history;
    private final DraftChanges changes;
    private final LetterPreviews letters;
    private final ApplicationEventPublisher events;

    ReviewForm(ProposalRepository proposals, ReplyRepository replies, ReviewHistory history, DraftChanges changes,
            LetterPreviews letters, ApplicationEventPublisher events) {
        this.proposals = proposals;
        this.replies = replies;
        this.history = history;
        this.changes = changes;
        this.letters = letters;
        this.events = events;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_REVIEW_DEPT_HEAD, ProcessElements.TASK_REVIEW_OFFICE,
                ProcessElements.TASK_SIGN_OFF_LEADER, ProcessElements.TASK_SIGN_OFF_PRINCIPAL);
    }

    @Override
    public List<String> fields() {
        return List.of("reviewDecision", "reviewComment", "editedBody");
    }

    @Override
    public void prepare(TaskFormContext context) {
        long proposalId = proposals.get(context.proposalNumber()).id();
        context.show("reviewHistory", history.markdown(proposalId));
        context.show("replyPreview", replies.previewOfLatest(proposalId));
        context.show("draftChanges", changes.markdown(proposalId));
        replies.latest(proposalId).ifPresent(draft -> {
            context.show("editedBody", draft.body());
            if (SIGN_OFFS.contains(context.taskKey())) {
                context.show("letterPreview", letters.markdown(context.proposalNumber(), draft));
            }
        });
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
        String edited = decision == Decision.APPROVE_WITH_EDITS ? in.requiredText("editedBody", "修改后的正文", 20000) : null;
        in.check();
        Reply reply = replies.latest(proposal.id())
                .orElseThrow(() -> new ProcessRuleViolation("第" + proposal.number() + "号提案还没有答复稿，无法审核。"));
        if (edited != null && DraftDiff.markdown(reply.body(), edited).isEmpty()) {
            in.problem("editedBody", "修改后的正文与原稿相同；未作修改请选择“同意”");
            in.check();
        }
        boolean approved = decision != Decision.RETURN;
        if (edited != null) {
            replies.revise(reply.id(), context.taskKey(), null, edited, context.userId());
            replies.review(reply.id(), context.taskKey(), true, true, null, comment, context.userId());
        } else {
            replies.review(reply.id(), context.taskKey(), approved, comment, context.userId());
        }
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
