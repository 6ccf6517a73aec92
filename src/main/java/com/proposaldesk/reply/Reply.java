package com.proposaldesk.reply;

import java.time.LocalDate;

/** One version of a reply letter (答复函) or co-handling opinion letter (会办意见函). */
public record Reply(
        long id,
        long proposalId,
        String kind,
        int version,
        int handlingRound,
        String body,
        String classification,
        String commitments,
        boolean publish,
        String publishReason,
        String contactPerson,
        String contactPhone,
        String status,
        String draftedBy,
        LocalDate sentOn) {

    public static final String KIND_REPLY = "REPLY";
    public static final String KIND_OPINION_LETTER = "OPINION_LETTER";

    public static final String UNDER_REVIEW = "UNDER_REVIEW";
    public static final String RETURNED = "RETURNED";
    public static final String APPROVED = "APPROVED";
    public static final String NOT_ACCEPTED = "NOT_ACCEPTED";
    public static final String SENT = "SENT";
}
