package com.proposaldesk.process;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.CalendarProperties;

/**
 * "Now" as the engine sees it, so that our deadline arithmetic and the engine's timers agree (tests move
 * this clock). The only place that reads the engine's clock.
 */
@Component
public class EngineClock {

    private final ZoneId zone;

    public EngineClock(CalendarProperties calendar) {
        this.zone = calendar.zone();
    }

    public Date now() {
        return ClockUtil.getCurrentTime();
    }

    public LocalDate today() {
        return now().toInstant().atZone(zone).toLocalDate();
    }

    /**
     * The bureau's wall-clock time now, for the {@code *_at} columns ({@code TIMESTAMP} without a zone): they read the
     * same in Beijing whatever the server's zone.
     */
    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now().toInstant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** A moment on a date, in the bureau's time zone. */
    public Date at(LocalDate date, LocalTime time) {
        return Date.from(date.atTime(time).atZone(zone).toInstant());
    }
}
