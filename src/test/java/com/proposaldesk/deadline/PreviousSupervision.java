package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

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
 * Supervision as the previous version did it (commit before "Supervision in the handling models"), to build the
 * database that version leaves behind: its {@code deadline-watch} instances, their timers and the mails they sent.
 * The code is the previous version's {@code DeadlineWatch}, {@code DeadlineReminderDelegate}, {@code DeadlineWatches}
 * and the deadline part of {@code TaskForms}, shortened to what building that state needs. The beans
 * {@code deadlineWatch} and {@code deadlineReminder} that the watch model calls exist only in the upgrade test's context.
 *
 * <p>The previous version set a task's due date and started its watch in a create listener and stopped the watch in
 * a complete listener; those listeners are today's {@code taskForms}, which no longer do it, so a test calls
 * {@link #superviseTasks} after each step instead, with the clock where the step left it.
 */
public class PreviousSupervision {

    static final String WATCHED_TASK_NAME = "watchedTaskName";
    static final String DUE_DATE = "dueDate";
    static final String REMINDER_INDEX = "reminderIndex";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProposalRepository proposals;
    private final TaskDeadlines deadlines;
    private final EngineClock clock;

    PreviousSupervision(RuntimeService runtime, TaskService tasks, ProposalRepository proposals, TaskDeadlines deadlines,
            EngineClock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.proposals = proposals;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The answer watch that registration started. */
    ProcessInstance watchAnswer(String number) {
        Proposal proposal = proposals.get(number);
        Map<String, Object> variables = variables(proposal, proposal.answerDue());
        variables.put(WATCHED_TASK_NAME, proposal.role().answersMember() ? "答复委员" : "函复牵头单位");
        return runtime.startProcessInstanceByKey(SupervisionUpgrade.WATCH_PROCESS, variables);
    }

    /**
     * What the create and complete listeners did: every open task of the instance without a watch gets its due date
     * and a watch (business key = task id), and the watch of every task no longer open is stopped.
     */
    void superviseTasks(ProcessInstance instance) {
        String number = (String) runtime.getVariable(instance.getId(), ProcessVariables.PROPOSAL_NUMBER);
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        Set<String> openIds = new LinkedHashSet<>();
        for (Task task : open) {
            openIds.add(task.getId());
            if (watchOf(task.getId()) == null) {
                watchTask(task, proposals.get(number));
            }
        }
        for (ProcessInstance watch : runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionUpgrade.WATCH_PROCESS)
                .variableValueEquals(ProcessVariables.PROPOSAL_NUMBER, number).list()) {
            String taskId = watch.getBusinessKey() != null ? watch.getBusinessKey()
                    : (String) runtime.getVariable(watch.getId(), SupervisionUpgrade.WATCHED_TASK_ID);
            if (taskId != null && !openIds.contains(taskId)) {
                runtime.deleteProcessInstance(watch.getId(), "任务已办理完成", true, true);
            }
        }
    }

    /** A watch as the version before business keys started it: the task id in a variable. */
    ProcessInstance watchTaskUnkeyed(Task task) {
        String number = (String) runtime.getVariable(task.getProcessInstanceId(), ProcessVariables.PROPOSAL_NUMBER);
        Proposal proposal = proposals.get(number);
        LocalDate due = dueOf(task, proposal);
        task.setDueDate(clock.at(due, LocalTime.of(18, 0)));
        tasks.saveTask(task);
        Map<String, Object> variables = variables(proposal, due);
        variables.put(WATCHED_TASK_NAME, task.getName());
        variables.put(SupervisionUpgrade.WATCHED_TASK_ID, task.getId());
        return runtime.startProcessInstanceByKey(SupervisionUpgrade.WATCH_PROCESS, variables);
    }

    ProcessInstance watchOf(String taskId) {
        ProcessInstance keyed = runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionUpgrade.WATCH_PROCESS)
                .processInstanceBusinessKey(taskId).singleResult();
        return keyed != null ? keyed : runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupervisionUpgrade.WATCH_PROCESS)
                .variableValueEquals(SupervisionUpgrade.WATCHED_TASK_ID, taskId).singleResult();
    }

    private void watchTask(Task task, Proposal proposal) {
        LocalDate due = dueOf(task, proposal);
        if (due == null) {
            return;
        }
        task.setDueDate(clock.at(due, LocalTime.of(18, 0)));
        tasks.saveTask(task);
        Map<String, Object> variables = variables(proposal, due);
        variables.put(WATCHED_TASK_NAME, task.getName());
        runtime.startProcessInstanceByKey(SupervisionUpgrade.WATCH_PROCESS, task.getId(), variables);
    }

    private LocalDate dueOf(Task task, Proposal proposal) {
        Object handlingDue = tasks.getVariable(task.getId(), ProcessVariables.HANDLING_DUE);
        return deadlines.dueFor(task.getTaskDefinitionKey(), proposal,
                handlingDue == null ? null : LocalDate.parse(handlingDue.toString()));
    }

    private static Map<String, Object> variables(Proposal proposal, LocalDate due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.PROPOSAL_NUMBER, proposal.number());
        variables.put(DUE_DATE, due.toString());
        variables.put(REMINDER_INDEX, 0);
        return variables;
    }

    static String watchedTaskId(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return key != null ? key : (String) execution.getVariable(SupervisionUpgrade.WATCHED_TASK_ID);
    }

    static LocalDate dueDate(DelegateExecution execution) {
        return LocalDate.parse((String) execution.getVariable(DUE_DATE));
    }

    static int index(DelegateExecution execution) {
        Object index = execution.getVariable(REMINDER_INDEX);
        return index == null ? 0 : ((Number) index).intValue();
    }

    /** The previous version's {@code deadlineWatch} bean: the schedule of one watched deadline. */
    public static class Watch {

        enum Kind { REMINDER_BEFORE, DUE_TODAY, ESCALATION }

        record Occurrence(int index, Kind kind, LocalDate date) {
        }

        private final DeadlinePolicy policy;
        private final ProposalRepository proposals;
        private final TaskService tasks;
        private final EngineClock clock;

        Watch(DeadlinePolicy policy, ProposalRepository proposals, TaskService tasks, EngineClock clock) {
            this.policy = policy;
            this.proposals = proposals;
            this.tasks = tasks;
            this.clock = clock;
        }

        public Date nextReminderAt(DelegateExecution execution) {
            DeadlineCase kind = caseOf(execution);
            LocalDate due = dueDate(execution);
            int index = latestDue(kind, due, index(execution));
            execution.setVariable(REMINDER_INDEX, index);
            Date at = clock.at(occurrence(kind, due, index).date(), LocalTime.of(9, 0));
            Date now = clock.now();
            return at.before(now) ? now : at;
        }

        Occurrence current(DelegateExecution execution) {
            DeadlineCase kind = caseOf(execution);
            LocalDate due = dueDate(execution);
            return occurrence(kind, due, latestDue(kind, due, index(execution)));
        }

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

        private DeadlineCase caseOf(DelegateExecution execution) {
            Proposal p = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
            return new DeadlineCase(p.source(), p.role(), p.keyProposal());
        }
    }

    /** The previous version's {@code deadlineReminder} bean: sends the watch's current occurrence. */
    public static class ReminderDelegate implements JavaDelegate {

        private final Watch watch;
        private final ReminderMailer mailer;
        private final ProposalRepository proposals;
        private final DepartmentRepository departments;
        private final TaskService tasks;
        private final WorkingDayCalendar calendar;
        private final EngineClock clock;

        ReminderDelegate(Watch watch, ReminderMailer mailer, ProposalRepository proposals, DepartmentRepository departments,
                TaskService tasks, WorkingDayCalendar calendar, EngineClock clock) {
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
            Watch.Occurrence occurrence = watch.current(execution);
            Proposal proposal = proposals.get((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER));
            String taskId = watchedTaskId(execution);
            Set<String> recipients = new LinkedHashSet<>(responsible(taskId, proposal));
            if (occurrence.kind() == Watch.Kind.ESCALATION) {
                if (proposal.leadDepartment() != null) {
                    recipients.add("head-" + proposal.leadDepartment());
                    if (proposal.keyProposal()) {
                        departments.find(proposal.leadDepartment()).ifPresent(d -> recipients.add(d.leaderGroup()));
                    }
                }
                recipients.add("office");
            }
            LocalDate due = dueDate(execution);
            int daysLeft = calendar.workingDaysBetween(clock.today(), due);
            mailer.send(new Reminder(kindOf(occurrence.kind(), daysLeft), proposal.number(), taskId,
                    (String) execution.getVariable(WATCHED_TASK_NAME), due, daysLeft, due + "#" + occurrence.index(),
                    new ArrayList<>(recipients)));
            execution.setVariable(REMINDER_INDEX, occurrence.index() + 1);
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

        private static MailKind kindOf(Watch.Kind kind, int daysLeft) {
            return switch (kind) {
                case REMINDER_BEFORE -> MailKind.REMINDER_BEFORE;
                case DUE_TODAY -> daysLeft < 0 ? MailKind.OVERDUE : MailKind.DUE_TODAY;
                case ESCALATION -> MailKind.ESCALATION;
            };
        }
    }
}
