package com.proposaldesk.reminder;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.web.NotFoundException;

/** The office urges a task (催办): a mail to whoever holds it. The outbox rows are the record of the urge. */
@Service
public class TaskUrging {

    private final TaskService tasks;
    private final TaskRecipients recipients;
    private final ReminderMailer mailer;

    public TaskUrging(TaskService tasks, TaskRecipients recipients, ReminderMailer mailer) {
        this.tasks = tasks;
        this.recipients = recipients;
        this.mailer = mailer;
    }

    /** Each call is a new urge and a new mail: its occurrence is the moment it was asked for. */
    public List<ReminderMailer.Delivery> urge(String taskId, String note, String requestedBy) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("任务 " + taskId + " 不存在或已办结");
        }
        Object number = tasks.getVariable(taskId, ProcessVariables.PROPOSAL_NUMBER);
        return mailer.send(new Reminder(MailKind.URGE, number == null ? null : number.toString(), task.getId(),
                task.getName(), ReminderInputs.localDate(task.getDueDate()), null, "urge@" + Instant.now(),
                recipients.of(task), note, requestedBy));
    }
}
