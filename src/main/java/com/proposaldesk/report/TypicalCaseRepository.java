package com.proposaldesk.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.Proposal;

/** The typical cases (典型案例) the office picks for the summary. */
@Repository
public class TypicalCaseRepository {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final EngineClock clock;

    public TypicalCaseRepository(JdbcClient jdbc, AuditTrail audit, EngineClock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Marks the proposal as a typical case, or replaces what was achieved if it already is one. */
    @Transactional
    public void choose(Proposal proposal, String achievements, String userId) {
        Timestamp now = Timestamp.valueOf(clock.localNow());
        int updated = jdbc.sql("UPDATE pd_typical_case SET achievements = ?, chosen_by = ?, chosen_at = ? WHERE proposal_id = ?")
                .params(achievements, userId, now, proposal.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO pd_typical_case (proposal_id, achievements, chosen_by, chosen_at) VALUES (?, ?, ?, ?)")
                    .params(proposal.id(), achievements, userId, now).update();
        }
        audit.record(AuditAction.TYPICAL_CASE_CHOSEN, proposal.number(), "提案 " + proposal.number(),
                (updated == 0 ? "选为典型案例" : "修改典型案例的办理成效") + "：" + achievements);
    }

    /** The typical cases in scope, in number order, each with the proposal's suggestions. */
    public List<AnnualSummary.TypicalCase> inScope(ReportScope scope) {
        Map<Long, String[]> cases = new LinkedHashMap<>();
        jdbc.sql("SELECT p.id, p.number, p.session_name, p.title, t.achievements FROM pd_typical_case t"
                        + " JOIN pd_proposal p ON p.id = t.proposal_id WHERE " + scope.where() + " ORDER BY p.number")
                .params(scope.params())
                .query(rs -> {
                    cases.put(rs.getLong("id"), new String[] {rs.getString("number"), rs.getString("session_name"),
                            rs.getString("title"), rs.getString("achievements")});
                });
        List<AnnualSummary.TypicalCase> result = new ArrayList<>();
        cases.forEach((id, row) -> result.add(new AnnualSummary.TypicalCase(row[0], row[1], row[2],
                jdbc.sql("SELECT text FROM pd_proposal_suggestion WHERE proposal_id = ? ORDER BY position")
                        .param(id).query(String.class).list(),
                row[3])));
        return result;
    }
}
