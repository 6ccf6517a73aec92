package com.proposaldesk.communication;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.member.MemberContacts;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 先沟通后答复: the signed draft is discussed with the member before the formal reply. */
@Component
public class CommunicateBeforeReplyForm implements TaskForm {

    enum Expectation { YES, NO }

    private final ProposalRepository proposals;
    private final CommunicationRepository communications;
    private final ReplyRepository replies;
    private final MemberContacts contacts;

    public CommunicateBeforeReplyForm(ProposalRepository proposals, CommunicationRepository communications,
            ReplyRepository replies, MemberContacts contacts) {
        this.proposals = proposals;
        this.communications = communications;
        this.replies = replies;
        this.contacts = contacts;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY);
    }

    @Override
    public List<String> fields() {
        return List.of("contactDate", "contactWay", "participants", "memberView", "memberExpectation");
    }

    @Override
    public void prepare(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        context.show("replyPreview", replies.previewOfLatest(proposal.id()));
        context.show("memberContacts", contacts.markdown(proposal.leadMember(), proposal.coSigners()));
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        LocalDate date = in.requiredDate("contactDate", "沟通日期");
        ContactWay way = in.requiredChoice("contactWay", "沟通方式", ContactWay.class);
        String participants = in.requiredText("participants", "参与人员", 1000);
        String view = in.requiredText("memberView", "委员对答复意见的看法", 4000);
        Expectation expectation = in.requiredChoice("memberExpectation", "委员是否认可", Expectation.class);
        in.check();
        boolean satisfied = expectation == Expectation.YES;
        recordMemberView(proposal, date, way, participants, view, satisfied, context.userId());
        context.route(ProcessVariables.MEMBER_EXPECTED_SATISFIED, satisfied);
    }

    /**
     * Keeps what the lead member said about the draft reply, however it arrived (the handler's record of a talk, or
     * the member's own answer online); a draft the member does not accept is marked so and goes back to handling.
     */
    public void recordMemberView(Proposal proposal, LocalDate date, ContactWay way, String participants, String view,
            boolean accepted, String userId) {
        communications.record(proposal.id(), proposal.leadMember().id(), CommunicationStage.BEFORE_REPLY, date, way,
                participants, view, null, userId);
        if (!accepted) {
            replies.latest(proposal.id()).ifPresent(reply -> replies.setStatus(reply.id(), Reply.NOT_ACCEPTED));
        }
    }
}
