package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalStatus;

/**
 * The schedule of one watched deadline, for the {@code deadline-watch} process: reminders before it
 * (default 5 and 1 working days), a notice on the day, then an escalation every few working days while
 * overdue. Occurrences missed while the application was down are not repeated: only the latest one is sent.
 */
@Component("deadlineWatch")
public class DeadlineWatch {

    public static final String WATCHED_TASK_ID = "watchedTaskId";
    public static final String WATCHED_TASK_NAME = "watchedTaskName";
    public static final String DUE_DATE = "dueDate";
    public static final String REMINDER_INDEX = "reminderIndex";

    /** When in the day reminders go out. */
    static final LocalTime SEND_AT = LocalTime.of(9, 0);

    public enum Kind { REMINDER_BEFORE, DUE_TODAY, ESCALATION }

    public record Occurrence(int index, Kind kind, LocalDate date) {
    }

    private final DeadlinePolicy policy;
    private final ProposalRepository proposals;
    private final TaskService tasks;
    private final EngineClock clock;

    public DeadlineWatch(DeadlinePolicy policy, ProposalRepository proposals, TaskService tasks, EngineClock clock) {
        this.policy = policy;
        this.proposals = proposals;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The timer's due date: the next occurrence, or now for the latest one already due. */
    public Date nextReminderAt(DelegateExecution execution) {
        Schedule schedule = schedule(execution);
        LocalDate today = clock.today();
        int index = index(execution);
        LocalDate date = schedule.dateOf(index);
        for (LocalDate next = schedule.after(index, date); !next.isAfter(today); next = schedule.after(index, date)) {
            index++;
            date = next;
        }
        execution.setVariable(REMINDER_INDEX, index);
        Date at = clock.at(date, SEND_AT);
        Date now = clock.now();
        return at.before(now) ? now : at;
    }

    /** The occurrence the watch stands at now. */
    public Occurrence current(DelegateExecution execution) {
        return occurrence(caseOf(execution), dueDate(execution), index(execution));
    }

    /** Whether the watched work is still to be done: the task exists, or the proposal is not answered yet. */
    public boolean stillOpen(DelegateExecution execution) {
        String taskId = (String) execution.getVariable(WATCHED_TASK_ID);
        if (taskId != null) {
            return tasks.createTaskQuery().taskId(taskId).count() > 0;
        }
        Proposal proposal = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
        return proposal.repliedOn() == null && proposal.status() != ProposalStatus.CLOSED
                && proposal.status() != ProposalStatus.WITHDRAWN && proposal.status() != ProposalStatus.TRANSFERRED;
    }

    Occurrence occurrence(DeadlineCase kind, LocalDate due, int index) {
        Schedule schedule = new Schedule(kind, due);
        return new Occurrence(index, schedule.kindOf(index), schedule.dateOf(index));
    }

    private Schedule schedule(DelegateExecution execution) {
        return new Schedule(caseOf(execution), dueDate(execution));
    }

    /** Occurrence i: the reminders before the deadline, then the deadline itself, then escalations. */
    private final class Schedule {

        private final DeadlineCase kind;
        private final LocalDate due;
        private final List<LocalDate> before;

        Schedule(DeadlineCase kind, LocalDate due) {
            this.kind = kind;
            this.due = due;
            this.before = policy.reminderDates(kind, due).stream().filter(d -> d.isBefore(due)).toList();
        }

        Kind kindOf(int index) {
            return index < before.size() ? Kind.REMINDER_BEFORE : index == before.size() ? Kind.DUE_TODAY : Kind.ESCALATION;
        }

        LocalDate dateOf(int index) {
            LocalDate date = index < before.size() ? before.get(index) : due;
            for (int i = Math.max(index, before.size()); i > before.size(); i--) {
                date = policy.nextEscalation(kind, due, date);
            }
            return date;
        }

        /** The date of occurrence {@code index + 1}, given that occurrence {@code index} falls on {@code date}. */
        LocalDate after(int index, LocalDate date) {
            if (index + 1 < before.size()) {
                return before.get(index + 1);
            }
            return index + 1 == before.size() ? due : policy.nextEscalation(kind, due, date);
        }
    }

    DeadlineCase caseOf(DelegateExecution execution) {
        Proposal p = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
        return new DeadlineCase(p.source(), p.role(), p.keyProposal());
    }

    static LocalDate dueDate(DelegateExecution execution) {
        return LocalDate.parse((String) execution.getVariable(DUE_DATE));
    }

    static int index(DelegateExecution execution) {
        Object index = execution.getVariable(REMINDER_INDEX);
        return index == null ? 0 : ((Number) index).intValue();
    }
}
