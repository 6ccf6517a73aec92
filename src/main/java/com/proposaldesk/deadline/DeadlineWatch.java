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

    /** The watched task's id in watches started before it became the business key (an upgraded database). */
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
        DeadlineCase kind = caseOf(execution);
        LocalDate due = dueDate(execution);
        int index = latestDue(kind, due, index(execution));
        execution.setVariable(REMINDER_INDEX, index);
        Date at = clock.at(occurrence(kind, due, index).date(), SEND_AT);
        Date now = clock.now();
        return at.before(now) ? now : at;
    }

    /**
     * The occurrence to send now: the one the watch stands at, or the latest one due by today when the timer fired
     * late (the application was down), so that the missed ones are skipped.
     */
    public Occurrence current(DelegateExecution execution) {
        DeadlineCase kind = caseOf(execution);
        LocalDate due = dueDate(execution);
        return occurrence(kind, due, latestDue(kind, due, index(execution)));
    }

    /**
     * From {@code index} on, the index of the latest occurrence whose day has come. Steps from one occurrence to the
     * next, so that a deadline escalated for years (a proposal registered late) costs one pass, not one per round.
     */
    private int latestDue(DeadlineCase kind, LocalDate due, int index) {
        LocalDate today = clock.today();
        Occurrence next = occurrence(kind, due, index + 1);
        while (!next.date().isAfter(today)) {
            index = next.index();
            next = next.kind() == Kind.ESCALATION
                    ? new Occurrence(index + 1, Kind.ESCALATION, policy.escalationAfter(kind, next.date()))
                    : occurrence(kind, due, index + 1);
        }
        return index;
    }

    /** Whether the watched work is still to be done: the task exists, or the proposal is not answered yet. */
    public boolean stillOpen(DelegateExecution execution) {
        String taskId = watchedTaskId(execution);
        if (taskId != null) {
            return tasks.createTaskQuery().taskId(taskId).count() > 0;
        }
        Proposal proposal = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
        return proposal.repliedOn() == null && !proposal.status().isFinished();
    }

    Occurrence occurrence(DeadlineCase kind, LocalDate due, int index) {
        List<LocalDate> before = policy.reminderDates(kind, due).stream().filter(d -> d.isBefore(due)).toList();
        if (index < before.size()) {
            return new Occurrence(index, Kind.REMINDER_BEFORE, before.get(index));
        }
        if (index == before.size()) {
            return new Occurrence(index, Kind.DUE_TODAY, due);
        }
        LocalDate escalation = due;
        for (int round = before.size(); round < index; round++) {
            escalation = policy.escalationAfter(kind, escalation);
        }
        return new Occurrence(index, Kind.ESCALATION, escalation);
    }

    DeadlineCase caseOf(DelegateExecution execution) {
        Proposal p = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
        return new DeadlineCase(p.source(), p.role(), p.keyProposal());
    }

    /**
     * The id of the watched task: the watch's business key; a watch an older version started keeps it in a variable.
     * Null for an answer-deadline watch.
     */
    static String watchedTaskId(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return key != null ? key : (String) execution.getVariable(WATCHED_TASK_ID);
    }

    static LocalDate dueDate(DelegateExecution execution) {
        return LocalDate.parse((String) execution.getVariable(DUE_DATE));
    }

    static int index(DelegateExecution execution) {
        Object index = execution.getVariable(REMINDER_INDEX);
        return index == null ? 0 : ((Number) index).intValue();
    }
}
