package com.proposaldesk.memberportal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

/** The links issued to members ({@code pd_member_link}): issued, opened, listed and revoked. */
@Repository
public class MemberLinks {

    private static final String SELECT = """
            SELECT l.*, p.number, m.name FROM pd_member_link l
            JOIN pd_proposal p ON p.id = l.proposal_id JOIN pd_member m ON m.id = l.member_id""";

    private final JdbcClient jdbc;
    private final LinkSigner signer;
    private final EngineClock clock;
    private final MemberLinkProperties properties;

    public MemberLinks(JdbcClient jdbc, LinkSigner signer, EngineClock clock, MemberLinkProperties properties) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
        this.properties = properties;
    }

    /** A link as issued: its row, and the address to mail (the only place the token is ever shown). */
    public record Issued(MemberLink link, String url) {
    }

    public Issued issue(long proposalId, long memberId, boolean leadMember, LinkPurpose purpose, int handlingRound) {
        String linkId = LinkSigner.newLinkId();
        LocalDateTime now = clock.localNow();
        jdbc.sql("""
                INSERT INTO pd_member_link (link_id, proposal_id, member_id, lead_member, purpose, handling_round, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(linkId, proposalId, memberId, leadMember, purpose.name(), handlingRound, Timestamp.valueOf(now),
                        Timestamp.valueOf(now.plus(properties.validity(purpose))))
                .update();
        MemberLink link = byLinkId(linkId).orElseThrow();
        return new Issued(link, properties.baseUrl() + "/member/" + signer.token(linkId));
    }

    /** The link a token names, whatever its state; empty when the token is not one this application signed. */
    public Optional<MemberLink> find(String token) {
        return signer.verify(token).flatMap(this::byLinkId);
    }

    public Optional<MemberLink> find(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = ?").param(id).query(MemberLinks::link).optional();
    }

    public List<MemberLink> forProposal(long proposalId) {
        return jdbc.sql(SELECT + " WHERE l.proposal_id = ? ORDER BY l.id").param(proposalId).query(MemberLinks::link).list();
    }

    /** @return false when the link was revoked before */
    public boolean revoke(long id, String userId) {
        return jdbc.sql("UPDATE pd_member_link SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.valueOf(clock.localNow()), userId, id).update() == 1;
    }

    LocalDateTime now() {
        return clock.localNow();
    }

    private Optional<MemberLink> byLinkId(String linkId) {
        return jdbc.sql(SELECT + " WHERE l.link_id = ?").param(linkId).query(MemberLinks::link).optional();
    }

    private static MemberLink link(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new MemberLink(rs.getLong("id"), rs.getString("link_id"), rs.getLong("proposal_id"), rs.getString("number"),
                rs.getLong("member_id"), rs.getString("name"), rs.getBoolean("lead_member"),
                LinkPurpose.valueOf(rs.getString("purpose")), rs.getInt("handling_round"),
                rs.getTimestamp("issued_at").toLocalDateTime(), rs.getTimestamp("expires_at").toLocalDateTime(),
                revoked == null ? null : revoked.toLocalDateTime(), rs.getString("revoked_by"));
    }
}
