package com.proposaldesk.evaluation;

/** The member's evaluation of the reply (委员评价). */
public enum EvaluationResult {
    SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

    private final String label;

    EvaluationResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
