package com.proposaldesk.memberportal;

import java.time.LocalDateTime;

/** One link sent to one member about one proposal, for one purpose. */
public record MemberLink(long id, String linkId, long proposalId, String proposalNumber, long memberId, String memberName,
        boolean leadMember, LinkPurpose purpose, int handlingRound, LocalDateTime issuedAt, LocalDateTime expiresAt,
        LocalDateTime revokedAt, String revokedBy) {

    public boolean usableAt(LocalDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** For the office's list: 有效, 已过期 or 已撤销. */
    public String stateAt(LocalDateTime now) {
        if (revokedAt != null) {
            return "已撤销";
        }
        return now.isBefore(expiresAt) ? "有效" : "已过期";
    }
}
