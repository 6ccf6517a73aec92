package com.proposaldesk.report;

/** Why a proposal has no reply yet, as the summary states it. */
public final class PendingReason {

    public static final String KEY_PROPOSAL = "重点提案办理中";
    public static final String EXTENDED = "已批准延期";
    public static final String HANDLING = "办理中";

    private PendingReason() {
    }

    /** A key proposal first, then an approved extension, otherwise still in hand. */
    public static String of(boolean keyProposal, boolean approvedExtension) {
        if (keyProposal) {
            return KEY_PROPOSAL;
        }
        return approvedExtension ? EXTENDED : HANDLING;
    }
}
