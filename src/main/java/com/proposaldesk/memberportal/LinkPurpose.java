package com.proposaldesk.memberportal;

/** What a member's link is for: each link serves one purpose for one member and one proposal. */
public enum LinkPurpose {
    PROGRESS("查看办理进度"), AGREEMENT("审阅答复意见"), EVALUATION("评价办理工作");

    private final String label;

    LinkPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
