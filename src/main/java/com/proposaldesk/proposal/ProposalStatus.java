package com.proposaldesk.proposal;

/** Where a proposal stands, as the office speaks of it. */
public enum ProposalStatus {
    REGISTERED("待签收"),
    OBJECTING("调整交办申请中"),
    ASSIGNING("待分派"),
    COMMUNICATING("先沟通后办理"),
    HANDLING("办理中"),
    REVIEWING("审核签发中"),
    REPLYING("待正式答复"),
    AWAITING_EVALUATION("待委员评价"),
    FOLLOW_UP("跟踪落实中"),
    CLOSED("已办结"),
    WITHDRAWN("已退回"),
    TRANSFERRED("已转为会办");

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the bureau's work on the proposal is over: closed or sent back. A case transferred to 会办 goes on in
     * the co-handling process, up to the opinion letter.
     */
    public boolean isFinished() {
        return this == CLOSED || this == WITHDRAWN;
    }
}
