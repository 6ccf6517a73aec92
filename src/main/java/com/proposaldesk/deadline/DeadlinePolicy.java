package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.CalendarResult;
import com.proposaldesk.calendar.CalendarWarnings;
import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.proposal.ProposalDeadlines;

/** Every deadline of a proposal, from the configured limits (DOMAIN.md) on the working-day calendar. */
@Component
public class DeadlinePolicy {

    private final DeadlineProperties properties;
    private final WorkingDayCalendar calendar;

    public DeadlinePolicy(DeadlineProperties properties, WorkingDayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The defaults with every matching override applied. */
    public DeadlineLimits limitsFor(DeadlineCase proposal) {
        DeadlineLimits limits = properties.defaults();
        for (DeadlineOverride override : properties.overrides()) {
            if (override.matches(proposal)) {
                limits = limits.overriddenBy(override.limits());
            }
        }
        return limits;
    }

    /** The deadlines counted from the assigned date; a co-handler's answer is its opinion letter. */
    public ProposalDeadlines onAssignment(DeadlineCase proposal, LocalDate assignedOn) {
        DeadlineLimits limits = limitsFor(proposal);
        CalendarWarnings warnings = new CalendarWarnings();
        LocalDate coHandlerOpinion = limits.coHandlerOpinion().after(assignedOn, calendar, warnings);
        boolean answersMember = proposal.role().answersMember();
        return new ProposalDeadlines(
                limits.signFor().after(assignedOn, calendar, warnings),
                limits.objection().after(assignedOn, calendar, warnings),
                answersMember ? limits.firstContact().after(assignedOn, calendar, warnings) : null,
                coHandlerOpinion,
                answersMember ? limits.answer().after(assignedOn, calendar, warnings) : coHandlerOpinion,
                limits.hardLimit().after(assignedOn, calendar, warnings),
                warnings.messages());
    }

    public CalendarResult internalAssignmentDue(DeadlineCase proposal, LocalDate signedOn) {
        return CalendarResult.collect(warnings -> limitsFor(proposal).internalAssignment().after(signedOn, calendar, warnings));
    }

    public CalendarResult evaluationDue(DeadlineCase proposal, LocalDate repliedOn) {
        return CalendarResult.collect(warnings -> limitsFor(proposal).evaluation().after(repliedOn, calendar, warnings));
    }

    public CalendarResult reHandlingDue(DeadlineCase proposal, LocalDate evaluatedOn) {
        return CalendarResult.collect(warnings -> limitsFor(proposal).reHandling().after(evaluatedOn, calendar, warnings));
    }

    public CalendarResult coSignDue(DeadlineCase proposal, LocalDate submittedOn) {
        return CalendarResult.collect(warnings -> limitsFor(proposal).coSign().after(submittedOn, calendar, warnings));
    }

    /** The latest date an approved extension may move the answer deadline to. */
    public CalendarResult latestExtendedAnswerDue(DeadlineCase proposal, LocalDate answerDue) {
        return CalendarResult.collect(warnings -> limitsFor(proposal).extension().after(answerDue, calendar, warnings));
    }

    /** The days to remind on before a deadline, earliest first. */
    public List<LocalDate> reminderDates(DeadlineCase proposal, LocalDate due) {
        CalendarWarnings warnings = new CalendarWarnings();
        return limitsFor(proposal).reminders().stream().map(reminder -> reminder.before(due, calendar, warnings))
                .distinct().sorted().toList();
    }

    /** The escalation day one interval after {@code escalation} (the deadline itself for the first escalation). */
    public LocalDate escalationAfter(DeadlineCase proposal, LocalDate escalation) {
        return limitsFor(proposal).escalationInterval().after(escalation, calendar, new CalendarWarnings());
    }

    /** The first escalation day of an overdue deadline after {@code after}: every interval past the deadline. */
    public LocalDate nextEscalation(DeadlineCase proposal, LocalDate due, LocalDate after) {
        TimeLimit interval = limitsFor(proposal).escalationInterval();
        CalendarWarnings warnings = new CalendarWarnings();
        LocalDate escalation = interval.after(due, calendar, warnings);
        while (!escalation.isAfter(after)) {
            escalation = interval.after(escalation, calendar, warnings);
        }
        return escalation;
    }
}
