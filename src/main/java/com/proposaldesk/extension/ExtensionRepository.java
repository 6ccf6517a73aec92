package com.proposaldesk.extension;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

@Repository
public class ExtensionRepository {

    public record Extension(long id, long proposalId, String requestedByKind, String reason, LocalDate requestedDue,
            LocalDate previousDue, String status) {
    }

    /** A request with the office's decision, as the case file shows it. */
    public record ExtensionRecord(String requestedByKind, String reason, LocalDate requestedDue, LocalDate previousDue,
            String requestedBy, LocalDateTime requestedAt, String status, LocalDate approvedDue, String committeeApproval,
            String decisionNote, String decidedBy, LocalDateTime decidedAt) {
    }

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public ExtensionRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long request(long proposalId, String byKind, String reason, LocalDate requestedDue, LocalDate previousDue, String userId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pd_extension (proposal_id, requested_by_kind, reason, requested_due, previous_due, requested_by,
                       requested_at, status)
                VALUES (:proposal, :kind, :reason, :requested, :previous, :user, :at, 'REQUESTED')""")
                .param("proposal", proposalId).param("kind", byKind).param("reason", reason)
                .param("requested", Date.valueOf(requestedDue)).param("previous", Date.valueOf(previousDue))
                .param("user", userId).param("at", Timestamp.valueOf(clock.localNow()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Extension get(long id) {
        return jdbc.sql("""
                SELECT id, proposal_id, requested_by_kind, reason, requested_due, previous_due, status
                FROM pd_extension WHERE id = ?""").param(id)
                .query((rs, row) -> new Extension(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("requested_by_kind"),
                        rs.getString("reason"), rs.getDate("requested_due").toLocalDate(), rs.getDate("previous_due").toLocalDate(),
                        rs.getString("status")))
                .single();
    }

    public void decide(long id, boolean approved, LocalDate approvedDue, String committeeApproval, String note, String userId) {
        jdbc.sql("""
                UPDATE pd_extension SET status = ?, approved_due = ?, committee_approval = ?, decision_note = ?, decided_by = ?,
                       decided_at = ? WHERE id = ?""")
                .params(approved ? "APPROVED" : "REJECTED", approvedDue == null ? null : Date.valueOf(approvedDue),
                        committeeApproval, note, userId, Timestamp.valueOf(clock.localNow()), id)
                .update();
    }

    public int countApproved(long proposalId) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_extension WHERE proposal_id = ? AND status = 'APPROVED'").param(proposalId)
                .query(Integer.class).single();
    }

    public List<ExtensionRecord> forProposal(long proposalId) {
        return jdbc.sql("""
                SELECT requested_by_kind, reason, requested_due, previous_due, requested_by, requested_at, status, approved_due,
                       committee_approval, decision_note, decided_by, decided_at
                FROM pd_extension WHERE proposal_id = ? ORDER BY id""")
                .param(proposalId).query(ExtensionRecord.class).list();
    }
}
