package com.proposaldesk.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener that the end events of the deployed models still name ({@code ${proposalClosure}}); it has nothing
 * left to do, because {@link ProposalStatusTracker} records how the process ended. It may go once no deployed version
 * of the models names it: instances of an older version still run with their own listener declarations.
 */
@Component("proposalClosure")
public class ProposalClosureListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
    }
}
