package com.proposaldesk.memberportal;

/** One item of the member's evaluation form (办理态度, 办理结果, 沟通联系), on the same scale as the overall result. */
public enum Rating {
    SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
