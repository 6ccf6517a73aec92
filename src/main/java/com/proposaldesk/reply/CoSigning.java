package com.proposaldesk.reply;

import java.time.LocalDate;
import java.util.Collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.deadline.TaskDeadlines;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRepository;

/**
 * Decides, when a draft is submitted, whether the assisting departments co-sign it (会签): where the bureau's rules
 * ask for it ({@link ReviewProperties#coSignByAssisting}) and the proposal has assisting departments. Sets
 * {@code coSignRequired} for the gateway after the draft and, when they do, {@code coSignDue}, the co-signers' deadline.
 */
@Component("coSigning")
public class CoSigning implements ExecutionListener {

    private final ReviewProperties properties;
    private final ProposalRepository proposals;
    private final TaskDeadlines deadlines;
    private final EngineClock clock;

    public CoSigning(ReviewProperties properties, ProposalRepository proposals, TaskDeadlines deadlines, EngineClock clock) {
        this.properties = properties;
        this.proposals = proposals;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object assisting = execution.getVariable(ProcessVariables.ASSISTING_DEPARTMENTS);
        boolean required = properties.coSignByAssisting() && assisting instanceof Collection<?> departments
                && !departments.isEmpty();
        execution.setVariable(ProcessVariables.CO_SIGN_REQUIRED, required);
        if (required) {
            Object handlingDue = execution.getVariable(ProcessVariables.HANDLING_DUE);
            execution.setVariable(ProcessVariables.CO_SIGN_DUE, deadlines.coSignDue(
                    proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER)), clock.today(),
                    handlingDue == null ? null : LocalDate.parse(handlingDue.toString())).toString());
        }
    }
}
