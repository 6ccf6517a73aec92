package com.proposaldesk.task;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessVariables;


/**
 * The task listener every user task names ({@code ${taskForms}} on create and complete): dispatches
 * to the {@link TaskForm} that serves the task.
 */
@Component("taskForms")
public class TaskForms implements TaskListener {

    public static final String PROPOSAL_SUMMARY = "proposalSummary";
    /** The variables every form shows, kept on the process instance (see {@link #showOnProcess}). */
    public static final Set<String> SHOWN_ON_PROCESS = Set.of(PROPOSAL_SUMMARY, CaseAttachments.VARIABLE);

    private final Map<String, TaskForm> formsByTask = new HashMap<>();
    private final Set<String> unroutedFields = new HashSet<>();
    private final CaseSummary summaries;
    private final CaseAttachments attachments;

    public TaskForms(List<TaskForm> forms, CaseSummary summaries, CaseAttachments attachments) {
        this.summaries = summaries;
        this.attachments = attachments;
        for (TaskForm form : forms) {
            for (String task : form.tasks()) {
                TaskForm previous = formsByTask.put(task, form);
                if (previous != null) {
                    throw new IllegalStateException("Two task forms serve " + task + ": " + previous + ", " + form);
                }
            }
            form.fields().stream().filter(field -> !ProcessVariables.ALL.contains(field)).forEach(unroutedFields::add);
        }
    }

    @Override
    public void notify(DelegateTask task) {
        TaskForm form = formFor(task.getTaskDefinitionKey());
        TaskFormContext context = TaskFormContext.of(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            showOnProcess(task, context.proposalNumber());
            form.prepare(context);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            form.submit(context);
            context.forget(form.fields());
        }
    }

    /**
     * What every form shows at its top, the proposal's summary and its files, as variables of the process instance that
     * every task of it sees: written when the first task is created, and again only when they change (the summary when
     * the proposal's assignment or deadlines change; the files on each upload, by {@link CaseAttachments}'s side), not
     * on every task.
     */
    private void showOnProcess(DelegateTask task, String proposalNumber) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String summary = summaries.markdown(proposalNumber);
        if (!summary.equals(instance.getVariableLocal(PROPOSAL_SUMMARY))) {
            instance.setVariableLocal(PROPOSAL_SUMMARY, summary);
        }
        if (!instance.hasVariableLocal(CaseAttachments.VARIABLE)) {
            instance.setVariableLocal(CaseAttachments.VARIABLE, attachments.markdown(proposalNumber));
        }
    }

    /**
     * Whether a variable of this name is the forms' own: the summary and files they show from the process, or a field
     * some form sends that no gateway reads (stored in the domain tables and removed from the process when the task is
     * completed).
     */
    public boolean isFormOwn(String variableName) {
        return SHOWN_ON_PROCESS.contains(variableName) || unroutedFields.contains(variableName);
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
