package com.proposaldesk.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;


/**
 * The task listener every user task names ({@code ${taskForms}} on create and complete): dispatches
 * to the {@link TaskForm} that serves the task.
 */
@Component("taskForms")
public class TaskForms implements TaskListener {

    public static final String PROPOSAL_SUMMARY = "proposalSummary";

    private final Map<String, TaskForm> formsByTask = new HashMap<>();
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
        }
    }

    @Override
    public void notify(DelegateTask task) {
        TaskForm form = formFor(task.getTaskDefinitionKey());
        TaskFormContext context = TaskFormContext.of(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(PROPOSAL_SUMMARY, summaries.markdown(context.proposalNumber()));
            task.setVariableLocal(CaseAttachments.VARIABLE, attachments.markdown(context.proposalNumber()));
            form.prepare(context);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            form.submit(context);
            context.forget(form.fields());
        }
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
