package com.proposaldesk.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.security.SystemReads;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;

/**
 * The bureau's workload as gauges, the same on every node (read from the database), refreshed once a minute rather than
 * at every scrape:
 * <ul>
 * <li>{@code proposaldesk.tasks.overdue{department}}: open tasks past their due date, by candidate group; a department's
 * handlers ({@code dept-x}) and head ({@code head-x}) count as department {@code x}, other groups (office, leader,
 * principal) by their id;</li>
 * <li>{@code proposaldesk.jobs.due}: jobs due now with retries left (waiting for or in the job executor);</li>
 * <li>{@code proposaldesk.jobs.failed}: jobs out of retries (each an incident in Cockpit);</li>
 * <li>{@code proposaldesk.incidents.open}: open incidents.</li>
 * </ul>
 */
@Component
public class WorkloadMetrics {

    static final String OVERDUE = "proposaldesk.tasks.overdue";
    private static final long REFRESH_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadMetrics.class);

    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final SystemReads reads;
    private final EngineClock clock;
    private final MultiGauge overdue;
    private final AtomicLong jobsDue = new AtomicLong();
    private final AtomicLong jobsFailed = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "proposal-desk-metrics");
        thread.setDaemon(true);
        return thread;
    });

    public WorkloadMetrics(TaskService tasks, ManagementService management, RuntimeService runtime, IdentityService identity,
            SystemReads reads, EngineClock clock, MeterRegistry registry) {
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
        this.identity = identity;
        this.reads = reads;
        this.clock = clock;
        this.overdue = MultiGauge.builder(OVERDUE).description("Open tasks past their due date, by department")
                .register(registry);
        Gauge.builder("proposaldesk.jobs.due", jobsDue, AtomicLong::get)
                .description("Jobs due now with retries left").register(registry);
        Gauge.builder("proposaldesk.jobs.failed", jobsFailed, AtomicLong::get)
                .description("Jobs out of retries (incidents)").register(registry);
        Gauge.builder("proposaldesk.incidents.open", incidents, AtomicLong::get)
                .description("Open incidents").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database may be down for a while: the gauges keep their last values
            LOG.warn("Workload figures not refreshed: {}", e.toString());
        }
    }

    /** Reads the figures now. */
    synchronized void refresh() {
        reads.read(() -> {
            Map<String, Long> byDepartment = overdueByDepartment();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            byDepartment.forEach((department, count) -> rows.add(MultiGauge.Row.of(Tags.of("department", department), count)));
            overdue.register(rows, true);
            jobsDue.set(management.createJobQuery().executable().count());
            jobsFailed.set(management.createJobQuery().noRetriesLeft().count());
            incidents.set(runtime.createIncidentQuery().count());
            return null;
        });
    }

    private Map<String, Long> overdueByDepartment() {
        Map<String, Long> byDepartment = new TreeMap<>();
        for (Group group : identity.createGroupQuery().list()) {
            long count = tasks.createTaskQuery().taskCandidateGroup(group.getId()).includeAssignedTasks()
                    .dueBefore(clock.now()).count();
            byDepartment.merge(department(group.getId()), count, Long::sum);
        }
        return byDepartment;
    }

    static String department(String groupId) {
        return groupId.startsWith("dept-") || groupId.startsWith("head-") ? groupId.substring(5) : groupId;
    }
}
