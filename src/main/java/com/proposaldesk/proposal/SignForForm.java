package com.proposaldesk.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 签收: the office signs for the proposal and may object to the city's assignment. */
@Component
public class SignForForm implements TaskForm {

    private final ProposalRepository proposals;
    private final ObjectionRepository objections;

    public SignForForm(ProposalRepository proposals, ObjectionRepository objections) {
        this.proposals = proposals;
        this.objections = objections;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_SIGN_FOR);
    }

    @Override
    public List<String> fields() {
        return List.of("signedOn", "objectionRequested", "objectionReason");
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        LocalDate signedOn = in.requiredDate("signedOn", "签收日期");
        boolean objection = in.flag("objectionRequested");
        String reason = in.text("objectionReason", "申请理由", 4000);
        if (objection && reason == null) {
            in.problem("objectionReason", "申请调整交办时必须填写申请理由");
        }
        if (signedOn != null && signedOn.isBefore(proposal.assignedOn())) {
            in.problem("signedOn", "签收日期不能早于交办日期 " + proposal.assignedOn());
        }
        in.check();
        proposals.markSigned(proposal.number(), signedOn, context.userId());
        if (objection) {
            objections.file(proposal.id(), reason, signedOn, context.userId());
        }
        context.route(ProcessVariables.OBJECTION_REQUESTED, objection);
    }
}
