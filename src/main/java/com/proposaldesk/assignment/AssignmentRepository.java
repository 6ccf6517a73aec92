package com.proposaldesk.assignment;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

/** Every assignment decision (分派) the office made, in order. */
@Repository
public class AssignmentRepository {

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
}
