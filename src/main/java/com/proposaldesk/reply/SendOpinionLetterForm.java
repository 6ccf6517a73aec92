package com.proposaldesk.reply;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.ProcessRuleViolation;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 函复牵头单位: the approved opinion letter goes to the lead bureau; that ends a co-handled case. */
@Component
public class SendOpinionLetterForm implements TaskForm {

    private final ProposalRepository proposals;
    private final ReplyRepository replies;

    public SendOpinionLetterForm(ProposalRepository proposals, ReplyRepository replies) {
        this.proposals = proposals;
        this.replies = replies;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_SEND_OPINION_LETTER);
    }

    @Override
    public List<String> fields() {
        return List.of("sentOn");
    }

    @Override
    public void prepare(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        context.show("replyPreview", replies.previewOfLatest(proposal.id()));
        context.show("externalLeadUnit", MarkdownText.literal(proposal.externalLeadUnit()));
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        LocalDate sentOn = in.requiredDate("sentOn", "函复日期");
        if (sentOn != null && sentOn.isBefore(proposal.assignedOn())) {
            in.problem("sentOn", "函复日期不能早于交办日期 " + proposal.assignedOn());
        }
        in.check();
        Reply letter = replies.latest(proposal.id())
                .filter(r -> Reply.APPROVED.equals(r.status()))
                .orElseThrow(() -> new ProcessRuleViolation("第" + proposal.number() + "号会办件没有审核通过的意见函，不能函复。"));
        replies.markSent(letter.id(), sentOn, null, proposal.externalLeadUnit());
        proposals.markReplied(proposal.number(), sentOn, proposal.answerDue() == null || !sentOn.isAfter(proposal.answerDue()));
    }
}
