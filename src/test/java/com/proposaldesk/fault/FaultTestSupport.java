package com.proposaldesk.fault;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.HttpBasic;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.support.TestProposals;

/**
 * One application context for the fault tests: the whole application on a PostgreSQL database of its own, with the job
 * executor running (short lock time and idle waits, so that jobs are taken over and picked up within seconds) and a
 * real SMTP server, fresh and empty for each test, that tests stop and start. A request waits at most 5 s for a
 * database connection, so that an outage is answered quickly.
 * <p>
 * Only {@link SmtpOutageIT} gives its users e-mail addresses: reminders of the other tests' proposals find nobody to
 * mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.lock-time-in-millis=10000",
    "camunda.bpm.job-execution.wait-time-in-millis=300",
    "camunda.bpm.job-execution.max-wait=1000",
    "spring.datasource.hikari.connection-timeout=5000",
})
@ActiveProfiles("test")
abstract class FaultTestSupport {

    protected static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    protected static final String PASSWORD = "Fault-test-2023";

    /** The database of this context, for the outage to take away. */
    protected static String databaseUrl;

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        databaseUrl = PostgresTestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected IdentityService identity;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ProposalRegistrationService registration;

    @BeforeEach
    void thisEngine() {
        // the REST authentication and the error mappers find the engine in a JVM-wide registry
        ProcessEngines.registerProcessEngine(engine);
    }

    /**
     * Leaves no due job to the next test: it would run while that test stops the mail server or the database. The
     * reminder timer of an overdue task the test just reached falls due seconds later: it is waited for too.
     */
    @AfterEach
    void settleJobs() throws InterruptedException {
        await("the jobs of the test done", Duration.ofSeconds(60),
                () -> management.createJobQuery().executable().count() == 0 && management.createJobQuery().timers()
                        .withRetriesLeft().duedateLowerThan(new Date(System.currentTimeMillis() + 10_000)).count() == 0);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected HttpBasic as(String user) {
        return new HttpBasic(baseUrl(), user, PASSWORD);
    }

    /** A user in the group (both created when missing), with the e-mail address if not null. */
    protected void user(String id, String group, String email) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("测试");
            user.setEmail(email);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    /** A proposal assigned on {@value TestProposals#ASSIGNED_ON}, waiting at 签收; its deadlines have long passed. */
    protected Proposal register(String prefix) {
        return registration.register(TestProposals.request(TestProposals.newNumber(prefix), ProposalRole.SOLE));
    }

    protected String signForTask(Proposal proposal) {
        return engine.getTaskService().createTaskQuery().processInstanceId(proposal.processInstanceId())
                .taskDefinitionKey(ProcessElements.TASK_SIGN_FOR).singleResult().getId();
    }

    /**
     * A deadline supervised in a proposal's handling process: the timer that falls due for each reminder (and then
     * waits for the next one) and the {@code sendReminder} task it starts, whose asynchronous job sends the mail.
     */
    protected record SupervisedDeadline(Proposal proposal, String timer, String reminder) {

        String processInstanceId() {
            return proposal.processInstanceId();
        }

        @Override
        public String toString() {
            return proposal.number() + " " + reminder;
        }
    }

    /**
     * The deadlines of proposals waiting at 签收, two each: the 签收 task's and the answer deadline. Both have long
     * passed, so each timer falls due seconds after the process started and sends the latest escalation.
     */
    protected static List<SupervisedDeadline> deadlinesOf(List<Proposal> proposals) {
        return proposals.stream().flatMap(proposal -> List.of(
                new SupervisedDeadline(proposal, ProcessElements.reminderTimerOf(ProcessElements.TASK_SIGN_FOR),
                        ProcessElements.reminderOf(ProcessElements.TASK_SIGN_FOR)),
                new SupervisedDeadline(proposal, ProcessElements.ANSWER_REMINDER_TIMER, ProcessElements.ANSWER_REMINDER))
                .stream()).toList();
    }

    /** How often the deadline's reminder job ran to its end (sent, or found nobody to mail). */
    protected long remindersRun(SupervisedDeadline deadline) {
        return engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(deadline.processInstanceId())
                .activityIdIn(deadline.reminder()).successLog().count();
    }

    /** How often the deadline's timer fired. */
    protected long timerFired(SupervisedDeadline deadline) {
        return engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(deadline.processInstanceId())
                .activityIdIn(deadline.timer()).successLog().count();
    }

    /** The deadline's timer jobs: one while the deadline is supervised, waiting for the next reminder. */
    protected List<Job> timers(SupervisedDeadline deadline) {
        return management.createJobQuery().processInstanceId(deadline.processInstanceId()).activityId(deadline.timer())
                .timers().list();
    }

    /** The deadline's reminder jobs not done yet: a reminder being sent, or waiting for its retry. */
    protected List<Job> reminderJobs(SupervisedDeadline deadline) {
        return management.createJobQuery().processInstanceId(deadline.processInstanceId()).activityId(deadline.reminder())
                .messages().list();
    }

    protected static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }
}
