package com.proposaldesk.handling;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.task.MarkdownText;

/** Opinions of assisting departments and external co-handling units (协办/会办意见). */
@Repository
public class OpinionRepository {

    public enum Kind { DEPARTMENT, EXTERNAL }

    public record Opinion(String fromKind, String fromName, String body, LocalDate receivedOn) {
    }

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public OpinionRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long proposalId, Kind kind, String from, String body, LocalDate receivedOn, String userId) {
        jdbc.sql("""
                INSERT INTO pd_opinion (proposal_id, from_kind, from_name, body, received_on, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, kind.name(), from, body, Date.valueOf(receivedOn), userId, Timestamp.valueOf(clock.localNow()))
                .update();
    }

    public List<Opinion> forProposal(long proposalId) {
        return jdbc.sql("SELECT from_kind, from_name, body, received_on FROM pd_opinion WHERE proposal_id = ? ORDER BY id")
                .param(proposalId).query(Opinion.class).list();
    }

    /** The opinions as markdown for the drafter. */
    public String markdown(long proposalId) {
        List<Opinion> opinions = forProposal(proposalId);
        if (opinions.isEmpty()) {
            return "暂无协办或会办意见。";
        }
        StringBuilder md = new StringBuilder();
        for (Opinion opinion : opinions) {
            md.append("**").append(MarkdownText.literal(opinion.fromName())).append("**（").append(opinion.receivedOn()).append("）：")
                    .append(MarkdownText.literal(opinion.body())).append("\n\n");
        }
        return md.toString().strip();
    }
}
