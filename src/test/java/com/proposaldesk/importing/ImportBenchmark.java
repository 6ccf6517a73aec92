package com.proposaldesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.PostgresTestDatabase;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): imports a generated
 * 1,000-row assignment list over HTTP into a fresh PostgreSQL database and writes the time to
 * {@code target/benchmarks/import.json} and {@code .md}. Run with {@code ./mvnw -Pbenchmark verify}.
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
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(ROWS + WARM_UP_ROWS);
        write(file.length, elapsed, checkOnly);
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

    private void write(int bytes, Duration elapsed, Duration checkOnly) throws IOException {
        Map<String, Object> database = jdbc.sql("""
                SELECT version() AS version, current_database() AS name,
                       COALESCE(host(inet_server_addr()), 'local socket') AS host, inet_server_port() AS port""")
                .query().singleRow();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "import of the assignment list (交办清单), .xlsx over HTTP, all or nothing");
        result.put("rows", ROWS);
        result.put("fileBytes", bytes);
        result.put("elapsedMillis", elapsed.toMillis());
        result.put("millisPerRow", Math.round(elapsed.toMillis() * 100.0 / ROWS) / 100.0);
        result.put("rowsPerSecond", Math.round(ROWS * 10_000.0 / elapsed.toMillis()) / 10.0);
        result.put("rejectedFileCheckMillis", checkOnly.toMillis());
        result.put("database", database);
        result.put("java", System.getProperty("java.version"));
        result.put("processors", Runtime.getRuntime().availableProcessors());
        result.put("measuredAt", OffsetDateTime.now().toString());
        Path folder = Path.of("target", "benchmarks");
        Files.createDirectories(folder);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(folder.resolve("import.json").toFile(), result);
        Files.writeString(folder.resolve("import.md"), """
                # Import benchmark

                | what | value |
                |---|---|
                | rows imported (one process instance each) | %d |
                | file size | %d bytes |
                | elapsed (upload, check, register, commit) | %d ms |
                | per row | %s ms |
                | rows per second | %s |
                | rejected %d-row file (checked, nothing stored) | %d ms |
                | database | %s, %s:%s |
                | Java, processors | %s, %d |
                | measured at | %s |
                """.formatted(ROWS, bytes, elapsed.toMillis(), result.get("millisPerRow"), result.get("rowsPerSecond"), ROWS,
                checkOnly.toMillis(), database.get("version"), database.get("host"), database.get("port"),
                result.get("java"), result.get("processors"), result.get("measuredAt")));
    }
}
