package com.proposaldesk.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener that the end events of older deployed versions of the models name ({@code ${proposalClosure}}); it
 * has nothing left to do, because {@link ProposalStatusTracker} records how the process ended. The current models no
 * longer name it, and the upgrade moves running instances to them; it stays so that an instance left on an older
 * version can still end.
 */
@Component("proposalClosure")
public class ProposalClosureListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
    }
}
