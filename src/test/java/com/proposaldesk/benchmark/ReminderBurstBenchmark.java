package com.proposaldesk.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.proposaldesk.deadline.DeadlineCase;
import com.proposaldesk.deadline.DeadlinePolicy;
import com.proposaldesk.deadline.DeadlineWatches;
import com.proposaldesk.member.Member;
import com.proposaldesk.proposal.NewProposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.support.PostgresTestDatabase;

/**
 * Benchmark, not a test (run with {@code ./mvnw -Pbenchmark verify}): N answer-deadline watches on
 * PostgreSQL whose first reminder falls due at the same moment, sent by the job executor through a real
 * SMTP server. Measures the time until every reminder is recorded as sent and writes
 * {@code target/benchmarks/reminder-burst.json} and {@code .md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.core-pool-size=4",
                "camunda.bpm.job-execution.max-pool-size=8", "logging.level.com.proposaldesk=WARN"})
@ActiveProfiles("test")
class ReminderBurstBenchmark {

    private static final int REMINDERS = Integer.getInteger("benchmark.reminders", 1000);
    private static final int SMTP_PORT = freePort();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
    DeadlinePolicy policy;
    @Autowired
    DeadlineWatches watches;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aBurstOfDueRemindersGoesOut() throws Exception {
        User clerk = identity.newUser("bench-office");
        clerk.setFirstName("提案办");
        clerk.setEmail("office@bench.example.cn");
        identity.saveUser(clerk);
        if (identity.createGroupQuery().groupId("office").count() == 0) {
            identity.saveGroup(identity.newGroup("office"));
        }
        identity.createMembership("bench-office", "office");

        LocalDate assigned = LocalDate.of(2026, 9, 21);
        long setupStart = System.nanoTime();
        for (int i = 0; i < REMINDERS; i++) {
            NewProposal p = new NewProposal(String.format(Locale.ROOT, "B%06d", i), ProposalSource.CPPCC, "基准测试会议", "基准测试提案 " + i,
                    new Member(null, "委员" + i, null, null, null, null), List.of(), List.of("建议"), ProposalRole.SOLE, false,
                    assigned, null, List.of());
            proposals.insert(p, policy.onAssignment(new DeadlineCase(ProposalSource.CPPCC, ProposalRole.SOLE, false), assigned));
            watches.watchAnswer(proposals.get(p.number()));
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        LocalDate answerDue = proposals.get("B000000").answerDue();
        LocalDate firstReminder = policy.reminderDates(new DeadlineCase(ProposalSource.CPPCC, ProposalRole.SOLE, false), answerDue).get(0);

        long start = System.nanoTime();
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(firstReminder.atTime(10, 0), ZONE).toInstant()));
        int sent = 0;
        long deadline = start + 600_000_000_000L;
        while (sent < REMINDERS && System.nanoTime() < deadline) {
            Thread.sleep(200);
            sent = jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE status = 'SENT'").query(Integer.class).single();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int received = smtp.getReceivedMessages().length;
        long incidents = management.createJobQuery().withException().count();

        Path folder = Path.of("target", "benchmarks");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("reminder-burst.json"), String.format(Locale.ROOT,
                "{\"reminders\": %d, \"sent\": %d, \"received\": %d, \"failedJobs\": %d, \"seconds\": %.2f, \"perSecond\": %.1f, "
                        + "\"setupSeconds\": %.2f, \"database\": \"PostgreSQL\"}%n",
                REMINDERS, sent, received, incidents, seconds, sent / seconds, setupSeconds));
        Files.writeString(folder.resolve("reminder-burst.md"), String.format(Locale.ROOT,
                "| reminders due at once | sent | received by SMTP | failed jobs | time to clear (s) | reminders/s |%n"
                        + "|---|---|---|---|---|---|%n| %d | %d | %d | %d | %.1f | %.1f |%n",
                REMINDERS, sent, received, incidents, seconds, sent / seconds));
        if (sent < REMINDERS) {
            throw new AssertionError("only " + sent + " of " + REMINDERS + " reminders went out within 10 minutes");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
