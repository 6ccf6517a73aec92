package com.proposaldesk.task;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.proposaldesk.process.ProcessVariables;

/**
 * What a {@link TaskForm} may see and change of the task being created or completed. The engine's task stays behind
 * {@link Task}: a form's rules can be exercised on a {@link #detached} context, without an engine.
 */
public class TaskFormContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The task as a form sees it. */
    interface Task {
        String key();

        String name();

        String processKey();

        String processInstanceId();

        String userId();

        Object variable(String name);

        /** A value the user submitted. */
        Object submitted(String key);

        void setLocal(String name, Object value);

        /** Sets a variable of the process, for the gateways after the task. */
        void setOnProcess(String name, Object value);

        void removeFromProcess(String name);
    }

    private final Task task;
    private final FormInput input;
    private final Set<String> routed = new HashSet<>();

    TaskFormContext(Task task) {
        this.task = task;
        this.input = new FormInput(task::submitted);
    }

    /** The context of a task the engine is creating or completing. */
    public static TaskFormContext of(DelegateTask task) {
        return new TaskFormContext(new EngineTask(task));
    }

    /**
     * A context outside the engine, e.g. to test a form's rules: {@code variables} are the process's (with
     * {@code proposalNumber}), {@code submitted} what the user sent; what the form shows and routes lands in
     * {@link Detached#shown} and {@link Detached#routed}.
     */
    public static Detached detached(String processKey, String taskKey, String userId, Map<String, Object> variables,
            Map<String, Object> submitted) {
        return new Detached(new DetachedTask(processKey, taskKey, userId, new HashMap<>(variables), submitted,
                new HashMap<>(), new HashMap<>()));
    }

    /** Removes the submitted form fields from the process once they are stored, so only routing variables remain. */
    void forget(Iterable<String> keys) {
        for (String key : keys) {
            if (!routed.contains(key)) {
                task.removeFromProcess(key);
            }
        }
    }

    public String taskKey() {
        return task.key();
    }

    public String taskName() {
        return task.name();
    }

    public String processKey() {
        return task.processKey();
    }

    public String processInstanceId() {
        return task.processInstanceId();
    }

    public String proposalNumber() {
        return (String) task.variable(ProcessVariables.PROPOSAL_NUMBER);
    }

    public Object variable(String name) {
        return task.variable(name);
    }

    public FormInput input() {
        return input;
    }

    public void show(String name, Object value) {
        task.setLocal(name, value);
    }

    /** Shows a list or map as a JSON variable, which Camunda Forms read as such (e.g. select options by valuesKey). */
    public void showJson(String name, Object value) {
        try {
            task.setLocal(name, SpinValues.jsonValue(JSON.writeValueAsString(value)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot show " + name + " as JSON", e);
        }
    }

    public void route(String name, Object value) {
        routed.add(name);
        task.setOnProcess(name, value);
    }

    /** The user completing the task: the authenticated user, else the assignee. */
    public String userId() {
        return task.userId();
    }

    private record EngineTask(DelegateTask task) implements Task {

        @Override
        public String key() {
            return task.getTaskDefinitionKey();
        }

        @Override
        public String name() {
            return task.getName();
        }

        @Override
        public String processKey() {
            return task.getProcessEngineServices().getRepositoryService()
                    .getProcessDefinition(task.getProcessDefinitionId()).getKey();
        }

        @Override
        public String processInstanceId() {
            return task.getProcessInstanceId();
        }

        @Override
        public String userId() {
            Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (authentication != null && authentication.getUserId() != null) {
                return authentication.getUserId();
            }
            return task.getAssignee() != null ? task.getAssignee() : "system";
        }

        @Override
        public Object variable(String name) {
            return task.getVariable(name);
        }

        /**
         * {@code complete} puts a submission on the execution, {@code submit-form} on the task where the task has a
         * prefilled local variable of that name: the execution's value is the newer one, because form fields are
         * removed from the execution after every completion.
         */
        @Override
        public Object submitted(String key) {
            if (task.getExecution().hasVariable(key)) {
                return task.getExecution().getVariable(key);
            }
            return task.getVariableLocal(key);
        }

        @Override
        public void setLocal(String name, Object value) {
            task.setVariableLocal(name, value);
        }

        @Override
        public void setOnProcess(String name, Object value) {
            task.getExecution().setVariable(name, value);
        }

        @Override
        public void removeFromProcess(String name) {
            task.getExecution().removeVariable(name);
        }
    }

    /** A context without an engine; see {@link TaskFormContext#detached}. */
    public static final class Detached extends TaskFormContext {

        private final DetachedTask task;

        private Detached(DetachedTask task) {
            super(task);
            this.task = task;
        }

        /** What the form showed, by variable name. */
        public Map<String, Object> shown() {
            return task.shown();
        }

        /** What the form set for the gateways after the task. */
        public Map<String, Object> routed() {
            return task.routed();
        }
    }

    private record DetachedTask(String processKey, String key, String userId, Map<String, Object> variables,
            Map<String, Object> submitted, Map<String, Object> shown, Map<String, Object> routed) implements Task {

        @Override
        public String name() {
            return key;
        }

        @Override
        public String processInstanceId() {
            return null;
        }

        @Override
        public Object variable(String name) {
            return routed.containsKey(name) ? routed.get(name) : variables.get(name);
        }

        @Override
        public Object submitted(String key) {
            return submitted.get(key);
        }

        @Override
        public void setLocal(String name, Object value) {
            shown.put(name, value);
        }

        @Override
        public void setOnProcess(String name, Object value) {
            routed.put(name, value);
        }

        @Override
        public void removeFromProcess(String name) {
            variables.remove(name);
        }
    }
}
