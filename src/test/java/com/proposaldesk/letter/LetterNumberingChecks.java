package com.proposaldesk.letter;

import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** The document numbers under concurrency and rollback, the same on H2 and on PostgreSQL. */
final class LetterNumberingChecks {

    private final ProcessEngine engine;
    private final ProposalSteps steps;
    private final ProposalRepository proposals;
    private final DocumentNumbers numbers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LetterNumberingChecks(ProcessEngine engine, ProposalRegistrationService registration, ProposalRepository proposals,
            DocumentNumbers numbers, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.steps = new ProposalSteps(engine, registration);
        this.proposals = proposals;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Many transactions take numbers of a fresh year at once, every third rolls back: the kept ones are 1..n. */
    void numbersTakenAtOnceAreConsecutiveAndRolledBackOnesAreReused(int transactions) throws Exception {
        int year = 3000 + ThreadLocalRandom.current().nextInt(5000);
        List<Integer> kept = Collections.synchronizedList(new ArrayList<>());
        List<Integer> given = Collections.synchronizedList(new ArrayList<>());
        runAtOnce(transactions, i -> {
            Integer number = transaction.execute(status -> {
                int taken = numbers.next(year);
                given.add(taken);
                if (i % 3 == 0) {
                    status.setRollbackOnly();
                }
                return taken;
            });
            if (i % 3 != 0) {
                kept.add(number);
            }
        });
        int committed = transactions - (transactions + 2) / 3;
        assertThat(kept).hasSize(committed).doesNotHaveDuplicates();
        assertThat(kept.stream().sorted().toList()).as("no gap where a transaction rolled back")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, committed).boxed().toList());
        assertThat(given.size()).isEqualTo(transactions);
        assertThat(jdbc.sql("SELECT last_number FROM pd_letter_counter WHERE counter_year = ?").param(year)
                .query(Integer.class).single()).isEqualTo(committed);
    }

    /** Parallel sign-offs through the engine: each letter gets its own number, one after the other. */
    List<String> parallelSignOffsGetConsecutiveNumbers(int count) throws Exception {
        List<ProcessInstance> instances = new ArrayList<>();
        List<String> proposalNumbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = TestProposals.newNumber("NUMBERING");
            ProcessInstance pi = atSignOff(number);
            instances.add(pi);
            proposalNumbers.add(number);
        }
        runAtOnce(count, i -> signOff(instances.get(i)));
        List<Integer> taken = new ArrayList<>();
        for (String number : proposalNumbers) {
            taken.add(numberInYear(number));
            assertThat(proposals.get(number).documentNumber()).startsWith("X市监函〔").endsWith("号");
        }
        assertThat(taken).doesNotHaveDuplicates();
        List<Integer> sorted = taken.stream().sorted().toList();
        assertThat(sorted.get(sorted.size() - 1) - sorted.get(0)).as("consecutive: " + sorted).isEqualTo(count - 1);
        return proposalNumbers;
    }

    /** A sign-off whose transaction rolls back leaves neither letter nor number behind: the next sign-off takes it. */
    void aRolledBackSignOffGivesItsNumberBack() {
        String first = TestProposals.newNumber("ROLLBACK");
        String second = TestProposals.newNumber("ROLLBACK");
        ProcessInstance firstInstance = atSignOff(first);
        ProcessInstance secondInstance = atSignOff(second);

        Integer rolledBack = transaction.execute(status -> {
            signOff(firstInstance);
            status.setRollbackOnly();
            return numberInYear(first);
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_reply_letter WHERE proposal_id = ?").param(proposals.get(first).id())
                .query(Integer.class).single()).isZero();
        assertThat(proposals.get(first).documentNumber()).isNull();
        assertThat(steps.task(firstInstance, TASK_SIGN_OFF_LEADER)).as("the sign-off is still to do").isNotNull();
        signOff(secondInstance);
        assertThat(numberInYear(second)).isEqualTo(rolledBack);
        signOff(firstInstance);
        assertThat(numberInYear(first)).isEqualTo(rolledBack + 1);
    }

    private ProcessInstance atSignOff(String number) {
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        return pi;
    }

    /** The leader's approval, without BPM Assert (whose engine is bound to the test's thread). */
    private void signOff(ProcessInstance pi) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_SIGN_OFF_LEADER).singleResult();
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        engine.getIdentityService().setAuthentication(ProposalSteps.reviewer(TASK_SIGN_OFF_LEADER), groups);
        try {
            engine.getTaskService().complete(task.getId(), ProposalSteps.reviewForm(true, null));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private int numberInYear(String proposalNumber) {
        return jdbc.sql("SELECT number_in_year FROM pd_reply_letter WHERE proposal_id = ?")
                .param(proposals.get(proposalNumber).id()).query(Integer.class).single();
    }

    interface Work {
        void run(int index) throws Exception;
    }

    private static void runAtOnce(int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    start.await();
                    work.run(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
