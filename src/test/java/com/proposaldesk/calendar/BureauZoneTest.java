package com.proposaldesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;

/**
 * The bureau works in Beijing time ({@code proposal-desk.calendar.zone}) while the server, like these tests (the
 * build pins {@code user.timezone=UTC}), may run in another zone: schedules and "today" follow the bureau's.
 */
@ProposalDeskSpringTest
class BureauZoneTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void theServerRunsInAnotherZoneThanTheBureau() {
        Instant now = Instant.now();
        assertThat(TimeZone.getDefault().toZoneId().getRules().getOffset(now)).isNotEqualTo(BEIJING.getRules().getOffset(now));
    }

    @Test
    void theWeeklyDigestWaitsForMonday0900InBeijing() {
        List<Job> timers = management.createJobQuery().processDefinitionKey(ProcessElements.DIGEST_PROCESS).timers().list();

        assertThat(timers).singleElement().satisfies(timer -> {
            ZonedDateTime due = timer.getDuedate().toInstant().atZone(BEIJING);
            assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        });
    }

    @Test
    void theCurrentYearIsBeijingsOnNewYearsNightOnTheServer() {
        // 31 December 17:00 UTC is already 1 January 01:00 in Beijing
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-12-31T17:00:00Z")));
        ApiClient office = ApiClient.as(rest, identity, "zone-office", "Shi-Qu-2025", "office");

        assertThat(office.get("/api/members/coverage").getBody().get("year").asInt()).isEqualTo(2025);
    }
}
