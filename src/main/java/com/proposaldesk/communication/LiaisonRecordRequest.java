package com.proposaldesk.communication;

/**
 * The body of {@code POST /api/members/{id}/communications}: a contact with a member outside any
 * proposal, e.g. a visit or a “代表委员话市监” event. {@code way} is a code (MEETING, EVENT…) or its Chinese label.
 */
public record LiaisonRecordRequest(String date, String way, String participants, String summary, String memberView) {
}
