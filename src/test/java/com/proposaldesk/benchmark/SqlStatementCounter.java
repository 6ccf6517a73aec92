package com.proposaldesk.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, by kind, so that a benchmark can say how many each unit of work
 * costs: every execution of a statement, and every statement added to a JDBC batch (the engine batches its inserts,
 * updates and deletes on PostgreSQL), counts once. Installed as a bean post-processor that wraps the
 * {@code DataSource}; counts in all threads, so measure while only the benchmark's thread works.
 */
final class SqlStatementCounter implements BeanPostProcessor {

    enum Kind { SELECT, INSERT, UPDATE, DELETE, OTHER }

    private static final Map<Kind, LongAdder> COUNTS = new EnumMap<>(Kind.class);
    /**
     * Per statement text as the driver got it, for {@code -Dbenchmark.diagnose=true}: which statements make the
     * difference. Keyed by the raw text, so that counting costs a hash look-up; the text is tidied only for a snapshot.
     */
    private static final Map<String, Statistics> BY_TEXT = new ConcurrentHashMap<>();

    static {
        for (Kind kind : Kind.values()) {
            COUNTS.put(kind, new LongAdder());
        }
    }

    /** Executions of one statement text, and the nanoseconds spent in the driver's calls for them. */
    private record Statistics(Kind kind, LongAdder count, LongAdder nanos) {
        Statistics(Kind kind) {
            this(kind, new LongAdder(), new LongAdder());
        }
    }

    private static Statistics statistics(String sql) {
        return BY_TEXT.computeIfAbsent(sql, text -> new Statistics(kindOf(text)));
    }

    /** The counts so far, by kind. */
    static Map<Kind, Long> snapshot() {
        Map<Kind, Long> snapshot = new EnumMap<>(Kind.class);
        COUNTS.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    /** The counts so far, per statement text (whitespace collapsed). */
    static Map<String, Long> snapshotByText() {
        Map<String, Long> snapshot = new HashMap<>();
        BY_TEXT.forEach((sql, statistics) -> snapshot.merge(tidy(sql), statistics.count().sum(), Long::sum));
        return snapshot;
    }

    /** The nanoseconds spent in the driver so far, per statement text (whitespace collapsed), and for {@code COMMIT}. */
    static Map<String, Long> snapshotNanosByText() {
        Map<String, Long> snapshot = new HashMap<>();
        BY_TEXT.forEach((sql, statistics) -> snapshot.merge(tidy(sql), statistics.nanos().sum(), Long::sum));
        return snapshot;
    }

    private static String tidy(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    /** Prints the statements that took the most time in the driver, per unit of work, with their counts. */
    static void printTimes(String title, Map<String, Long> nanosByText, Map<String, Long> byText, int units) {
        long total = nanosByText.values().stream().mapToLong(Long::longValue).sum();
        System.out.println(String.format(Locale.ROOT, "== %s: %.2f ms per unit in the driver; statements by time, longest first",
                title, total / 1e6 / units));
        nanosByText.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(60).forEach(e -> System.out.println(String.format(Locale.ROOT, "%8.3f ms %7.2f×  %s",
                        e.getValue() / 1e6 / units, byText.getOrDefault(e.getKey(), 0L) / (double) units,
                        e.getKey().length() > 300 ? e.getKey().substring(0, 300) + "…" : e.getKey())));
    }

    /** {@code later - earlier}, statement by statement, added to {@code into}. */
    static void addTextDifference(Map<String, Long> into, Map<String, Long> earlier, Map<String, Long> later) {
        later.forEach((sql, count) -> into.merge(sql, count - earlier.getOrDefault(sql, 0L), Long::sum));
    }

    /** Prints the most frequent statements, per unit of work, to the test's output. */
    static void print(String title, Map<String, Long> byText, int units) {
        System.out.println("== " + title + ": SQL statements per unit, most frequent first");
        byText.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(80).forEach(e -> System.out.println(String.format(Locale.ROOT, "%8.2f  %s", e.getValue() / (double) units,
                        e.getKey().length() > 400 ? e.getKey().substring(0, 400) + "…" : e.getKey())));
    }

    /** {@code later - earlier}, kind by kind, added to {@code into}. */
    static void addDifference(Map<Kind, Long> into, Map<Kind, Long> earlier, Map<Kind, Long> later) {
        later.forEach((kind, count) -> into.merge(kind, count - earlier.get(kind), Long::sum));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? proxy(Connection.class, connection, this::connection) : result;
            });
        }
        return bean;
    }

    private Object connection(Object target, Method method, Object[] args) throws Throwable {
        if ("commit".equals(method.getName())) {
            Statistics commits = statistics("COMMIT");
            commits.count().increment();
            return timed(commits, () -> invoke(target, method, args));
        }
        Object result = invoke(target, method, args);
        if (result instanceof PreparedStatement prepared && args != null && args.length > 0 && args[0] instanceof String sql) {
            Statistics statistics = statistics(sql);
            Class<?> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class : PreparedStatement.class;
            return proxy(type, prepared, (statement, m, a) -> {
                String name = m.getName();
                if (name.startsWith("execute") && !"executeBatch".equals(name) || "addBatch".equals(name)) {
                    COUNTS.get(statistics.kind()).increment();
                    statistics.count().increment();
                }
                return name.startsWith("execute") ? timed(statistics, () -> invoke(statement, m, a)) : invoke(statement, m, a);
            });
        }
        if (result instanceof Statement statement) {
            return proxy(Statement.class, statement, (target2, m, a) -> {
                if ((m.getName().startsWith("execute") || "addBatch".equals(m.getName())) && a != null && a.length > 0
                        && a[0] instanceof String sql) {
                    COUNTS.get(kindOf(sql)).increment();
                }
                return invoke(target2, m, a);
            });
        }
        return result;
    }

    private interface Call {
        Object run() throws Throwable;
    }

    private static Object timed(Statistics statistics, Call call) throws Throwable {
        long start = System.nanoTime();
        try {
            return call.run();
        } finally {
            statistics.nanos().add(System.nanoTime() - start);
        }
    }

    private static Kind kindOf(String sql) {
        String start = sql.stripLeading().toUpperCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (start.startsWith(kind.name())) {
                return kind;
            }
        }
        return start.startsWith("WITH") ? Kind.SELECT : Kind.OTHER;
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if ("unwrap".equals(method.getName()) && args != null && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            if ("isWrapperFor".equals(method.getName()) && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return true;
            }
            return handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
