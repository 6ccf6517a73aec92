package com.proposaldesk.reply;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 起草会办意见函: the department writes the bureau's opinion for the lead bureau. */
@Component
public class DraftOpinionLetterForm implements TaskForm {

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final DraftNotes notes;

    public DraftOpinionLetterForm(ProposalRepository proposals, ReplyRepository replies, DraftNotes notes) {
        this.proposals = proposals;
        this.replies = replies;
        this.notes = notes;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_DRAFT_OPINION_LETTER);
    }

    @Override
    public List<String> fields() {
        return List.of("letterBody", "contactPerson", "contactPhone");
    }

    @Override
    public void prepare(TaskFormContext context) {
        Reply previous = notes.show(context, proposals.get(context.proposalNumber()).id());
        if (previous != null) {
            context.show("letterBody", previous.body());
            context.show("contactPerson", previous.contactPerson());
            context.show("contactPhone", previous.contactPhone());
        }
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        String body = in.requiredText("letterBody", "会办意见", 20000);
        String contactPerson = in.requiredText("contactPerson", "联系人", 100);
        String contactPhone = in.requiredText("contactPhone", "联系电话", 40);
        if (contactPhone != null && !DraftReplyForm.PHONE.matcher(contactPhone).matches()) {
            in.problem("contactPhone", "联系电话格式不正确");
        }
        in.check();
        replies.saveDraft(proposal.id(), Reply.KIND_OPINION_LETTER, 1, body, null, null, false, null, contactPerson,
                contactPhone, context.userId());
    }
}
