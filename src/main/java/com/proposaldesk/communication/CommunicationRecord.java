package com.proposaldesk.communication;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A record of contact with a member, from a proposal's handling or from liaison (then without proposal). */
public record CommunicationRecord(
        long id,
        long memberId,
        String proposalNumber,
        String proposalTitle,
        String stage,
        String stageLabel,
        LocalDate date,
        String way,
        String wayLabel,
        String participants,
        String summary,
        String memberView,
        String recordedBy,
        LocalDateTime recordedAt) {
}
