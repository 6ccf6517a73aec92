package com.proposaldesk.communication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.ProcessRuleViolation;

/** 先沟通后办理: handling cannot start before a record of contact with the member exists. */
@Component("handlingGuard")
public class HandlingGuard implements ExecutionListener {

    private final ProposalRepository proposals;
    private final CommunicationRepository communications;

    public HandlingGuard(ProposalRepository proposals, CommunicationRepository communications) {
        this.proposals = proposals;
        this.communications = communications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Proposal proposal = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
        if (communications.count(proposal.id(), CommunicationStage.BEFORE_HANDLING) == 0) {
            throw new ProcessRuleViolation("第" + proposal.number() + "号提案尚未登记与委员的沟通记录，按“先沟通后办理”的要求不能开始办理。");
        }
    }
}
