package com.proposaldesk.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.support.HttpBasic;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.support.WebappSession;
import com.proposaldesk.web.DatabaseUnavailable;

/**
 * The database goes away while the application runs (it refuses connections and ends every session, as a server
 * restart or failover would) and comes back: requests in between are refused with 503 and a Chinese message, never a
 * stack trace; the application recovers without a restart; what was completed before is still completed, the
 * completion refused in between wrote nothing, and the job executor loses no job.
 */
class DatabaseOutageIT extends FaultTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageIT.class);
    private static final String CLERK = "outage-zhao";
    private static final String SIGN_FOR = HttpBasic.completion("signedOn", "2025-04-11", "objectionRequested", false);

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService callers = Executors.newFixedThreadPool(5);

    @Test
    void theApplicationRidesOutALostDatabase() throws Exception {
        user(CLERK, "office", null);
        HttpBasic clerk = as(CLERK);
        WebappSession tasklist = WebappSession.tasklist(baseUrl(), CLERK, PASSWORD);
        List<Proposal> signed = List.of(register("DB-SIGNED"), register("DB-SIGNED"));
        Proposal waiting = register("DB-WAITING");
        // their reminders, due seconds after the start, sent before anyone completes 签收
        List<SupervisedDeadline> first = deadlinesOf(List.of(signed.get(0), signed.get(1), waiting));
        await("the first reminders sent", Duration.ofSeconds(30), () -> first.stream().allMatch(d -> remindersRun(d) == 1)
                && management.createJobQuery().executable().count() == 0);
        for (Proposal proposal : signed) {
            HttpResponse<String> done = clerk.post("/engine-rest/task/" + signForTask(proposal) + "/complete", SIGN_FOR);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        }
        String waitingTask = signForTask(waiting);
        // reminders falling due just as the database goes away: their timers fire seconds after each start
        List<Proposal> fresh = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fresh.add(register("DB-FRESH"));
        }
        List<SupervisedDeadline> deadlines = deadlinesOf(fresh);

        long outage = System.nanoTime();
        PostgresTestDatabase.cutOff(databaseUrl);
        Map<String, HttpResponse<String>> during = new LinkedHashMap<>();
        try {
            Map<String, CompletableFuture<HttpResponse<String>>> calls = new LinkedHashMap<>();
            calls.put("our API", call(() -> clerk.get("/api/proposals")));
            calls.put("our API in a webapp session", call(() -> tasklist.get("/api/board")));
            calls.put("engine REST API", call(() -> clerk.post("/engine-rest/task/" + waitingTask + "/complete", SIGN_FOR)));
            calls.put("Tasklist", call(() -> tasklist.submitForm(waitingTask, SIGN_FOR)));
            calls.put("health", call(() -> clerk.get("/actuator/health")));
            for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> entry : calls.entrySet()) {
                during.put(entry.getKey(), entry.getValue().get());
            }
        } finally {
            PostgresTestDatabase.restore(databaseUrl);
        }
        double outageSeconds = (System.nanoTime() - outage) / 1e9;

        during.forEach((caller, response) -> {
            assertThat(response.statusCode()).as(caller + ": " + response.body()).isEqualTo(503);
            assertThat(response.body()).as(caller).doesNotContain("\tat ", "Exception:", "org.postgresql");
        });
        for (String caller : List.of("our API", "our API in a webapp session", "engine REST API", "Tasklist")) {
            JsonNode body = json.readTree(during.get(caller).body());
            assertThat(body.path("message").asText()).as(caller).isEqualTo(DatabaseUnavailable.MESSAGE);
        }
        assertThat(json.readTree(during.get("engine REST API").body()).path("type").asText()).isNotBlank();
        assertThat(json.readTree(during.get("Tasklist").body()).path("type").asText()).isNotBlank();
        assertThat(json.readTree(during.get("health").body()).path("status").asText()).isEqualTo("DOWN");

        // back without a restart
        long back = System.nanoTime();
        await("the application answering again", Duration.ofSeconds(60), () -> status(clerk, "/api/proposals") == 200);
        double recoverySeconds = (System.nanoTime() - back) / 1e9;
        assertThat(status(clerk, "/actuator/health")).isEqualTo(200);

        for (Proposal proposal : signed) {
            assertThat(signFors(proposal)).as(proposal.number()).isEqualTo(1);
            assertThat(openTasks(proposal, ProcessElements.TASK_ASSIGN)).as(proposal.number()).isEqualTo(1);
        }
        assertThat(signFors(waiting)).isZero();
        assertThat(openTasks(waiting, ProcessElements.TASK_SIGN_FOR)).isEqualTo(1);
        HttpResponse<String> completed = tasklist.submitForm(waitingTask, SIGN_FOR);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(signFors(waiting)).isEqualTo(1);
        assertThat(openTasks(waiting, ProcessElements.TASK_ASSIGN)).isEqualTo(1);

        // every reminder due around the outage goes out once: jobs cut off were left locked and are taken over when
        // their locks expire; one whose failure the engine recorded waits for its retry, which Cockpit can bring forward
        await("the reminders due around the outage run or scheduled for a retry", Duration.ofSeconds(60),
                () -> management.createJobQuery().executable().count() == 0);
        List<Job> retried = management.createJobQuery().withException().list();
        for (Job job : retried) {
            management.setJobDuedate(job.getId(), new Date());
        }
        await("the retries done", Duration.ofSeconds(60), () -> management.createJobQuery().executable().count() == 0);
        Date now = new Date();
        for (SupervisedDeadline deadline : deadlines) {
            assertThat(timerFired(deadline)).as("timer of %s fired once", deadline).isEqualTo(1);
            assertThat(remindersRun(deadline)).as("reminder of %s sent once", deadline).isEqualTo(1);
            assertThat(reminderJobs(deadline)).as("reminder job of %s left", deadline).isEmpty();
            assertThat(timers(deadline)).as("%s waits for its next escalation", deadline).singleElement()
                    .satisfies(timer -> assertThat(timer.getDuedate()).isAfter(now));
        }
        assertThat(management.createJobQuery().withException().count()).isZero();
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

        LOG.info("Database outage of {} s: every request refused with 503; answering again {} s after the database "
                + "came back; {} jobs of the {} reminders due around the cut-off were retried",
                Math.round(outageSeconds * 10) / 10.0, Math.round(recoverySeconds * 10) / 10.0, retried.size(), deadlines.size());
    }

    private interface HttpCall {
        HttpResponse<String> send() throws Exception;
    }

    /** Each call in a thread of its own: every one of them waits for a connection until the pool gives up. */
    private CompletableFuture<HttpResponse<String>> call(HttpCall call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.send();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private static int status(HttpBasic client, String path) {
        try {
            return client.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private int signFors(Proposal proposal) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_sign_for WHERE proposal_id = ?").param(proposal.id()).query(Integer.class).single();
    }

    private long openTasks(Proposal proposal, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(proposal.processInstanceId())
                .taskDefinitionKey(taskKey).count();
    }
}
