package com.proposaldesk.assignment;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

/** Every assignment decision (分派) the office made, in order. */
@Repository
public class AssignmentRepository {

    /** One decision: the departments chosen, what was recommended and on which principle, and who decided. */
    public record Assignment(String leadDepartment, List<String> assisting, String recommendedLead, String recommendation,
            boolean overridden, String note, String assignedBy, LocalDateTime assignedAt) {
    }

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public AssignmentRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long proposalId, String lead, List<String> assisting, String recommendedLead, String recommendation,
            String note, String userId) {
        boolean overridden = recommendedLead != null && !recommendedLead.equals(lead);
        jdbc.sql("""
                INSERT INTO pd_assignment (proposal_id, lead_department, assisting, recommended_lead, recommendation, overridden,
                       note, assigned_by, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, lead, String.join(",", assisting), recommendedLead, recommendation, overridden, note, userId,
                        Timestamp.valueOf(clock.localNow()))
                .update();
    }

    public List<Assignment> forProposal(long proposalId) {
        return jdbc.sql("""
                SELECT lead_department, assisting, recommended_lead, recommendation, overridden, note, assigned_by, assigned_at
                FROM pd_assignment WHERE proposal_id = ? ORDER BY id""")
                .param(proposalId)
                .query((rs, row) -> new Assignment(rs.getString("lead_department"), codes(rs.getString("assisting")),
                        rs.getString("recommended_lead"), rs.getString("recommendation"), rs.getBoolean("overridden"),
                        rs.getString("note"), rs.getString("assigned_by"), rs.getTimestamp("assigned_at").toLocalDateTime()))
                .list();
    }

    /** The department codes as stored, comma-separated. */
    static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
    }
}
