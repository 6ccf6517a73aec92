package com.proposaldesk.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.proposaldesk.support.OutboxMessages;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail server is down while reminders fall due, with the real job executor and the production model (the reminder
 * timers of {@code proposal-handling} and their {@code Task_Remind…} tasks, retry cycle {@code R5/PT10M}): each send
 * fails, is retried on the cycle (brought forward here instead of waiting ten minutes) and ends in an incident; once the
 * server is back, retrying the incidents as Cockpit does sends every mail once. A short outage is bridged by the
 * retries without an incident. {@code SendReminderDelegateTest} covers a single job run by hand.
 */
class SmtpOutageIT extends FaultTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpOutageIT.class);
    private static final String ADMIN = "smtp-admin";

    @BeforeEach
    void officeWithMailboxes() {
        user("smtp-office-a", "office", "office.a@bureau.example.cn");
        user("smtp-office-b", "office", "office.b@bureau.example.cn");
        user(ADMIN, "camunda-admin", null);
    }

    @Test
    void aLongOutageEndsInIncidentsAndRetryingThemSendsEveryMailOnce() throws Exception {
        smtp.stop();
        // of each proposal its 签收 task's reminder and its answer deadline's, each to both office clerks
        List<SupervisedDeadline> deadlines = deadlinesOf(List.of(register("SMTP-LONG"), register("SMTP-LONG"),
                register("SMTP-LONG"), register("SMTP-LONG"), register("SMTP-LONG")));
        int mails = 2 * deadlines.size();

        int attempts = 1;
        await("the first attempts failed", Duration.ofSeconds(60), () -> failedSendJobs(deadlines).size() == deadlines.size());
        for (Job job : failedSendJobs(deadlines)) {
            // the next attempt waits for the model's retry cycle, R5/PT10M
            assertThat(job.getDuedate().getTime() - System.currentTimeMillis()).isCloseTo(600_000L, within(60_000L));
        }
        while (failedSendJobs(deadlines).stream().anyMatch(job -> job.getRetries() > 0)) {
            assertThat(attempts).as("attempts before the retries run out").isLessThan(10);
            int retriesLeft = failedSendJobs(deadlines).get(0).getRetries();
            failedSendJobs(deadlines).forEach(job -> management.setJobDuedate(job.getId(), new Date()));
            await("attempt " + (attempts + 1) + " failed", Duration.ofSeconds(60),
                    () -> failedSendJobs(deadlines).stream().allMatch(job -> job.getRetries() == retriesLeft - 1));
            attempts++;
        }
        List<Job> failed = failedSendJobs(deadlines);
        assertThat(failed).hasSize(deadlines.size()).allSatisfy(job -> assertThat(job.getExceptionMessage()).contains("邮件发送失败"));
        assertThat(incidents(deadlines)).isEqualTo(deadlines.size());
        int tried = attempts;
        // each recipient has its row from the first attempt on, each failed as often as its reminder was tried
        assertThat(outbox(deadlines)).hasSize(mails).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(tried);
        });
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // the last attempt's job is due again only on the cycle: a retry without a due date would wait for it
        assertThat(failed).allSatisfy(job -> assertThat(job.getDuedate()).isAfter(new Date()));

        // the server is back; the administrator retries the incidents as Cockpit does: a batch setting each job's
        // retries, and its due date to now
        smtp.start();
        String now = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date());
        HttpResponse<String> retry = as(ADMIN).post("/engine-rest/job/retries", "{\"jobIds\": ["
                + failed.stream().map(job -> "\"" + job.getId() + "\"").collect(Collectors.joining(", "))
                + "], \"retries\": 1, \"dueDate\": \"" + now + "\"}");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);

        await("every mail sent", Duration.ofSeconds(90), () -> sent(deadlines) == mails);
        assertThat(incidents(deadlines)).isZero();
        assertThat(engine.getHistoryService().createHistoricIncidentQuery().resolved().list())
                .filteredOn(incident -> deadlines.stream().anyMatch(deadline -> deadline.processInstanceId()
                        .equals(incident.getProcessInstanceId()) && deadline.reminder().equals(incident.getActivityId())))
                .hasSize(deadlines.size());
        assertOnceEach(deadlines, mails);
        assertThat(outbox(deadlines)).extracting(row -> ((Number) row.get("attempts")).intValue()).containsOnly(attempts + 1);
        LOG.info("SMTP down: {} reminders failed {} times each and became incidents; after the retry {} mails arrived once each",
                deadlines.size(), attempts, mails);
    }

    @Test
    void aShortOutageIsBridgedByTheRetriesWithoutAnIncident() throws Exception {
        smtp.stop();
        List<SupervisedDeadline> deadlines = deadlinesOf(List.of(register("SMTP-SHORT"), register("SMTP-SHORT"),
                register("SMTP-SHORT")));
        int mails = 2 * deadlines.size();
        await("the first attempts failed", Duration.ofSeconds(60), () -> failedSendJobs(deadlines).size() == deadlines.size());

        smtp.start();
        failedSendJobs(deadlines).forEach(job -> management.setJobDuedate(job.getId(), new Date()));

        await("every mail sent", Duration.ofSeconds(60), () -> sent(deadlines) == mails);
        assertThat(incidents(deadlines)).isZero();
        assertOnceEach(deadlines, mails);
        assertThat(outbox(deadlines)).extracting(row -> ((Number) row.get("attempts")).intValue()).hasSize(mails).containsOnly(2);
    }

    /**
     * Every mail of the deadlines' proposals arrived exactly once, each recipient one per reminder; each deadline's
     * reminder job is done and its timer waits for the next escalation.
     */
    private void assertOnceEach(List<SupervisedDeadline> deadlines, int mails) throws MessagingException, InterruptedException {
        await("settled", Duration.ofSeconds(30), () -> management.createJobQuery().executable().count() == 0);
        List<Long> ids = outbox(deadlines).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        Map<Long, Integer> copies = new HashMap<>();
        Map<String, Integer> perRecipient = new HashMap<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Long> rowIds = OutboxMessages.rowIds(jdbc, received);
        for (MimeMessage message : received) {
            long outboxId = OutboxMessages.rowId(rowIds, message);
            if (ids.contains(outboxId)) {
                copies.merge(outboxId, 1, Integer::sum);
                perRecipient.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
        }
        assertThat(copies).hasSize(mails).allSatisfy((id, count) -> assertThat(count).as("copies of mail %s", id).isEqualTo(1));
        assertThat(perRecipient.values()).containsOnly(deadlines.size());
        assertThat(outbox(deadlines)).extracting(row -> row.get("status")).containsOnly("SENT");
        Date now = new Date();
        for (SupervisedDeadline deadline : deadlines) {
            assertThat(timers(deadline)).as("%s waits for its next escalation", deadline).singleElement()
                    .satisfies(timer -> assertThat(timer.getDuedate()).isAfter(now));
            assertThat(reminderJobs(deadline)).as("reminder job of %s left", deadline).isEmpty();
            assertThat(timerFired(deadline)).as("timer of %s fired once", deadline).isEqualTo(1);
        }
    }

    /** The deadlines' reminder jobs whose last attempt failed: waiting for a retry, or for an administrator. */
    private List<Job> failedSendJobs(List<SupervisedDeadline> deadlines) {
        List<Job> jobs = new ArrayList<>();
        for (SupervisedDeadline deadline : deadlines) {
            jobs.addAll(management.createJobQuery().processInstanceId(deadline.processInstanceId())
                    .activityId(deadline.reminder()).messages().withException().list());
        }
        return jobs;
    }

    private long incidents(List<SupervisedDeadline> deadlines) {
        return deadlines.stream().mapToLong(deadline -> engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(deadline.processInstanceId()).activityId(deadline.reminder()).incidentType("failedJob")
                .count()).sum();
    }

    private List<Map<String, Object>> outbox(List<SupervisedDeadline> deadlines) {
        List<String> numbers = deadlines.stream().map(deadline -> deadline.proposal().number()).distinct().toList();
        return jdbc.sql("SELECT id, status, attempts FROM pd_mail WHERE proposal_number IN (:numbers) ORDER BY id")
                .param("numbers", numbers).query().listOfRows();
    }

    private int sent(List<SupervisedDeadline> deadlines) {
        return (int) outbox(deadlines).stream().filter(row -> "SENT".equals(row.get("status"))).count();
    }
}
