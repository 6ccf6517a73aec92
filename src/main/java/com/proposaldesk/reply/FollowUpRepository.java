package com.proposaldesk.reply;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The follow-up of commitments (跟踪落实) as recorded by {@link FollowUpForm}. */
@Repository
public class FollowUpRepository {

    public record FollowUp(String note, boolean done, String recordedBy, LocalDateTime recordedAt) {
    }

    private final JdbcClient jdbc;

    public FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FollowUp> forProposal(long proposalId) {
        return jdbc.sql("SELECT note, done, recorded_by, recorded_at FROM pd_follow_up WHERE proposal_id = ? ORDER BY id")
                .param(proposalId).query(FollowUp.class).list();
    }
}
