package com.proposaldesk.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The reminders a model schedules by naming a deadline (the extension property {@link #DEADLINE} of a
 * {@code sendReminder} task) instead of giving each input: what is due now is computed where the deadlines are kept.
 * Reading them there leaves no input variables behind, which each reminder would otherwise write and historise.
 */
public interface ScheduledReminders {

    /** The extension property that names the deadline, e.g. {@code Task_SignFor}, or {@code answer}. */
    String DEADLINE = "reminderDeadline";

    /** The reminder due now for the deadline; its kind is null when none is. */
    ReminderInputs dueNow(DelegateExecution execution, String deadline);
}
