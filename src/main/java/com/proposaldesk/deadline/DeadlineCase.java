package com.proposaldesk.deadline;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;

/** What decides which time limits apply to a proposal. */
public record DeadlineCase(ProposalSource source, ProposalRole role, boolean key) {

    public static DeadlineCase of(Proposal proposal) {
        return new DeadlineCase(proposal.source(), proposal.role(), proposal.keyProposal());
    }
}
