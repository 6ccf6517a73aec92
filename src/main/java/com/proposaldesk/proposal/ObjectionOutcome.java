package com.proposaldesk.proposal;

import java.util.Arrays;

/** The CPPCC committee's answer to the bureau's objection. */
public enum ObjectionOutcome {
    KEPT("维持由我局按原角色办理"),
    ROLE_CHANGED("调整我局办理角色"),
    TRANSFERRED_TO_CO_HANDLING("改为会办（协办）"),
    WITHDRAWN("退回，不再由我局办理");

    private final String label;

    ObjectionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a stored outcome; the stored value itself where it names none of these. */
    public static String labelOf(String stored) {
        return stored == null ? null
                : Arrays.stream(values()).filter(o -> o.name().equals(stored)).findFirst().map(ObjectionOutcome::label).orElse(stored);
    }
}
