package com.proposaldesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.support.PostgresTestDatabase;

/**
 * The upgrade on PostgreSQL, where two nodes upgrading at once meet on row locks: the second migration of a process
 * instance waits for the first transaction and then fails on the engine's optimistic lock, and is left to the first.
 */
@Import(SupervisionUpgradeProcessTest.PreviousVersionBeans.class)
class SupervisionUpgradePostgresIT extends SupervisionUpgradeProcessTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aProposalAnotherNodeIsMigratingIsLeftToIt() throws Exception {
        deployCurrentModels();
        ProcessInstance a = proposalsByName.get("A");
        MigrationPlan plan = runtime.createMigrationPlan(a.getProcessDefinitionId(), latest(ProcessElements.HANDLING_PROCESS))
                .mapEqualActivities().build();
        CountDownLatch migratedUncommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> otherNode = nodes.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                runtime.newMigration(plan).processInstanceIds(a.getId()).execute();
                migratedUncommitted.countDown();
                await(commit);
            }));
            assertThat(migratedUncommitted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<SupervisionUpgrade.Result> thisNode = nodes.submit(upgrade::upgrade);
            waitUntilAStatementWaitsForALock();
            commit.countDown();
            otherNode.get(30, TimeUnit.SECONDS);

            SupervisionUpgrade.Result result = thisNode.get(60, TimeUnit.SECONDS);
            assertThat(result.migrated()).isEqualTo(4);
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.failed()).isZero();
        } finally {
            commit.countDown();
            nodes.shutdownNow();
        }
        // the other node's migration (here a bare one, without the handover) stands; the watches are gone
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionUpgrade.WATCH_PROCESS).count()).isZero();
        assertThat(steps.instance(a.getId()).getProcessDefinitionId()).isEqualTo(latest(ProcessElements.HANDLING_PROCESS));
    }

    private void waitUntilAStatementWaitsForALock() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Integer waiting = jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    .query(Integer.class).single();
            if (waiting > 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("The upgrade never waited for the other node's transaction");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
