package com.proposaldesk.proposal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Objections to the city's assignment (退回/调整申请) and the CPPCC committee's decisions on them. */
@Repository
public class ObjectionRepository {

    /** An objection with the committee's decision, once recorded. */
    public record Objection(String reason, LocalDate filedOn, String filedBy, String outcome, String newRole, LocalDate decidedOn,
            String decisionNote, String decidedBy) {

        @JsonProperty
        public String outcomeLabel() {
            return ObjectionOutcome.labelOf(outcome);
        }
    }

    private final JdbcClient jdbc;

    public ObjectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void file(long proposalId, String reason, LocalDate filedOn, String userId) {
        jdbc.sql("INSERT INTO pd_objection (proposal_id, reason, filed_on, filed_by) VALUES (?, ?, ?, ?)")
                .params(proposalId, reason, Date.valueOf(filedOn), userId).update();
    }

    public List<Objection> forProposal(long proposalId) {
        return jdbc.sql("""
                SELECT reason, filed_on, filed_by, outcome, new_role, decided_on, decision_note, decided_by
                FROM pd_objection WHERE proposal_id = ? ORDER BY id""")
                .param(proposalId).query(Objection.class).list();
    }

    public Optional<String> openReason(long proposalId) {
        return jdbc.sql("SELECT reason FROM pd_objection WHERE proposal_id = ? AND outcome IS NULL ORDER BY id DESC")
                .param(proposalId).query(String.class).list().stream().findFirst();
    }

    public void decide(long proposalId, ObjectionOutcome outcome, ProposalRole newRole, LocalDate decidedOn, String note,
            String userId) {
        jdbc.sql("""
                UPDATE pd_objection SET outcome = ?, new_role = ?, decided_on = ?, decision_note = ?, decided_by = ?
                WHERE proposal_id = ? AND outcome IS NULL""")
                .params(outcome.name(), newRole == null ? null : newRole.name(), Date.valueOf(decidedOn), note, userId,
                        proposalId)
                .update();
    }
}
