package com.proposaldesk.ledger;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalStatus;

/**
 * Which proposals the ledger lists; every part is optional.
 *
 * @param year the year the proposal was assigned (交办日期)
 * @param session the session name, e.g. 市政协七届三次会议
 * @param department the lead department's code
 * @param status the proposal's status
 */
record LedgerFilter(Integer year, String session, String department, ProposalStatus status) {

    boolean matches(Proposal proposal) {
        return (year == null || proposal.assignedOn().getYear() == year)
                && (session == null || session.equals(proposal.sessionName()))
                && (department == null || department.equals(proposal.leadDepartment()))
                && (status == null || status == proposal.status());
    }
}
