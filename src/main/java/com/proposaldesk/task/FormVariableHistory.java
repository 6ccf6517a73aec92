package com.proposaldesk.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;

/**
 * Keeps the task forms' own variables out of the engine's history (of the processes whose tasks the forms serve). Two kinds of variable come and go with every form,
 * and each would leave a variable row and a detail row per write at history level full:
 * <ul>
 * <li>what a form shows: the task-local variables its {@code create} listener fills (the draft, its changes, the letter
 * as it will go out, select options) and Tasklist's submission into them, made again from the domain tables whenever
 * a task is created and gone with the task; and the proposal's summary and files that every form shows, kept on the
 * process instance ({@link TaskForms#SHOWN_ON_PROCESS});</li>
 * <li>what a form sends and the process does not route on: the {@link TaskForm#fields() fields} that are not
 * {@link com.proposaldesk.process.ProcessVariables routing variables}. The {@code complete} listener stores them in
 * the domain tables and removes them from the process in the same transaction, so that a later form of the same
 * kind opens empty; their runtime row is never written, and their history would only say that they came and went.</li>
 * </ul>
 * Everything else is written as the engine writes it: the routing variables with each change, the activities, tasks,
 * identity links and jobs, and, for a form submitted through Tasklist ({@code submit-form}), one form field row per
 * submitted field, which records what the user sent. What the forms sent is kept in the domain tables and the audit
 * trail. {@code proposal-desk.history.form-variables=true} gives the engine's own history of them back.
 * <p>
 * The engine's history handler is replaced by one that leaves these events out (the configuration's
 * {@code customHistoryEventHandlers}, with the default handler off); the form field names are read from the
 * {@link TaskForms} on first use, since the forms are built after the engine.
 */
@Component
@ConditionalOnProperty(name = "proposal-desk.history.form-variables", havingValue = "false", matchIfMissing = true)
public class FormVariableHistory extends AbstractProcessEnginePlugin {

    /** The processes whose user tasks the {@link TaskForms} serve; other processes' history is the engine's own. */
    static final Set<String> FORM_PROCESSES = Set.of(ProcessElements.HANDLING_PROCESS, ProcessElements.CO_HANDLING_PROCESS,
            ProcessElements.EXTENSION_PROCESS, ProcessElements.DISPUTE_PROCESS);

    private final ObjectProvider<TaskForms> forms;

    public FormVariableHistory(ObjectProvider<TaskForms> forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new WithoutFormVariables(this));
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Whether the engine keeps the history of this variable event. */
    boolean kept(HistoricVariableUpdateEventEntity event) {
        return !FORM_PROCESSES.contains(event.getProcessDefinitionKey())
                || event.getTaskId() == null && !forms.getObject().isFormOwn(event.getVariableName());
    }

    /** The engine's database history handler, without the events of the forms' own variables. */
    static final class WithoutFormVariables extends DbHistoryEventHandler {

        private final FormVariableHistory filter;

        WithoutFormVariables(FormVariableHistory filter) {
            this.filter = filter;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable && !filter.kept(variable)) {
                return;
            }
            super.handleEvent(event);
        }
    }
}
