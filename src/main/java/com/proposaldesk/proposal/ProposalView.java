package com.proposaldesk.proposal;

import java.time.LocalDate;
import java.util.List;

import com.proposaldesk.member.Member;
import com.proposaldesk.proposal.ProposalProcesses.OpenTask;
import com.proposaldesk.proposal.ProposalProcesses.Stage;

/** A proposal with where it stands: the JSON of {@code GET /api/proposals/{number}}. */
public record ProposalView(
        String number,
        String source,
        String sourceLabel,
        String session,
        String title,
        Member leadMember,
        List<String> coSigners,
        List<String> suggestions,
        String role,
        String roleLabel,
        boolean key,
        String externalLeadUnit,
        List<String> externalCoUnits,
        String status,
        String statusLabel,
        String leadDepartment,
        List<String> assistingDepartments,
        String replyClassification,
        String evaluation,
        Boolean repliedOnTime,
        Dates dates,
        String processInstanceId,
        List<Stage> stages,
        List<OpenTask> openTasks,
        String documentNumber) {

    public record Dates(LocalDate assignedOn, LocalDate signedOn, LocalDate answerDue, LocalDate repliedOn,
            LocalDate signForDue, LocalDate firstContactDue, LocalDate hardLimitDue, String calendarWarning) {
    }

    static ProposalView of(Proposal p, List<Stage> stages, List<OpenTask> openTasks) {
        return new ProposalView(p.number(), p.source().name(), p.source().label(), p.sessionName(), p.title(), p.leadMember(),
                p.coSigners(), p.suggestions(), p.role().name(), p.role().label(), p.keyProposal(), p.externalLeadUnit(),
                p.externalCoUnits(), p.status().name(), p.status().label(), p.leadDepartment(), p.assistingDepartments(),
                p.replyClassification(), p.evaluation(), p.repliedOnTime(),
                new Dates(p.assignedOn(), p.signedOn(), p.answerDue(), p.repliedOn(), p.signForDue(), p.firstContactDue(),
                        p.hardLimitDue(), p.calendarWarning()),
                p.processInstanceId(), stages, openTasks, p.documentNumber());
    }
}
