package com.proposaldesk.assignment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.proposaldesk.process.EngineClock;

/** Disputes of assignments (分歧) and the office's decisions, and when a proposal was last assigned. */
@Repository
public class DisputeRepository {

    public record Dispute(long id, long proposalId, String department, String reason, String raisedBy, String outcome) {
    }

    /** A dispute as the case file shows it, with the office's decision once made. */
    public record DisputeRecord(String department, String reason, String raisedBy, LocalDateTime raisedAt, String outcome,
            String newLead, List<String> newAssisting, String resolutionNote, String resolvedBy, LocalDateTime resolvedAt) {

        @JsonProperty
        public String outcomeLabel() {
            return DisputeResolutionForm.Outcome.labelOf(outcome);
        }
    }

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public DisputeRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<LocalDate> lastAssignedOn(long proposalId) {
        return jdbc.sql("SELECT assigned_at FROM pd_assignment WHERE proposal_id = ? ORDER BY id DESC").param(proposalId)
                .query(Timestamp.class).list().stream().findFirst().map(at -> at.toLocalDateTime().toLocalDate());
    }

    public boolean hasOpenDispute(long proposalId) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_assignment_dispute WHERE proposal_id = ? AND outcome IS NULL").param(proposalId)
                .query(Integer.class).single() > 0;
    }

    public long raise(long proposalId, String department, String reason, String userId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pd_assignment_dispute (proposal_id, department, reason, raised_by, raised_at)
                VALUES (:proposal, :department, :reason, :user, :at)""")
                .param("proposal", proposalId).param("department", department).param("reason", reason).param("user", userId)
                .param("at", Timestamp.valueOf(clock.localNow()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Dispute get(long id) {
        return jdbc.sql("SELECT id, proposal_id, department, reason, raised_by, outcome FROM pd_assignment_dispute WHERE id = ?")
                .param(id).query(Dispute.class).single();
    }

    public void resolve(long id, String outcome, String newLead, List<String> newAssisting, String note, String userId) {
        jdbc.sql("""
                UPDATE pd_assignment_dispute SET outcome = ?, new_lead = ?, new_assisting = ?, resolution_note = ?, resolved_by = ?,
                       resolved_at = ? WHERE id = ?""")
                .params(outcome, newLead, newAssisting == null ? null : String.join(",", newAssisting), note, userId,
                        Timestamp.valueOf(clock.localNow()), id)
                .update();
    }

    public List<DisputeRecord> forProposal(long proposalId) {
        return jdbc.sql("SELECT * FROM pd_assignment_dispute WHERE proposal_id = ? ORDER BY id").param(proposalId)
                .query((rs, row) -> {
                    Timestamp resolvedAt = rs.getTimestamp("resolved_at");
                    return new DisputeRecord(rs.getString("department"), rs.getString("reason"), rs.getString("raised_by"),
                            rs.getTimestamp("raised_at").toLocalDateTime(), rs.getString("outcome"), rs.getString("new_lead"),
                            AssignmentRepository.codes(rs.getString("new_assisting")), rs.getString("resolution_note"),
                            rs.getString("resolved_by"), resolvedAt == null ? null : resolvedAt.toLocalDateTime());
                })
                .list();
    }
}
