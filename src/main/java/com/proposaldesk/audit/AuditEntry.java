package com.proposaldesk.audit;

import java.time.LocalDateTime;

/**
 * One line of the audit trail: a change in our data ({@code DOMAIN}) or an operation in the engine ({@code ENGINE}:
 * Tasklist, Cockpit, Admin, the engine's REST API), by whom and when.
 */
public record AuditEntry(
        LocalDateTime time,
        String source,
        String sourceLabel,
        String userId,
        String userName,
        String action,
        String actionLabel,
        String proposalNumber,
        String subject,
        String details) {

    static final String DOMAIN = "DOMAIN";
    static final String ENGINE = "ENGINE";

    AuditEntry withUserName(String name) {
        return new AuditEntry(time, source, sourceLabel, userId, name, action, actionLabel, proposalNumber, subject, details);
    }
}
