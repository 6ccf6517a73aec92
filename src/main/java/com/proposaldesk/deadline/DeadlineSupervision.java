package com.proposaldesk.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reminder.MailKind;

/**
 * Supervision (督办) as the handling models use it in their expressions: every user task's due date
 * ({@code camunda:dueDate}), the cycle of the non-interrupting timer on each task and of the answer deadline's event
 * sub-process, and the inputs of the {@code sendReminder} task that such a timer leads to.
 *
 * <p>{@code deadline} names what is supervised: a user task's element id, or {@link #ANSWER} for the proposal's
 * answer deadline (答复委员, or the opinion letter to the lead unit of a 会办 case).
 *
 * <p>A timer's cycle is evaluated again each time it fires ({@code reevaluateTimeCycleWhenDue}) and whenever its due
 * date is recalculated (an extension), so that it always waits for the next reminder of {@link ReminderSchedule}. The
 * first evaluation, when the task starts, waits for the first reminder, or fires within seconds
 * ({@link #DUE_NOW_MARGIN}) when the latest reminder day has already come (a task that starts late); missed reminders
 * are never sent one by one, only the latest.
 */
@Component("deadlineSupervision")
public class DeadlineSupervision {

    public static final String ANSWER = "answer";

    /** When in the day reminders go out, and when a task is due on its day. */
    static final LocalTime SEND_AT = LocalTime.of(9, 0);
    static final LocalTime DUE_AT = LocalTime.of(18, 0);

    /**
     * How far after now a reminder that is already due is scheduled. The engine takes the cycle's first date only if it
     * still lies ahead when it resolves the timer, a moment after this evaluation; a first date that has passed by then
     * moves the reminder to the same time of the next day. With a margin of up to one second (the next whole second),
     * about one first reminder in 200 of a 1,000-row import on a loaded two-node cluster came a day late.
     */
    static final Duration DUE_NOW_MARGIN = Duration.ofSeconds(5);

    /** A cycle that never fires again: the supervised work is done. */
    static final String NO_MORE_REMINDERS = "R1/2000-01-01T09:00:00+08:00/P1D";

    private static final DateTimeFormatter CYCLE_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final DeadlinePolicy policy;
    private final TaskDeadlines taskDeadlines;
    private final ProposalRepository proposals;
    private final DepartmentRepository departments;
    private final WorkingDayCalendar calendar;
    private final ManagementService management;
    private final EngineClock clock;

    public DeadlineSupervision(DeadlinePolicy policy, TaskDeadlines taskDeadlines, ProposalRepository proposals,
            DepartmentRepository departments, WorkingDayCalendar calendar, ManagementService management,
            EngineClock clock) {
        this.policy = policy;
        this.taskDeadlines = taskDeadlines;
        this.proposals = proposals;
        this.departments = departments;
        this.calendar = calendar;
        this.management = management;
        this.clock = clock;
    }

    /** A user task's due date, at the end of its day; null where the step has no time limit. */
    public Date taskDue(DelegateExecution execution, String taskKey) {
        LocalDate due = due(execution, taskKey);
        return due == null ? null : clock.at(due, DUE_AT);
    }

    /** The ISO 8601 cycle of a reminder timer: {@code R/<next reminder>/P1D}. */
    public String cycle(DelegateExecution execution, String deadline) {
        Optional<Proposal> proposal = proposal(execution);
        if (proposal.isEmpty()) {
            // a process started from Tasklist's start form: its proposal is stored by the start event, just after
            // this first evaluation; the timer looks again in a minute
            return cycleFrom(clock.now().toInstant().plus(1, ChronoUnit.MINUTES));
        }
        LocalDate due = due(execution, proposal.get(), deadline);
        boolean hasTimer = hasTimer(execution);
        if (due == null) {
            // the work is done; a timer being made must still have a first date: it looks again in a day
            return hasTimer ? NO_MORE_REMINDERS : cycleFrom(clock.now().toInstant().plus(1, ChronoUnit.DAYS));
        }
        ReminderSchedule schedule = schedule(proposal.get(), due);
        LocalDate today = clock.today();
        if (hasTimer) {
            return cycleFrom(clock.at(schedule.firstAfter(today).date(), SEND_AT).toInstant());
        }
        ReminderSchedule.Occurrence first = schedule.latestBy(today).orElse(schedule.first());
        Date at = clock.at(first.date(), SEND_AT);
        Date soon = Date.from(clock.now().toInstant().truncatedTo(ChronoUnit.SECONDS).plus(DUE_NOW_MARGIN));
        return cycleFrom((at.before(soon) ? soon : at).toInstant());
    }

    /** The kind of the reminder due now, or null when none is (the work is done, or the timer fired early). */
    public String kind(DelegateExecution execution, String deadline) {
        return current(execution, deadline).map(c -> mailKind(c.occurrence().kind(), c.daysLeft()).name()).orElse(null);
    }

    /** Working days left until the deadline: 0 on the day, negative when overdue. */
    public Integer daysLeft(DelegateExecution execution, String deadline) {
        return current(execution, deadline).map(Current::daysLeft).orElse(null);
    }

    /** What makes the reminder due now unique: {@code <due date>#<number in the schedule>}. */
    public String occurrence(DelegateExecution execution, String deadline) {
        return current(execution, deadline).map(c -> c.due() + "#" + c.occurrence().index()).orElse(null);
    }

    public String dueDate(DelegateExecution execution, String deadline) {
        return current(execution, deadline).map(c -> c.due().toString()).orElse(null);
    }

    /**
     * Whom an escalation goes to besides the holder: the lead department's head, the office and, for a key proposal,
     * the leader in charge; nobody besides the holder before and on the day.
     */
    public List<String> copyTo(DelegateExecution execution, String deadline) {
        Optional<Current> current = current(execution, deadline);
        List<String> copyTo = new ArrayList<>();
        if (current.isEmpty() || current.get().occurrence().kind() != ReminderSchedule.Kind.ESCALATION) {
            return copyTo;
        }
        Proposal proposal = current.get().proposal();
        if (proposal.leadDepartment() != null) {
            copyTo.add("head-" + proposal.leadDepartment());
            if (proposal.keyProposal()) {
                departments.find(proposal.leadDepartment()).ifPresent(d -> copyTo.add(d.leaderGroup()));
            }
        }
        copyTo.add("office");
        return copyTo;
    }

    /** Who holds the answer deadline: the lead department, or the office before one is assigned. */
    public String answerHolder(DelegateExecution execution) {
        return proposal(execution).map(p -> p.leadDepartment() != null ? "dept-" + p.leadDepartment() : "office")
                .orElse("office");
    }

    /** The step a proposal-level reminder is about, as the mail names it. */
    public String answerStep(DelegateExecution execution) {
        return proposal(execution).map(p -> p.role().answersMember() ? "答复委员" : "函复牵头单位").orElse(null);
    }

    private record Current(Proposal proposal, LocalDate due, ReminderSchedule.Occurrence occurrence, int daysLeft) {
    }

    private Optional<Current> current(DelegateExecution execution, String deadline) {
        Optional<Proposal> proposal = proposal(execution);
        if (proposal.isEmpty()) {
            return Optional.empty();
        }
        LocalDate due = due(execution, proposal.get(), deadline);
        if (due == null) {
            return Optional.empty();
        }
        LocalDate today = clock.today();
        return schedule(proposal.get(), due).latestBy(today)
                .map(o -> new Current(proposal.get(), due, o, calendar.workingDaysBetween(today, due)));
    }

    private LocalDate due(DelegateExecution execution, String deadline) {
        return proposal(execution).map(p -> due(execution, p, deadline)).orElse(null);
    }

    private LocalDate due(DelegateExecution execution, Proposal proposal, String deadline) {
        if (ANSWER.equals(deadline)) {
            return proposal.repliedOn() != null ? null : proposal.answerDue();
        }
        Object handlingDue = execution.getVariable(ProcessVariables.HANDLING_DUE);
        return taskDeadlines.dueFor(deadline, proposal, handlingDue == null ? null : LocalDate.parse(handlingDue.toString()));
    }

    private Optional<Proposal> proposal(DelegateExecution execution) {
        Object number = execution.getVariable(ProcessVariables.PROPOSAL_NUMBER);
        return number == null ? Optional.empty() : proposals.find(number.toString());
    }

    private ReminderSchedule schedule(Proposal proposal, LocalDate due) {
        return new ReminderSchedule(policy, new DeadlineCase(proposal.source(), proposal.role(), proposal.keyProposal()), due);
    }

    /**
     * Whether the timer evaluating its cycle already exists: it fired, or its due date is being recalculated. When a
     * task starts, its timer is evaluated before it is stored.
     */
    private boolean hasTimer(DelegateExecution execution) {
        return management.createJobQuery().executionId(execution.getId()).timers().count() > 0;
    }

    private String cycleFrom(Instant start) {
        return "R/" + CYCLE_START.format(ZonedDateTime.ofInstant(start, clock.zone())) + "/P1D";
    }

    /** The day's notice sent after the day (the task started, or the timer fired, late) is an overdue notice. */
    static MailKind mailKind(ReminderSchedule.Kind kind, int daysLeft) {
        return switch (kind) {
            case REMINDER_BEFORE -> MailKind.REMINDER_BEFORE;
            case DUE_TODAY -> daysLeft < 0 ? MailKind.OVERDUE : MailKind.DUE_TODAY;
            case ESCALATION -> MailKind.ESCALATION;
        };
    }
}
