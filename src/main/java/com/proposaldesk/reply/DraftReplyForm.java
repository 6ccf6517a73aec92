package com.proposaldesk.reply;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 办理并起草答复: the lead department writes (or revises) the reply letter. */
@Component
public class DraftReplyForm implements TaskForm {

    static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,40}");

    enum Publish { PUBLIC, NOT_PUBLIC }

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final DraftNotes notes;

    public DraftReplyForm(ProposalRepository proposals, ReplyRepository replies, DraftNotes notes) {
        this.proposals = proposals;
        this.replies = replies;
        this.notes = notes;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_DRAFT_REPLY);
    }

    @Override
    public List<String> fields() {
        return List.of("replyBody", "classification", "commitments", "publishDecision", "publishReason", "contactPerson",
                "contactPhone");
    }

    @Override
    public void prepare(TaskFormContext context) {
        Reply previous = notes.show(context, proposals.get(context.proposalNumber()).id());
        if (previous != null) {
            context.show("replyBody", previous.body());
            context.show("classification", previous.classification());
            context.show("commitments", previous.commitments());
            context.show("publishDecision", previous.publish() ? Publish.PUBLIC.name() : Publish.NOT_PUBLIC.name());
            context.show("publishReason", previous.publishReason());
            context.show("contactPerson", previous.contactPerson());
            context.show("contactPhone", previous.contactPhone());
        }
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        String body = in.requiredText("replyBody", "答复正文", 20000);
        ReplyClassification classification = in.requiredChoice("classification", "答复类别", ReplyClassification.class);
        String commitments = in.text("commitments", "承诺事项及完成时限", 4000);
        if (classification == ReplyClassification.B && commitments == null) {
            in.problem("commitments", "B 类答复必须填写承诺事项及完成时限");
        }
        Publish publish = in.requiredChoice("publishDecision", "是否公开", Publish.class);
        String publishReason = in.text("publishReason", "不公开理由", 2000);
        if (publish == Publish.NOT_PUBLIC && publishReason == null) {
            in.problem("publishReason", "不公开时必须填写理由");
        }
        String contactPerson = in.requiredText("contactPerson", "联系人", 100);
        String contactPhone = in.requiredText("contactPhone", "联系电话", 40);
        if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
            in.problem("contactPhone", "联系电话格式不正确");
        }
        in.check();
        int round = ((Number) context.variable(ProcessVariables.HANDLING_ROUND)).intValue();
        replies.saveDraft(proposal.id(), Reply.KIND_REPLY, round, body, classification,
                classification == ReplyClassification.B ? commitments : null, publish == Publish.PUBLIC,
                publish == Publish.NOT_PUBLIC ? publishReason : null, contactPerson, contactPhone, context.userId());
        proposals.setClassification(proposal.number(), classification.name());
        context.route(ProcessVariables.REPLY_CLASSIFICATION, classification.name());
    }
}
