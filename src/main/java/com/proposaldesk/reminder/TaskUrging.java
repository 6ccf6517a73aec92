package com.proposaldesk.reminder;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.web.NotFoundException;

/** The office urges a task (催办): a mail to whoever holds it. The outbox rows are the record of the urge. */
@Service
public class TaskUrging {

    private final TaskService tasks;
    private final TaskRecipients recipients;
    private final ReminderMailer mailer;
    private final AuditTrail audit;
    private final EngineClock clock;

    public TaskUrging(TaskService tasks, TaskRecipients recipients, ReminderMailer mailer, AuditTrail audit,
            EngineClock clock) {
        this.audit = audit;
        this.tasks = tasks;
        this.recipients = recipients;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * Each call is a new urge and a new mail: its occurrence is the moment it was asked for. The outbox keeps each mail
     * in a transaction of its own; the audit record of the urge commits only if every mail went out.
     */
    @Transactional
    public List<ReminderMailer.Delivery> urge(String taskId, String note, String requestedBy) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("任务 " + taskId + " 不存在或已办结");
        }
        Object number = tasks.getVariable(taskId, ProcessVariables.PROPOSAL_NUMBER);
        String proposalNumber = number == null ? null : number.toString();
        List<ReminderMailer.Delivery> sent = mailer.send(new Reminder(MailKind.URGE, proposalNumber, task.getId(),
                task.getName(), ReminderInputs.localDate(task.getDueDate(), clock.zone()), null, "urge@" + Instant.now(),
                recipients.of(task), note, requestedBy));
        audit.record(AuditAction.TASK_URGED, proposalNumber, "任务“" + task.getName() + "”（" + task.getId() + "）",
                "通知 " + sent.size() + " 人" + (sent.isEmpty() ? "" : "："
                        + String.join("、", sent.stream().map(ReminderMailer.Delivery::userId).toList()))
                        + (note == null || note.isBlank() ? "" : "；催办意见：" + note));
        return sent;
    }
}
