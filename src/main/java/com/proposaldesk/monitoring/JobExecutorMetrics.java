package com.proposaldesk.monitoring;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * This node's job executor, from the engine's own metrics: each of its job meters also counts in a Micrometer counter.
 * The engine's meters are emptied into the database every 15 minutes (Cockpit's figures); these counters only grow.
 * <ul>
 * <li>{@code proposaldesk.jobs.executed{outcome=successful|failed}}: jobs run, and jobs that threw;</li>
 * <li>{@code proposaldesk.jobs.rejected}: jobs acquired but refused by a full executor queue;</li>
 * <li>{@code proposaldesk.jobs.acquisition.attempts}: acquisition cycles;</li>
 * <li>{@code proposaldesk.jobs.acquired{outcome=success|failure}}: jobs locked for this node, and jobs another node
 * locked first;</li>
 * <li>{@code proposaldesk.jobs.locked.exclusive}: exclusive jobs run right after their sibling.</li>
 * </ul>
 * The thread pool itself is {@code executor.*{name="camundaTaskExecutor"}}, from Spring Boot.
 */
@Component
public class JobExecutorMetrics implements MeterBinder {

    private final ProcessEngine engine;

    public JobExecutorMetrics(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        count(registry, Metrics.JOB_SUCCESSFUL, Counter.builder("proposaldesk.jobs.executed").tag("outcome", "successful"));
        count(registry, Metrics.JOB_FAILED, Counter.builder("proposaldesk.jobs.executed").tag("outcome", "failed"));
        count(registry, Metrics.JOB_EXECUTION_REJECTED, Counter.builder("proposaldesk.jobs.rejected"));
        count(registry, Metrics.JOB_ACQUISITION_ATTEMPT, Counter.builder("proposaldesk.jobs.acquisition.attempts"));
        count(registry, Metrics.JOB_ACQUIRED_SUCCESS, Counter.builder("proposaldesk.jobs.acquired").tag("outcome", "success"));
        count(registry, Metrics.JOB_ACQUIRED_FAILURE, Counter.builder("proposaldesk.jobs.acquired").tag("outcome", "failure"));
        count(registry, Metrics.JOB_LOCKED_EXCLUSIVE, Counter.builder("proposaldesk.jobs.locked.exclusive"));
    }

    private void count(MeterRegistry registry, String engineMeter, Counter.Builder counter) {
        Map<String, Meter> meters = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getMetricsRegistry().getDbMeters();
        Meter current = meters.get(engineMeter);
        if (current == null || current instanceof CountingMeter) {
            return;
        }
        meters.put(engineMeter, new CountingMeter(current, counter.register(registry)));
    }

    /** The engine's meter, which also counts in a Micrometer counter; it keeps what the replaced meter held. */
    static final class CountingMeter extends Meter {

        private final Counter counter;

        CountingMeter(Meter replaced, Counter counter) {
            super(replaced.getName());
            this.counter = counter;
            this.markTimes(replaced.get());
        }

        @Override
        public void mark() {
            markTimes(1);
        }

        @Override
        public void markTimes(long times) {
            super.markTimes(times);
            counter.increment(times);
        }
    }
}
