package com.proposaldesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorCalendarFolderTest {

    @TempDir
    Path folder;

    WorkingDayCalendar calendar() {
        return new WorkingDayCalendar(new CalendarProperties(folder, ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void nextYearsFileAddedByTheOperatorIsUsedAfterAReload() throws IOException {
        WorkingDayCalendar calendar = calendar();
        CalendarResult before = CalendarResult.collect(warnings -> calendar.plusWorkingDays(LocalDate.of(2026, 12, 30), 3, warnings));
        assertThat(before.date()).isEqualTo("2027-01-04");
        assertThat(before.warnings()).containsExactly("2027 年的节假日安排尚未发布，按周六、周日休息计算");

        Files.writeString(folder.resolve("2027.json"), """
                {"year": 2027, "papers": ["https://www.gov.cn/zhengce/example-2027.htm"],
                 "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}
                """);
        calendar.reload();

        CalendarResult after = CalendarResult.collect(warnings -> calendar.plusWorkingDays(LocalDate.of(2026, 12, 30), 3, warnings));
        assertThat(after).isEqualTo(new CalendarResult(LocalDate.of(2027, 1, 5), List.of()));
        assertThat(calendar.years()).contains(2027);
    }

    @Test
    void anOperatorFileReplacesAShippedYearButAnEmptyOneDoesNot() throws IOException {
        Files.writeString(folder.resolve("2023.json"), """
                {"year": 2023, "papers": [], "days": [{"name": "测试", "date": "2023-06-01", "isOffDay": true}]}
                """);
        Files.writeString(folder.resolve("2024.json"), """
                {"year": 2024, "papers": [], "days": []}
                """);
        WorkingDayCalendar calendar = calendar();

        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 6, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 2))).as("the shipped 2023 is replaced").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 12))).as("the shipped 2024 stays").isFalse();
    }

    @Test
    void anUnreadableFileKeepsTheDataInPlace() throws IOException {
        WorkingDayCalendar calendar = calendar();
        Files.writeString(folder.resolve("2027.json"), "{\"year\": 2027, \"days\": [");

        assertThatThrownBy(calendar::reload).hasMessageContaining("2027.json");
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 2))).isFalse();
    }
}
