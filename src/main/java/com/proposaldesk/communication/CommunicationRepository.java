package com.proposaldesk.communication;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records of contact with members (沟通记录). */
@Repository
public class CommunicationRepository {

    private final JdbcClient jdbc;

    public CommunicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long proposalId, long memberId, CommunicationStage stage, LocalDate date, ContactWay way,
            String participants, String memberView, String summary, String userId) {
        jdbc.sql("""
                INSERT INTO pd_communication (proposal_id, member_id, stage, contact_date, way, participants, member_view, summary,
                       recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, memberId, stage.name(), Date.valueOf(date), way.name(), participants, memberView, summary,
                        userId, Timestamp.valueOf(LocalDateTime.now()))
                .update();
    }

    /** What the member said when the draft was discussed with them (先沟通后答复), latest first. */
    public Optional<String> latestMemberView(long proposalId) {
        return jdbc.sql("SELECT member_view FROM pd_communication WHERE proposal_id = ? AND stage = ? ORDER BY id DESC")
                .params(proposalId, CommunicationStage.BEFORE_REPLY.name()).query(String.class).list().stream().findFirst();
    }

    public int count(long proposalId, CommunicationStage stage) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_communication WHERE proposal_id = ? AND stage = ?")
                .params(proposalId, stage.name()).query(Integer.class).single();
    }
}
