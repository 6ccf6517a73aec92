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
    DIGEST;

    /** {@code REMINDER_BEFORE} → {@code reminder-before}: the name of the kind's templates. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
