package com.proposaldesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.benchmark.BareModels;
import com.proposaldesk.benchmark.BenchmarkReport;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.PostgresTestDatabase;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): imports a generated
 * 1,000-row assignment list over HTTP into a fresh PostgreSQL database, beside as many starts of a bare model in
 * one transaction, and writes the figures to {@code target/benchmarks/import.json} and {@code .md}. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportBenchmark {

    private static final int ROWS = 1000;
    private static final int WARM_UP_ROWS = 50;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void importThousandRowsIntoPostgres() throws IOException {
        ApiClient office = ApiClient.as(rest, identity, "benchmark", "Bench-mark-2024", "office");
        assertThat(office.upload("/api/proposals/import", "warm-up.xlsx", list("W", WARM_UP_ROWS, false))
                .getStatusCode().value()).isEqualTo(201);

        byte[] rejected = list("R", ROWS, true);
        long checkStart = System.nanoTime();
        ResponseEntity<JsonNode> refused = office.upload("/api/proposals/import", "rejected.xlsx", rejected);
        Duration checkOnly = Duration.ofNanos(System.nanoTime() - checkStart);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);

        byte[] file = list("B", ROWS, false);
        long start = System.nanoTime();
        ResponseEntity<JsonNode> answer = office.upload("/api/proposals/import", "benchmark.xlsx", file);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        assertThat(answer.getBody().path("count").asInt()).isEqualTo(ROWS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_proposal WHERE number LIKE 'B%'").query(Long.class).single())
                .isEqualTo(ROWS);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKeyIn("proposal-handling", "proposal-co-handling").count())
                .isEqualTo(ROWS + WARM_UP_ROWS);

        double bareSeconds = bareStarts(ROWS);
        double seconds = elapsed.toNanos() / 1e9;
        new BenchmarkReport("import", "Import of the assignment list (交办清单), 1,000 rows")
                .rate(String.format(Locale.ROOT, "%,d-row .xlsx over HTTP: checked, registered, one process each, one commit", ROWS),
                        "rows/s", ROWS / seconds, ROWS / bareSeconds, null)
                .time("whole import, upload to answer", "s", seconds, null)
                .time(String.format(Locale.ROOT, "a %,d-row file refused on its last row (checked, nothing stored)", ROWS), "s",
                        checkOnly.toNanos() / 1e9, null)
                .setting("rows", ROWS)
                .setting("fileBytes", file.length)
                .setting("database", jdbc.sql("SELECT version()").query(String.class).single())
                .note("Bare: the same number of instances of the bare lifecycle model (its first user task, the task's timer and "
                        + "the instance's timer) started through the Java API in one transaction, with the six start "
                        + "variables our registration sets. Ours also reads and checks the file, writes the member and "
                        + "proposal rows, creates the first task's form data and takes the due dates and the timers' cycles from "
                        + "the deadline policy.")
                .write();
    }

    /** Starts {@code count} instances of the bare lifecycle model in one transaction; the seconds it took. */
    private double bareStarts(int count) {
        repository.createDeployment().name("benchmark")
                .addModelInstance(BareModels.LIFECYCLE + ".bpmn", BareModels.lifecycle(List.of("office", "office"))).deploy();
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(ProcessVariables.PROPOSAL_NUMBER, "X" + i);
                variables.put(ProcessVariables.PROPOSAL_TITLE, "基准测试提案 " + i);
                variables.put(ProcessVariables.ROLE, "SOLE");
                variables.put(ProcessVariables.KEY_PROPOSAL, false);
                variables.put(ProcessVariables.EXTERNAL_CO_UNITS, new ArrayList<>());
                variables.put(ProcessVariables.HANDLING_ROUND, 1);
                runtime.startProcessInstanceByKey(BareModels.LIFECYCLE, "X" + i, variables);
            }
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** A list of {@code rows} proposals; {@code lastRowInvalid} makes the whole file fail on its last row. */
    private static byte[] list(String prefix, int rows, boolean lastRowInvalid) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            List<Object> row = AssignmentLists.row(String.format("%s%05d", prefix, i));
            AssignmentLists.with(row, "我局办理角色", List.of("承办", "主办", "分办", "会办").get(i % 4));
            if (i % 4 == 3) {
                AssignmentLists.with(AssignmentLists.with(row, "牵头单位", "市教育局"), "会办单位", null);
            }
            if (lastRowInvalid && i == rows) {
                AssignmentLists.with(row, "提案标题", null);
            }
            list.add(row);
        }
        return AssignmentLists.xlsx(list);
    }
}
