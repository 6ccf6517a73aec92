package com.proposaldesk.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Working days as the State Council's annual holiday notices define them: holidays are rest days, make-up
 * working days (调休) are working days, other weekdays work and other weekends rest.
 * <p>
 * A year without published data counts Saturdays and Sundays as its only rest days; the operations that
 * take a {@link CalendarWarnings} report such a year there, and the calendar logs it once. Data is read
 * from {@code classpath:calendar/} and the operator folder {@code proposal-desk.calendar.folder} at start-up
 * and on {@link #reload()}.
 */
@Component
public class WorkingDayCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Path operatorFolder;
    private final Set<Integer> loggedMissingYears = ConcurrentHashMap.newKeySet();
    private volatile HolidayData data;

    public WorkingDayCalendar(CalendarProperties properties) {
        this.operatorFolder = properties.folder();
        reload();
    }

    /** Reads the shipped and operator files again; a file that cannot be read leaves the current data in place. */
    public void reload() {
        HolidayData loaded = HolidayFiles.load(operatorFolder);
        data = loaded;
        loggedMissingYears.clear();
    }

    /** The years with published holiday data. */
    public SortedSet<Integer> years() {
        return data.years();
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, new CalendarWarnings());
    }

    public boolean isWorkingDay(LocalDate date, CalendarWarnings warnings) {
        return isWorkingDay(data, date, warnings);
    }

    /** The date with whether it is a working day and why, e.g. 调休上班（春节）. */
    public CalendarDay describe(LocalDate date) {
        HolidayData snapshot = data;
        CalendarWarnings warnings = new CalendarWarnings();
        boolean working = isWorkingDay(snapshot, date, warnings);
        Optional<HolidayFile.Day> listed = snapshot.day(date);
        String note;
        if (listed.isPresent()) {
            note = (listed.get().offDay() ? "节假日放假（" : "调休上班（") + listed.get().name() + "）";
        } else if (isWeekend(date)) {
            note = date.getDayOfWeek() == DayOfWeek.SATURDAY ? "周六休息" : "周日休息";
        } else {
            note = "工作日";
        }
        return new CalendarDay(date, working, note, warnings.messages());
    }

    public LocalDate plusWorkingDays(LocalDate from, int days) {
        return plusWorkingDays(from, days, new CalendarWarnings());
    }

    /**
     * With {@code days > 0} the {@code days}-th working day after {@code from}, with {@code days < 0} the
     * {@code -days}-th working day before it; with 0, {@code from} itself if it is a working day, otherwise
     * the next working day.
     */
    public LocalDate plusWorkingDays(LocalDate from, int days, CalendarWarnings warnings) {
        HolidayData snapshot = data;
        int step = days < 0 ? -1 : 1;
        LocalDate date = from;
        if (days == 0) {
            while (!isWorkingDay(snapshot, date, warnings)) {
                date = date.plusDays(1);
            }
            return date;
        }
        for (int counted = 0; counted < Math.abs(days); ) {
            date = date.plusDays(step);
            if (isWorkingDay(snapshot, date, warnings)) {
                counted++;
            }
        }
        return date;
    }

    public LocalDate minusWorkingDays(LocalDate from, int days) {
        return plusWorkingDays(from, -days);
    }

    public LocalDate minusWorkingDays(LocalDate from, int days, CalendarWarnings warnings) {
        return plusWorkingDays(from, -days, warnings);
    }

    public int workingDaysBetween(LocalDate a, LocalDate b) {
        return workingDaysBetween(a, b, new CalendarWarnings());
    }

    /**
     * The working days after {@code a} up to and including {@code b}; negative when {@code b} is before
     * {@code a}. From today to a deadline: the working days left; from a deadline to today: the working
     * days overdue. {@code workingDaysBetween(a, plusWorkingDays(a, n)) == n}.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b, CalendarWarnings warnings) {
        HolidayData snapshot = data;
        LocalDate start = a.isBefore(b) ? a : b;
        LocalDate end = a.isBefore(b) ? b : a;
        int count = 0;
        for (LocalDate date = start.plusDays(1); !date.isAfter(end); date = date.plusDays(1)) {
            if (isWorkingDay(snapshot, date, warnings)) {
                count++;
            }
        }
        return a.isBefore(b) ? count : -count;
    }

    public LocalDate plusMonths(LocalDate date, int months) {
        return plusMonths(date, months, new CalendarWarnings());
    }

    /**
     * Calendar months ("三个月"), as {@link LocalDate#plusMonths} counts them (31 January plus one month is
     * the last day of February). A target that is not a working day moves to the next working day; counting
     * backwards ({@code months < 0}) it moves to the previous working day, so that a reminder never comes later.
     */
    public LocalDate plusMonths(LocalDate date, int months, CalendarWarnings warnings) {
        return toWorkingDay(date.plusMonths(months), months < 0 ? -1 : 1, warnings);
    }

    public LocalDate plusDays(LocalDate date, int days) {
        return plusDays(date, days, new CalendarWarnings());
    }

    /** Calendar days; a target that is not a working day moves as in {@link #plusMonths(LocalDate, int, CalendarWarnings)}. */
    public LocalDate plusDays(LocalDate date, int days, CalendarWarnings warnings) {
        return toWorkingDay(date.plusDays(days), days < 0 ? -1 : 1, warnings);
    }

    private LocalDate toWorkingDay(LocalDate target, int step, CalendarWarnings warnings) {
        HolidayData snapshot = data;
        LocalDate date = target;
        while (!isWorkingDay(snapshot, date, warnings)) {
            date = date.plusDays(step);
        }
        return date;
    }

    private boolean isWorkingDay(HolidayData snapshot, LocalDate date, CalendarWarnings warnings) {
        if (!snapshot.covers(date.getYear())) {
            warnings.add(missingYear(snapshot, date.getYear()));
        }
        return snapshot.day(date).map(day -> !day.offDay()).orElse(!isWeekend(date));
    }

    private String missingYear(HolidayData snapshot, int year) {
        if (loggedMissingYears.add(year)) {
            LOG.warn("No holiday data for {}: counting Saturdays and Sundays as its only rest days", year);
        }
        boolean notYetPublished = snapshot.years().isEmpty() || year > snapshot.years().last();
        return notYetPublished ? year + " 年的节假日安排尚未发布，按周六、周日休息计算"
                : "系统中没有 " + year + " 年的节假日安排，按周六、周日休息计算";
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
