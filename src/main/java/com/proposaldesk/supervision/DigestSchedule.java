package com.proposaldesk.supervision;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.EngineClock;

/**
 * When the periodic digest (定期督办) goes out: {@code proposal-desk.digest.cycle}, a cron expression in the bureau's
 * zone ({@code proposal-desk.calendar.zone}), read by the timer start event of {@code supervision-digest}. Kept free of
 * engine beans because the engine evaluates it while it starts.
 *
 * <p>The engine would evaluate a cron cycle in the JVM's default zone (a server in UTC would send the Monday 09:00 digest
 * at 17:00 in Beijing), so the timer gets an ISO 8601 cycle instead, {@code R/<next firing>/<period>}, whose start
 * carries the bureau's offset. The engine evaluates it again each time the timer fires
 * ({@code reevaluate-time-cycle-when-due}), so that it always points at the cron expression's next firing.
 */
@Component("digestSchedule")
public class DigestSchedule {

    private static final DateTimeFormatter CYCLE_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final CronExpression cron;
    private final EngineClock clock;

    public DigestSchedule(@Value("${proposal-desk.digest.cycle:0 0 9 ? * MON}") String cron, EngineClock clock) {
        this.cron = CronExpression.parse(cron);
        this.clock = clock;
    }

    /** The timer's cycle: {@code R/<next firing>/<time from it to the one after>}. */
    public String getCycle() {
        ZonedDateTime next = next();
        return "R/" + CYCLE_START.format(next) + "/" + Duration.between(next, cron.next(next));
    }

    /** The next firing after now. */
    public Date nextFiring() {
        return Date.from(next().toInstant());
    }

    private ZonedDateTime next() {
        ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(clock.now().toInstant(), clock.zone()));
        if (next == null) {
            throw new IllegalStateException("proposal-desk.digest.cycle never fires again");
        }
        return next;
    }
}
