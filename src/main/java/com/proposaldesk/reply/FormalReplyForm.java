package com.proposaldesk.reply;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.ProcessRuleViolation;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 正式答复: the signed reply goes to the member; the date decides whether it was on time. */
@Component
public class FormalReplyForm implements TaskForm {

    enum Channel { EMAIL, POST, SYSTEM, IN_PERSON }

    private final ProposalRepository proposals;
    private final ReplyRepository replies;

    public FormalReplyForm(ProposalRepository proposals, ReplyRepository replies) {
        this.proposals = proposals;
        this.replies = replies;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_FORMAL_REPLY);
    }

    @Override
    public List<String> fields() {
        return List.of("repliedOn", "copiedTo", "replyChannel");
    }

    @Override
    public void prepare(TaskFormContext context) {
        context.show("replyPreview", replies.previewOfLatest(proposals.get(context.proposalNumber()).id()));
        context.show("copiedTo", "市政协提案委");
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        LocalDate repliedOn = in.requiredDate("repliedOn", "答复日期");
        String copiedTo = in.text("copiedTo", "抄送", 1000);
        Channel channel = in.choice("replyChannel", "送达方式", Channel.class, false);
        if (repliedOn != null && repliedOn.isBefore(proposal.assignedOn())) {
            in.problem("repliedOn", "答复日期不能早于交办日期 " + proposal.assignedOn());
        }
        in.check();
        Reply reply = replies.latest(proposal.id())
                .filter(r -> Reply.APPROVED.equals(r.status()))
                .orElseThrow(() -> new ProcessRuleViolation("第" + proposal.number() + "号提案没有已签发的答复稿，不能正式答复。"));
        replies.markSent(reply.id(), repliedOn, channel == null ? null : channel.name(), copiedTo);
        boolean onTime = proposal.answerDue() == null || !repliedOn.isAfter(proposal.answerDue());
        proposals.markReplied(proposal.number(), repliedOn, onTime);
    }
}
