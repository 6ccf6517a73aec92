package com.proposaldesk.reminder;

import java.time.LocalDateTime;

/**
 * A row of the outbox ({@code pd_mail}): one mail to one recipient, with its subject and plain-text body as sent.
 * {@code reason} says in Chinese why the last attempt failed, with the reference of its log line; {@code error} adds the
 * mail server's own words, for administrators only.
 */
public record RecordedMail(long id, MailKind kind, String proposalNumber, String taskId, String taskName,
        String occurrence, String recipient, String recipientUser, String subject, String body, MailStatus status,
        String reason, String error, int attempts, String requestedBy, LocalDateTime createdAt,
        LocalDateTime attemptedAt, LocalDateTime sentAt) {

    /** The row as a user who does not administer the system sees it: without the mail server's words. */
    public RecordedMail withoutServerWords() {
        return new RecordedMail(id, kind, proposalNumber, taskId, taskName, occurrence, recipient, recipientUser, subject,
                body, status, reason, null, attempts, requestedBy, createdAt, attemptedAt, sentAt);
    }
}
