package com.proposaldesk.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * The calendar for BPMN expressions, e.g. a timer's {@code timeDate} {@code ${workingDays.after(assignedOn, 5)}}
 * or a task's {@code camunda:dueDate} {@code ${workingDays.before(answerDue, 1)}}. Accepts a
 * {@link LocalDate}, {@link LocalDateTime}, {@link Date} or ISO-8601 string and returns the start of the
 * resulting day in {@code proposal-desk.calendar.zone}.
 */
@Component("workingDays")
public class WorkingDayExpressions {

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    public WorkingDayExpressions(WorkingDayCalendar calendar, CalendarProperties properties) {
        this.calendar = calendar;
        this.zone = properties.zone();
    }

    /** The {@code days}-th working day after {@code date}. */
    public Date after(Object date, int days) {
        return startOf(calendar.plusWorkingDays(toLocalDate(date), days));
    }

    /** The {@code days}-th working day before {@code date}. */
    public Date before(Object date, int days) {
        return startOf(calendar.minusWorkingDays(toLocalDate(date), days));
    }

    private Date startOf(LocalDate date) {
        return Date.from(date.atStartOfDay(zone).toInstant());
    }

    private LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof String text) {
            return parse(text.trim());
        }
        throw new IllegalArgumentException("无法识别的日期：" + value);
    }

    private LocalDate parse(String text) {
        List<Function<String, LocalDate>> formats = List.of(LocalDate::parse,
                iso -> OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDate(),
                iso -> LocalDateTime.parse(iso).toLocalDate());
        for (Function<String, LocalDate> format : formats) {
            try {
                return format.apply(text);
            } catch (DateTimeParseException tryNextFormat) {
                // the next format may fit
            }
        }
        throw new IllegalArgumentException("无法识别的日期：" + text + "（应为 yyyy-MM-dd 等 ISO 8601 格式）");
    }
}
