package com.proposaldesk.reminder;

/** The state of one recorded e-mail. */
public enum MailStatus {

    /** An attempt is under way, or was interrupted before its outcome was recorded: the next attempt sends again. */
    PENDING,
    SENT,
    /** The last attempt failed; {@code error} says why. The next attempt updates the same row. */
    FAILED
}
