package com.proposaldesk.extension;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.task.FormInput;

/** Start listener of {@code proposal-extension}: validates and records the request (延期申请). */
@Component("extensionRequest")
public class ExtensionRequestListener implements ExecutionListener {

    public static final String EXTENSION_ID = "extensionId";

    enum RequestedBy { MEMBER, DEPARTMENT }

    private final ProposalRepository proposals;
    private final ExtensionRepository extensions;
    private final ProposalAccess access;

    public ExtensionRequestListener(ProposalRepository proposals, ExtensionRepository extensions, ProposalAccess access) {
        this.proposals = proposals;
        this.extensions = extensions;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput in = new FormInput(execution::getVariable);
        String number = in.requiredText("number", "提案编号");
        RequestedBy by = in.requiredChoice("requestedBy", "申请方", RequestedBy.class);
        LocalDate requestedDue = in.requiredDate("requestedDue", "申请延期至");
        String reason = in.requiredText("extensionReason", "延期理由", 4000);
        Proposal proposal = number == null ? null : proposals.find(number).orElse(null);
        if (number != null && proposal == null) {
            in.problem("number", "提案编号 " + number + " 不存在");
        }
        if (proposal != null) {
            if (!access.scope().covers(proposal.leadDepartment(), proposal.assistingDepartments())) {
                in.problem("number", "第" + number + "号提案不由您所在的处室办理，不能为它申请延期");
            } else if (proposal.repliedOn() != null || proposal.status().isFinished()) {
                in.problem("number", "第" + number + "号提案已答复或已办结，不能申请延期");
            } else if (requestedDue != null && proposal.answerDue() != null && !requestedDue.isAfter(proposal.answerDue())) {
                in.problem("requestedDue", "申请延期至的日期应晚于现答复期限 " + proposal.answerDue());
            }
        }
        in.check();
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        long id = extensions.request(proposal.id(), by.name(), reason, requestedDue, proposal.answerDue(),
                user == null ? "system" : user.getUserId());
        for (String field : new String[] {"number", "requestedBy", "requestedDue", "extensionReason"}) {
            execution.removeVariable(field);
        }
        execution.setVariable(ProcessVariables.PROPOSAL_NUMBER, proposal.number());
        execution.setVariable(ProcessVariables.PROPOSAL_TITLE, proposal.title());
        execution.setVariable(EXTENSION_ID, id);
        execution.setProcessBusinessKey(proposal.number());
    }
}
