package com.proposaldesk.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessVariables;

/**
 * The CPPCC committee made the bureau a co-handler: the case continues in the co-handling process, already signed
 * for, with the lead unit the objection's outcome named.
 */
@Component("transferToCoHandling")
public class TransferToCoHandlingDelegate implements JavaDelegate {

    private final ProposalRepository proposals;
    private final ProposalProcesses processes;

    public TransferToCoHandlingDelegate(ProposalRepository proposals, ProposalProcesses processes) {
        this.proposals = proposals;
        this.processes = processes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER);
        proposals.changeRole(number, ProposalRole.CO_HANDLING);
        proposals.linkProcess(number, processes.startTransferred(proposals.get(number)));
    }
}
