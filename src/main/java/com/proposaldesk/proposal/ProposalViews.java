package com.proposaldesk.proposal;

import org.springframework.stereotype.Component;

import com.proposaldesk.security.SystemReads;

/** A proposal as the API shows it: its data, where its process stands and its open tasks. */
@Component
public class ProposalViews {

    private final ProposalProcesses processes;
    private final SystemReads reads;

    public ProposalViews(ProposalProcesses processes, SystemReads reads) {
        this.processes = processes;
        this.reads = reads;
    }

    public ProposalView of(Proposal proposal) {
        return reads.read(() -> ProposalView.of(proposal, processes.stages(proposal.processInstanceId()),
                processes.openTasks(proposal.number())));
    }
}
