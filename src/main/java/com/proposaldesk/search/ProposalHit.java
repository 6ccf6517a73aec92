package com.proposaldesk.search;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A proposal in a search's list, with what the list shows and the link to its case file. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProposalHit(String number, String title, String session, String role, String roleLabel, boolean key,
        String status, String statusLabel, String leadMember, String leadDepartment, String leadDepartmentName,
        List<String> assistingDepartmentNames, LocalDate assignedOn, LocalDate answerDue, LocalDate repliedOn,
        Boolean repliedOnTime, boolean overdue, String caseFile) {
}
