package com.proposaldesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.proposaldesk.benchmark.BenchmarkReport;
import com.proposaldesk.support.PostgresTestDatabase;

/**
 * Benchmark, not a test (run with {@code ./mvnw -Pbenchmark verify -Dtest=AnnualSummaryBenchmark}): the year-end
 * summary with its self-score over N proposals on PostgreSQL, median of five runs. Writes
 * {@code target/benchmarks/annual-summary.json} and {@code .md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.com.proposaldesk=WARN")
@ActiveProfiles("test")
class AnnualSummaryBenchmark {

    private static final int PROPOSALS = Integer.getInteger("benchmark.proposals", 10_000);
    private static final int RUNS = 5;
    private static final int YEAR = 2024;
    private static final String[] ROLES = {"SOLE", "LEAD", "SPLIT", "CO_HANDLING", "CO_HANDLING"};
    private static final String[] DEPARTMENTS = {"food", "ip", "equipment", "drugs", "pricing", "standards", "agriculture"};
    private static final String[] EVALUATIONS = {"SATISFIED", "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"};

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnnualSummaries summaries;
    @Autowired
    SummaryDocument document;

    @Test
    void summariseAYearOfTenThousandProposals() throws Exception {
        long setupStart = System.nanoTime();
        insertYear();
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        jdbc.execute("ANALYZE");

        ReportScope scope = new ReportScope(YEAR, null);
        summaries.summarise(scope);
        double[] millis = new double[RUNS];
        AnnualSummary summary = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            summary = summaries.summarise(scope);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        long docStart = System.nanoTime();
        int docBytes = document.render(summary).length;
        double docMillis = (System.nanoTime() - docStart) / 1e6;
        assertThat(summary.total()).isEqualTo(PROPOSALS);
        Arrays.sort(millis);
        double median = millis[RUNS / 2];

        new BenchmarkReport("annual-summary", "Year-end summary over a year of proposals")
                .time(String.format(Locale.ROOT, "year-end summary with self-score over %,d proposals, median of %d", PROPOSALS, RUNS),
                        "ms", median, 2000.0)
                .time("fastest run", "ms", millis[0], null)
                .time("slowest run", "ms", millis[RUNS - 1], null)
                .time(".docx document of the summary", "ms", docMillis, null)
                .figure(".docx size", "bytes", docBytes)
                .setting("proposals", PROPOSALS)
                .setting("setupSeconds", Math.round(setupSeconds * 10) / 10.0)
                .setting("database", jdbc.queryForObject("SELECT version()", String.class))
                .note("The summary is SQL over the bureau's own tables (pd_*); it asks the engine nothing, so there is no "
                        + "bare-Camunda baseline for it. " + (summary.answered().pending().size() + summary.coHandling().pending().size())
                        + " pending proposals listed.")
                .write();
    }

    private void insertYear() {
        Long member = jdbc.queryForObject("INSERT INTO pd_member (name) VALUES ('基准测试委员') RETURNING id", Long.class);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        LocalDate assigned = LocalDate.of(YEAR, 3, 15);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            String role = ROLES[i % ROLES.length];
            boolean replied = i % 20 != 0;
            boolean answers = !"CO_HANDLING".equals(role);
            rows.add(new Object[] {String.format(Locale.ROOT, "%d%05d", YEAR, i), "市政协八届一次会议", "基准测试提案" + i, member,
                    role, i % 50 == 0, Date.valueOf(assigned.plusDays(i % 200)), replied ? "CLOSED" : "HANDLING",
                    answers ? DEPARTMENTS[i % DEPARTMENTS.length] : null, Date.valueOf(assigned.plusMonths(3)),
                    replied ? Date.valueOf(assigned.plusMonths(2)) : null, replied ? i % 30 != 1 : null,
                    answers && replied ? EVALUATIONS[i % EVALUATIONS.length] : null, now, now});
        }
        jdbc.batchUpdate("""
                INSERT INTO pd_proposal (number, source, session_name, title, lead_member_id, role, key_proposal, assigned_on,
                       status, lead_department, answer_due, replied_on, replied_on_time, evaluation, created_at, updated_at)
                VALUES (?, 'CPPCC', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);

        List<Object[]> suggestions = new ArrayList<>();
        List<Object[]> assisting = new ArrayList<>();
        List<Object[]> communications = new ArrayList<>();
        List<Object[]> extensions = new ArrayList<>();
        List<Object[]> typical = new ArrayList<>();
        Date contact = Date.valueOf(assigned.plusDays(5));
        for (Map<String, Object> row : jdbc.queryForList("SELECT id, role, replied_on FROM pd_proposal ORDER BY id")) {
            long id = ((Number) row.get("id")).longValue();
            boolean answers = !"CO_HANDLING".equals(row.get("role"));
            suggestions.add(new Object[] {id, "建议" + id});
            if (id % 3 == 0) {
                assisting.add(new Object[] {id, DEPARTMENTS[(int) ((id + 1) % DEPARTMENTS.length)]});
            }
            if (answers && id % 40 != 0) {
                communications.add(new Object[] {id, contact, now});
            }
            if (row.get("replied_on") == null && id % 2 == 0) {
                extensions.add(new Object[] {id, Date.valueOf(assigned.plusMonths(6)), Date.valueOf(assigned.plusMonths(3)), now,
                        Date.valueOf(assigned.plusMonths(6))});
            }
            if (id % 500 == 0) {
                typical.add(new Object[] {id, "办理成效" + id, now});
            }
        }
        jdbc.batchUpdate("INSERT INTO pd_proposal_suggestion (proposal_id, position, text) VALUES (?, 1, ?)", suggestions);
        jdbc.batchUpdate("INSERT INTO pd_proposal_assisting_department (proposal_id, department_code) VALUES (?, ?)", assisting);
        jdbc.batchUpdate("""
                INSERT INTO pd_communication (proposal_id, stage, contact_date, way, participants, recorded_by, recorded_at)
                VALUES (?, 'BEFORE_HANDLING', ?, 'PHONE', '经办人', 'bench', ?)""", communications);
        jdbc.batchUpdate("""
                INSERT INTO pd_extension (proposal_id, requested_by_kind, reason, requested_due, previous_due, requested_by,
                       requested_at, status, approved_due)
                VALUES (?, 'MEMBER', '基准测试', ?, ?, 'bench', ?, 'APPROVED', ?)""", extensions);
        jdbc.batchUpdate("INSERT INTO pd_typical_case (proposal_id, achievements, chosen_by, chosen_at) VALUES (?, ?, 'bench', ?)",
                typical);
    }
}
