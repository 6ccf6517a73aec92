package com.proposaldesk.proposal;

import java.time.LocalDate;
import java.util.List;

import com.proposaldesk.member.Member;

/** A validated registration, ready to be stored. */
public record NewProposal(
        String number,
        ProposalSource source,
        String sessionName,
        String title,
        Member leadMember,
        List<String> coSigners,
        List<String> suggestions,
        ProposalRole role,
        boolean keyProposal,
        LocalDate assignedOn,
        String externalLeadUnit,
        List<String> externalCoUnits) {
}
