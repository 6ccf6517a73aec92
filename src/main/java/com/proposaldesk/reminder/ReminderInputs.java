package com.proposaldesk.reminder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.proposaldesk.process.ProcessVariables;

/**
 * The inputs of a reminder service task ({@code camunda:inputParameter}, see {@code element-templates/send-reminder.json}),
 * read leniently: what a process administrator types in the Modeler arrives as text.
 */
public record ReminderInputs(MailKind kind, String proposalNumber, String taskId, String taskKey,
        List<String> recipients, List<String> copyTo, String step, LocalDate dueDate, Integer daysLeft,
        String occurrence) {

    public static final String KIND = "reminderKind";
    public static final String TASK_ID = "reminderTaskId";
    public static final String TASK_KEY = "reminderTaskKey";
    public static final String RECIPIENTS = "reminderRecipients";
    public static final String DUE_DATE = "reminderDueDate";
    public static final String DAYS_LEFT = "reminderDaysLeft";
    public static final String OCCURRENCE = "reminderOccurrence";
    public static final String COPY_TO = "reminderCopyTo";
    public static final String STEP = "reminderStep";

    /** Every input name, for checks that the element template and this class agree. */
    public static final List<String> NAMES = List.of(KIND, TASK_ID, TASK_KEY, RECIPIENTS, COPY_TO, STEP, DUE_DATE, DAYS_LEFT,
            OCCURRENCE);

    /** The kinds a process sends; urges come from the office, digests carry a body that a model cannot give. */
    static final List<MailKind> PROCESS_KINDS =
            List.of(MailKind.REMINDER_BEFORE, MailKind.DUE_TODAY, MailKind.OVERDUE, MailKind.ESCALATION);

    /** {@code zone}: the bureau's, in which a due date given as a moment ({@link Date}) falls on its day. */
    public static ReminderInputs of(VariableScope scope, ZoneId zone) {
        return of(scope::getVariable, zone);
    }

    /** @throws IllegalArgumentException naming the input (in Chinese, for Cockpit) when a value cannot be read */
    public static ReminderInputs of(Function<String, Object> variables, ZoneId zone) {
        return new ReminderInputs(kind(variables.apply(KIND)), text(variables.apply(ProcessVariables.PROPOSAL_NUMBER)),
                text(variables.apply(TASK_ID)), text(variables.apply(TASK_KEY)), ids(variables.apply(RECIPIENTS)),
                ids(variables.apply(COPY_TO)), text(variables.apply(STEP)), date(variables.apply(DUE_DATE), zone), number(variables.apply(DAYS_LEFT)), text(variables.apply(OCCURRENCE)));
    }

    /** The given occurrence, else {@code <due date>/<days left>}: a new deadline or offset is a new mail. */
    public String occurrenceFor(LocalDate due) {
        if (occurrence != null) {
            return occurrence;
        }
        return (due == null ? "-" : due.toString()) + "/" + (daysLeft == null ? "-" : daysLeft);
    }

    /** The day on which a moment (a task's due date) falls in the bureau's zone. */
    static LocalDate localDate(Date date, ZoneId zone) {
        return date == null ? null : date.toInstant().atZone(zone).toLocalDate();
    }

    /** Whether a reminder is due: an empty kind means that nothing is (the supervised work is done). */
    public boolean due() {
        return kind != null;
    }

    private static MailKind kind(Object value) {
        String name = text(value);
        if (name == null) {
            return null;
        }
        return PROCESS_KINDS.stream().filter(kind -> kind.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("提醒类型 " + KIND + " 的值“" + name + "”无效，应为 "
                        + PROCESS_KINDS + " 之一"));
    }

    private static List<String> ids(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(value.toString().split("[,，、;；\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(Object value, ZoneId zone) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return localDate(date, zone);
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("到期日 " + DUE_DATE + " 的值“" + text + "”不是 yyyy-MM-dd 格式的日期", e);
        }
    }

    private static Integer number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("剩余工作日 " + DAYS_LEFT + " 的值“" + text + "”不是整数", e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
