package com.proposaldesk.deadline;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;

/** Which deadline each step works to; {@code null} where a step has none (the committee's answer, follow-up). */
@Component
public class TaskDeadlines {

    private final DeadlinePolicy policy;

    public TaskDeadlines(DeadlinePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param handlingDue the re-handling deadline after an unsatisfied evaluation, or null in the first round
     */
    public LocalDate dueFor(String taskKey, Proposal p, LocalDate handlingDue) {
        DeadlineCase kind = new DeadlineCase(p.source(), p.role(), p.keyProposal());
        return switch (taskKey) {
            case ProcessElements.TASK_SIGN_FOR -> p.signForDue();
            case ProcessElements.TASK_ASSIGN -> p.signedOn() == null ? null : policy.internalAssignmentDue(kind, p.signedOn()).date();
            case ProcessElements.TASK_COMMUNICATE_FIRST -> p.firstContactDue();
            case ProcessElements.TASK_ASSISTING_OPINION, ProcessElements.TASK_RECORD_EXTERNAL_OPINION ->
                    policy.onAssignment(kind, p.assignedOn()).coHandlerOpinionDue();
            case ProcessElements.TASK_DRAFT_REPLY, ProcessElements.TASK_REVIEW_DEPT_HEAD, ProcessElements.TASK_REVIEW_OFFICE,
                    ProcessElements.TASK_SIGN_OFF_LEADER, ProcessElements.TASK_SIGN_OFF_PRINCIPAL,
                    ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY, ProcessElements.TASK_FORMAL_REPLY,
                    ProcessElements.TASK_DRAFT_OPINION_LETTER, ProcessElements.TASK_SEND_OPINION_LETTER ->
                    handlingDue != null ? handlingDue : p.answerDue();
            case ProcessElements.TASK_RECORD_EVALUATION -> p.repliedOn() == null ? null : policy.evaluationDue(kind, p.repliedOn()).date();
            default -> null;
        };
    }
}
