package com.proposaldesk.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.proposaldesk.assignment.AssignmentRepository.Assignment;
import com.proposaldesk.attachment.Attachment;
import com.proposaldesk.assignment.DisputeRepository.DisputeRecord;
import com.proposaldesk.communication.CommunicationRecord;
import com.proposaldesk.evaluation.EvaluationRepository.Evaluation;
import com.proposaldesk.extension.ExtensionRepository.ExtensionRecord;
import com.proposaldesk.handling.OpinionRepository.Opinion;
import com.proposaldesk.proposal.ObjectionRepository.Objection;
import com.proposaldesk.proposal.ProposalRepository.SignFor;
import com.proposaldesk.proposal.ProposalView;
import com.proposaldesk.reminder.RecordedMail;
import com.proposaldesk.reply.FollowUpRepository.FollowUp;
import com.proposaldesk.reply.ReplyRepository.Review;
import com.proposaldesk.reply.ReplyRepository.Revision;

/**
 * The case file (案卷) of one proposal, open or closed: the JSON of {@code GET /api/proposals/{number}/case-file} and
 * what the page {@code /proposals/{number}} shows. Every section is in the order things happened.
 *
 * @param proposal the registration data, members, departments, dates, status and open tasks, as {@code GET /api/proposals/{number}}
 * @param departmentNames the name of every department code used in the case file
 * @param letter the reply or opinion letter, once a version has been signed off
 * @param attachments the files kept with the proposal, oldest first, without their content
 * @param timeline one entry per step, registration first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseFile(
        ProposalView proposal,
        Map<String, String> departmentNames,
        List<SignFor> signFor,
        List<Objection> objections,
        List<Assignment> assignments,
        List<DisputeRecord> disputes,
        List<CommunicationRecord> communications,
        List<Opinion> opinions,
        List<Draft> drafts,
        Letter letter,
        List<Attachment> attachments,
        List<Evaluation> evaluations,
        List<FollowUp> followUps,
        List<ExtensionRecord> extensions,
        List<RecordedMail> mails,
        List<TimelineStep> timeline,
        Links links) {

    /**
     * A version of the reply letter (or the co-handling opinion letter) with each reviewer's decision in order, and every
     * text it had: as drafted, then as each reviewer or co-signing department corrected it ({@code body} is the last).
     */
    public record Draft(int version, String kind, String kindLabel, int handlingRound, String status, String statusLabel,
            String body, String classification, String commitments, boolean publish, String publishReason, String contactPerson,
            String contactPhone, String draftedBy, LocalDate sentOn, List<Review> reviews, List<Revision> revisions) {
    }

    /** The letter to download (.docx), printed from the latest signed-off version. */
    public record Letter(boolean available, int version, String download, String pdf, String documentNumber) {
    }

    /** Where to work on the proposal: its open tasks in Tasklist, its process instances in Cockpit. */
    public record Links(List<TaskLink> tasks, List<InstanceLink> instances) {
    }

    public record TaskLink(String taskId, String name, String tasklist) {
    }

    /** @param cockpit null once the instance has ended: Cockpit shows running instances only */
    public record InstanceLink(String processInstanceId, String process, String state, String cockpit) {
    }

    /** The steps that are late: done after their deadline or still open past it. */
    public long lateSteps() {
        return timeline.stream().filter(TimelineStep::late).count();
    }
}
