package com.proposaldesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.util.TestSocketUtils;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.support.AppNode;
import com.proposaldesk.support.HttpBasic;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.web.TaskConflictMapper;
import com.proposaldesk.support.OutboxMessages;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Camunda's homogeneous cluster: two nodes of the application, each a JVM of its own started from the repackaged jar,
 * on one PostgreSQL database, both running the job executor with the same settings and a short job lock time (15 s).
 * <p>
 * An assignment list of 1,000 proposals assigned in 2023 is imported through one node: each has two reminders due at
 * once (its 签收 task's and its answer deadline's escalation: the two reminder timers of its handling process fall due
 * seconds after it starts, and each starts a reminder task whose job sends the mail), 2,000 in all, mailed to the
 * office clerk through a real SMTP server in this JVM. Both nodes send; one is killed with SIGKILL in the middle of the
 * burst; the other takes over the jobs the dead node had locked once their locks expire. Then a node is killed while
 * task completions are in flight, and each task must be either completed with everything that goes with it or
 * untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(TwoNodeClusterIT.class);

    private static final int PROPOSALS = 1000;
    /** Each imported proposal has its 签收 task's reminder and its answer deadline's reminder due. */
    private static final int REMINDERS = 2 * PROPOSALS;
    /** The timers of those reminders, and the reminder tasks they lead to. */
    private static final List<String> REMINDER_TIMERS = List.of(
            ProcessElements.reminderTimerOf(ProcessElements.TASK_SIGN_FOR), ProcessElements.ANSWER_REMINDER_TIMER);
    private static final List<String> REMINDER_TASKS = List.of(
            ProcessElements.reminderOf(ProcessElements.TASK_SIGN_FOR), ProcessElements.ANSWER_REMINDER);
    private static final Duration LOCK_TIME = Duration.ofSeconds(15);
    private static final int JOB_THREADS = 8;
    /**
     * Every node the same: a short lock time, and an idle node looks for jobs at least every 5 s (instead of backing off
     * to 60 s), so that it joins a burst that another node's import started. The shared PostgreSQL serves other tests
     * too: each node opens connections as it needs them, at most 20.
     */
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "camunda.bpm.job-execution.lock-time-in-millis", Long.toString(LOCK_TIME.toMillis()),
            "camunda.bpm.job-execution.max-pool-size", Integer.toString(JOB_THREADS),
            "camunda.bpm.job-execution.max-wait", "5000",
            "spring.datasource.hikari.maximum-pool-size", "20",
            "spring.datasource.hikari.minimum-idle", "2");

    private static final String OFFICE = "office-wang";
    private static final String OFFICE_PASSWORD = "Ti-An-Ban-2023!";
    private static final String OFFICE_MAIL = "wang@bureau.example.cn";
    /** The engine's message when a job's transaction lost against another one that changed the same execution. */
    private static final String CONCURRENT_UPDATE = "%was updated by another transaction concurrently%";
    /** The engine's other word for the same race: an execution re-parented by another transaction while a job ran. */
    private static final String CONCURRENT_REPARENT = "%ENGINE-03077%perhaps it was deleted in the meantime%";

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private final ObjectMapper json = new ObjectMapper();
    private final List<AppNode> nodes = new ArrayList<>();
    private String database;
    private SingleConnectionDataSource connection;
    private JdbcClient db;

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        database = PostgresTestDatabase.newDatabase();
        connection = new SingleConnectionDataSource(database, PostgresTestDatabase.user(), "", true);
        db = JdbcClient.create(connection);
        // the first node alone creates the schema; the second starts once it is there
        AppNode first = start("node-a").awaitHealthy(Duration.ofMinutes(3));
        AppNode second = start("node-b");
        office(first);
        second.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(AppNode::close);
        if (connection != null) {
            connection.destroy();
        }
    }

    @Test
    @Order(1)
    void everyReminderIsMailedOnceWhileANodeDiesInTheBurst() throws Exception {
        AppNode a = nodes.get(0);
        AppNode b = nodes.get(1);
        long start = System.nanoTime();
        HttpResponse<String> imported = a.as(OFFICE, OFFICE_PASSWORD).upload("/api/proposals/import", "交办清单.csv", assignmentList());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        double importSeconds = seconds(start);

        long burst = System.nanoTime();
        await("a third of the reminders sent by both nodes", Duration.ofMinutes(3),
                () -> sent() >= REMINDERS / 3 && sentBy(a) > 0 && sentBy(b) > 0);
        int sentBeforeKill = sent();
        long sentByABeforeKill = sentBy(a);
        a.kill();
        long killed = System.nanoTime();
        // what node A left behind: its jobs still locked; the mails it had recorded as sent (a mail it was sending has no
        // record: its row is inserted with the outcome, in one transaction)
        List<LockedJob> lockedAtKill = db.sql("SELECT id_ AS id, lock_exp_time_ AS lockExpires FROM act_ru_job WHERE lock_owner_ IS NOT NULL")
                .query(LockedJob.class).list();
        Set<Long> sentAtKill = new HashSet<>(db.sql("SELECT id FROM pd_mail WHERE status = 'SENT'").query(Long.class).list());

        Set<String> broughtForward = new HashSet<>();
        await("every reminder sent", Duration.ofMinutes(3), () -> {
            broughtForward.addAll(retryNowWhatAConcurrentUpdateFailed(b));
            return sent() == REMINDERS && dueJobs() == 0;
        });
        double burstSeconds = seconds(burst);
        double afterKillSeconds = seconds(killed);

        // the outbox: one row per reminder and recipient, every one sent
        assertThat(db.sql("SELECT COUNT(*) FROM pd_mail").query(Integer.class).single()).isEqualTo(REMINDERS);
        assertThat(db.sql("SELECT DISTINCT recipient FROM pd_mail").query(String.class).list()).containsExactly(OFFICE_MAIL);
        assertThat(db.sql("SELECT COUNT(*) FROM pd_mail WHERE status <> 'SENT'").query(Integer.class).single()).isZero();

        // the SMTP server: every outbox row arrived; a second copy only of a mail node A was sending when it died
        Map<Long, Integer> copies = receivedCopiesByOutboxId();
        Set<Long> rows = new HashSet<>(db.sql("SELECT id FROM pd_mail").query(Long.class).list());
        assertThat(copies.keySet()).isEqualTo(rows);
        Set<Long> twice = new HashSet<>();
        copies.forEach((id, count) -> {
            if (count > 1) {
                twice.add(id);
            }
        });
        assertThat(copies.values()).allMatch(count -> count <= 2);
        assertThat(twice).doesNotContainAnyElementsOf(sentAtKill);
        assertThat(twice.size()).isLessThanOrEqualTo(JOB_THREADS);

        // the jobs: none left to do, none failed; every reminder timer fired once, every reminder task ran once, and
        // each timer waits for its next escalation
        assertThat(db.sql("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL OR retries_ < 3").query(Integer.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM act_ru_incident").query(Integer.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL").query(Integer.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1 AND job_exception_msg_ NOT LIKE :concurrent"
                + " AND job_exception_msg_ NOT LIKE :reparented")
                .param("concurrent", CONCURRENT_UPDATE).param("reparented", CONCURRENT_REPARENT).query(Integer.class).single())
                .as("jobs failed for another reason").isZero();
        assertThat(db.sql("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                WHERE j.process_def_key_ = :process AND j.type_ = 'timer' AND d.act_id_ IN (:timers) AND j.duedate_ > now()""")
                .param("process", ProcessElements.HANDLING_PROCESS).param("timers", REMINDER_TIMERS).query(Integer.class).single())
                .isEqualTo(REMINDERS);
        assertThat(jobsDone(REMINDER_TIMERS)).as("reminder timers fired").isEqualTo(REMINDERS);
        assertThat(jobsDone(REMINDER_TASKS)).as("reminder tasks run").isEqualTo(REMINDERS);

        // node B took over what node A had locked, once the locks had expired
        List<String> lockedIds = lockedAtKill.stream().map(LockedJob::id).toList();
        assertThat(lockedIds).isNotEmpty();
        int takenOver = 0;
        for (LockedJob job : lockedAtKill) {
            List<JobRun> runs = db.sql("SELECT hostname_ AS host, timestamp_ AS at FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2")
                    .param(job.id()).query(JobRun.class).list();
            assertThat(runs).as("job %s locked at the kill was done", job.id()).isNotEmpty();
            if (runs.stream().anyMatch(run -> run.host().equals(b.name()) && !run.at().before(job.lockExpires()))) {
                takenOver++;
            }
        }
        assertThat(takenOver).as("jobs of node A that node B ran after their locks expired").isPositive();

        LOG.info("Cluster burst: import of {} proposals {} s; {} reminders in {} s ({} /s); node A sent {} before it was "
                + "killed at {} sent; node B finished {} s after the kill; {} jobs locked at the kill, {} taken over "
                + "after lock expiry; {} mails arrived twice (sent by the dead node, not yet recorded); {} reminder jobs "
                + "failed on a concurrent update of their process instance and were retried at once",
                PROPOSALS, round(importSeconds), REMINDERS, round(burstSeconds), round(REMINDERS / burstSeconds),
                sentByABeforeKill, sentBeforeKill, round(afterKillSeconds), lockedIds.size(), takenOver,
                twice.size(), broughtForward.size());
    }

    @Test
    @Order(2)
    void aNodeKilledDuringTaskCompletionsLeavesEachTaskDoneOrUntouched() throws Exception {
        AppNode node = alive();
        List<SignFor> tasks = db.sql("""
                SELECT t.id_ AS taskId, e.business_key_ AS number, t.proc_inst_id_ AS processInstanceId
                FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE t.task_def_key_ = ? ORDER BY e.business_key_ LIMIT 150""")
                .param(ProcessElements.TASK_SIGN_FOR).query(SignFor.class).list();
        assertThat(tasks).hasSize(150);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        HttpBasic office = node.as(OFFICE, OFFICE_PASSWORD);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = completeAll(office, tasks, today, acknowledged, answered);
        await("a third of the completions answered", Duration.ofMinutes(2), () -> answered.get() >= tasks.size() / 3);
        node.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        List<SignFor> done = new ArrayList<>();
        List<SignFor> open = new ArrayList<>();
        for (SignFor task : tasks) {
            (isOpen(task) ? open : done).add(task);
        }
        done.forEach(task -> assertCompletedOnce(task, today));
        open.forEach(this::assertUntouched);
        assertThat(done).extracting(SignFor::taskId).containsAll(acknowledged);
        assertThat(open).as("completions that never started or were cut off").isNotEmpty();
        int committedUnacknowledged = done.size() - acknowledged.size();

        // a new node finds every open task as it was: completing it works, completing a done one is a clear conflict
        HttpBasic restarted = start("node-c").awaitHealthy(Duration.ofMinutes(2)).as(OFFICE, OFFICE_PASSWORD);
        Set<String> completedLater = ConcurrentHashMap.newKeySet();
        ExecutorService later = completeAll(restarted, open, today, completedLater, new AtomicInteger());
        later.shutdown();
        assertThat(later.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(completedLater).hasSize(open.size());
        open.forEach(task -> assertCompletedOnce(task, today));
        HttpResponse<String> again = restarted.post("/engine-rest/task/" + done.get(0).taskId() + "/complete",
                completion(done.get(0), today));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json.readTree(again.body()).path("message").asText()).isEqualTo(TaskConflictMapper.DONE_BY_SOMEONE_ELSE);

        LOG.info("Completions cut by SIGKILL: {} of {} done ({} acknowledged, {} committed without an answer), {} open and "
                + "untouched, then completed on a new node", done.size(), tasks.size(), acknowledged.size(),
                committedUnacknowledged, open.size());
    }

    /** Completes the 签收 tasks from 8 threads, as 8 clerks would, until the node stops answering. */
    private static ExecutorService completeAll(HttpBasic office, List<SignFor> tasks, String today, Set<String> acknowledged,
            AtomicInteger answered) {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        Queue<SignFor> queue = new ConcurrentLinkedQueue<>(tasks);
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                for (SignFor task = queue.poll(); task != null; task = queue.poll()) {
                    try {
                        HttpResponse<String> response = office.post("/engine-rest/task/" + task.taskId() + "/complete",
                                completion(task, today));
                        if (response.statusCode() == 204) {
                            acknowledged.add(task.taskId());
                        } else {
                            LOG.warn("Completion of {} answered {} {}", task.taskId(), response.statusCode(), response.body());
                        }
                        answered.incrementAndGet();
                    } catch (IOException e) {
                        return null;   // the node is gone
                    }
                }
                return null;
            });
        }
        return clients;
    }

    // ---- the two outcomes a completion may have ----------------------------------------------------------------

    private boolean isOpen(SignFor task) {
        return db.sql("SELECT COUNT(*) FROM act_ru_task WHERE id_ = ?").param(task.taskId()).query(Integer.class).single() == 1;
    }

    /**
     * 签收 done: signed in our tables, its one sign-for record, the next task open with its reminder timer, the 签收
     * task's timer gone, the answer deadline still supervised.
     */
    private void assertCompletedOnce(SignFor task, String today) {
        boolean objection = objects(task);
        Map<String, Object> proposal = db.sql("SELECT signed_on, status FROM pd_proposal WHERE number = ?").param(task.number())
                .query().singleRow();
        assertThat(String.valueOf(proposal.get("signed_on"))).as(task.number()).isEqualTo(today);
        assertThat(proposal.get("status")).as(task.number()).isEqualTo(objection ? "OBJECTING" : "ASSIGNING");
        assertThat(rows("pd_sign_for", task.number())).as(task.number()).isEqualTo(1);
        assertThat(rows("pd_objection", task.number())).as(task.number()).isEqualTo(objection ? 1 : 0);
        String next = objection ? ProcessElements.TASK_RECORD_OBJECTION_OUTCOME : ProcessElements.TASK_ASSIGN;
        List<String> nextTasks = db.sql("SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ? AND task_def_key_ = ?")
                .params(task.processInstanceId(), next).query(String.class).list();
        assertThat(nextTasks).as(task.number()).hasSize(1);
        assertThat(reminderTimers(task.processInstanceId(), ProcessElements.TASK_SIGN_FOR))
                .as("reminder timer of the done task of %s", task.number()).isZero();
        // 分派 has a deadline and a reminder timer; recording the committee's decision on an objection has none
        assertThat(reminderTimers(task.processInstanceId(), next)).as("reminder timer of the next task of %s", task.number())
                .isEqualTo(objection ? 0 : 1);
        assertThat(answerTimers(task.processInstanceId())).as("answer deadline of %s", task.number()).isEqualTo(1);
        assertThat(historyEnded(task)).as(task.number()).isTrue();
    }

    /** 签收 still open: nothing of a completion written anywhere. */
    private void assertUntouched(SignFor task) {
        Map<String, Object> proposal = db.sql("SELECT signed_on, status FROM pd_proposal WHERE number = ?").param(task.number())
                .query().singleRow();
        assertThat(proposal.get("signed_on")).as(task.number()).isNull();
        assertThat(proposal.get("status")).as(task.number()).isEqualTo("REGISTERED");
        assertThat(rows("pd_sign_for", task.number())).as(task.number()).isZero();
        assertThat(rows("pd_objection", task.number())).as(task.number()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM act_ru_task WHERE proc_inst_id_ = ?").param(task.processInstanceId())
                .query(Integer.class).single()).as(task.number()).isEqualTo(1);
        assertThat(reminderTimers(task.processInstanceId(), ProcessElements.TASK_SIGN_FOR)).as(task.number()).isEqualTo(1);
        assertThat(reminderTimers(task.processInstanceId(), ProcessElements.TASK_ASSIGN)).as(task.number()).isZero();
        assertThat(answerTimers(task.processInstanceId())).as(task.number()).isEqualTo(1);
        assertThat(historyEnded(task)).as(task.number()).isFalse();
    }

    private boolean historyEnded(SignFor task) {
        return db.sql("SELECT COUNT(*) FROM act_hi_taskinst WHERE id_ = ? AND end_time_ IS NOT NULL").param(task.taskId())
                .query(Integer.class).single() == 1;
    }

    private int rows(String table, String number) {
        return db.sql("SELECT COUNT(*) FROM " + table + " WHERE proposal_id = (SELECT id FROM pd_proposal WHERE number = ?)")
                .param(number).query(Integer.class).single();
    }

    /** The reminder timers on a user task of the process instance: one while the task is open, if it has a deadline. */
    private int reminderTimers(String processInstanceId, String taskKey) {
        return timers(processInstanceId, ProcessElements.reminderTimerOf(taskKey));
    }

    /** The timers of the answer deadline's event sub-process: one while the proposal is not answered. */
    private int answerTimers(String processInstanceId) {
        return timers(processInstanceId, ProcessElements.ANSWER_REMINDER_TIMER);
    }

    private int timers(String processInstanceId, String activityId) {
        return db.sql("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                WHERE j.process_instance_id_ = ? AND j.type_ = 'timer' AND d.act_id_ = ?""")
                .params(processInstanceId, activityId).query(Integer.class).single();
    }

    /** Every other proposal asks to have its assignment changed (调整申请), which also writes an objection record. */
    private static boolean objects(SignFor task) {
        return Integer.parseInt(task.number().substring(1)) % 2 == 1;
    }

    private static String completion(SignFor task, String today) {
        return objects(task)
                ? HttpBasic.completion("signedOn", today, "objectionRequested", true, "objectionReason", "不属于我局职责")
                : HttpBasic.completion("signedOn", today, "objectionRequested", false);
    }

    // ---- the cluster ------------------------------------------------------------------------------------------

    private AppNode start(String name) {
        AppNode node = AppNode.start(name, database, SMTP_PORT, NODE_SETTINGS);
        nodes.add(node);
        return node;
    }

    /** A running node: the survivor of the first test, or a new one when that test did not leave one. */
    private AppNode alive() {
        return nodes.stream().filter(AppNode::isAlive).findFirst()
                .orElseGet(() -> start("node-" + (nodes.size() + 1)).awaitHealthy(Duration.ofMinutes(2)));
    }

    /** The office clerk who gets every reminder, created as the administrator does in Camunda Admin. */
    private void office(AppNode node) throws Exception {
        HttpBasic admin = node.as(AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
        expect(admin.post("/engine-rest/group/create", "{\"id\": \"office\", \"name\": \"提案办\", \"type\": \"WORKFLOW\"}"), 204);
        expect(admin.post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + OFFICE
                + "\", \"firstName\": \"晓明\", \"lastName\": \"王\", \"email\": \"" + OFFICE_MAIL + "\"}, "
                + "\"credentials\": {\"password\": \"" + OFFICE_PASSWORD + "\"}}"), 204);
        expect(admin.call("PUT", "/engine-rest/group/office/members/" + OFFICE, null), 204);
    }

    /** The city's assignment list: {@value #PROPOSALS} proposals assigned on 2023-04-03, long overdue. */
    private static byte[] assignmentList() {
        StringBuilder csv = new StringBuilder("提案编号,来源,会议届次,提案标题,领衔委员,界别,联系电话,电子邮箱,所在辖区,联名委员,建议事项,我局办理角色,重点提案,交办日期,牵头单位,会办单位\n");
        for (int i = 0; i < PROPOSALS; i++) {
            csv.append(String.format("C%05d,政协提案,市政协七届三次会议,关于加强第%d片区食品安全监管的提案,委员%d,,,,,,加强日常检查,承办,否,2023-04-03,,%n",
                    i, i, i));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private int sent() {
        return db.sql("SELECT COUNT(*) FROM pd_mail WHERE status = 'SENT'").query(Integer.class).single();
    }

    /** Reminder mails a node has sent: the reminder tasks' jobs it ran, from the engine's job log. */
    private long sentBy(AppNode node) {
        return db.sql("""
                SELECT COUNT(*) FROM act_hi_job_log
                WHERE hostname_ = :host AND job_state_ = 2 AND job_def_type_ = 'async-continuation'
                AND process_def_key_ = :process AND act_id_ IN (:tasks)""")
                .param("host", node.name()).param("process", ProcessElements.HANDLING_PROCESS).param("tasks", REMINDER_TASKS)
                .query(Long.class).single();
    }

    /** Jobs of these activities that ran to their end, on any node, from the engine's job log. */
    private int jobsDone(List<String> activityIds) {
        return db.sql("""
                SELECT COUNT(*) FROM act_hi_job_log
                WHERE job_state_ = 2 AND process_def_key_ = :process AND act_id_ IN (:activities)""")
                .param("process", ProcessElements.HANDLING_PROCESS).param("activities", activityIds).query(Integer.class).single();
    }

    /**
     * Jobs of one process instance run one after another on a node, but two nodes may each take one of them at the same
     * moment (the 签收 task's reminder and the answer deadline's of one proposal): then one fails on the concurrent
     * update of the process instance. A timer is retried at once; a reminder job waits for its retry cycle, ten
     * minutes. Brings those retries forward through the node's REST API, as an administrator would in Cockpit.
     *
     * @return the jobs brought forward
     */
    private List<String> retryNowWhatAConcurrentUpdateFailed(AppNode node) {
        List<String> jobs = db.sql("""
                SELECT id_ FROM act_ru_job WHERE retries_ > 0 AND duedate_ > now() AND (exception_msg_ LIKE ? OR exception_msg_ LIKE ?)""")
                .params(CONCURRENT_UPDATE, CONCURRENT_REPARENT).query(String.class).list();
        String now = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date());
        for (String job : jobs) {
            try {
                expect(node.as(AppNode.ADMIN, AppNode.ADMIN_PASSWORD).call("PUT", "/engine-rest/job/" + job + "/duedate",
                        "{\"duedate\": \"" + now + "\"}"), 204);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return jobs;
    }

    /** Jobs that are due (or have no due date, as continuations) and not done yet. */
    private int dueJobs() {
        return db.sql("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= now()").query(Integer.class).single();
    }

    private Map<Long, Integer> receivedCopiesByOutboxId() throws MessagingException {
        Map<Long, Integer> copies = new HashMap<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Long> rowIds = OutboxMessages.rowIds(db, received);
        for (MimeMessage message : received) {
            copies.merge(OutboxMessages.rowId(rowIds, message), 1, Integer::sum);
        }
        return copies;
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what + " (" + progress() + ")");
            }
            if (now > nextReport) {
                LOG.info("Waiting {} s for {}: {}", Math.round(seconds(start)), what, progress());
                nextReport = now + 10_000_000_000L;
            }
            Thread.sleep(200);
        }
    }

    private String progress() {
        return sent() + " mails sent, " + nodes.stream().map(node -> node.name() + " ran " + sentBy(node)).toList()
                + " send jobs, " + dueJobs() + " jobs due";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    record LockedJob(String id, Timestamp lockExpires) {
    }

    record JobRun(String host, Timestamp at) {
    }

    record SignFor(String taskId, String number, String processInstanceId) {
    }
}
