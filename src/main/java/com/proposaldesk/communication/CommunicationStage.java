package com.proposaldesk.communication;

/** When the contact happened: 先沟通后办理, 先沟通后答复, or liaison outside a proposal. */
public enum CommunicationStage {
    BEFORE_HANDLING("先沟通后办理"),
    BEFORE_REPLY("先沟通后答复"),
    LIAISON("日常联络");

    private final String label;

    CommunicationStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
