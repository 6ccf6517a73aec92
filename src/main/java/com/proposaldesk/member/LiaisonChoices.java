package com.proposaldesk.member;

import java.util.List;

/** What a member's liaison may be set to: the active departments, and the staff with the departments they work in. */
public record LiaisonChoices(List<DepartmentChoice> departments, List<StaffChoice> staff) {

    public record DepartmentChoice(String code, String name) {
    }

    /** A user; {@code departments} are the codes of the departments whose handler or head group they belong to. */
    public record StaffChoice(String id, String name, List<String> departments) {
    }
}
