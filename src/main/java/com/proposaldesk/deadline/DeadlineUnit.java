package com.proposaldesk.deadline;

/** How a time limit counts: working days of the holiday calendar, calendar months or calendar days. */
public enum DeadlineUnit {
    WORKING_DAYS,
    MONTHS,
    DAYS
}
