package com.proposaldesk.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.support.HttpBasic;
import com.proposaldesk.support.WebappSession;
import com.proposaldesk.web.TaskConflictMapper;

/**
 * Two clerks of the office complete the same 签收 task at the same moment, over real HTTP: one wins, the other gets 409
 * and a Chinese message in the engine's error format, through {@code /engine-rest} and through Tasklist's own REST API,
 * and the task is signed for once, by the winner.
 */
class ConcurrentCompletionIT extends FaultTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentCompletionIT.class);
    private static final String WANG = "race-wang";
    private static final String LI = "race-li";
    private static final String SIGN_FOR = HttpBasic.completion("signedOn", "2025-04-11", "objectionRequested", false);

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService clients = Executors.newFixedThreadPool(2);
    private final Map<String, Integer> loserTypes = new TreeMap<>();

    @BeforeEach
    void twoClerks() {
        user(WANG, "office", null);
        user(LI, "office", null);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void overTheRestApiOneWinsAndTheOtherIsToldInChinese() throws Exception {
        HttpBasic wang = as(WANG);
        HttpBasic li = as(LI);
        for (int round = 0; round < 8; round++) {
            Proposal proposal = register("RACE");
            String task = signForTask(proposal);
            String path = "/engine-rest/task/" + task + "/complete";
            race(proposal, () -> wang.post(path, SIGN_FOR), () -> li.post(path, SIGN_FOR));
        }
        LOG.info("The losers of 8 races over /engine-rest failed with {}", loserTypes);
    }

    @Test
    void inTasklistOneWinsAndTheOtherIsToldInChinese() throws Exception {
        WebappSession wang = WebappSession.tasklist(baseUrl(), WANG, PASSWORD);
        WebappSession li = WebappSession.tasklist(baseUrl(), LI, PASSWORD);
        for (int round = 0; round < 4; round++) {
            Proposal proposal = register("RACE-TL");
            String task = signForTask(proposal);
            race(proposal, () -> wang.submitForm(task, SIGN_FOR), () -> li.submitForm(task, SIGN_FOR));
        }
        LOG.info("The losers of 4 races in Tasklist failed with {}", loserTypes);
    }

    @Test
    void completingATaskSomeoneElseHasDoneIsAConflictToo() throws Exception {
        Proposal proposal = register("LATE");
        awaitRemindersSent(proposal);
        String path = "/engine-rest/task/" + signForTask(proposal) + "/complete";
        assertThat(as(WANG).post(path, SIGN_FOR).statusCode()).isEqualTo(204);

        HttpResponse<String> late = as(LI).post(path, SIGN_FOR);

        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        JsonNode body = json.readTree(late.body());
        assertThat(body.path("message").asText()).isEqualTo(TaskConflictMapper.DONE_BY_SOMEONE_ELSE);
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(signedBy(proposal)).containsExactly(WANG);
    }

    @Test
    void aRejectedFormIsStillTheUsersMistakeInTasklistTooAndOtherErrorsStayTheEngines() throws Exception {
        Proposal proposal = register("NODATE");
        String task = signForTask(proposal);

        String withoutDate = HttpBasic.completion("objectionRequested", false);
        HttpResponse<String> rejected = as(WANG).post("/engine-rest/task/" + task + "/complete", withoutDate);
        HttpResponse<String> rejectedInTasklist = WebappSession.tasklist(baseUrl(), LI, PASSWORD).submitForm(task, withoutDate);
        HttpResponse<String> unknownInstance = as(WANG).call("DELETE", "/engine-rest/process-instance/no-such-instance", null);

        for (HttpResponse<String> refusal : List.of(rejected, rejectedInTasklist)) {
            assertThat(refusal.statusCode()).as(refusal.body()).isEqualTo(400);
            assertThat(json.readTree(refusal.body()).path("message").asText()).contains("签收日期不能为空");
        }
        assertThat(unknownInstance.statusCode()).as(unknownInstance.body()).isEqualTo(404);
    }

    /** Both completions start together; exactly one succeeds, and the task is signed for once, by its winner. */
    private void race(Proposal proposal, Callable<HttpResponse<String>> wang, Callable<HttpResponse<String>> li) throws Exception {
        // the proposal's overdue reminders go out seconds after its start; a completion in the same instant would race
        // them as well
        awaitRemindersSent(proposal);
        CyclicBarrier start = new CyclicBarrier(2);
        Future<HttpResponse<String>> first = clients.submit(() -> {
            start.await();
            return wang.call();
        });
        Future<HttpResponse<String>> second = clients.submit(() -> {
            start.await();
            return li.call();
        });
        List<HttpResponse<String>> answers = List.of(first.get(), second.get());
        List<Integer> statuses = new ArrayList<>(answers.stream().map(HttpResponse::statusCode).toList());
        assertThat(statuses).as(answers.stream().map(HttpResponse::body).toList().toString()).containsExactlyInAnyOrder(204, 409);

        HttpResponse<String> loser = answers.get(statuses.indexOf(409));
        JsonNode body = json.readTree(loser.body());
        assertThat(body.path("message").asText()).isEqualTo(TaskConflictMapper.DONE_BY_SOMEONE_ELSE);
        assertThat(loser.body()).doesNotContain("Exception:", "\tat ");
        loserTypes.merge(body.path("type").asText(), 1, Integer::sum);

        String winner = statuses.get(0) == 204 ? WANG : LI;
        assertThat(signedBy(proposal)).containsExactly(winner);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(proposal.processInstanceId())
                .taskDefinitionKey(ProcessElements.TASK_ASSIGN).count()).isEqualTo(1);
    }

    /** Waits until the timers of the new proposal have fired and its reminder jobs have run. */
    private void awaitRemindersSent(Proposal proposal) throws InterruptedException {
        List<SupervisedDeadline> deadlines = deadlinesOf(List.of(proposal));
        await("the reminders of the new proposal sent", Duration.ofSeconds(30),
                () -> deadlines.stream().allMatch(deadline -> remindersRun(deadline) == 1)
                        && management.createJobQuery().executable().count() == 0);
    }

    private List<String> signedBy(Proposal proposal) {
        return jdbc.sql("SELECT signed_by FROM pd_sign_for WHERE proposal_id = ?").param(proposal.id()).query(String.class).list();
    }
}
