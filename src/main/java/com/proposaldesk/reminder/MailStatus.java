package com.proposaldesk.reminder;

/** The state of one recorded e-mail. */
public enum MailStatus {

    /**
     * Left by an earlier version, which recorded a mail before sending it: an attempt that was interrupted before its
     * outcome was recorded. The next attempt sends again. Mails are now recorded with their outcome.
     */
    PENDING,
    SENT,
    /** The last attempt failed; {@code error} says why. The next attempt updates the same row. */
    FAILED
}
