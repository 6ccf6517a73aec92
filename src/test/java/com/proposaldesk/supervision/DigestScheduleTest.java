package com.proposaldesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.proposaldesk.calendar.CalendarProperties;
import com.proposaldesk.process.EngineClock;

/**
 * "Mondays 09:00" is 09:00 in Beijing on a server in Los Angeles, where it is still Sunday 18:00 (17:00 in summer): the
 * cycle handed to the engine carries the bureau's offset, and the engine's own reading of it agrees.
 */
class DigestScheduleTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final TimeZone serverZone = TimeZone.getDefault();
    private DigestSchedule schedule;

    @BeforeEach
    void setUp() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        schedule = new DigestSchedule("0 0 9 ? * MON", new EngineClock(new CalendarProperties(null, BEIJING)));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        TimeZone.setDefault(serverZone);
    }

    @Test
    void onFridayTheDigestWaitsForMonday0900InBeijing() {
        clock("2025-06-20T08:30");

        assertThat(schedule.getCycle()).isEqualTo("R/2025-06-23T09:00:00+08:00/PT168H");
        assertThat(schedule.nextFiring()).isEqualTo(beijing("2025-06-23T09:00"));
        assertThat(new CycleBusinessCalendar().resolveDuedate(schedule.getCycle()))
                .as("the engine's reading of the cycle").isEqualTo(beijing("2025-06-23T09:00"));
    }

    @Test
    void whenItFiresOnMondayMorningInBeijingTheNextIsAWeekLaterThoughItIsStillSundayOnTheServer() {
        clock("2025-06-23T09:00");

        assertThat(schedule.getCycle()).isEqualTo("R/2025-06-30T09:00:00+08:00/PT168H");
        assertThat(new CycleBusinessCalendar().resolveDuedate(schedule.getCycle())).isEqualTo(beijing("2025-06-30T09:00"));
    }

    @Test
    void aSundayEveningOnTheServerIsAlreadyMondayInBeijing() {
        // Sunday 20:00 in Los Angeles: Monday 11:00 in Beijing, this week's digest has gone out
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2025-06-22T20:00").atZone(ZoneId.of("America/Los_Angeles")).toInstant()));

        assertThat(schedule.nextFiring()).isEqualTo(beijing("2025-06-30T09:00"));
    }

    @Test
    void anyCronExpressionIsReadInBeijingAndAWrongOneStopsTheStart() {
        clock("2025-06-20T08:30");
        DigestSchedule workingDays = new DigestSchedule("0 30 8 * * MON-FRI", new EngineClock(new CalendarProperties(null, BEIJING)));

        assertThat(workingDays.getCycle()).isEqualTo("R/2025-06-23T08:30:00+08:00/PT24H");
        assertThatThrownBy(() -> new DigestSchedule("mondays at nine", new EngineClock(new CalendarProperties(null, BEIJING))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void clock(String beijingTime) {
        ClockUtil.setCurrentTime(beijing(beijingTime));
    }

    private static Date beijing(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant());
    }
}
