package com.proposaldesk.task;

/**
 * What every task form shows at its top about the case it belongs to. Implemented where the case lives
 * ({@code proposal}), so that this generic task adapter does not depend on it.
 */
public interface CaseSummary {

    /** The case as a short markdown text. */
    String markdown(String proposalNumber);
}
