package com.proposaldesk.reminder;

import java.time.LocalDateTime;

/** A row of the outbox ({@code pd_mail}): one mail to one recipient. */
public record RecordedMail(long id, MailKind kind, String proposalNumber, String taskId, String taskName,
        String occurrence, String recipient, String recipientUser, String subject, MailStatus status, String error,
        int attempts, String requestedBy, LocalDateTime createdAt, LocalDateTime attemptedAt, LocalDateTime sentAt) {
}
