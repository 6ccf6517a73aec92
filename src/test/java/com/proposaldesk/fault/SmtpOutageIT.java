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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail server is down while reminders fall due, with the real job executor and the production model
 * ({@code deadline-watch}, retry cycle {@code R5/PT10M}): each send fails, is retried on the cycle (brought forward
 * here instead of waiting ten minutes) and ends in an incident; once the server is back, retrying the incidents as
 * Cockpit does sends every mail once. A short outage is bridged by the retries without an incident.
 * {@code SendReminderDelegateTest} covers a single job run by hand.
 */
class SmtpOutageIT extends FaultTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpOutageIT.class);
    private static final Pattern OUTBOX_ID = Pattern.compile("^<pd-mail\\.(\\d+)\\.");
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
        List<ProcessInstance> watches = watchesOf(register("SMTP-LONG"), register("SMTP-LONG"), register("SMTP-LONG"),
                register("SMTP-LONG"), register("SMTP-LONG"));
        int mails = 2 * watches.size();

        int attempts = 1;
        await("the first attempts failed", Duration.ofSeconds(60), () -> failedSendJobs(watches).size() == watches.size());
        for (Job job : failedSendJobs(watches)) {
            // the next attempt waits for the model's retry cycle, R5/PT10M
            assertThat(job.getDuedate().getTime() - System.currentTimeMillis()).isCloseTo(600_000L, within(60_000L));
        }
        while (failedSendJobs(watches).stream().anyMatch(job -> job.getRetries() > 0)) {
            assertThat(attempts).as("attempts before the retries run out").isLessThan(10);
            int retriesLeft = failedSendJobs(watches).get(0).getRetries();
            failedSendJobs(watches).forEach(job -> management.setJobDuedate(job.getId(), new Date()));
            await("attempt " + (attempts + 1) + " failed", Duration.ofSeconds(60),
                    () -> failedSendJobs(watches).stream().allMatch(job -> job.getRetries() == retriesLeft - 1));
            attempts++;
        }
        List<Job> failed = failedSendJobs(watches);
        assertThat(failed).hasSize(watches.size()).allSatisfy(job -> assertThat(job.getExceptionMessage()).contains("邮件发送失败"));
        assertThat(incidents(watches)).isEqualTo(watches.size());
        int tried = attempts;
        assertThat(outbox(watches)).hasSize(watches.size()).allSatisfy(row -> {
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

        await("every mail sent", Duration.ofSeconds(90), () -> sent(watches) == mails);
        assertThat(incidents(watches)).isZero();
        assertThat(engine.getHistoryService().createHistoricIncidentQuery().resolved().list())
                .filteredOn(incident -> watchIds(watches).contains(incident.getProcessInstanceId())).hasSize(watches.size());
        assertOnceEach(watches, mails);
        List<Integer> attemptsPerRow = outbox(watches).stream().map(row -> ((Number) row.get("attempts")).intValue()).sorted().toList();
        assertThat(attemptsPerRow.subList(0, watches.size())).containsOnly(1);
        assertThat(attemptsPerRow.subList(watches.size(), mails)).containsOnly(attempts + 1);
        LOG.info("SMTP down: {} reminders failed {} times each and became incidents; after the retry {} mails arrived once each",
                watches.size(), attempts, mails);
    }

    @Test
    void aShortOutageIsBridgedByTheRetriesWithoutAnIncident() throws Exception {
        smtp.stop();
        List<ProcessInstance> watches = watchesOf(register("SMTP-SHORT"), register("SMTP-SHORT"), register("SMTP-SHORT"));
        int mails = 2 * watches.size();
        await("the first attempts failed", Duration.ofSeconds(60), () -> failedSendJobs(watches).size() == watches.size());

        smtp.start();
        failedSendJobs(watches).forEach(job -> management.setJobDuedate(job.getId(), new Date()));

        await("every mail sent", Duration.ofSeconds(60), () -> sent(watches) == mails);
        assertThat(incidents(watches)).isZero();
        assertOnceEach(watches, mails);
        assertThat(outbox(watches)).extracting(row -> ((Number) row.get("attempts")).intValue())
                .containsOnly(1, 2).filteredOn(n -> n == 2).hasSize(watches.size());
    }

    /** Every mail of the watches' proposals arrived exactly once, each recipient one per reminder. */
    private void assertOnceEach(List<ProcessInstance> watches, int mails) throws MessagingException, InterruptedException {
        await("settled", Duration.ofSeconds(30), () -> management.createJobQuery().executable().count() == 0);
        List<Long> ids = outbox(watches).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        Map<Long, Integer> copies = new HashMap<>();
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Matcher id = OUTBOX_ID.matcher(message.getMessageID());
            assertThat(id.find()).isTrue();
            long outboxId = Long.parseLong(id.group(1));
            if (ids.contains(outboxId)) {
                copies.merge(outboxId, 1, Integer::sum);
                perRecipient.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
        }
        assertThat(copies).hasSize(mails).allSatisfy((id, count) -> assertThat(count).as("copies of mail %s", id).isEqualTo(1));
        assertThat(perRecipient.values()).containsOnly(watches.size());
        assertThat(outbox(watches)).extracting(row -> row.get("status")).containsOnly("SENT");
        for (ProcessInstance watch : watches) {
            assertThat(management.createJobQuery().processInstanceId(watch.getId()).timers().count()).isEqualTo(1);
            assertThat(management.createJobQuery().processInstanceId(watch.getId()).messages().count()).isZero();
        }
    }

    /** The deadline watches of the proposals: of each its 签收 task's and its answer deadline's. */
    private List<ProcessInstance> watchesOf(Proposal... proposals) {
        List<ProcessInstance> watches = new ArrayList<>();
        for (Proposal proposal : proposals) {
            watches.addAll(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deadline-watch")
                    .variableValueEquals(ProcessVariables.PROPOSAL_NUMBER, proposal.number()).list());
        }
        assertThat(watches).hasSize(2 * proposals.length);
        return watches;
    }

    private List<String> watchIds(List<ProcessInstance> watches) {
        return watches.stream().map(ProcessInstance::getId).toList();
    }

    private List<Job> failedSendJobs(List<ProcessInstance> watches) {
        List<Job> jobs = new ArrayList<>();
        for (ProcessInstance watch : watches) {
            jobs.addAll(management.createJobQuery().processInstanceId(watch.getId()).messages().withException().list());
        }
        return jobs;
    }

    private long incidents(List<ProcessInstance> watches) {
        return watches.stream().mapToLong(watch -> engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(watch.getId()).incidentType("failedJob").count()).sum();
    }

    private List<Map<String, Object>> outbox(List<ProcessInstance> watches) {
        List<String> numbers = watches.stream().map(watch -> (String) engine.getRuntimeService()
                .getVariable(watch.getId(), ProcessVariables.PROPOSAL_NUMBER)).distinct().toList();
        return jdbc.sql("SELECT id, status, attempts FROM pd_mail WHERE proposal_number IN (:numbers) ORDER BY id")
                .param("numbers", numbers).query().listOfRows();
    }

    private int sent(List<ProcessInstance> watches) {
        return (int) outbox(watches).stream().filter(row -> "SENT".equals(row.get("status"))).count();
    }
}
