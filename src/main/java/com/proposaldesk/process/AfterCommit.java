package com.proposaldesk.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that follows a step and need not hold up the user who took it (the members' link mails, the signed letter's
 * files): done once the step's transaction has committed, so that nothing comes of a step that was rolled back, on a
 * thread of its own ({@code proposal-desk.after-commit-in-background}, on by default; {@code false}: by the user's
 * request, after its commit) and as the step's user, for the audit trail. Work still queued when the application stops
 * is done once the web server has stopped taking requests, before the beans it needs are closed. Two threads at most;
 * work that finds the queue full, or comes after the stop, is done by the thread that brings it. Work that writes opens
 * a transaction of its own ({@code REQUIRES_NEW}): run by the request, it runs while the step's transaction is still
 * being finished, whose connection would take its statements without committing them.
 */
@Component
public class AfterCommit implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private final IdentityService identity;
    private final TaskExecutor executor;
    private volatile boolean running;

    public AfterCommit(IdentityService identity, @Value("${proposal-desk.after-commit-in-background:true}") boolean inBackground) {
        this.identity = identity;
        this.executor = inBackground ? background() : new SyncTaskExecutor();
    }

    private static ThreadPoolTaskExecutor background() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("after-commit-");
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(2);
        pool.setQueueCapacity(1000);
        // a full queue, or work that comes after the stop (a job finishing), is done by the thread that brings it
        pool.setRejectedExecutionHandler((work, executor) -> work.run());
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(60);
        pool.initialize();
        return pool;
    }

    /** Runs the work after the current transaction commits (at once when there is none); a failure is logged. */
    public void run(String what, Runnable work) {
        Authentication user = identity.getCurrentAuthentication();
        Runnable asUser = () -> {
            Authentication own = identity.getCurrentAuthentication();
            authenticate(user);
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed", what, e);
            } finally {
                authenticate(own);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(asUser);
                }
            });
        } else {
            executor.execute(asUser);
        }
    }

    private void authenticate(Authentication user) {
        if (user == null) {
            identity.clearAuthentication();
        } else {
            identity.setAuthentication(user);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Does the queued work, then stops its threads. */
    @Override
    public void stop() {
        if (executor instanceof ThreadPoolTaskExecutor pool) {
            pool.shutdown();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}): no request adds work any more. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
