package com.proposaldesk.task;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.deadline.DeadlineWatches;
import com.proposaldesk.deadline.TaskDeadlines;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalSummaries;

/**
 * The task listener every user task names ({@code ${taskForms}} on create and complete): dispatches
 * to the {@link TaskForm} that serves the task.
 */
@Component("taskForms")
public class TaskForms implements TaskListener {

    public static final String PROPOSAL_SUMMARY = "proposalSummary";

    private final Map<String, TaskForm> formsByTask = new HashMap<>();
    private final ProposalSummaries summaries;
    private final ProposalRepository proposals;
    private final TaskDeadlines deadlines;
    private final DeadlineWatches watches;
    private final EngineClock clock;

    public TaskForms(List<TaskForm> forms, ProposalSummaries summaries, ProposalRepository proposals, TaskDeadlines deadlines,
            DeadlineWatches watches, EngineClock clock) {
        this.summaries = summaries;
        this.proposals = proposals;
        this.deadlines = deadlines;
        this.watches = watches;
        this.clock = clock;
        for (TaskForm form : forms) {
            for (String task : form.tasks()) {
                TaskForm previous = formsByTask.put(task, form);
                if (previous != null) {
                    throw new IllegalStateException("Two task forms serve " + task + ": " + previous + ", " + form);
                }
            }
        }
    }

    @Override
    public void notify(DelegateTask task) {
        TaskForm form = formFor(task.getTaskDefinitionKey());
        TaskFormContext context = new TaskFormContext(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(PROPOSAL_SUMMARY, summaries.markdown(context.proposalNumber()));
            form.prepare(context);
            superviseDeadline(task, context);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            form.submit(context);
            context.forget(form.fields());
            watches.stopTask(task.getId());
        }
    }

    /** Sets the task's due date from the deadline policy and has the deadline watched (reminders, 督办). */
    private void superviseDeadline(DelegateTask task, TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        Object handlingDue = task.getVariable(ProcessVariables.HANDLING_DUE);
        LocalDate due = deadlines.dueFor(task.getTaskDefinitionKey(), proposal,
                handlingDue == null ? null : LocalDate.parse(handlingDue.toString()));
        if (due == null) {
            return;
        }
        task.setDueDate(clock.at(due, LocalTime.of(18, 0)));
        watches.watchTask(task.getId(), task.getName(), proposal, due);
    }

    public boolean serves(String taskDefinitionKey) {
        return formsByTask.containsKey(taskDefinitionKey);
    }

    private TaskForm formFor(String taskDefinitionKey) {
        TaskForm form = formsByTask.get(taskDefinitionKey);
        if (form == null) {
            throw new IllegalStateException("No task form serves user task " + taskDefinitionKey);
        }
        return form;
    }
}
