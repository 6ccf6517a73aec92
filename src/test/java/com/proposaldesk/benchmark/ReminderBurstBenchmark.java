package com.proposaldesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.proposaldesk.deadline.DeadlineCase;
import com.proposaldesk.deadline.DeadlinePolicy;
import com.proposaldesk.deadline.ReminderSchedule;
import com.proposaldesk.member.Member;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.NewProposal;
import com.proposaldesk.proposal.ProposalProcesses;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.reminder.SmtpConnections;
import com.proposaldesk.support.PostgresTestDatabase;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Benchmark, not a test ({@code ./mvnw -Pbenchmark verify -Dtest=ReminderBurstBenchmark}): proposals on PostgreSQL
 * whose first reminder (the reminder timer on 签收) falls due at the same moment, sent by the job executor through a
 * real SMTP server, beside the same number of bare timer + no-op asynchronous jobs (the shape of a reminder without its
 * work) in the same run on the same database.
 * <p>
 * First a sweep over job executor thread counts ({@code -Dbenchmark.sweep=2,4,8,16}, {@code -Dbenchmark.sweepSize=2000}
 * each) with the peak of busy connections, the measurements behind the settings in {@code application.yaml}; then
 * the burst itself ({@code -Dbenchmark.reminders}, default 10,000) with those settings. Writes
 * {@code target/benchmarks/reminder-burst.json} and {@code .md}.
 * <p>
 * {@code -Dbenchmark.diagnose=true} prints the statements per reminder with their time in the driver and, on a server
 * that preloads {@code pg_stat_statements} ({@code shared_preload_libraries}), the job table when each burst starts and
 * the server's execution and planning time per statement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.com.proposaldesk=WARN",
                "logging.level.org.camunda.bpm.engine.jobexecutor=WARN"})
@ActiveProfiles("test")
@Import(SqlStatementCounter.class)
class ReminderBurstBenchmark {

    private static final int REMINDERS = Integer.getInteger("benchmark.reminders", 10_000);
    private static final int SWEEP_SIZE = Integer.getInteger("benchmark.sweepSize", 2_000);
    private static final int[] SWEEP = Arrays.stream(System.getProperty("benchmark.sweep", "2,4,8,16").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long TIME_LIMIT_NANOS = 900_000_000_000L;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    ProposalRepository proposals;
    @Autowired
    ProposalProcesses processes;
    @Autowired
    DeadlinePolicy policy;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JobExecutor jobExecutor;
    @Autowired
    @Qualifier("camundaTaskExecutor")
    ThreadPoolTaskExecutor jobThreads;
    @Autowired
    DataSource dataSource;
    @Autowired
    CamundaBpmProperties camunda;
    @Autowired
    SmtpConnections smtpConnections;

    private final AtomicInteger round = new AtomicInteger();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aBurstOfDueRemindersBesideBareJobs() {
        office();
        // the weekly digest would fall due too when the clock jumps; it is not part of the burst
        management.suspendJobDefinitionByProcessDefinitionKey("supervision-digest", true);
        repository.createDeployment().name("benchmark").addModelInstance(BareModels.REMINDER + ".bpmn", BareModels.reminder()).deploy();
        HikariDataSource pool = pool();
        int configuredCore = jobThreads.getCorePoolSize();
        int configuredMax = jobThreads.getMaxPoolSize();
        int configuredAcquisition = jobExecutor.getMaxJobsPerAcquisition();
        int configuredPool = pool.getMaximumPoolSize();
        BenchmarkReport report = new BenchmarkReport("reminder-burst", "Reminder burst: due reminders beside bare no-op jobs");

        // warm-up: classes, caches, connections
        configure(configuredCore, configuredMax, configuredAcquisition, configuredPool);
        bare(200);
        ours(200);
        cleanUp();

        pool.setMaximumPoolSize(Math.max(configuredPool, 2 * maxOf(SWEEP) + 8));
        for (int threads : SWEEP) {
            configure(threads, threads, Math.max(3, threads), pool.getMaximumPoolSize());
            Burst bare = bare(SWEEP_SIZE);
            Burst ours = ours(SWEEP_SIZE);
            report.rate(String.format(Locale.ROOT, "%,d reminders, %d job threads (peak %d busy connections)", SWEEP_SIZE, threads,
                    ours.peakConnections()), "reminders/s", ours.perSecond(), bare.perSecond(), null);
            cleanUp();
        }

        configure(configuredCore, configuredMax, configuredAcquisition, configuredPool);
        Burst bare = bare(REMINDERS);
        long connectionsBefore = smtpConnections.opened();
        Burst ours = ours(REMINDERS);
        long connectionsOpened = smtpConnections.opened() - connectionsBefore;
        report.rate(String.format(Locale.ROOT, "%,d reminders due at once, application settings", REMINDERS), "reminders/s",
                        ours.perSecond(), bare.perSecond(), 0.7)
                .time("time to clear the burst", "s", ours.seconds(), null)
                .time("time to clear the same number of bare no-op jobs", "s", bare.seconds(), null)
                .figure("e-mails received by the SMTP server in the burst (each Message-ID once)", "e-mails", ours.received())
                .figure("e-mails received more than once", "e-mails", ours.deliveries() - ours.received())
                .figure("SMTP connections opened for them", "connections", connectionsOpened)
                .cost("SQL statements per reminder in the burst", "statements", (double) ours.statements() / REMINDERS,
                        (double) bare.statements() / REMINDERS, null)
                .cost("processor time per reminder in the JVM (ours: with the SMTP server, which runs in it)", "ms",
                        ours.millisPerReminder(ours.jvmNanos()), bare.millisPerReminder(bare.jvmNanos()), null)
                .cost("processor time per reminder in the PostgreSQL server", "ms",
                        ours.millisPerReminder(ours.databaseNanos()), bare.millisPerReminder(bare.databaseNanos()), null)
                .figure("failed jobs (incidents) after the burst", "jobs", ours.failedJobs())
                .figure("peak busy database connections", "connections", ours.peakConnections())
                .setting("reminders", REMINDERS)
                .setting("sweepSize", SWEEP_SIZE)
                .setting("jobThreads", configuredCore + "-" + configuredMax)
                .setting("queueCapacity", camunda.getJobExecution().getQueueCapacity())
                .setting("maxJobsPerAcquisition", configuredAcquisition)
                .setting("connectionPool", configuredPool)
                .setting("database", jdbc.sql("SELECT version()").query(String.class).single())
                .note("Ours: N proposals registered today (proposal rows, then the proposal-handling process started as "
                        + "the registration service starts it) with the job executor stopped; then the clock moves to "
                        + "10:00 on the first reminder day of 签收 after today and the job executor starts. One reminder is "
                        + "one timer firing (Timer_SignForReminder, whose cycle is evaluated again and waits for the next "
                        + "reminder) and one asynchronous job (Task_RemindSignFor) that reads the open task and its "
                        + "candidates, and sends the e-mail through SMTP (GreenMail, in the same JVM) over a connection "
                        + "kept open between mails, recording it in the outbox with its outcome in one transaction. Bare: a "
                        + "timer falling due, then an "
                        + "asynchronous no-op service task, then a parked timer: the same two jobs per reminder without the "
                        + "work. The clock starts when the jobs are due and stops when every e-mail is recorded as sent and "
                        + "no job of the handling process is due (ours) or every instance is parked (bare). E-mails are "
                        + "counted by Message-ID at the SMTP server, so that a mail delivered twice would show. SQL "
                        + "statements: counted at the JDBC connection (each execution, and each statement of a batch) from "
                        + "the clock's move until the burst is cleared, the benchmark's own polling (two queries every "
                        + "100 ms) included. Processor time: used by this JVM, and by the PostgreSQL server's processes "
                        + "(read from /proc), from the clock's move until the burst is cleared. Before each burst, the "
                        + "bare instances of the round before are deleted (ours' burst would otherwise share the job table "
                        + "with them) and the database is vacuumed and analysed, as autovacuum would have done by then: "
                        + "the same starting state for both sides, also on a server that runs without autovacuum.")
                .write();
        if (Boolean.getBoolean("benchmark.diagnose")) {
            SqlStatementCounter.print("reminder burst, ours", ours.statementsByText(), REMINDERS);
            SqlStatementCounter.print("reminder burst, bare", bare.statementsByText(), REMINDERS);
            SqlStatementCounter.printTimes("reminder burst, ours", ours.nanosByText(), ours.statementsByText(), REMINDERS);
            SqlStatementCounter.printTimes("reminder burst, bare", bare.nanosByText(), bare.statementsByText(), REMINDERS);
        }
        assertThat(ours.received()).as("every reminder of the burst reached the SMTP server").isEqualTo(REMINDERS);
        assertThat(ours.deliveries()).as("no reminder reached the SMTP server twice").isEqualTo(ours.received());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE proposal_number LIKE 'R%'").query(Long.class).single())
                .as("one outbox record per reminder, none sent twice").isEqualTo(sentTotal());
        assertThat(ours.failedJobs()).isZero();
    }

    /** Stops the job executor, resizes its pool and acquisition, and starts it again. */
    private void configure(int core, int max, int perAcquisition, int connections) {
        jobExecutor.shutdown();
        if (max < jobThreads.getCorePoolSize()) {
            jobThreads.setCorePoolSize(core);
            jobThreads.setMaxPoolSize(max);
        } else {
            jobThreads.setMaxPoolSize(max);
            jobThreads.setCorePoolSize(core);
        }
        jobExecutor.setMaxJobsPerAcquisition(perAcquisition);
        pool().setMaximumPoolSize(connections);
        jobExecutor.start();
    }

    private Burst bare(int count) {
        ClockUtil.reset();
        Instant due = Instant.now().plusSeconds(86_400);
        String prefix = "bare-" + round.incrementAndGet() + "-";
        inBatches(count, i -> runtime.startProcessInstanceByKey(BareModels.REMINDER, prefix + i,
                Map.of("due", Date.from(due))));
        return burst(Date.from(due.plusSeconds(60)), count, () -> management.createJobQuery().processDefinitionKey(BareModels.REMINDER)
                .executable().count() == 0
                && runtime.createExecutionQuery().processDefinitionKey(BareModels.REMINDER).activityId(BareModels.REMINDER_PARKED)
                        .count() >= count, prefix);
    }

    /**
     * {@code count} proposals registered today as the registration service does (proposal rows, then the handling
     * process started with its routing variables), in transactions of 100 with the job executor stopped; then the clock
     * moves to the first reminder of 签收 after today, and the job executor is started: each proposal's
     * {@code Timer_SignForReminder} fires (one job), its cycle is evaluated again and waits for the next reminder, and
     * {@code Task_RemindSignFor} (one asynchronous job) mails the office.
     */
    private Burst ours(int count) {
        ClockUtil.reset();
        // the bare round's parked instances would stay in the job table that ours' acquisition reads
        deleteInstances(BareModels.REMINDER);
        String prefix = String.format(Locale.ROOT, "R%02d", round.incrementAndGet());
        LocalDate assigned = LocalDate.now(ZONE);
        DeadlineCase kind = new DeadlineCase(ProposalSource.CPPCC, ProposalRole.SOLE, false);
        // a task that starts after its first reminder day (签收 is due in 3 working days, the first reminder is 5
        // before) is reminded at once: without the job executor, those timers wait for the clock to move
        jobExecutor.shutdown();
        inBatches(count, i -> {
            NewProposal p = new NewProposal(String.format(Locale.ROOT, "%s%06d", prefix, i), ProposalSource.CPPCC, "基准测试会议",
                    "基准测试提案 " + i, new Member(null, "委员" + i, null, null, null, null), List.of(), List.of("建议"),
                    ProposalRole.SOLE, false, assigned, null, List.of());
            proposals.insert(p, policy.onAssignment(kind, assigned));
            proposals.linkProcess(p.number(), processes.start(proposals.get(p.number())));
        });
        LocalDate signForDue = proposals.get(prefix + "000000").signForDue();
        LocalDate reminderDay = new ReminderSchedule(policy, kind, signForDue).firstAfter(assigned).date();
        long timers = management.createJobQuery().processDefinitionKey(ProcessElements.HANDLING_PROCESS).timers()
                .activityId(ProcessElements.reminderTimerOf(ProcessElements.TASK_SIGN_FOR)).count();
        assertThat(timers).as("one reminder timer on each 签收 task").isGreaterThanOrEqualTo(count);
        Set<String> receivedBefore = messageIds();
        int messagesBefore = smtp.getReceivedMessages().length;
        Burst burst = burst(Date.from(ZonedDateTime.of(reminderDay.atTime(10, 0), ZONE).toInstant()), count,
                () -> sent(prefix) >= count && management.createJobQuery().processDefinitionKey(ProcessElements.HANDLING_PROCESS)
                        .executable().count() == 0, prefix, jobExecutor::start);
        Set<String> received = messageIds();
        received.removeAll(receivedBefore);
        return new Burst(burst.seconds(), count, received.size(), smtp.getReceivedMessages().length - messagesBefore,
                management.createJobQuery().withException().count(), burst.peakConnections(), burst.statements(),
                burst.statementsByText(), burst.nanosByText(), burst.jvmNanos(), burst.databaseNanos());
    }

    /** The Message-ID of every mail the SMTP server has received: a mail delivered twice is counted once. */
    private static Set<String> messageIds() {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                ids.add(message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private long sentTotal() {
        return jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE status = 'SENT' AND proposal_number LIKE 'R%'").query(Long.class).single();
    }

    private int sent(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE status = 'SENT' AND proposal_number LIKE ?").param(prefix + "%")
                .query(Integer.class).single();
    }

    private Burst burst(Date now, int count, BooleanSupplier cleared, String what) {
        return burst(now, count, cleared, what, () -> { });
    }

    /**
     * Moves the clock to {@code now}, runs {@code then} (starting the job executor, where it was stopped) and waits until
     * {@code cleared}, watching the busy connections.
     */
    private Burst burst(Date now, int count, BooleanSupplier cleared, String what, Runnable then) {
        HikariDataSource pool = pool();
        // as autovacuum would have by then (a server may run without it): no dead rows of earlier rounds for the job
        // acquisition to read through, and statistics for the planner
        jdbc.sql("VACUUM ANALYZE").update();
        boolean serverStatements = resetServerStatements();
        if (serverStatements) {
            printJobTable(what + ", when the clock moves", now);
        }
        Map<SqlStatementCounter.Kind, Long> statementsBefore = SqlStatementCounter.snapshot();
        Map<String, Long> textBefore = SqlStatementCounter.snapshotByText();
        Map<String, Long> nanosBefore = SqlStatementCounter.snapshotNanosByText();
        long jvmBefore = ProcessorTime.jvm();
        long databaseBefore = ProcessorTime.database();
        long start = System.nanoTime();
        ClockUtil.setCurrentTime(now);
        then.run();
        int peak = 0;
        while (!cleared.getAsBoolean()) {
            peak = Math.max(peak, pool.getHikariPoolMXBean().getActiveConnections());
            if (System.nanoTime() - start > TIME_LIMIT_NANOS) {
                throw new AssertionError(what + ": not cleared within 15 minutes");
            }
            sleep(100);
            peak = Math.max(peak, pool.getHikariPoolMXBean().getActiveConnections());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long jvm = ProcessorTime.jvm() - jvmBefore;
        long database = databaseBefore < 0 ? -1 : ProcessorTime.database() - databaseBefore;
        ClockUtil.reset();
        if (serverStatements) {
            printServerStatements(what, count);
        }
        Map<SqlStatementCounter.Kind, Long> statements = new EnumMap<>(SqlStatementCounter.Kind.class);
        SqlStatementCounter.addDifference(statements, statementsBefore, SqlStatementCounter.snapshot());
        Map<String, Long> byText = new HashMap<>();
        SqlStatementCounter.addTextDifference(byText, textBefore, SqlStatementCounter.snapshotByText());
        Map<String, Long> nanosByText = new HashMap<>();
        SqlStatementCounter.addTextDifference(nanosByText, nanosBefore, SqlStatementCounter.snapshotNanosByText());
        return new Burst(seconds, count, 0, 0, 0, peak, statements.values().stream().mapToLong(Long::longValue).sum(), byText,
                nanosByText, jvm, database);
    }

    /**
     * With {@code -Dbenchmark.diagnose=true} on a server that preloads {@code pg_stat_statements}: forgets its
     * statistics, so that those printed after the burst are the burst's.
     */
    private boolean resetServerStatements() {
        if (!Boolean.getBoolean("benchmark.diagnose")) {
            return false;
        }
        try {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
            return true;
        } catch (RuntimeException e) {
            System.out.println("pg_stat_statements not available: " + e.getMessage());
            return false;
        }
    }

    /** The statements that took the server's time in the burst, per reminder, with their planning time. */
    private void printServerStatements(String what, int count) {
        System.out.printf(Locale.ROOT, "%n== server time by statement, %s (per reminder: calls, exec ms, plan ms) ==%n", what);
        jdbc.sql("""
                SELECT calls, total_exec_time, total_plan_time, regexp_replace(query, '\\s+', ' ', 'g') AS query
                FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 30""")
                .query((rs, row) -> String.format(Locale.ROOT, "%8.3f %8.4f %8.4f  %s", rs.getLong(1) / (double) count,
                        rs.getDouble(2) / count, rs.getDouble(3) / count,
                        rs.getString(4).substring(0, Math.min(400, rs.getString(4).length()))))
                .list().forEach(System.out::println);
        jdbc.sql("SELECT SUM(calls), SUM(total_exec_time), SUM(total_plan_time) FROM pg_stat_statements")
                .query((rs, row) -> String.format(Locale.ROOT, "total %8.3f %8.4f %8.4f", rs.getLong(1) / (double) count,
                        rs.getDouble(2) / count, rs.getDouble(3) / count))
                .list().forEach(System.out::println);
    }

    /** What the job acquisition will look through: the job table's rows by job definition, due at {@code now} or not. */
    private void printJobTable(String when, Date now) {
        System.out.printf(Locale.ROOT, "%n== job table, %s ==%n", when);
        jdbc.sql("""
                SELECT COALESCE(D.ACT_ID_, '-') || ' ' || J.TYPE_ || ' due=' || (J.DUEDATE_ <= ?) AS what, COUNT(*) AS n
                FROM ACT_RU_JOB J LEFT JOIN ACT_RU_JOBDEF D ON D.ID_ = J.JOB_DEF_ID_ GROUP BY 1 ORDER BY 2 DESC""")
                .param(now)
                .query((rs, row) -> String.format(Locale.ROOT, "%8d  %s", rs.getLong(2), rs.getString(1)))
                .list().forEach(System.out::println);
        jdbc.sql("""
                SELECT n_live_tup, n_dead_tup, pg_relation_size('act_ru_job') / 8192, last_analyze, last_autoanalyze,
                       (SELECT reltuples FROM pg_class WHERE relname = 'act_ru_job')
                FROM pg_stat_user_tables WHERE relname = 'act_ru_job'""")
                .query((rs, row) -> "live " + rs.getLong(1) + ", dead " + rs.getLong(2) + ", pages " + rs.getLong(3)
                        + ", analyzed " + rs.getObject(4) + "/" + rs.getObject(5) + ", reltuples " + rs.getObject(6))
                .list().forEach(System.out::println);
    }

    /**
     * Ends the proposals' processes and the bare instances of the last round, so that the next round's clock does not
     * wake them and the job acquisition does not look through them.
     */
    private void cleanUp() {
        ClockUtil.reset();
        deleteInstances(ProcessElements.HANDLING_PROCESS);
        deleteInstances(BareModels.REMINDER);
    }

    private void deleteInstances(String processDefinitionKey) {
        List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(processDefinitionKey).list().stream()
                .map(ProcessInstance::getId).toList();
        if (!ids.isEmpty()) {
            runtime.deleteProcessInstances(ids, "基准测试清理", true, true);
        }
    }

    /** Creates in transactions of 100, as an import would, so that setting up is not one commit per reminder. */
    private void inBatches(int count, IntConsumer create) {
        for (int from = 0; from < count; from += 100) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + 100, count); i++) {
                    create.accept(i);
                }
            });
        }
    }

    private void office() {
        User clerk = identity.newUser("bench-office");
        clerk.setFirstName("提案办");
        clerk.setEmail("office@bench.example.cn");
        identity.saveUser(clerk);
        if (identity.createGroupQuery().groupId("office").count() == 0) {
            identity.saveGroup(identity.newGroup("office"));
        }
        identity.createMembership("bench-office", "office");
    }

    private HikariDataSource pool() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int maxOf(int[] values) {
        return Arrays.stream(values).max().orElse(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param received mails the SMTP server received in the burst, each Message-ID once
     * @param deliveries messages the SMTP server delivered, a mail received twice counted twice
     */
    private record Burst(double seconds, int count, int received, int deliveries, long failedJobs, int peakConnections,
            long statements, Map<String, Long> statementsByText, Map<String, Long> nanosByText, long jvmNanos,
            long databaseNanos) {
        double perSecond() {
            return count / seconds;
        }

        /** Milliseconds of processor time per reminder, or NaN where it was not measured. */
        double millisPerReminder(long nanos) {
            return nanos < 0 ? Double.NaN : nanos / 1e6 / count;
        }
    }
}
