package com.proposaldesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

class WorkingDayExpressionsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final CalendarProperties properties = new CalendarProperties(null, SHANGHAI);
    final WorkingDayExpressions workingDays = new WorkingDayExpressions(new WorkingDayCalendar(properties), properties);

    @Test
    void returnsTheStartOfTheDayInShanghai() {
        Date expected = startOf("2023-10-11");

        assertThat(workingDays.after("2023-09-28", 5)).isEqualTo(expected);
        assertThat(workingDays.after(LocalDate.of(2023, 9, 28), 5)).isEqualTo(expected);
        assertThat(workingDays.after(Date.from(LocalDate.of(2023, 9, 28).atTime(23, 30).atZone(SHANGHAI).toInstant()), 5))
                .isEqualTo(expected);
        assertThat(workingDays.after("2023-09-27T16:30:00Z", 5)).as("already the 28th in Shanghai").isEqualTo(expected);
        assertThat(workingDays.after("2023-09-28T09:00:00", 5)).isEqualTo(expected);
    }

    @Test
    void countsBackwards() {
        assertThat(workingDays.before("2023-10-11", 1)).isEqualTo(startOf("2023-10-10"));
        assertThat(workingDays.before(startOf("2023-10-11"), 5)).isEqualTo(startOf("2023-09-28"));
    }

    @Test
    void rejectsWhatIsNotADate() {
        assertThatThrownBy(() -> workingDays.after("28.09.2023", 5)).hasMessageContaining("无法识别的日期");
        assertThatThrownBy(() -> workingDays.after(null, 5)).hasMessageContaining("无法识别的日期");
    }

    static Date startOf(String day) {
        return Date.from(LocalDate.parse(day).atStartOfDay(SHANGHAI).toInstant());
    }
}
