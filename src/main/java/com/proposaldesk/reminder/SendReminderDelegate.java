package com.proposaldesk.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.EngineClock;

/**
 * A reminder as a BPMN service task: {@code camunda:delegateExpression="${sendReminder}"} with
 * {@code camunda:asyncBefore="true"} and a retry cycle such as {@code R5/PT5M}, so that an SMTP failure fails the job,
 * is retried, and ends in an incident that Cockpit's "retry" resolves once the server is back. Each mail goes out
 * once however often the job runs (see {@link ReminderMailer}).
 *
 * <p>Inputs are described in {@link ReminderInputs}: {@code reminderKind}, {@code reminderTaskId} or
 * {@code reminderTaskKey}, {@code reminderRecipients}, {@code reminderCopyTo}, {@code reminderStep},
 * {@code reminderDueDate}, {@code reminderDaysLeft}, {@code reminderOccurrence}; the proposal is the
 * {@code proposalNumber} variable. An empty kind means that no reminder is due: nothing is sent. A task of a model that
 * names its deadline instead ({@link ScheduledReminders#DEADLINE}) has all of them computed from it. With a task key, every open task of
 * that user task in this process instance is reminded; without recipients, the task's assignee, else its candidates.
 * A reminder about a task that is no longer open is dropped.
 */
@Component("sendReminder")
public class SendReminderDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SendReminderDelegate.class);

    private final ReminderMailer mailer;
    private final OpenTasks openTasks;
    private final TaskRecipients taskRecipients;
    private final ScheduledReminders scheduled;
    private final EngineClock clock;
    private final Map<String, Optional<String>> deadlines = new ConcurrentHashMap<>();

    public SendReminderDelegate(ReminderMailer mailer, OpenTasks openTasks, TaskRecipients taskRecipients,
            ScheduledReminders scheduled, EngineClock clock) {
        this.mailer = mailer;
        this.openTasks = openTasks;
        this.taskRecipients = taskRecipients;
        this.scheduled = scheduled;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String deadline = deadlineOf(execution);
        ReminderInputs in = deadline != null ? scheduled.dueNow(execution, deadline)
                : ReminderInputs.of(execution, clock.zone());
        if (!in.due()) {
            LOG.debug("No reminder due in process instance {}", execution.getProcessInstanceId());
            return;
        }
        if (in.taskId() == null && in.taskKey() == null) {
            mailer.send(new Reminder(in.kind(), in.proposalNumber(), null, in.step(), in.dueDate(), in.daysLeft(),
                    in.occurrenceFor(in.dueDate()), with(in.recipients(), in.copyTo())));
            return;
        }
        List<Task> open = in.taskId() != null ? openTasks.byId(in.taskId())
                : openTasks.of(execution.getProcessInstanceId(), in.taskKey());
        if (open.isEmpty()) {
            LOG.info("{} reminder dropped: task {} is no longer open in process instance {}", in.kind(),
                    in.taskId() != null ? in.taskId() : in.taskKey(), execution.getProcessInstanceId());
            return;
        }
        for (Task task : open) {
            LocalDate due = in.dueDate() != null ? in.dueDate() : ReminderInputs.localDate(task.getDueDate(), clock.zone());
            List<String> recipients = in.recipients().isEmpty() ? taskRecipients.of(task) : in.recipients();
            mailer.send(new Reminder(in.kind(), in.proposalNumber(), task.getId(), task.getName(), due, in.daysLeft(),
                    in.occurrenceFor(due), with(recipients, in.copyTo())));
        }
    }

    /**
     * The deadline the task names by its extension property {@link ScheduledReminders#DEADLINE}, if it does; read from
     * the model once per deployed process definition and task, which never change.
     */
    private String deadlineOf(DelegateExecution execution) {
        return deadlines.computeIfAbsent(execution.getProcessDefinitionId() + "#" + execution.getCurrentActivityId(),
                task -> Optional.ofNullable(deadlineInModel(execution))).orElse(null);
    }

    private static String deadlineInModel(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> ScheduledReminders.DEADLINE.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    private static List<String> with(List<String> recipients, List<String> copyTo) {
        return Stream.concat(recipients.stream(), copyTo.stream()).distinct().toList();
    }
}
