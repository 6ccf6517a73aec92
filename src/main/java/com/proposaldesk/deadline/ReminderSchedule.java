package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reminders of one deadline, numbered from 0: one on each reminder day before it (default 5 and 1 working days),
 * the notice on the day, then an escalation every few working days while it is overdue. The numbers are part of each
 * mail's once-only key, so they must stay what they are.
 */
public final class ReminderSchedule {

    public enum Kind { REMINDER_BEFORE, DUE_TODAY, ESCALATION }

    public record Occurrence(int index, Kind kind, LocalDate date) {
    }

    private final DeadlinePolicy policy;
    private final DeadlineCase proposal;
    private final LocalDate due;
    private final List<LocalDate> before;

    public ReminderSchedule(DeadlinePolicy policy, DeadlineCase proposal, LocalDate due) {
        this.policy = policy;
        this.proposal = proposal;
        this.due = due;
        this.before = policy.reminderDates(proposal, due).stream().filter(d -> d.isBefore(due)).toList();
    }

    public LocalDate due() {
        return due;
    }

    public Occurrence first() {
        return occurrence(0, null);
    }

    /** The latest occurrence whose day has come by {@code today}, if any. */
    public Optional<Occurrence> latestBy(LocalDate today) {
        Occurrence latest = null;
        for (Occurrence next = first(); !next.date().isAfter(today); next = after(next)) {
            latest = next;
        }
        return Optional.ofNullable(latest);
    }

    /** The first occurrence on a day after {@code today}. */
    public Occurrence firstAfter(LocalDate today) {
        Occurrence next = first();
        while (!next.date().isAfter(today)) {
            next = after(next);
        }
        return next;
    }

    /**
     * The occurrence after {@code current}. Steps from one escalation to the next, so that a deadline escalated for
     * years (a proposal registered late) costs one pass, not one per round.
     */
    Occurrence after(Occurrence current) {
        return occurrence(current.index() + 1, current);
    }

    private Occurrence occurrence(int index, Occurrence previous) {
        if (index < before.size()) {
            return new Occurrence(index, Kind.REMINDER_BEFORE, before.get(index));
        }
        if (index == before.size()) {
            return new Occurrence(index, Kind.DUE_TODAY, due);
        }
        return new Occurrence(index, Kind.ESCALATION, policy.escalationAfter(proposal, previous.date()));
    }
}
