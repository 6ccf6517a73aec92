package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reminder.MailKind;
import com.proposaldesk.reminder.Reminder;
import com.proposaldesk.reminder.ReminderMailer;

/**
 * Sends the watch's current occurrence: a reminder or due-day notice to whoever must do the work, and
 * once overdue an escalation that also tells the department head and the office (and, for a key
 * proposal, the leader in charge). An SMTP failure fails the job, which the engine retries.
 */
@Component("deadlineReminder")
public class DeadlineReminderDelegate implements JavaDelegate {

    private final DeadlineWatch watch;
    private final ReminderMailer mailer;
    private final ProposalRepository proposals;
    private final DepartmentRepository departments;
    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final EngineClock clock;

    public DeadlineReminderDelegate(DeadlineWatch watch, ReminderMailer mailer, ProposalRepository proposals,
            DepartmentRepository departments, TaskService tasks, WorkingDayCalendar calendar, EngineClock clock) {
        this.watch = watch;
        this.mailer = mailer;
        this.proposals = proposals;
        this.departments = departments;
        this.tasks = tasks;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!watch.stillOpen(execution)) {
            return;
        }
        DeadlineWatch.Occurrence occurrence = watch.current(execution);
        Proposal proposal = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
        String taskId = DeadlineWatch.watchedTaskId(execution);
        Set<String> recipients = new LinkedHashSet<>(responsible(taskId, proposal));
        if (occurrence.kind() == DeadlineWatch.Kind.ESCALATION) {
            if (proposal.leadDepartment() != null) {
                recipients.add("head-" + proposal.leadDepartment());
                if (proposal.keyProposal()) {
                    departments.find(proposal.leadDepartment()).ifPresent(d -> recipients.add(d.leaderGroup()));
                }
            }
            recipients.add("office");
        }
        LocalDate due = DeadlineWatch.dueDate(execution);
        int daysLeft = calendar.workingDaysBetween(clock.today(), due);
        mailer.send(new Reminder(kindOf(occurrence.kind(), daysLeft), proposal.number(), taskId,
                (String) execution.getVariable(DeadlineWatch.WATCHED_TASK_NAME), due,
                daysLeft, due + "#" + occurrence.index(), new ArrayList<>(recipients)));
        execution.setVariable(DeadlineWatch.REMINDER_INDEX, occurrence.index() + 1);
    }

    private List<String> responsible(String taskId, Proposal proposal) {
        if (taskId == null) {
            return List.of(proposal.leadDepartment() != null ? "dept-" + proposal.leadDepartment() : "office");
        }
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return List.of();
        }
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId()).toList();
    }

    /** The day's notice sent after the day (the watch started, or its timer fired, late) is an overdue notice. */
    private static MailKind kindOf(DeadlineWatch.Kind kind, int daysLeft) {
        return switch (kind) {
            case REMINDER_BEFORE -> MailKind.REMINDER_BEFORE;
            case DUE_TODAY -> daysLeft < 0 ? MailKind.OVERDUE : MailKind.DUE_TODAY;
            case ESCALATION -> MailKind.ESCALATION;
        };
    }
}
