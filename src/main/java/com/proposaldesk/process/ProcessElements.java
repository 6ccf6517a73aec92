package com.proposaldesk.process;

/** Process keys and element ids of the BPMN models, in one place for code and tests. */
public final class ProcessElements {

    public static final String HANDLING_PROCESS = "proposal-handling";
    public static final String CO_HANDLING_PROCESS = "proposal-co-handling";
    public static final String EXTENSION_PROCESS = "proposal-extension";
    public static final String DISPUTE_PROCESS = "assignment-dispute";
    public static final String DIGEST_PROCESS = "supervision-digest";

    public static final String TASK_SIGN_FOR = "Task_SignFor";
    public static final String TASK_RECORD_OBJECTION_OUTCOME = "Task_RecordObjectionOutcome";
    public static final String TASK_ASSIGN = "Task_Assign";
    public static final String TASK_COMMUNICATE_FIRST = "Task_CommunicateFirst";
    public static final String TASK_ASSISTING_OPINION = "Task_AssistingOpinion";
    public static final String TASK_RECORD_EXTERNAL_OPINION = "Task_RecordExternalOpinion";
    public static final String TASK_DRAFT_REPLY = "Task_DraftReply";
    public static final String TASK_CO_SIGN = "Task_CoSign";
    public static final String TASK_REVIEW_DEPT_HEAD = "Task_ReviewDeptHead";
    public static final String TASK_REVIEW_OFFICE = "Task_ReviewOffice";
    public static final String TASK_SIGN_OFF_LEADER = "Task_SignOffLeader";
    public static final String TASK_SIGN_OFF_PRINCIPAL = "Task_SignOffPrincipal";
    public static final String TASK_COMMUNICATE_BEFORE_REPLY = "Task_CommunicateBeforeReply";
    public static final String TASK_FORMAL_REPLY = "Task_FormalReply";
    public static final String TASK_RECORD_EVALUATION = "Task_RecordEvaluation";
    public static final String TASK_FOLLOW_UP = "Task_FollowUp";
    public static final String TASK_DRAFT_OPINION_LETTER = "Task_DraftOpinionLetter";
    public static final String TASK_SEND_OPINION_LETTER = "Task_SendOpinionLetter";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String TASK_RESOLVE_DISPUTE = "Task_ResolveDispute";
    public static final String TASK_TRANSFER_TO_CO_HANDLING = "Task_TransferToCoHandling";

    /** The member answered the draft reply online (委员网上答复), a boundary event of Task_CommunicateBeforeReply. */
    public static final String MESSAGE_MEMBER_ANSWERED_DRAFT = "Message_MemberAnsweredDraft";
    /** The member evaluated online (委员网上评价), a boundary event of Task_RecordEvaluation. */
    public static final String MESSAGE_MEMBER_EVALUATED = "Message_MemberEvaluated";
    /** The names of the messages those events wait for. */
    public static final String MESSAGE_NAME_MEMBER_DRAFT_ANSWER = "MemberDraftAnswer";
    public static final String MESSAGE_NAME_MEMBER_EVALUATION = "MemberEvaluation";

    public static final String END_CLOSED = "End_Closed";
    public static final String END_WITHDRAWN = "End_Withdrawn";
    public static final String END_TRANSFERRED = "End_TransferredToCoHandling";
    public static final String END_OPINION_SENT = "End_OpinionSent";

    /**
     * {@code proposal-co-handling}: from signing for to the assignment, and straight there for a case transferred to
     * 会办. The first keeps its id from the model without the transfer route, whose running instances take it too.
     */
    public static final String FLOW_SIGN_FOR_TO_ASSIGN = "Flow_SignFor_Assign";
    public static final String FLOW_TRANSFERRED_TO_ASSIGN = "Flow_Transferred_Yes";

    /** The event sub-process that supervises the answer deadline: its timer start event and reminder task. */
    public static final String ANSWER_REMINDER_TIMER = "StartEvent_AnswerReminderDue";
    public static final String ANSWER_REMINDER = "Task_RemindAnswer";

    /** The non-interrupting timer on a user task that leads to its reminders, e.g. {@code Timer_SignForReminder}. */
    public static String reminderTimerOf(String taskKey) {
        return "Timer_" + suffix(taskKey) + "Reminder";
    }

    /** The {@code sendReminder} task a user task's reminder timer leads to, e.g. {@code Task_RemindSignFor}. */
    public static String reminderOf(String taskKey) {
        return "Task_Remind" + suffix(taskKey);
    }

    private static String suffix(String taskKey) {
        return taskKey.startsWith("Task_") ? taskKey.substring("Task_".length()) : taskKey;
    }

    private ProcessElements() {
    }
}
