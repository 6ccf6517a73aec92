package com.proposaldesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * Benchmark, not a test ({@code ./mvnw -Pbenchmark verify -Dtest=LifecycleBenchmark}): N proposals
 * ({@code -Dbenchmark.proposals}, default 1,000) registered and walked along the happy path through the Java API,
 * every step completed with the values its form sends, as the user whose group it is; beside it, in the same
 * run on the same PostgreSQL database with authorization on, a bare model with the same user tasks, candidate
 * groups and timers completed with the same values. The two alternate in blocks so that neither gets the
 * warmer database. Besides the rates: timers, history rows (by table) and SQL statements per instance on each
 * side, and a check that no process instance is left running beside the open proposals (no side instances).
 * {@code -Dbenchmark.diagnose=true} prints where the rows and statements come from. Writes
 * {@code target/benchmarks/lifecycle.json} and {@code .md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"logging.level.com.proposaldesk=WARN",
        "proposal-desk.after-commit-in-background=true"})
@ActiveProfiles("test")
@Import(SqlStatementCounter.class)
class LifecycleBenchmark {

    private static final int PROPOSALS = Integer.getInteger("benchmark.proposals", 1000);
    private static final int WARM_UP = Math.min(50, PROPOSALS);
    private static final int BLOCK = 50;
    /** The request processes that may run beside an open proposal (an extension, a dispute over the assignment). */
    private static final String EXTENSION_PROCESS = "proposal-extension";
    private static final String DISPUTE_PROCESS = "assignment-dispute";

    /** The happy path of a proposal the bureau handles alone (承办), answered with class A and evaluated 满意. */
    private static final List<Step> HAPPY_PATH = List.of(
            new Step(ProcessElements.TASK_SIGN_FOR, ProposalSteps.OFFICE, "office", ProposalSteps.signForForm()),
            new Step(ProcessElements.TASK_ASSIGN, ProposalSteps.OFFICE, "office", ProposalSteps.assignForm("food", List.of())),
            new Step(ProcessElements.TASK_COMMUNICATE_FIRST, ProposalSteps.HANDLER, "dept-food", ProposalSteps.communicateFirstForm()),
            new Step(ProcessElements.TASK_DRAFT_REPLY, ProposalSteps.HANDLER, "dept-food", ProposalSteps.draftReplyForm("A")),
            new Step(ProcessElements.TASK_REVIEW_DEPT_HEAD, ProposalSteps.HEAD, "head-food", ProposalSteps.reviewForm(true, null)),
            new Step(ProcessElements.TASK_REVIEW_OFFICE, ProposalSteps.OFFICE, "office", ProposalSteps.reviewForm(true, null)),
            new Step(ProcessElements.TASK_SIGN_OFF_LEADER, ProposalSteps.LEADER, "leader", ProposalSteps.reviewForm(true, null)),
            new Step(ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY, ProposalSteps.HANDLER, "dept-food",
                    ProposalSteps.communicateBeforeReplyForm(true)),
            new Step(ProcessElements.TASK_FORMAL_REPLY, ProposalSteps.OFFICE, "office", ProposalSteps.formalReplyForm("2025-06-20")),
            new Step(ProcessElements.TASK_RECORD_EVALUATION, ProposalSteps.OFFICE, "office",
                    ProposalSteps.evaluationForm("SATISFIED", "2025-06-30", null)));

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    private ProposalSteps steps;
    private int oursDone;

    @Test
    void happyPathBesideBareCamunda() {
        steps = new ProposalSteps(engine, registration);
        reviewers();
        engine.getRepositoryService().createDeployment().name("benchmark")
                .addModelInstance(BareModels.LIFECYCLE + ".bpmn", BareModels.lifecycle(HAPPY_PATH.stream().map(Step::group).toList()))
                .deploy();

        for (int i = 0; i < WARM_UP; i++) {
            ours();
            bare();
        }
        awaitAfterCommitWork();
        long oursNanos = 0;
        long bareNanos = 0;
        long[] oursProcessor = new long[2];
        long[] bareProcessor = new long[2];
        Map<SqlStatementCounter.Kind, Long> oursSql = new EnumMap<>(SqlStatementCounter.Kind.class);
        Map<SqlStatementCounter.Kind, Long> bareSql = new EnumMap<>(SqlStatementCounter.Kind.class);
        Map<String, Long> oursSqlText = new HashMap<>();
        Map<String, Long> bareSqlText = new HashMap<>();
        Map<String, Long> oursSqlNanos = new HashMap<>();
        Map<String, Long> bareSqlNanos = new HashMap<>();
        for (int done = 0; done < PROPOSALS; done += BLOCK) {
            int block = Math.min(BLOCK, PROPOSALS - done);
            Map<SqlStatementCounter.Kind, Long> before = SqlStatementCounter.snapshot();
            Map<String, Long> textBefore = SqlStatementCounter.snapshotByText();
            Map<String, Long> nanosBefore = SqlStatementCounter.snapshotNanosByText();
            long[] processorBefore = processorTime();
            long start = System.nanoTime();
            for (int i = 0; i < block; i++) {
                bare();
            }
            bareNanos += System.nanoTime() - start;
            long[] processorBetween = processorTime();
            addDifference(bareProcessor, processorBefore, processorBetween);
            Map<SqlStatementCounter.Kind, Long> between = SqlStatementCounter.snapshot();
            Map<String, Long> textBetween = SqlStatementCounter.snapshotByText();
            Map<String, Long> nanosBetween = SqlStatementCounter.snapshotNanosByText();
            SqlStatementCounter.addTextDifference(bareSqlNanos, nanosBefore, nanosBetween);
            SqlStatementCounter.addDifference(bareSql, before, between);
            SqlStatementCounter.addTextDifference(bareSqlText, textBefore, textBetween);
            start = System.nanoTime();
            for (int i = 0; i < block; i++) {
                ours();
            }
            awaitAfterCommitWork();
            oursNanos += System.nanoTime() - start;
            addDifference(oursProcessor, processorBetween, processorTime());
            SqlStatementCounter.addDifference(oursSql, between, SqlStatementCounter.snapshot());
            SqlStatementCounter.addTextDifference(oursSqlText, textBetween, SqlStatementCounter.snapshotByText());
            SqlStatementCounter.addTextDifference(oursSqlNanos, nanosBetween, SqlStatementCounter.snapshotNanosByText());
        }

        int total = WARM_UP + PROPOSALS;
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessElements.HANDLING_PROCESS).finished()
                .count()).isEqualTo(total);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(BareModels.LIFECYCLE).finished().count())
                .isEqualTo(total);
        long ourTimers = timersCreated(ProcessElements.HANDLING_PROCESS);
        long bareTimers = timersCreated(BareModels.LIFECYCLE);
        Map<String, Long> ourRows = historyRows(ProcessElements.HANDLING_PROCESS);
        Map<String, Long> bareRows = historyRows(BareModels.LIFECYCLE);
        long running = engine.getRuntimeService().createProcessInstanceQuery().count();
        long openProposals = jdbc.sql("SELECT COUNT(*) FROM pd_proposal WHERE status NOT IN ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')")
                .query(Long.class).single();
        long openRequests = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKeyIn(EXTENSION_PROCESS, DISPUTE_PROCESS).count();

        double oursRate = PROPOSALS / (oursNanos / 1e9);
        double bareRate = PROPOSALS / (bareNanos / 1e9);
        BenchmarkReport report = new BenchmarkReport("lifecycle", "Lifecycle: the happy path of a proposal beside bare Camunda")
                .rate("proposals through the happy path (" + HAPPY_PATH.size() + " user tasks)", "proposals/s", oursRate, bareRate, 0.8)
                .time("one proposal, registration to closure", "ms", 1000 / oursRate, null)
                .time("one bare instance, start to end", "ms", 1000 / bareRate, null)
                .cost("timers created per instance (a reminder timer per task, the answer deadline's)", "timers",
                        (double) ourTimers / total, (double) bareTimers / total, null)
                .cost("processor time per instance in the JVM (ours: with the SMTP server, which runs in it)", "ms",
                        oursProcessor[0] / 1e6 / PROPOSALS, bareProcessor[0] / 1e6 / PROPOSALS, null)
                .cost("processor time per instance in the PostgreSQL server (ours: with the polling for the mails and letters)",
                        "ms", oursProcessor[1] / 1e6 / PROPOSALS, bareProcessor[1] / 1e6 / PROPOSALS, null)
                .cost("history rows per instance", "rows", (double) sum(ourRows) / total, (double) sum(bareRows) / total, 1.5);
        ourRows.forEach((table, rows) -> report.cost("… of which in " + table, "rows", (double) rows / total,
                (double) bareRows.get(table) / total, null));
        report.cost("SQL statements per instance (" + PROPOSALS + " measured)", "statements", (double) sum(oursSql) / PROPOSALS,
                (double) sum(bareSql) / PROPOSALS, null);
        oursSql.forEach((kind, count) -> report.cost("… of which " + kind, "statements", (double) count / PROPOSALS,
                (double) bareSql.get(kind) / PROPOSALS, null));
        report.figure("members' mails sent (3 per proposal: assigned, draft to agree, reply to evaluate), each before its block's clock stopped",
                        "e-mails", jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE kind LIKE 'MEMBER%' AND status = 'SENT'").query(Long.class).single())
                .figure("… not sent (failed)", "e-mails",
                        jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE kind LIKE 'MEMBER%' AND status <> 'SENT'").query(Long.class).single())
                .figure("signed letters stored with their .docx and PDF, each before its block's clock stopped", "letters",
                        jdbc.sql("SELECT COUNT(*) FROM pd_reply_letter WHERE docx IS NOT NULL AND pdf IS NOT NULL").query(Long.class)
                                .single());
        report.figure("running process instances after the run (no side instances)", "instances", running)
                .figure("… expected: open proposals + running extension and dispute requests", "instances",
                        openProposals + openRequests)
                .setting("proposals", PROPOSALS)
                .setting("warmUpEach", WARM_UP)
                .setting("database", jdbc.sql("SELECT version()").query(String.class).single())
                .setting("authorization", engine.getProcessEngineConfiguration().isAuthorizationEnabled())
                .setting("historyLevel", engine.getProcessEngineConfiguration().getHistory())
                .setting("jobExecutor", "off (timers are created and deleted, never fire)")
                .note("Ours: registration (member, proposal rows, process start), then each of the " + HAPPY_PATH.size()
                        + " tasks completed through TaskService with its form's values as a user of its candidate group, "
                        + "with every listener, form check, due date, reminder timer and domain write, the signed letter "
                        + "(.docx and PDF) and the member's three link mails through SMTP (both on a thread of their own once "
                        + "their step has committed, as in production; each block of ours is timed until its last mail is "
                        + "sent and its last letter stored). Bare: the same tasks, "
                        + "groups and values on a model without listeners or expressions; one non-interrupting timer per task "
                        + "and a non-interrupting timer start event in an event sub-process over the instance, the shape of "
                        + "our reminder timers and answer deadline. Both single-threaded, alternating in blocks of " + BLOCK
                        + ". History rows: every row of the instances' process definition in act_hi_procinst, _actinst, "
                        + "_taskinst, _varinst, _detail, _identitylink and _job_log. SQL statements: counted at the JDBC "
                        + "connection (each execution, and each statement of a batch, in every thread) in the measured blocks "
                        + "only; in ours, the wait for the mails and letters polls the database (4 counts every 2 ms).");
        report.write();
        if (Boolean.getBoolean("benchmark.diagnose")) {
            diagnose();
            SqlStatementCounter.print(ProcessElements.HANDLING_PROCESS, oursSqlText, PROPOSALS);
            SqlStatementCounter.print(BareModels.LIFECYCLE, bareSqlText, PROPOSALS);
            SqlStatementCounter.printTimes(ProcessElements.HANDLING_PROCESS, oursSqlNanos, oursSqlText, PROPOSALS);
            SqlStatementCounter.printTimes(BareModels.LIFECYCLE, bareSqlNanos, bareSqlText, PROPOSALS);
        }
        assertThat(running).as("no process instance left running beside the open proposals").isEqualTo(openProposals + openRequests);
    }

    /** This JVM's and the PostgreSQL server's processor time so far, in nanoseconds. */
    private static long[] processorTime() {
        return new long[] {ProcessorTime.jvm(), ProcessorTime.database()};
    }

    private static void addDifference(long[] into, long[] earlier, long[] later) {
        for (int i = 0; i < into.length; i++) {
            into[i] += later[i] - earlier[i];
        }
    }

    /**
     * Waits until each member link issued so far has had its mail sent and each signed letter has its files: both are
     * made on a thread of their own once their step has committed, so that a block of ours is timed until its last mail
     * is out and its last letter stored, and the next bare block runs alone.
     */
    private void awaitAfterCommitWork() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE action = 'MEMBER_LINKS_SENT'").query(Long.class).single() < 3L * oursDone
                || jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE kind LIKE 'MEMBER%' AND status <> 'PENDING'").query(Long.class)
                        .single() < jdbc.sql("SELECT COUNT(*) FROM pd_member_link").query(Long.class).single()
                || jdbc.sql("SELECT COUNT(*) FROM pd_reply_letter WHERE pdf IS NULL").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the members' mails or the letters' files were not made within 2 minutes");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void ours() {
        oursDone++;
        ProcessInstance instance = steps.register(TestProposals.request(TestProposals.newNumber("L"), ProposalRole.SOLE));
        for (Step step : HAPPY_PATH) {
            steps.complete(step.user(), instance, step.taskKey(), new HashMap<>(step.form()));
        }
    }

    private void bare() {
        String number = TestProposals.newNumber("B");
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.PROPOSAL_NUMBER, number);
        variables.put(ProcessVariables.PROPOSAL_TITLE, "关于加强校园周边食品安全监管的提案（" + number + "）");
        variables.put(ProcessVariables.ROLE, ProposalRole.SOLE.name());
        variables.put(ProcessVariables.KEY_PROPOSAL, false);
        variables.put(ProcessVariables.EXTERNAL_CO_UNITS, new ArrayList<>());
        variables.put(ProcessVariables.HANDLING_ROUND, 1);
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(BareModels.LIFECYCLE, number, variables);
        for (int i = 0; i < HAPPY_PATH.size(); i++) {
            Step step = HAPPY_PATH.get(i);
            steps.complete(step.user(), instance, "Task_" + (i + 1), new HashMap<>(step.form()));
        }
    }

    /** Rows the engine's history keeps for the instances of a process definition, by table. */
    private Map<String, Long> historyRows(String processDefinitionKey) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
                "act_hi_identitylink")) {
            rows.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE proc_def_key_ = ?").param(processDefinitionKey)
                    .query(Long.class).single());
        }
        rows.put("act_hi_job_log", jdbc.sql("SELECT COUNT(*) FROM act_hi_job_log WHERE process_def_key_ = ?")
                .param(processDefinitionKey).query(Long.class).single());
        return rows;
    }

    /**
     * With {@code -Dbenchmark.diagnose=true}: where the history rows and timers of each side come from, per instance, by
     * element and variable, printed to the test's output.
     */
    private void diagnose() {
        for (String key : List.of(ProcessElements.HANDLING_PROCESS, BareModels.LIFECYCLE)) {
            for (String query : List.of(
                    "SELECT act_id_ || ' ' || act_type_ AS what, COUNT(*) AS n FROM act_hi_actinst WHERE proc_def_key_ = ? GROUP BY 1",
                    "SELECT name_ || ' ' || state_ AS what, COUNT(*) AS n FROM act_hi_varinst WHERE proc_def_key_ = ? GROUP BY 1",
                    "SELECT name_ || ' ' || type_ AS what, COUNT(*) AS n FROM act_hi_detail WHERE proc_def_key_ = ? GROUP BY 1",
                    "SELECT act_id_ || ' ' || job_def_type_ || ' ' || CASE WHEN job_state_ = 0 THEN 'created' WHEN job_state_ = 1"
                            + " THEN 'failed' WHEN job_state_ = 2 THEN 'successful' ELSE 'deleted' END AS what, COUNT(*) AS n"
                            + " FROM act_hi_job_log WHERE process_def_key_ = ? GROUP BY 1")) {
                System.out.println("== " + key + ": " + query.substring(query.indexOf("FROM") + 5, query.indexOf(" WHERE")));
                jdbc.sql(query + " ORDER BY 2 DESC, 1").param(key).query((rs, row) -> String.format(Locale.ROOT, "%8.2f  %s",
                        rs.getLong("n") / (double) (WARM_UP + PROPOSALS), rs.getString("what"))).list().forEach(System.out::println);
            }
        }
    }

    private static long sum(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private long timersCreated(String processDefinitionKey) {
        return engine.getHistoryService().createHistoricJobLogQuery().creationLog().processDefinitionKey(processDefinitionKey)
                .list().stream().filter(log -> log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer"))
                .count();
    }

    private void reviewers() {
        Map<String, String> names = Map.of(ProposalSteps.HEAD, "王处长", ProposalSteps.LEADER, "陈副局长", ProposalSteps.OFFICE, "张提案办",
                ProposalSteps.HANDLER, "李经办");
        names.forEach((id, name) -> {
            User user = identity.newUser(id);
            user.setFirstName(name);
            identity.saveUser(user);
        });
    }

    private record Step(String taskKey, String user, String group, Map<String, Object> form) {
    }
}
