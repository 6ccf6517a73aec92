package com.proposaldesk.proposal;

import java.time.LocalDate;
import java.util.List;

import com.proposaldesk.member.Member;

/** A proposal (提案) or suggestion (建议) as the bureau holds it. */
public record Proposal(
        long id,
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
        List<String> externalCoUnits,
        ProposalStatus status,
        String leadDepartment,
        List<String> assistingDepartments,
        LocalDate answerDue,
        LocalDate signedOn,
        LocalDate repliedOn,
        Boolean repliedOnTime,
        String replyClassification,
        String evaluation,
        String processInstanceId,
        LocalDate signForDue,
        LocalDate firstContactDue,
        LocalDate hardLimitDue,
        String calendarWarning,
        String documentNumber) {

    /** The same proposal in another status. */
    public Proposal withStatus(ProposalStatus newStatus) {
        return new Proposal(id, number, source, sessionName, title, leadMember, coSigners, suggestions, role, keyProposal,
                assignedOn, externalLeadUnit, externalCoUnits, newStatus, leadDepartment, assistingDepartments, answerDue,
                signedOn, repliedOn, repliedOnTime, replyClassification, evaluation, processInstanceId, signForDue,
                firstContactDue, hardLimitDue, calendarWarning, documentNumber);
    }
}
