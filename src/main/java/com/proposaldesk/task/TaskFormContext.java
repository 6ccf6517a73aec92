package com.proposaldesk.task;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.proposaldesk.process.ProcessVariables;

/** What a {@link TaskForm} may see and change of the task being created or completed. */
public class TaskFormContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DelegateTask task;
    private final FormInput input;
    private final Set<String> routed = new HashSet<>();

    public TaskFormContext(DelegateTask task) {
        this.task = task;
        this.input = new FormInput(this::submitted);
    }

    /**
     * A submitted value. {@code complete} puts a submission on the execution, {@code submit-form} on the task
     * where the task has a prefilled local variable of that name: the execution's value is the newer one,
     * because form fields are removed from the execution after every completion.
     */
    private Object submitted(String key) {
        if (task.getExecution().hasVariable(key)) {
            return task.getExecution().getVariable(key);
        }
        return task.getVariableLocal(key);
    }

    /** Removes the submitted form fields from the process once they are stored, so only routing variables remain. */
    void forget(Iterable<String> keys) {
        for (String key : keys) {
            if (!routed.contains(key)) {
                task.getExecution().removeVariable(key);
            }
        }
    }

    public String taskKey() {
        return task.getTaskDefinitionKey();
    }

    public String taskName() {
        return task.getName();
    }

    public String processKey() {
        String definitionId = task.getProcessDefinitionId();
        return task.getProcessEngineServices().getRepositoryService().getProcessDefinition(definitionId).getKey();
    }

    public String processInstanceId() {
        return task.getProcessInstanceId();
    }

    public String proposalNumber() {
        return (String) task.getVariable(ProcessVariables.PROPOSAL_NUMBER);
    }

    public Object variable(String name) {
        return task.getVariable(name);
    }

    public FormInput input() {
        return input;
    }

    public void show(String name, Object value) {
        task.setVariableLocal(name, value);
    }

    /** Shows a list or map as a JSON variable, which Camunda Forms read as such (e.g. select options by valuesKey). */
    public void showJson(String name, Object value) {
        try {
            task.setVariableLocal(name, SpinValues.jsonValue(JSON.writeValueAsString(value)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot show " + name + " as JSON", e);
        }
    }

    public void route(String name, Object value) {
        routed.add(name);
        task.getExecution().setVariable(name, value);
    }

    /** The user completing the task: the authenticated user, else the assignee. */
    public String userId() {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }
}
