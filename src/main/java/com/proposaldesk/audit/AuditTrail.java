package com.proposaldesk.audit;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.security.CurrentUser;

/**
 * Writes who changed what in our tables ({@code pd_audit}). Only inside the transaction of the change: the record and
 * the change are committed together or not at all. The time is the engine's, like its user operation log's.
 */
@Component
public class AuditTrail {

    static final int MAX_DETAILS = 4000;
    static final int MAX_SUBJECT = 255;

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final EngineClock clock;

    public AuditTrail(JdbcClient jdbc, CurrentUser user, EngineClock clock) {
        this.jdbc = jdbc;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Records the change as made by the user of the current request (none for the application's own work, such as the
     * demo data).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String proposalNumber, String subject, String details) {
        jdbc.sql("""
                INSERT INTO pd_audit (occurred_at, user_id, action, proposal_number, subject, details)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(new Timestamp(clock.now().getTime()), user.id(), action.name(), proposalNumber,
                        cut(subject, MAX_SUBJECT), cut(details, MAX_DETAILS))
                .update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
