package com.proposaldesk.ledger;

import java.time.LocalDate;
import java.util.List;

import com.proposaldesk.proposal.Proposal;

/** One proposal in the ledger with what the ledger shows beyond the proposal row. */
record LedgerRow(Proposal proposal, String leadDepartmentName, List<String> assistingDepartmentNames,
        LocalDate firstContactOn, LocalDate extendedTo) {
}
