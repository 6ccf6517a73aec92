package com.proposaldesk.proposal;

/** The bureau's role for a proposal, as the CPPCC committee assigned it. */
public enum ProposalRole {
    SOLE("承办"),
    LEAD("主办"),
    SPLIT("分办"),
    CO_HANDLING("会办");

    private final String label;

    ProposalRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the bureau answers the member itself (承办/主办/分办) rather than the lead bureau. */
    public boolean answersMember() {
        return this != CO_HANDLING;
    }
}
