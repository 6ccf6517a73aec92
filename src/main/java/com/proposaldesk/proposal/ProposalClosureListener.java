package com.proposaldesk.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;

/** Start listener of every end event: records how the proposal's process ended. */
@Component("proposalClosure")
public class ProposalClosureListener implements ExecutionListener {

    private final ProposalRepository proposals;

    public ProposalClosureListener(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String number = (String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER);
        switch (execution.getCurrentActivityId()) {
            case ProcessElements.END_WITHDRAWN -> proposals.updateStatus(number, ProposalStatus.WITHDRAWN);
            case ProcessElements.END_TRANSFERRED -> { } // the co-handling process owns the proposal from here
            default -> proposals.updateStatus(number, ProposalStatus.CLOSED);
        }
    }
}
