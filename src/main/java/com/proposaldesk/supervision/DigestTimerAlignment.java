package com.proposaldesk.supervision;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;

/**
 * Moves the digest's waiting timer to the schedule's next firing at start-up. The model is deployed once, so its timer
 * keeps the date computed then: from an older cycle setting, or from the engine's cron in the JVM's zone. A timer
 * already due (the application was down at its time) is left to fire now.
 */
@Component
class DigestTimerAlignment {

    private static final Logger LOG = LoggerFactory.getLogger(DigestTimerAlignment.class);

    private final ManagementService management;
    private final DigestSchedule schedule;
    private final EngineClock clock;

    DigestTimerAlignment(ManagementService management, DigestSchedule schedule, EngineClock clock) {
        this.management = management;
        this.schedule = schedule;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void align() {
        Date next = schedule.nextFiring();
        for (Job timer : management.createJobQuery().processDefinitionKey(ProcessElements.DIGEST_PROCESS).timers().list()) {
            Date due = timer.getDuedate();
            if (due != null && due.after(clock.now()) && !due.equals(next)) {
                LOG.info("Digest timer {} moved from {} to {}", timer.getId(), due.toInstant(), next.toInstant());
                management.setJobDuedate(timer.getId(), next);
            }
        }
    }
}
