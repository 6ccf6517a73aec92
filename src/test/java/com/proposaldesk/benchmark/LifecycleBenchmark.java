package com.proposaldesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
 * warmer database. Writes {@code target/benchmarks/lifecycle.json} and {@code .md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.com.proposaldesk=WARN")
@ActiveProfiles("test")
class LifecycleBenchmark {

    private static final int PROPOSALS = Integer.getInteger("benchmark.proposals", 1000);
    private static final int WARM_UP = Math.min(50, PROPOSALS);
    private static final int BLOCK = 50;

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
        long oursNanos = 0;
        long bareNanos = 0;
        for (int done = 0; done < PROPOSALS; done += BLOCK) {
            int block = Math.min(BLOCK, PROPOSALS - done);
            long start = System.nanoTime();
            for (int i = 0; i < block; i++) {
                bare();
            }
            bareNanos += System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < block; i++) {
                ours();
            }
            oursNanos += System.nanoTime() - start;
        }

        int total = WARM_UP + PROPOSALS;
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("proposal-handling").finished().count())
                .isEqualTo(total);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(BareModels.LIFECYCLE).finished().count())
                .isEqualTo(total);
        long ourTimers = timersCreated("proposal-handling") + timersCreated("deadline-watch");
        long bareTimers = timersCreated(BareModels.LIFECYCLE);
        long watches = history.createHistoricProcessInstanceQuery().processDefinitionKey("deadline-watch").count();

        double oursRate = PROPOSALS / (oursNanos / 1e9);
        double bareRate = PROPOSALS / (bareNanos / 1e9);
        new BenchmarkReport("lifecycle", "Lifecycle: the happy path of a proposal beside bare Camunda")
                .rate("proposals through the happy path (" + HAPPY_PATH.size() + " user tasks)", "proposals/s", oursRate, bareRate, 0.8)
                .time("one proposal, registration to closure", "ms", 1000 / oursRate, null)
                .time("one bare instance, start to end", "ms", 1000 / bareRate, null)
                .figure("timers created per proposal (deadline watches)", "timers", (double) ourTimers / total)
                .figure("timers created per bare instance", "timers", (double) bareTimers / total)
                .figure("deadline-watch instances started and ended per proposal", "instances", (double) watches / total)
                .figure("history rows per proposal (proposal and its watches)", "rows",
                        (double) historyRows("proposal-handling", "deadline-watch") / total)
                .figure("history rows per bare instance", "rows", (double) historyRows(BareModels.LIFECYCLE) / total)
                .setting("proposals", PROPOSALS)
                .setting("warmUpEach", WARM_UP)
                .setting("database", jdbc.sql("SELECT version()").query(String.class).single())
                .setting("authorization", engine.getProcessEngineConfiguration().isAuthorizationEnabled())
                .setting("historyLevel", engine.getProcessEngineConfiguration().getHistory())
                .note("Ours: registration (member, proposal rows, process start), then each of the " + HAPPY_PATH.size()
                        + " tasks completed through TaskService with its form's values as a user of its candidate group, "
                        + "with every listener, form check, deadline watch and domain write. Bare: the same tasks, groups "
                        + "and values on a model without listeners; one non-interrupting timer per task and one over the "
                        + "instance, as our deadline watches. Both single-threaded, alternating in blocks of " + BLOCK + ".")
                .write();
    }

    private void ours() {
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

    /** Rows the engine's history keeps for the instances of these process definitions. */
    private long historyRows(String... processDefinitionKeys) {
        long rows = 0;
        for (String key : processDefinitionKeys) {
            for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
                    "act_hi_identitylink")) {
                rows += jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE proc_def_key_ = ?").param(key).query(Long.class).single();
            }
            rows += jdbc.sql("SELECT COUNT(*) FROM act_hi_job_log WHERE process_def_key_ = ?").param(key).query(Long.class).single();
        }
        return rows;
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
