package com.proposaldesk.audit;

import java.time.LocalDate;

/** What {@code GET /api/audit} narrows to; every part optional, dates inclusive. */
public record AuditFilter(String userId, String proposalNumber, LocalDate from, LocalDate to) {
}
