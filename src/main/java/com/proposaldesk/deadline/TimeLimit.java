package com.proposaldesk.deadline;

import java.time.LocalDate;

import com.proposaldesk.calendar.CalendarWarnings;
import com.proposaldesk.calendar.WorkingDayCalendar;

/**
 * A configured time limit such as {@code {value: 3, unit: WORKING_DAYS}}. Months and days that end on a
 * rest day move to the next working day (counting backwards: the previous one).
 */
public record TimeLimit(Integer value, DeadlineUnit unit) {

    public TimeLimit {
        if (value == null || value < 1 || unit == null) {
            throw new IllegalArgumentException("A time limit needs a positive value and a unit (WORKING_DAYS, MONTHS or DAYS)");
        }
    }

    public LocalDate after(LocalDate from, WorkingDayCalendar calendar, CalendarWarnings warnings) {
        return shift(from, value, calendar, warnings);
    }

    public LocalDate before(LocalDate from, WorkingDayCalendar calendar, CalendarWarnings warnings) {
        return shift(from, -value, calendar, warnings);
    }

    private LocalDate shift(LocalDate from, int amount, WorkingDayCalendar calendar, CalendarWarnings warnings) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(from, amount, warnings);
            case MONTHS -> calendar.plusMonths(from, amount, warnings);
            case DAYS -> calendar.plusDays(from, amount, warnings);
        };
    }
}
