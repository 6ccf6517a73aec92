package com.proposaldesk.process;

import java.util.concurrent.ThreadPoolExecutor;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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
 * is done before it stops. Two threads at most; a full queue is worked off by the requests themselves.
 */
@Component
public class AfterCommit implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private final IdentityService identity;
    private final TaskExecutor executor;

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
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
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
    public void destroy() {
        if (executor instanceof ThreadPoolTaskExecutor pool) {
            pool.shutdown();
        }
    }
}
