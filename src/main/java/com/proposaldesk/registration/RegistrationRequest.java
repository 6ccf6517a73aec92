package com.proposaldesk.registration;

import java.util.List;

/**
 * A proposal as the city's assignment list (交办清单) describes it: the JSON body of
 * {@code POST /api/proposals}. Everything arrives as text so that every problem can be reported in Chinese.
 */
public record RegistrationRequest(
        String number,
        String source,
        String session,
        String title,
        LeadMember leadMember,
        List<String> coSigners,
        List<String> suggestions,
        String role,
        Boolean key,
        String assignedOn,
        String externalLeadUnit,
        List<String> externalCoUnits) {

    public record LeadMember(String name, String sector, String email, String phone, String district) {
    }
}
