package com.proposaldesk.evaluation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

/** Members' evaluations, one per reply round. */
@Repository
public class EvaluationRepository {

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public EvaluationRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long proposalId, Long replyId, int round, EvaluationResult result, LocalDate evaluatedOn, String comment,
            String userId) {
        jdbc.sql("""
                INSERT INTO pd_evaluation (proposal_id, reply_id, handling_round, result, evaluated_on, comment, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, replyId, round, result.name(), Date.valueOf(evaluatedOn), comment, userId,
                        Timestamp.valueOf(clock.localNow()))
                .update();
    }

    public Optional<String> latestComment(long proposalId) {
        return jdbc.sql("SELECT comment FROM pd_evaluation WHERE proposal_id = ? ORDER BY id DESC").param(proposalId)
                .query(String.class).list().stream().findFirst();
    }
}
