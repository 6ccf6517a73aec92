package com.proposaldesk.proposal;

/** Where a proposal comes from: a CPPCC member's proposal or an NPC deputy's suggestion. */
public enum ProposalSource {
    CPPCC("政协提案"),
    NPC("人大代表建议");

    private final String label;

    ProposalSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
