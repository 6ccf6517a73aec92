package com.proposaldesk.audit;

import java.util.List;

/** A page of the audit trail, newest first; {@code hasMore} when an older page exists. */
public record AuditPage(List<AuditEntry> items, int page, int size, boolean hasMore) {
}
