package com.proposaldesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WorkingDayCalendarTest {

    static final String NO_2027 = "2027 年的节假日安排尚未发布，按周六、周日休息计算";

    final WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(null, ZoneId.of("Asia/Shanghai")));

    @Test
    void shipsThePublishedYearsOnly() {
        assertThat(calendar.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @Test
    void fiveWorkingDaysAfter28September2023AreThe11thOfOctober() {
        CalendarResult result = CalendarResult.collect(warnings -> calendar.plusWorkingDays(date("2023-09-28"), 5, warnings));

        assertThat(result).isEqualTo(new CalendarResult(date("2023-10-11"), List.of()));
        assertThat(calendar.workingDaysBetween(date("2023-09-28"), date("2023-10-11"))).isEqualTo(5);
    }

    @Test
    void nationalDay2023HolidaysRestAndItsMakeUpWeekendWorks() {
        assertThat(calendar.isWorkingDay(date("2023-09-29"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2023-10-02"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2023-10-07"))).isTrue();
        assertThat(calendar.describe(date("2023-10-07")).note()).isEqualTo("调休上班（中秋节、国庆节）");
        assertThat(calendar.describe(date("2023-10-02")).note()).isEqualTo("节假日放假（中秋节、国庆节）");
        assertThat(calendar.describe(date("2023-10-14")).note()).isEqualTo("周六休息");
        assertThat(calendar.describe(date("2023-10-16")).note()).isEqualTo("工作日");
    }

    @Test
    void springFestival2024CountsItsMakeUpSundays() {
        assertThat(calendar.isWorkingDay(date("2024-02-04"))).as("Sunday, make-up").isTrue();
        assertThat(calendar.isWorkingDay(date("2024-02-18"))).as("Sunday, make-up").isTrue();
        for (LocalDate day = date("2024-02-10"); !day.isAfter(date("2024-02-17")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }

        assertThat(calendar.plusWorkingDays(date("2024-02-02"), 1)).as("Friday to make-up Sunday").isEqualTo("2024-02-04");
        assertThat(calendar.plusWorkingDays(date("2024-02-09"), 1)).as("over the holiday").isEqualTo("2024-02-18");
        assertThat(calendar.plusWorkingDays(date("2024-02-08"), 3)).isEqualTo("2024-02-19");
        assertThat(calendar.plusWorkingDays(date("2024-02-01"), 10)).isEqualTo("2024-02-20");
        assertThat(calendar.plusWorkingDays(date("2024-02-12"), 0)).as("0 from a holiday").isEqualTo("2024-02-18");
        assertThat(calendar.plusWorkingDays(date("2024-02-08"), 0)).as("0 from a working day").isEqualTo("2024-02-08");
        assertThat(calendar.minusWorkingDays(date("2024-02-19"), 2)).isEqualTo("2024-02-09");
        assertThat(calendar.workingDaysBetween(date("2024-02-09"), date("2024-02-19"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(date("2024-02-19"), date("2024-02-09"))).as("overdue").isEqualTo(-2);
        assertThat(calendar.workingDaysBetween(date("2024-02-19"), date("2024-02-19"))).isZero();
    }

    @Test
    void remindersFiveAndOneWorkingDaysBeforeADeadlineSkipTheHoliday() {
        LocalDate deadline = date("2023-10-11");

        assertThat(calendar.minusWorkingDays(deadline, 1)).isEqualTo("2023-10-10");
        assertThat(calendar.minusWorkingDays(deadline, 5)).isEqualTo("2023-09-28");
        assertThat(calendar.plusWorkingDays(deadline, -5)).isEqualTo("2023-09-28");
        assertThat(calendar.minusWorkingDays(date("2024-02-19"), 5)).isEqualTo("2024-02-06");
    }

    @Test
    void monthsLandingOnAHolidayMoveToTheNextWorkingDay() {
        assertThat(calendar.plusMonths(date("2023-07-03"), 3)).as("3 October, National Day").isEqualTo("2023-10-07");
        assertThat(calendar.plusMonths(date("2023-11-12"), 3)).as("12 February 2024, Spring Festival").isEqualTo("2024-02-18");
        assertThat(calendar.plusMonths(date("2023-12-31"), 2)).as("end of a short month").isEqualTo("2024-02-29");
        assertThat(calendar.plusMonths(date("2023-10-09"), 1)).as("a working day stays").isEqualTo("2023-11-09");
        assertThat(calendar.plusMonths(date("2023-11-01"), -1)).as("backwards: the previous working day").isEqualTo("2023-09-28");
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnlyAndWarnsOnce(CapturedOutput log) {
        CalendarResult intoNewYear = CalendarResult.collect(warnings -> calendar.plusWorkingDays(date("2026-12-30"), 3, warnings));
        CalendarResult within2027 = CalendarResult.collect(warnings -> calendar.plusMonths(date("2027-03-01"), 1, warnings));
        CalendarResult within2026 = CalendarResult.collect(warnings -> calendar.plusWorkingDays(date("2026-12-28"), 3, warnings));

        assertThat(intoNewYear.date()).as("1 January 2027 counts as a Friday at work").isEqualTo("2027-01-04");
        assertThat(intoNewYear.warnings()).containsExactly(NO_2027);
        assertThat(within2027).isEqualTo(new CalendarResult(date("2027-04-01"), List.of(NO_2027)));
        assertThat(within2026.date()).isEqualTo("2026-12-31");
        assertThat(within2026.warnings()).isEmpty();
        assertThat(calendar.describe(date("2027-10-01"))).isEqualTo(
                new CalendarDay(date("2027-10-01"), true, "工作日", List.of(NO_2027)));
        assertThat(log.getOut().split("No holiday data for 2027", -1)).hasSize(2);
    }

    @Test
    void aYearBeforeTheDataIsReportedAsMissing() {
        CalendarWarnings warnings = new CalendarWarnings();

        assertThat(calendar.isWorkingDay(date("2019-10-01"), warnings)).isTrue();
        assertThat(warnings.messages()).containsExactly("系统中没有 2019 年的节假日安排，按周六、周日休息计算");
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
