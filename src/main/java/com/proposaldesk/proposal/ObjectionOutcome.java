package com.proposaldesk.proposal;

/** The CPPCC committee's answer to the bureau's objection. */
public enum ObjectionOutcome {
    KEPT, ROLE_CHANGED, TRANSFERRED_TO_CO_HANDLING, WITHDRAWN
}
