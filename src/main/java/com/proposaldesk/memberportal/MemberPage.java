package com.proposaldesk.memberportal;

import java.time.LocalDate;
import java.util.List;

/**
 * What a member's page shows: the proposal as the member may see it, and what the link lets them do now.
 *
 * @param state what the page offers: {@code ANSWER} (the form), {@code ANSWERED} (their own answer, thanked),
 *              {@code RECORDED} (the bureau recorded an answer first), {@code NOT_NOW} (the step is not open), or
 *              {@code VIEW} (a progress link)
 */
public record MemberPage(String memberName, boolean leadMember, LinkPurpose purpose, String number, String title,
        String sessionName, String statusLabel, LocalDate assignedOn, LocalDate answerDue, LocalDate repliedOn,
        String leadDepartment, String contactPerson, String contactPhone, List<Contact> contacts, Draft draft,
        boolean letterAvailable, String state, MemberAnswer answer, String recordedAnswer) {

    /** A contact with the member on record. */
    public record Contact(LocalDate date, String stage, String way) {
    }

    /** The draft reply the member is asked about. */
    public record Draft(int version, String classification, String body, String commitments) {
    }
}
