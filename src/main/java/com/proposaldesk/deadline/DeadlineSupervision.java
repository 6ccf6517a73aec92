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
import com.proposaldesk.reminder.ReminderInputs;
import com.proposaldesk.reminder.ScheduledReminders;

/**
 * Supervision (督办) as the handling models use it: every user task's due date ({@code camunda:dueDate}), the cycle of
 * the non-interrupting timer on each task and of the answer deadline's event sub-process, and the reminder due now for
 * the {@code sendReminder} task that such a timer leads to, which names its deadline ({@link ScheduledReminders}).
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
public class DeadlineSupervision implements ScheduledReminders {

    public static final String ANSWER = "answer";

    /** When in the day reminders go out, and when a task is due on its day. */
    static final LocalTime SEND_AT = LocalTime.of(9, 0);
    public static final LocalTime DUE_AT = LocalTime.of(18, 0);

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

    /**
     * The reminder due now for the deadline, for the {@code sendReminder} task the deadline's timer leads to: its
     * kind, {@code <due date>#<number in the schedule>} as the occurrence (part of each mail's once-only key), the due
     * date and the working days left. Its holder is the task's (assignee, else candidates); the answer deadline has no
     * task, its holder is the lead department, or the office before one is assigned. An escalation also goes to the lead
     * department's head, the office and, for a key proposal, the leader in charge. The kind is null when nothing is
     * due (the work is done, or the timer fired early).
     */
    @Override
    public ReminderInputs dueNow(DelegateExecution execution, String deadline) {
        boolean answer = ANSWER.equals(deadline);
        String taskKey = answer ? null : deadline;
        Object number = instanceVariable(execution, ProcessVariables.PROPOSAL_NUMBER);
        Optional<Current> due = current(execution, deadline);
        if (due.isEmpty()) {
            return new ReminderInputs(null, number == null ? null : number.toString(), null, taskKey, List.of(),
                    List.of(), null, null, null, null);
        }
        Current current = due.get();
        Proposal proposal = current.proposal();
        List<String> holders = !answer ? List.of()
                : List.of(proposal.leadDepartment() != null ? "dept-" + proposal.leadDepartment() : "office");
        return new ReminderInputs(mailKind(current.occurrence().kind(), current.daysLeft()), proposal.number(), null,
                taskKey, holders, copyTo(current), answer ? answerStep(proposal) : null, current.due(),
                current.daysLeft(), current.due() + "#" + current.occurrence().index());
    }

    private List<String> copyTo(Current current) {
        List<String> copyTo = new ArrayList<>();
        if (current.occurrence().kind() != ReminderSchedule.Kind.ESCALATION) {
            return copyTo;
        }
        Proposal proposal = current.proposal();
        if (proposal.leadDepartment() != null) {
            copyTo.add("head-" + proposal.leadDepartment());
            if (proposal.keyProposal()) {
                departments.find(proposal.leadDepartment()).ifPresent(d -> copyTo.add(d.leaderGroup()));
            }
        }
        copyTo.add("office");
        return copyTo;
    }

    private static String answerStep(Proposal proposal) {
        return proposal.role().answersMember() ? "答复委员" : "函复牵头单位";
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
        Object handlingDue = instanceVariable(execution, ProcessVariables.HANDLING_DUE);
        Object coSignDue = instanceVariable(execution, ProcessVariables.CO_SIGN_DUE);
        return taskDeadlines.dueFor(deadline, proposal, handlingDue == null ? null : LocalDate.parse(handlingDue.toString()),
                coSignDue == null ? null : LocalDate.parse(coSignDue.toString()));
    }

    private Optional<Proposal> proposal(DelegateExecution execution) {
        Object number = instanceVariable(execution, ProcessVariables.PROPOSAL_NUMBER);
        return number == null ? Optional.empty() : proposals.find(number.toString());
    }

    /**
     * A variable of the process instance, read from the instance itself rather than up the execution's parents: a
     * concurrent transaction may have moved a timer's execution under a new parent (another non-interrupting event
     * firing), and walking the parents then fails with "cannot resolve parent" instead of losing the race as an
     * optimistic locking conflict at the end of the transaction.
     */
    private static Object instanceVariable(DelegateExecution execution, String name) {
        DelegateExecution instance = execution.getProcessInstance();
        return (instance != null ? instance : execution).getVariable(name);
    }

    private ReminderSchedule schedule(Proposal proposal, LocalDate due) {
        return new ReminderSchedule(policy, DeadlineCase.of(proposal), due);
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
