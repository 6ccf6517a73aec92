package com.proposaldesk.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 登记调整申请结果: records the CPPCC committee's decision on the bureau's objection. */
@Component
public class ObjectionOutcomeForm implements TaskForm {

    private final ProposalRepository proposals;
    private final ObjectionRepository objections;

    public ObjectionOutcomeForm(ProposalRepository proposals, ObjectionRepository objections) {
        this.proposals = proposals;
        this.objections = objections;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_RECORD_OBJECTION_OUTCOME);
    }

    @Override
    public List<String> fields() {
        return List.of("objectionOutcome", "newRole", "decidedOn", "decisionNote");
    }

    @Override
    public void prepare(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        context.show("objectionReason", MarkdownText.literal(objections.openReason(proposal.id()).orElse("")));
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        ObjectionOutcome outcome = in.requiredChoice("objectionOutcome", "提案委意见", ObjectionOutcome.class);
        ProposalRole newRole = in.choice("newRole", "调整后的办理角色", ProposalRole.class, outcome == ObjectionOutcome.ROLE_CHANGED);
        if (outcome == ObjectionOutcome.ROLE_CHANGED && newRole == ProposalRole.CO_HANDLING) {
            in.problem("newRole", "改为会办请选择“改为会办（协办）”");
        }
        if (outcome == ObjectionOutcome.ROLE_CHANGED && newRole == proposal.role()) {
            in.problem("newRole", "调整后的办理角色与原角色相同");
        }
        LocalDate decidedOn = in.requiredDate("decidedOn", "提案委答复日期");
        String note = in.text("decisionNote", "提案委意见", 4000);
        in.check();
        objections.decide(proposal.id(), outcome, outcome == ObjectionOutcome.ROLE_CHANGED ? newRole : null, decidedOn, note,
                context.userId());
        if (outcome == ObjectionOutcome.ROLE_CHANGED) {
            proposals.changeRole(proposal.number(), newRole);
            context.route(ProcessVariables.ROLE, newRole.name());
        }
        context.route(ProcessVariables.OBJECTION_OUTCOME, outcome.name());
    }
}
