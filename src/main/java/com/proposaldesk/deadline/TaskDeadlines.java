package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;

/** Which deadline each user task works to, from the deadline policy. */
@Component
public class TaskDeadlines {

    /**
     * The steps without a time limit of their own: the committee's answer to an objection is not the bureau's to
     * keep; a commitment is followed until it is fulfilled; an extension request and a department's dispute are
     * decided by the office as they come, and the deadlines they concern stay supervised meanwhile.
     */
    public static final Set<String> WITHOUT_LIMIT = Set.of(ProcessElements.TASK_RECORD_OBJECTION_OUTCOME,
            ProcessElements.TASK_FOLLOW_UP, ProcessElements.TASK_APPROVE_EXTENSION, ProcessElements.TASK_RESOLVE_DISPUTE);

    private final DeadlinePolicy policy;

    public TaskDeadlines(DeadlinePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param handlingDue the re-handling deadline after an unsatisfied evaluation, or null in the first round
     * @return the task's deadline; null for a step {@link #WITHOUT_LIMIT}
     * @throws IllegalArgumentException for a task the policy does not know: a new task must be given its deadline here
     */
    public LocalDate dueFor(String taskKey, Proposal p, LocalDate handlingDue) {
        return dueFor(taskKey, p, handlingDue, null);
    }

    /**
     * @param coSignDue the co-signers' deadline set when the draft was submitted ({@link #coSignDue}); without it the
     *        co-signature works to the reply's deadline
     */
    public LocalDate dueFor(String taskKey, Proposal p, LocalDate handlingDue, LocalDate coSignDue) {
        DeadlineCase kind = DeadlineCase.of(p);
        return switch (taskKey) {
            case ProcessElements.TASK_CO_SIGN -> coSignDue != null ? coSignDue : handlingDue != null ? handlingDue : p.answerDue();
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
            default -> WITHOUT_LIMIT.contains(taskKey) ? null : unknown(taskKey);
        };
    }

    /**
     * The co-signers' deadline for a draft submitted on {@code submittedOn}: the configured limit after it, but never
     * later than the reply's own deadline (the re-handling deadline, else the answer deadline).
     */
    public LocalDate coSignDue(Proposal p, LocalDate submittedOn, LocalDate handlingDue) {
        LocalDate due = policy.coSignDue(DeadlineCase.of(p), submittedOn).date();
        LocalDate replyDue = handlingDue != null ? handlingDue : p.answerDue();
        return replyDue != null && replyDue.isBefore(due) ? replyDue : due;
    }

    private static LocalDate unknown(String taskKey) {
        throw new IllegalArgumentException("用户任务 " + taskKey + " 没有配置办理时限（TaskDeadlines）");
    }
}
