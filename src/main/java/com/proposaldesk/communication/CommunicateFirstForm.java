package com.proposaldesk.communication;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.member.MemberContacts;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 先沟通后办理: the lead department records its first contact with the member. */
@Component
public class CommunicateFirstForm implements TaskForm {

    private final ProposalRepository proposals;
    private final CommunicationRepository communications;
    private final MemberContacts contacts;

    public CommunicateFirstForm(ProposalRepository proposals, CommunicationRepository communications,
            MemberContacts contacts) {
        this.proposals = proposals;
        this.communications = communications;
        this.contacts = contacts;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_COMMUNICATE_FIRST);
    }

    @Override
    public List<String> fields() {
        return List.of("contactDate", "contactWay", "participants", "memberIntent", "contactSummary");
    }

    @Override
    public void prepare(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        context.show("memberContacts", contacts.markdown(proposal.leadMember(), proposal.coSigners()));
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        LocalDate date = in.requiredDate("contactDate", "沟通日期");
        ContactWay way = in.requiredChoice("contactWay", "沟通方式", ContactWay.class);
        String participants = in.requiredText("participants", "参与人员", 1000);
        String intent = in.requiredText("memberIntent", "委员的真实意图和诉求", 4000);
        String summary = in.text("contactSummary", "沟通情况", 4000);
        if (date != null && date.isBefore(proposal.assignedOn())) {
            in.problem("contactDate", "沟通日期不能早于交办日期 " + proposal.assignedOn());
        }
        in.check();
        communications.record(proposal.id(), proposal.leadMember().id(), CommunicationStage.BEFORE_HANDLING, date, way,
                participants, intent, summary, context.userId());
    }
}
