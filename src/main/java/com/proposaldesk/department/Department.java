package com.proposaldesk.department;

/** A handling department (处室/辖区局); its handlers form group {@code dept-<code>}, its head {@code head-<code>}. */
public record Department(String code, String name, String leaderGroup, int sortOrder, boolean active) {

    public String handlerGroup() {
        return "dept-" + code;
    }

    public String headGroup() {
        return "head-" + code;
    }
}
