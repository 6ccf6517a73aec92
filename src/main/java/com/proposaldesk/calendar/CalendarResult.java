package com.proposaldesk.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A computed date with the warnings a user must see beside it (empty when every year touched has data),
 * e.g. {@code CalendarResult.collect(warnings -> calendar.plusWorkingDays(from, 5, warnings))}.
 */
public record CalendarResult(LocalDate date, List<String> warnings) {

    public CalendarResult {
        warnings = List.copyOf(warnings);
    }

    public static CalendarResult collect(Function<CalendarWarnings, LocalDate> computation) {
        CalendarWarnings warnings = new CalendarWarnings();
        LocalDate date = computation.apply(warnings);
        return new CalendarResult(date, warnings.messages());
    }
}
