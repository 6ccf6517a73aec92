package com.proposaldesk.communication;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

/** Records of contact with members (沟通记录). */
@Repository
public class CommunicationRepository {

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public CommunicationRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long proposalId, long memberId, CommunicationStage stage, LocalDate date, ContactWay way,
            String participants, String memberView, String summary, String userId) {
        jdbc.sql("""
                INSERT INTO pd_communication (proposal_id, member_id, stage, contact_date, way, participants, member_view, summary,
                       recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, memberId, stage.name(), Date.valueOf(date), way.name(), participants, memberView, summary,
                        userId, Timestamp.valueOf(clock.localNow()))
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

    /** A contact outside any proposal (stage LIAISON); returns its id. */
    public long recordLiaison(long memberId, LocalDate date, ContactWay way, String participants, String memberView,
            String summary, String userId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pd_communication (proposal_id, member_id, stage, contact_date, way, participants, member_view, summary,
                       recorded_by, recorded_at)
                VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(memberId, CommunicationStage.LIAISON.name(), Date.valueOf(date), way.name(), participants, memberView,
                        summary, userId, Timestamp.valueOf(clock.localNow()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Every record of contact with the member, about a proposal or not, latest first. */
    public List<CommunicationRecord> forMember(long memberId) {
        return contactsOf(memberId).stream().map(MemberContact::record).toList();
    }

    /** Every record of contact with the member, latest first, each with the departments handling its proposal. */
    public List<MemberContact> contactsOf(long memberId) {
        Map<Long, List<String>> assisting = new HashMap<>();
        jdbc.sql("""
                SELECT a.proposal_id, a.department_code FROM pd_proposal_assisting_department a
                WHERE a.proposal_id IN (SELECT c.proposal_id FROM pd_communication c WHERE c.member_id = ?)""")
                .param(memberId)
                .query((rs, row) -> assisting.computeIfAbsent(rs.getLong("proposal_id"), id -> new ArrayList<>())
                        .add(rs.getString("department_code")))
                .list();
        return jdbc.sql("""
                SELECT c.*, p.number, p.title, p.lead_department FROM pd_communication c
                LEFT JOIN pd_proposal p ON p.id = c.proposal_id
                WHERE c.member_id = ? ORDER BY c.contact_date DESC, c.id DESC""")
                .param(memberId)
                .query((rs, row) -> {
                    CommunicationRecord record = record(rs, row);
                    long proposalId = rs.getLong("proposal_id");
                    boolean aboutProposal = !rs.wasNull();
                    return new MemberContact(record, aboutProposal, rs.getString("lead_department"),
                            aboutProposal ? assisting.getOrDefault(proposalId, List.of()) : List.of());
                })
                .list();
    }

    /** Every record of contact about the proposal, in the order they happened. */
    public List<CommunicationRecord> forProposal(long proposalId) {
        return jdbc.sql("""
                SELECT c.*, p.number, p.title FROM pd_communication c JOIN pd_proposal p ON p.id = c.proposal_id
                WHERE c.proposal_id = ? ORDER BY c.contact_date, c.id""")
                .param(proposalId)
                .query(CommunicationRepository::record)
                .list();
    }

    private static CommunicationRecord record(ResultSet rs, int row) throws SQLException {
        CommunicationStage stage = CommunicationStage.valueOf(rs.getString("stage"));
        ContactWay way = ContactWay.valueOf(rs.getString("way"));
        return new CommunicationRecord(rs.getLong("id"), rs.getLong("member_id"), rs.getString("number"),
                rs.getString("title"), stage.name(), stage.label(), rs.getDate("contact_date").toLocalDate(),
                way.name(), way.label(), rs.getString("participants"), rs.getString("summary"),
                rs.getString("member_view"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toLocalDateTime());
    }

    /** A record of contact and, when it is about a proposal, the departments that lead and assist it. */
    public record MemberContact(CommunicationRecord record, boolean aboutProposal, String leadDepartment,
            List<String> assistingDepartments) {
    }
}
