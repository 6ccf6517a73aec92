package com.proposaldesk.reminder;

import java.util.Locale;

/** What an e-mail is about; each kind has its own template pair in {@code templates/mail/} and subject line. */
public enum MailKind {

    /** A deadline is some working days away. */
    REMINDER_BEFORE,
    /** The deadline is today. */
    DUE_TODAY,
    /** The deadline has passed: the first notice. */
    OVERDUE,
    /** Still overdue: repeated supervision (督办), usually also to the office and leaders. */
    ESCALATION,
    /** The office urges a task by hand (催办). */
    URGE,
    /** A periodic summary, not tied to one proposal. */
    DIGEST,
    /** To a member: the proposal is assigned, who handles it (with the member's progress link). */
    MEMBER_ASSIGNED,
    /** To a member: the draft reply is ready for 先沟通后答复 (with the agreement link). */
    MEMBER_DRAFT,
    /** To a member: the formal reply is sent (with the letter and the evaluation link). */
    MEMBER_REPLY;

    /** {@code REMINDER_BEFORE} → {@code reminder-before}: the name of the kind's templates. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
