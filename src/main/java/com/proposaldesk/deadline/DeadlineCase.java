package com.proposaldesk.deadline;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;

/** What decides which time limits apply to a proposal. */
public record DeadlineCase(ProposalSource source, ProposalRole role, boolean key) {
}
