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

/**
 * 登记调整申请结果: records the CPPCC committee's decision on the bureau's objection. A transfer to 会办 names the unit
 * that leads the proposal from now on: the bureau's opinion letter goes to it.
 */
@Component
public class ObjectionOutcomeForm implements TaskForm {

    /** The width of {@code pd_proposal.external_lead_unit}, as at registration. */
    static final int LEAD_UNIT_LENGTH = 200;

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
        return List.of("objectionOutcome", "newRole", "externalLeadUnit", "decidedOn", "decisionNote");
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
        boolean transferred = outcome == ObjectionOutcome.TRANSFERRED_TO_CO_HANDLING;
        String leadUnit = in.text("externalLeadUnit", "主办单位", LEAD_UNIT_LENGTH);
        if (transferred && leadUnit == null) {
            in.problem("externalLeadUnit", "转为会办时必须填写主办单位（会办意见函的收函单位）");
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
        if (transferred) {
            proposals.changeExternalLeadUnit(proposal.number(), leadUnit);
        }
        context.route(ProcessVariables.OBJECTION_OUTCOME, outcome.name());
    }
}
