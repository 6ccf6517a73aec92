package com.proposaldesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.security.AccessPolicy;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.task.TasklistFilters;

/**
 * Benchmark, not a test (run with {@code ./mvnw -o -Pbenchmark verify -Dtest=TasklistQueryBenchmark}): the shared
 * Tasklist filters 我的待办, 本处室待办 and 即将到期 over N open tasks ({@code -Dbenchmark.tasks}, default 10,000) on
 * PostgreSQL, called through the engine's REST API as Tasklist calls them, with authorization on, as a department
 * handler, a department head and an office clerk; first without the indexes of migration V10 (dropped for the
 * purpose, {@code -Dbenchmark.withoutIndexes=false} skips it), then with them, then as bare Camunda would answer them
 * ({@code -Dbenchmark.bare=false} skips it): the same tasks with only the engine's own grants. Writes
 * {@code target/benchmarks/tasklist-queries.json} and {@code .md}.
 * <p>
 * {@code -Dbenchmark.database=<name>} keeps the data in that database on the test server and uses it again on the
 * next run of the same size, which then skips the population.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.com.proposaldesk=WARN")
@ActiveProfiles("test")
class TasklistQueryBenchmark {

    private static final int TASKS = Integer.getInteger("benchmark.tasks", 10_000);
    private static final int CALLS = Integer.getInteger("benchmark.calls", 200);
    private static final int WARM_UP_CALLS = Integer.getInteger("benchmark.warmUpCalls", 30);
    /** A series stops after this long once it has {@link #MIN_CALLS}: without the indexes one call may take seconds. */
    private static final Duration SERIES_BUDGET = Duration.ofSeconds(Long.getLong("benchmark.seriesSeconds", 90));
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(20);
    private static final int MIN_CALLS = 5;
    private static final boolean WITHOUT_INDEXES_FIRST =
            Boolean.parseBoolean(System.getProperty("benchmark.withoutIndexes", "true"));
    /** Measure the bare baseline too: the same calls with only the engine's own grants (and the start-up group grants). */
    private static final boolean BARE = Boolean.parseBoolean(System.getProperty("benchmark.bare", "true"));
    private static final double GOAL_RATIO = 0.8;
    private static final String KEPT_DATABASE = System.getProperty("benchmark.database", "");
    private static final int THREADS = Integer.getInteger("benchmark.threads", 3);
    private static final int BATCH = 250;
    private static final double GOAL_MILLIS = 100;
    private static final long SEED = 20_250_701L;

    private static final String PROCESS = "tasklist-benchmark";
    private static final String PASSWORD = "Bench-mark-2025!";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int HANDLERS_PER_DEPARTMENT = 4;
    private static final int OFFICE_CLERKS = 4;
    private static final String[] ROLES = {"SOLE", "LEAD", "LEAD", "SPLIT"};
    private static final List<String> FILTERS =
            List.of(TasklistFilters.MY_TASKS, TasklistFilters.DEPARTMENT_TASKS, TasklistFilters.DUE_SOON);
    private static final Pattern CREATE_INDEX =
            Pattern.compile("CREATE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+ON", Pattern.CASE_INSENSITIVE);

    /** What Tasklist posts to {@code filter/{id}/list} for the first page in its default sorting (newest first). */
    private static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    /** The Accept header of Tasklist's requests: HAL, so that count, assignees, definitions and variables come along. */
    private static final String TASKLIST_ACCEPT = "application/hal+json, application/json; q=0.5";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        if (KEPT_DATABASE.isBlank()) {
            PostgresTestDatabase.register(registry);
        } else {
            PostgresTestDatabase.registerKept(registry, KEPT_DATABASE);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    ProposalAccess access;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> cutShort = new LinkedHashMap<>();

    /** One open task as the population makes it; {@code department} is null for the office's tasks. */
    record PlannedTask(int index, String group, String department, String assignee, Date due, boolean key, String role) {
    }

    /** A user the filters are called as. */
    record Caller(String label, String userId, String group) {
    }

    /** The list and count calls of one filter as one user. */
    record Measured(String filter, Caller caller, Series list, Series count) {

        String name() {
            return filter + " · " + caller.label();
        }
    }

    @Test
    void tasklistFiltersOverManyOpenTasks() throws Exception {
        BenchmarkReport report = new BenchmarkReport("tasklist-queries",
                "Tasklist filters through REST, " + String.format(Locale.ROOT, "%,d", TASKS) + " open tasks");
        List<String> codes = departments.active().stream().map(Department::code).toList();
        createUsers(codes);

        long existing = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        double populationSeconds = 0;
        if (existing == 0) {
            repository.createDeployment().name(PROCESS).addClasspathResource("benchmark/tasklist-benchmark.bpmn").deploy();
            long populationStart = System.nanoTime();
            populate(plan(codes));
            populationSeconds = (System.nanoTime() - populationStart) / 1e9;
        } else {
            assertThat(existing).as("benchmark instances in database %s", KEPT_DATABASE).isEqualTo(TASKS);
        }
        long analyzeStart = System.nanoTime();
        jdbc.execute("VACUUM ANALYZE");
        double analyzeSeconds = (System.nanoTime() - analyzeStart) / 1e9;

        long openTasks = taskService.createTaskQuery().count();
        assertThat(openTasks).isEqualTo(TASKS);
        Map<String, Long> history = historyRows();
        long historyRows = history.values().stream().mapToLong(Long::longValue).sum();
        long authorizations = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization", Long.class);
        Map<String, Long> authorizationsByType = new LinkedHashMap<>();
        for (Resources resource : Resources.values()) {
            long rows = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization WHERE resource_type_ = ?", Long.class,
                    resource.resourceType());
            if (rows > 0) {
                authorizationsByType.put(resource.name(), rows);
            }
        }

        List<Caller> callers = List.of(
                new Caller("经办人", user(codes.get(0), 1), "dept-" + codes.get(0)),
                new Caller("处室负责人", head(codes.get(0)), "head-" + codes.get(0)),
                new Caller("提案办", clerk(1), CurrentUser.OFFICE_GROUP));
        Resource migration = tasklistIndexMigration();
        List<String> indexStatements = createIndexStatements(migration);

        List<Measured> without = List.of();
        if (WITHOUT_INDEXES_FIRST) {
            for (String statement : indexStatements) {
                jdbc.execute("DROP INDEX IF EXISTS " + indexName(statement));
            }
            jdbc.execute("ANALYZE");
            without = measureAll(callers, "without V10 · ");
            indexStatements.forEach(jdbc::execute);
            jdbc.execute("ANALYZE");
        }
        List<Measured> with = measureAll(callers, "");
        long bareAuthorizations = 0;
        List<Measured> bare = List.of();
        if (BARE) {
            bareAuthorizations = withoutProposalGrants();
            try {
                bare = measureAll(callers, "bare · ");
            } finally {
                restoreProposalGrants();
            }
        }

        for (int i = 0; i < with.size(); i++) {
            Measured m = with.get(i);
            if (bare.isEmpty()) {
                report.time(m.name() + " · list p50", "ms", m.list().percentile(50), null)
                        .time(m.name() + " · list p95", "ms", m.list().percentile(95), GOAL_MILLIS)
                        .time(m.name() + " · count p50", "ms", m.count().percentile(50), null)
                        .time(m.name() + " · count p95", "ms", m.count().percentile(95), GOAL_MILLIS);
            } else {
                Measured b = bare.get(i);
                report.latency(m.name() + " · list p50", "ms", m.list().percentile(50), b.list().percentile(50), null, null)
                        .latency(m.name() + " · list p95", "ms", m.list().percentile(95), b.list().percentile(95),
                                GOAL_MILLIS, GOAL_RATIO)
                        .latency(m.name() + " · count p50", "ms", m.count().percentile(50), b.count().percentile(50), null, null)
                        .latency(m.name() + " · count p95", "ms", m.count().percentile(95), b.count().percentile(95),
                                GOAL_MILLIS, GOAL_RATIO);
            }
            report.time(m.name() + " · list max", "ms", m.list().max(), null)
                    .time(m.name() + " · count max", "ms", m.count().max(), null)
                    .figure(m.name() + " · tasks shown", "tasks", m.count().tasks());
        }
        for (Measured m : without) {
            report.time(m.name() + " · without V10 · list p50", "ms", m.list().percentile(50), null)
                    .time(m.name() + " · without V10 · list p95", "ms", m.list().percentile(95), null)
                    .time(m.name() + " · without V10 · count p50", "ms", m.count().percentile(50), null)
                    .time(m.name() + " · without V10 · count p95", "ms", m.count().percentile(95), null);
        }
        report.figure("open tasks", "tasks", openTasks)
                .figure("history rows (act_hi_*)", "rows", historyRows)
                .figure("authorizations (act_ru_authorization)", "rows", authorizations);
        if (BARE) {
            report.cost("authorizations in the bare baseline", "rows", authorizations, bareAuthorizations, null);
        }
        if (populationSeconds > 0) {
            report.time("population", "s", populationSeconds, null).figure("population rate", "tasks/s", TASKS / populationSeconds);
        }
        report.time("VACUUM ANALYZE after population", "s", analyzeSeconds, null)
                .setting("database", jdbc.queryForObject("SELECT version()", String.class))
                .setting("databaseSettings", databaseSettings())
                .setting("tasks", TASKS)
                .setting("dataReusedFromDatabase", existing == 0 ? "no" : KEPT_DATABASE)
                .setting("timedCallsPerSeries", CALLS)
                .setting("warmUpCallsPerSeries", WARM_UP_CALLS)
                .setting("seriesBudgetSeconds", SERIES_BUDGET.toSeconds())
                .setting("seriesCutShort", cutShort.isEmpty() ? "none" : cutShort)
                .setting("populationThreads", THREADS)
                .setting("populationBatch", BATCH)
                .setting("indexMigration", migration.getFilename())
                .setting("indexes", indexStatements)
                .setting("historyRowsByTable", history)
                .setting("authorizationsByResourceType", authorizationsByType);
        Arrays.stream(notes()).forEach(report::note);
        report.write();
    }

    private List<Measured> measureAll(List<Caller> callers, String phase) throws Exception {
        List<Measured> results = new ArrayList<>();
        for (String filter : FILTERS) {
            String filterId = filters.createFilterQuery().filterName(filter).singleResult().getId();
            for (Caller caller : callers) {
                String name = phase + filter + " · " + caller.label();
                Series list = measure(name + " · list", filter, caller,
                        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", TASKLIST_ACCEPT);
                Series count = measure(name + " · count", filter, caller,
                        "/engine-rest/filter/" + filterId + "/count", "application/json");
                results.add(new Measured(filter, caller, list, count));
            }
        }
        return results;
    }

    // --- the data -------------------------------------------------------------------------------------------------

    /**
     * The open tasks: 20 % the office's, 65 % a department's handlers', 15 % its head's, departments in turn; due dates
     * at 18:00 Beijing time from 30 days ago to 90 days ahead; one in ten assigned to a member of its group.
     */
    private static List<PlannedTask> plan(List<String> codes) {
        Random random = new Random(SEED);
        LocalDate today = LocalDate.now(BEIJING);
        List<PlannedTask> plan = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            int kind = random.nextInt(100);
            String code = codes.get(random.nextInt(codes.size()));
            boolean assigned = random.nextInt(10) == 0;
            String group;
            String department;
            String assignee;
            if (kind < 20) {
                group = CurrentUser.OFFICE_GROUP;
                department = null;
                assignee = clerk(1 + random.nextInt(OFFICE_CLERKS));
            } else if (kind < 85) {
                group = "dept-" + code;
                department = code;
                assignee = user(code, 1 + random.nextInt(HANDLERS_PER_DEPARTMENT));
            } else {
                group = "head-" + code;
                department = code;
                assignee = head(code);
            }
            LocalDate dueDay = today.plusDays(random.nextInt(121) - 30);
            Date due = Date.from(dueDay.atTime(LocalTime.of(18, 0)).atZone(BEIJING).toInstant());
            plan.add(new PlannedTask(i, group, department, assigned ? assignee : null, due, random.nextInt(50) == 0,
                    ROLES[random.nextInt(ROLES.length)]));
        }
        return plan;
    }

    /**
     * Each batch in two transactions, as production writes them at different moments: the proposals' processes are
     * started (the engine grants each task to its candidate group), then the departments are granted the process
     * instances as {@link ProposalAccess} does at assignment, and some tasks are claimed. Where the server runs without
     * autovacuum, an ANALYZE every 30 seconds stands in for it, as the engine's queries need statistics.
     */
    private void populate(List<PlannedTask> plan) throws Exception {
        CommandExecutor inOneTransaction = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ScheduledExecutorService statistics = Executors.newSingleThreadScheduledExecutor();
        if ("off".equals(jdbc.queryForObject("SHOW autovacuum", String.class))) {
            statistics.scheduleWithFixedDelay(() -> jdbc.execute("ANALYZE"), 30, 30, TimeUnit.SECONDS);
        }
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < plan.size(); from += BATCH) {
                List<PlannedTask> batch = plan.subList(from, Math.min(from + BATCH, plan.size()));
                batches.add(pool.submit(() -> {
                    List<String> instances = inOneTransaction.execute(context -> batch.stream().map(this::start).toList());
                    inOneTransaction.execute(context -> {
                        grantAndClaim(batch, instances);
                        return null;
                    });
                    return null;
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            statistics.shutdownNow();
            pool.shutdown();
        }
    }

    private String start(PlannedTask task) {
        String number = String.format(Locale.ROOT, "B%07d", task.index());
        return runtime.startProcessInstanceByKey(PROCESS, number, Variables.createVariables()
                .putValue(ProcessVariables.PROPOSAL_NUMBER, number)
                .putValue(ProcessVariables.PROPOSAL_TITLE, "关于加强基层市场监管能力建设的建议（" + task.index() + "）")
                .putValue(ProcessVariables.ROLE, task.role())
                .putValue(ProcessVariables.KEY_PROPOSAL, task.key())
                .putValue("handlingGroup", task.group())
                .putValue("handlingDue", task.due())).getId();
    }

    private void grantAndClaim(List<PlannedTask> batch, List<String> instances) {
        Map<String, String> taskByInstance = new LinkedHashMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
            taskByInstance.put(task.getProcessInstanceId(), task.getId());
        }
        for (int i = 0; i < batch.size(); i++) {
            PlannedTask task = batch.get(i);
            if (task.department() != null) {
                access.grantDepartments(instances.get(i), task.department(), List.of());
            }
            if (task.assignee() != null) {
                taskService.setAssignee(taskByInstance.get(instances.get(i)), task.assignee());
            }
        }
    }

    private void createUsers(List<String> codes) {
        List<String> groups = new ArrayList<>(List.of(CurrentUser.OFFICE_GROUP, "leader"));
        for (String code : codes) {
            groups.add("dept-" + code);
            groups.add("head-" + code);
        }
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
        }
        for (String code : codes) {
            for (int i = 1; i <= HANDLERS_PER_DEPARTMENT; i++) {
                createUser(user(code, i), "dept-" + code);
            }
            createUser(head(code), "head-" + code);
        }
        for (int i = 1; i <= OFFICE_CLERKS; i++) {
            createUser(clerk(i), CurrentUser.OFFICE_GROUP);
        }
    }

    private void createUser(String id, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("基准测试");
        user.setEmail(id + "@bench.example.cn");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private static String user(String code, int n) {
        return "bench-" + code + "-" + n;
    }

    private static String head(String code) {
        return "bench-" + code + "-head";
    }

    private static String clerk(int n) {
        return "bench-office-" + n;
    }

    private Map<String, Long> historyRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_name LIKE 'act\\_hi\\_%' ORDER BY table_name", String.class)) {
            long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            if (count > 0) {
                rows.put(table, count);
            }
        }
        return rows;
    }

    private Map<String, String> databaseSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "jit",
                "max_parallel_workers_per_gather", "autovacuum")) {
            settings.put(name, jdbc.queryForObject("SHOW " + name, String.class));
        }
        return settings;
    }

    // --- the bare baseline -----------------------------------------------------------------------------------------

    /**
     * Sets aside every grant on a single process instance or its history (what {@link ProposalAccess} adds per
     * proposal), leaving the engine's own grants (each task to its candidate group and assignee) and the handful of
     * group-wide grants made at start-up, without which no one could log in or read a filter.
     *
     * @return the authorization rows left
     */
    private long withoutProposalGrants() {
        String ours = "resource_type_ IN (" + Resources.PROCESS_INSTANCE.resourceType() + ", "
                + Resources.HISTORIC_PROCESS_INSTANCE.resourceType() + ") AND resource_id_ <> '*'";
        jdbc.execute("DROP TABLE IF EXISTS pd_bench_proposal_grants");
        jdbc.execute("CREATE TABLE pd_bench_proposal_grants AS SELECT * FROM act_ru_authorization WHERE " + ours);
        jdbc.execute("DELETE FROM act_ru_authorization WHERE " + ours);
        for (Resources resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
            plainEngineTaskGrants(resource);
        }
        jdbc.execute("VACUUM ANALYZE act_ru_authorization");
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization", Long.class);
    }

    /**
     * The per-task grants the engine's default provider makes to a candidate group and that {@code TaskGrants} leaves
     * out for the groups granted every task (the office): with the same permissions as the engine's grants to the
     * departments' candidate groups.
     */
    private void plainEngineTaskGrants(Resources resource) {
        int type = resource.resourceType();
        Integer perms = jdbc.queryForObject("SELECT MAX(perms_) FROM act_ru_authorization WHERE resource_type_ = ? "
                + "AND resource_id_ <> '*' AND group_id_ LIKE 'dept-%'", Integer.class, type);
        jdbc.update("INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_, "
                + "root_proc_inst_id_) SELECT 'bare-' || ? || '-' || t.id_, 1, 1, i.group_id_, ?, t.id_, ?, t.proc_inst_id_ "
                + "FROM act_ru_task t JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate' "
                + "WHERE i.group_id_ IN (" + String.join(", ", AccessPolicy.GROUPS_WITH_EVERY_TASK.stream().map(g -> "'" + g + "'").toList())
                + ") AND NOT EXISTS (SELECT 1 FROM act_ru_authorization a WHERE a.type_ = 1 AND a.group_id_ = i.group_id_ "
                + "AND a.resource_type_ = ? AND a.resource_id_ = t.id_)", type, type, perms, type);
    }

    private void restoreProposalGrants() {
        jdbc.execute("DELETE FROM act_ru_authorization WHERE id_ LIKE 'bare-%'");
        jdbc.execute("INSERT INTO act_ru_authorization SELECT * FROM pd_bench_proposal_grants");
        jdbc.execute("DROP TABLE pd_bench_proposal_grants");
        jdbc.execute("VACUUM ANALYZE act_ru_authorization");
    }

    // --- the indexes ----------------------------------------------------------------------------------------------

    /** Migration V10 as Flyway applies it to PostgreSQL: in the vendor's folder if there is one there. */
    private static Resource tasklistIndexMigration() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V10__*.sql");
        return Arrays.stream(found).filter(r -> uri(r).contains("/postgresql/")).findFirst()
                .or(() -> Arrays.stream(found).filter(r -> !uri(r).matches(".*/db/migration/[a-z0-9]+/V10__.*")).findFirst())
                .orElseThrow(() -> new IllegalStateException("No migration V10 on the classpath"));
    }

    private static String uri(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> createIndexStatements(Resource migration) throws IOException {
        StringBuilder sql = new StringBuilder();
        for (String line : migration.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return Arrays.stream(sql.toString().split(";")).map(String::strip)
                .filter(statement -> CREATE_INDEX.matcher(statement).find()).toList();
    }

    private static String indexName(String createIndex) {
        Matcher matcher = CREATE_INDEX.matcher(createIndex);
        if (!matcher.find()) {
            throw new IllegalArgumentException(createIndex);
        }
        return matcher.group(1);
    }

    // --- the calls ------------------------------------------------------------------------------------------------

    /** Latencies of one request repeated, in milliseconds, and the number of tasks it reported. */
    record Series(double[] millis, long tasks) {

        double percentile(int p) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        double max() {
            return Arrays.stream(millis).max().orElse(0);
        }
    }

    private Series measure(String name, String filter, Caller caller, String path, String accept) throws Exception {
        long warmUpEnd = System.nanoTime() + WARM_UP_BUDGET.toNanos();
        for (int i = 0; i < WARM_UP_CALLS && System.nanoTime() < warmUpEnd; i++) {
            call(caller, path, accept);
        }
        long expectedBefore = expectedTasks(filter, caller);
        List<Double> millis = new ArrayList<>();
        long tasks = -1;
        long end = System.nanoTime() + SERIES_BUDGET.toNanos();
        while (millis.size() < CALLS && (millis.size() < MIN_CALLS || System.nanoTime() < end)) {
            long start = System.nanoTime();
            JsonNode answer = call(caller, path, accept);
            millis.add((System.nanoTime() - start) / 1e6);
            tasks = answer.path("count").asLong(-1);
        }
        if (millis.size() < CALLS) {
            cutShort.put(name, millis.size());
        }
        // the check that authorization hides nothing the filter should show (即将到期 changes when 18:00 passes during a series)
        assertThat(tasks).as("%s as %s", path, caller.userId()).isIn(expectedBefore, expectedTasks(filter, caller));
        return new Series(millis.stream().mapToDouble(Double::doubleValue).toArray(), tasks);
    }

    /** What the filter must show the caller, counted in SQL without the engine's authorization checks. */
    private long expectedTasks(String filter, Caller caller) {
        String candidateTasks = "SELECT COUNT(DISTINCT t.id_) FROM act_ru_task t JOIN act_ru_identitylink i ON i.task_id_ = t.id_"
                + " WHERE i.type_ = 'candidate' AND i.group_id_ = ?";
        long now = System.currentTimeMillis();
        return switch (filter) {
            case TasklistFilters.MY_TASKS ->
                jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task WHERE assignee_ = ?", Long.class, caller.userId());
            case TasklistFilters.DEPARTMENT_TASKS -> jdbc.queryForObject(candidateTasks, Long.class, caller.group());
            case TasklistFilters.DUE_SOON -> jdbc.queryForObject(candidateTasks + " AND t.due_date_ > ? AND t.due_date_ < ?",
                    Long.class, caller.group(), new Timestamp(now), new Timestamp(now + Duration.ofDays(7).toMillis()));
            default -> throw new IllegalArgumentException(filter);
        };
    }

    private JsonNode call(Caller caller, String path, String accept) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((caller.userId() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", accept)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_QUERY)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s as %s: %s", path, caller.userId(), response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String[] notes() {
        return new String[] {
            "Data: a benchmark process (src/test/resources/benchmark/tasklist-benchmark.bpmn) with one user task, started "
                    + "through the engine's Java API in batches of " + BATCH + " per transaction on " + THREADS + " threads, "
                    + "so that the engine writes its own runtime, history and authorization rows (history level full). "
                    + "Each instance carries six process variables (proposalNumber, proposalTitle, role, keyProposal, "
                    + "handlingGroup, handlingDue); the task's candidate group and due date come from them. Not the real "
                    + "proposal-handling process: its task listeners, due dates and reminder timers read the proposal's "
                    + "rows in the domain tables, too slow to fill at this size.",
            "Candidate groups: 20 % office, 65 % dept-<code>, 15 % head-<code> over the seven configured departments; due "
                    + "dates at 18:00 Beijing time from 30 days ago to 90 days ahead; 10 % of the tasks claimed by a member of "
                    + "their group (taskService.setAssignee: the engine grants the assignee too). The process instances of a "
                    + "department's tasks are granted to its dept-, head- and leader groups by ProposalAccess.grantDepartments, "
                    + "as at assignment in production. Users: a handler (dept-<code>), the head (head-<code>), an office clerk "
                    + "(office, which may read every task).",
            "Calls: POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15 with the body and Accept header Tasklist "
                    + "sends (HAL: the first page, the count, the assignees, process definitions and the filter's variable "
                    + "columns), and POST /engine-rest/filter/{id}/count; HTTP Basic, one call at a time, authorization on, "
                    + "after warm-up calls. Every series checks the count against the same filter counted in SQL without "
                    + "authorization. \"without V10\": the same calls after dropping the indexes of migration V10, measured "
                    + "first; then the indexes are created again as V10 creates them.",
            "Bare Camunda: the same tasks and calls, measured last, after setting aside the grants that are ours per "
                    + "proposal (each process instance and its history to the dept-, head- and leader groups) and adding the "
                    + "per-task grants the engine's default provider makes and TaskGrants leaves out (each office task and its "
                    + "history to the office); the group-wide grants of AccessPolicy stay, as without them nobody could log in or "
                    + "read a filter. Ratio = bare / ours: our speed as a share of bare Camunda's (1 = as fast).",
        };
    }
}
