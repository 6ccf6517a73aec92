package com.proposaldesk.memberportal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.evaluation.EvaluationResult;
import com.proposaldesk.process.EngineClock;

/** Members' answers given online ({@code pd_member_answer}), one per link. */
@Repository
public class MemberAnswers {

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public MemberAnswers(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(MemberLink link, Boolean agreed, EvaluationResult result, Rating attitude, Rating outcome,
            Rating consultation, String comment, boolean counted) {
        jdbc.sql("""
                INSERT INTO pd_member_answer (link_id, proposal_id, member_id, lead_member, purpose, handling_round, agreed,
                    result, attitude, outcome, consultation, comment, counted, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(link.id(), link.proposalId(), link.memberId(), link.leadMember(), link.purpose().name(),
                        link.handlingRound(), agreed, name(result), name(attitude), name(outcome), name(consultation),
                        comment, counted, Timestamp.valueOf(clock.localNow()))
                .update();
    }

    public Optional<MemberAnswer> forLink(long linkId) {
        return jdbc.sql("""
                SELECT a.*, m.name FROM pd_member_answer a JOIN pd_member m ON m.id = a.member_id WHERE a.link_id = ?""")
                .param(linkId).query(MemberAnswers::answer).optional();
    }

    /** Every member's answers about the proposal, the lead member's first. */
    public List<MemberAnswer> forProposal(long proposalId) {
        return jdbc.sql("""
                SELECT a.*, m.name FROM pd_member_answer a JOIN pd_member m ON m.id = a.member_id
                WHERE a.proposal_id = ? ORDER BY a.handling_round, a.purpose, a.lead_member DESC, a.id""")
                .param(proposalId).query(MemberAnswers::answer).list();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static MemberAnswer answer(ResultSet rs, int row) throws SQLException {
        Object agreed = rs.getObject("agreed");
        return new MemberAnswer(rs.getLong("member_id"), rs.getString("name"), rs.getBoolean("lead_member"),
                LinkPurpose.valueOf(rs.getString("purpose")), rs.getInt("handling_round"),
                agreed == null ? null : rs.getBoolean("agreed"), value(EvaluationResult.class, rs.getString("result")),
                value(Rating.class, rs.getString("attitude")), value(Rating.class, rs.getString("outcome")),
                value(Rating.class, rs.getString("consultation")), rs.getString("comment"), rs.getBoolean("counted"),
                rs.getTimestamp("answered_at").toLocalDateTime());
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
