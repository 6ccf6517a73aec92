package com.proposaldesk.casefile;

import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.benchmark.BenchmarkReport;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * Benchmark, not a test (run with {@code ./mvnw -Pbenchmark verify -Dtest=CaseFileSearchBenchmark}): the search over
 * N proposals and a case file with 30 steps, over HTTP on PostgreSQL, and the ledger's time for the same filter.
 * Writes {@code target/benchmarks/case-file-search.json} and {@code .md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.com.proposaldesk=WARN")
@ActiveProfiles("test")
class CaseFileSearchBenchmark {

    private static final int PROPOSALS = Integer.getInteger("benchmark.proposals", 10_000);
    private static final int RUNS = 20;
    private static final String[] ROLES = {"SOLE", "LEAD", "SPLIT", "CO_HANDLING"};
    private static final String[] STATUSES = {"HANDLING", "REVIEWING", "CLOSED", "CLOSED", "AWAITING_EVALUATION"};
    private static final String[] DEPARTMENTS = {"food", "ip", "equipment"};
    private static final String[] WORDS = {"食品安全", "知识产权", "电梯维保", "价格监管", "农贸市场", "校园周边", "药品流通", "广告监测"};
    /** The searches timed: office-wide and one department's, each criterion alone and some together. */
    private static final List<String> QUERIES = List.of("", "q=电梯维保", "q=答复正文 农贸市场", "number=20241", "member=委员7",
            "department=food", "department=ip&departmentRole=ASSISTING", "status=CLOSED&year=2024", "key=true",
            "overdue=true", "sort=answerDue,desc&page=40", "q=食品安全&department=food&status=HANDLING&sort=title");
    private static final String LEDGER_FILTER = "year=2024&department=ip";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;

    @Test
    void searchTenThousandProposalsAndReadACaseFileOfThirtySteps() {
        ProcessEngines.registerProcessEngine(engine);
        long setupStart = System.nanoTime();
        insertProposals();
        String number = walkThirtySteps();
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        jdbc.execute("ANALYZE");
        ApiClient office = ApiClient.as(rest, identity, "bench-office", "Bench-Pw-2026", "office");
        ApiClient food = ApiClient.as(rest, identity, "bench-food", "Bench-Pw-2026", "dept-food");

        List<Double> searches = new ArrayList<>();
        Map<String, List<Double>> byQuery = new LinkedHashMap<>();
        for (int run = -1; run < RUNS; run++) {
            for (String query : QUERIES) {
                for (ApiClient user : List.of(office, food)) {
                    long start = System.nanoTime();
                    ResponseEntity<JsonNode> answer = user.get("/api/proposals/search?" + query);
                    double millis = (System.nanoTime() - start) / 1e6;
                    assertThat(answer.getStatusCode().value()).as(query).isEqualTo(200);
                    if (run >= 0) {
                        searches.add(millis);
                        byQuery.computeIfAbsent(query.isEmpty() ? "(no criteria)" : query, q -> new ArrayList<>()).add(millis);
                    }
                }
            }
        }
        long total = office.get("/api/proposals/search").getBody().path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(PROPOSALS);

        double[] caseFiles = new double[RUNS];
        int steps = 0;
        for (int run = -1; run < RUNS; run++) {
            long start = System.nanoTime();
            JsonNode file = office.get("/api/proposals/" + number + "/case-file").getBody();
            if (run >= 0) {
                caseFiles[run] = (System.nanoTime() - start) / 1e6;
            }
            steps = file.path("timeline").size();
        }
        assertThat(steps).isGreaterThanOrEqualTo(30);

        long start = System.nanoTime();
        ResponseEntity<byte[]> ledger = office.download("/api/ledger.xlsx?" + LEDGER_FILTER);
        double ledgerMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        ResponseEntity<byte[]> searchLedger = office.download("/api/proposals/search.xlsx?" + LEDGER_FILTER + "&departmentRole=LEAD");
        double searchLedgerMillis = (System.nanoTime() - start) / 1e6;
        assertThat(ledger.getStatusCode().value()).isEqualTo(200);
        assertThat(searchLedger.getStatusCode().value()).isEqualTo(200);
        start = System.nanoTime();
        long matches = office.get("/api/proposals/search?" + LEDGER_FILTER + "&departmentRole=LEAD").getBody().path("total").asLong();
        double searchSameFilter = (System.nanoTime() - start) / 1e6;

        double[] sorted = searches.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(caseFiles);
        new BenchmarkReport("case-file-search", "Search over the proposals and the case file, over HTTP on PostgreSQL")
                .time(String.format(Locale.ROOT, "search over %,d proposals, p95 of %d (%d kinds × office and a department)",
                        total, sorted.length, QUERIES.size()), "ms", percentile(sorted, 0.95), 200.0)
                .time("search, median", "ms", percentile(sorted, 0.5), null)
                .time("search, slowest", "ms", sorted[sorted.length - 1], null)
                .time("case file of " + steps + " steps, p95 of " + RUNS, "ms", percentile(caseFiles, 0.95), 300.0)
                .time("case file, median", "ms", percentile(caseFiles, 0.5), null)
                .time("search for " + LEDGER_FILTER + " (" + matches + " matches, first page)", "ms", searchSameFilter, null)
                .time("ledger .xlsx for " + LEDGER_FILTER + " (GET /api/ledger.xlsx)", "ms", ledgerMillis, null)
                .time("the same as search export (GET /api/proposals/search.xlsx)", "ms", searchLedgerMillis, null)
                .setting("proposals", total)
                .note("Median by search (office and department together): " + byQuery.entrySet().stream()
                        .map(e -> e.getKey() + " " + Math.round(percentile(e.getValue().stream().mapToDouble(Double::doubleValue)
                                .toArray(), 0.5)) + " ms").collect(Collectors.joining("; ")))
                .setting("setupSeconds", Math.round(setupSeconds * 10) / 10.0)
                .setting("database", jdbc.queryForObject("SELECT version()", String.class))
                .note("Each search is one HTTP request with HTTP Basic: a count and a page of 20 in SQL over pd_* (ILIKE for "
                        + "free text), and the page's assisting departments. The ledger reads every proposal it lists, row by row.")
                .write();
    }

    private void insertProposals() {
        List<Object[]> members = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            members.add(new Object[] {"委员" + i});
        }
        jdbc.batchUpdate("INSERT INTO pd_member (name) VALUES (?)", members);
        List<Long> memberIds = jdbc.queryForList("SELECT id FROM pd_member ORDER BY id", Long.class);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            int year = 2023 + i % 3;
            LocalDate assigned = LocalDate.of(year, 3, 1).plusDays(i % 200);
            String status = STATUSES[i % STATUSES.length];
            boolean replied = "CLOSED".equals(status) || "AWAITING_EVALUATION".equals(status);
            String role = ROLES[i % ROLES.length];
            rows.add(new Object[] {String.format(Locale.ROOT, "%d%05d", year, i), "市政协八届" + (year - 2022) + "次会议",
                    "关于加强" + WORDS[i % WORDS.length] + "工作的提案（" + i + "）", memberIds.get(i % memberIds.size()), role,
                    i % 40 == 0, Date.valueOf(assigned), status,
                    "CO_HANDLING".equals(role) ? null : DEPARTMENTS[i % DEPARTMENTS.length], Date.valueOf(assigned.plusMonths(3)),
                    replied ? Date.valueOf(assigned.plusMonths(2).plusDays(i % 40)) : null, replied ? i % 7 != 0 : null, now, now});
        }
        jdbc.batchUpdate("""
                INSERT INTO pd_proposal (number, source, session_name, title, lead_member_id, role, key_proposal, assigned_on,
                       status, lead_department, answer_due, replied_on, replied_on_time, created_at, updated_at)
                VALUES (?, 'CPPCC', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<Object[]> suggestions = new ArrayList<>();
        List<Object[]> coSigners = new ArrayList<>();
        List<Object[]> assisting = new ArrayList<>();
        List<Object[]> replies = new ArrayList<>();
        for (Long id : jdbc.queryForList("SELECT id FROM pd_proposal WHERE title LIKE '关于加强%' ORDER BY id", Long.class)) {
            for (int s = 1; s <= 3; s++) {
                suggestions.add(new Object[] {id, s, "建议" + WORDS[(int) ((id + s) % WORDS.length)] + "方面采取措施，第" + s + "条，"
                        + "建立长效机制，加强部门协作，公开办理结果。"});
            }
            coSigners.add(new Object[] {id, 1, "联名委员" + id % 300});
            if (id % 3 == 0) {
                assisting.add(new Object[] {id, DEPARTMENTS[(int) ((id + 1) % DEPARTMENTS.length)]});
            }
            if (id % 2 == 0) {
                replies.add(new Object[] {id, "答复正文：我局高度重视" + WORDS[(int) (id % WORDS.length)] + "工作，".repeat(20), now});
            }
        }
        jdbc.batchUpdate("INSERT INTO pd_proposal_suggestion (proposal_id, position, text) VALUES (?, ?, ?)", suggestions);
        jdbc.batchUpdate("INSERT INTO pd_proposal_co_signer (proposal_id, position, name) VALUES (?, ?, ?)", coSigners);
        jdbc.batchUpdate("INSERT INTO pd_proposal_assisting_department (proposal_id, department_code) VALUES (?, ?)", assisting);
        jdbc.batchUpdate("""
                INSERT INTO pd_reply (proposal_id, kind, version, handling_round, body, publish, contact_person, contact_phone,
                       status, drafted_by, drafted_at)
                VALUES (?, 'REPLY', 1, 1, ?, TRUE, '经办人', '022-23456789', 'SENT', 'bench', ?)""", replies);
    }

    /** A proposal sent back eleven times at the department head's review: 30 steps and more in its timeline. */
    private String walkThirtySteps() {
        BpmnAwareTests.init(engine);
        try {
            ProposalSteps steps = new ProposalSteps(engine, registration);
            String number = TestProposals.newNumber("BENCH");
            ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
            steps.toDraftReply(pi);
            for (int round = 0; round < 11; round++) {
                steps.draftReply(pi, "A");
                steps.sendBack(pi, TASK_REVIEW_DEPT_HEAD, "第" + (round + 1) + "次退回：请补充");
            }
            steps.draftReply(pi, "A");
            for (String step : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER)) {
                steps.approve(pi, step);
            }
            steps.communicateBeforeReply(pi, true);
            steps.formalReply(pi, "2025-06-20");
            steps.evaluate(pi, "SATISFIED", "2025-06-30", null);
            return number;
        } finally {
            identity.clearAuthentication();
            BpmnAwareTests.reset();
        }
    }

    private static double percentile(double[] sorted, double share) {
        double[] copy = sorted.clone();
        Arrays.sort(copy);
        return copy[Math.min(copy.length - 1, (int) Math.ceil(share * copy.length) - 1)];
    }
}
