package com.proposaldesk.deadline;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;

/**
 * Limits that replace the defaults for the proposals matching every criterion given; a criterion left
 * out matches any value.
 */
public record DeadlineOverride(ProposalSource source, ProposalRole role, Boolean key, DeadlineLimits limits) {

    boolean matches(DeadlineCase proposal) {
        return (source == null || source == proposal.source()) && (role == null || role == proposal.role())
                && (key == null || key == proposal.key());
    }
}
