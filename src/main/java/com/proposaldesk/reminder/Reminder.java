package com.proposaldesk.reminder;

import java.time.LocalDate;
import java.util.List;

/**
 * One e-mail to send, before its recipients are resolved.
 *
 * @param kind           what the mail is about
 * @param proposalNumber the proposal; {@code null} for a digest
 * @param taskId         the Camunda task the mail is about; {@code null} for proposal-level mails and digests
 * @param taskName       the step (办理环节) as the user knows it, e.g. 签收
 * @param dueDate        the deadline; for a digest, the day it covers up to; may be {@code null} for an urge
 * @param daysLeft       working days left until {@code dueDate}, computed by the caller: 0 on the day, negative
 *                       when overdue (-3 = three working days overdue); {@code null} when unknown
 * @param occurrence     what makes this send unique besides kind, task/proposal and recipient, e.g. the due date and
 *                       the offset ({@code 2023-04-10/5}) or the escalation round; the same occurrence is mailed once
 * @param recipients     Camunda user ids and/or group ids; a group means each of its members; an id that names both a
 *                       user and a group means both
 * @param note           free text shown in the mail (the office's note on an urge, the body of a digest); may be null
 * @param requestedBy    the user who asked for the mail (an urge); {@code null} for scheduled mails
 */
public record Reminder(MailKind kind, String proposalNumber, String taskId, String taskName, LocalDate dueDate,
        Integer daysLeft, String occurrence, List<String> recipients, String note, String requestedBy) {

    public Reminder {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (occurrence == null || occurrence.isBlank()) {
            throw new IllegalArgumentException("occurrence is required");
        }
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A scheduled reminder about a task's deadline. */
    public Reminder(MailKind kind, String proposalNumber, String taskId, String taskName, LocalDate dueDate,
            Integer daysLeft, String occurrence, List<String> recipients) {
        this(kind, proposalNumber, taskId, taskName, dueDate, daysLeft, occurrence, recipients, null, null);
    }

    /** What the mail is about, never null: the task, else the proposal, else {@code digest}. */
    public String subjectKey() {
        if (taskId != null) {
            return taskId;
        }
        return proposalNumber != null ? proposalNumber : "digest";
    }
}
