package com.proposaldesk.calendar;

import java.time.LocalDate;
import java.util.List;

/** One date as the calendar sees it, with a Chinese note such as 调休上班（春节）. */
public record CalendarDay(LocalDate date, boolean workingDay, String note, List<String> warnings) {

    public CalendarDay {
        warnings = List.copyOf(warnings);
    }
}
