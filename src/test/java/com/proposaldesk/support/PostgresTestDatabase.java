package com.proposaldesk.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for integration tests: a fresh database on the server at 127.0.0.1:5432 where one
 * listens (CI), otherwise an embedded PostgreSQL started for this JVM. Override with
 * {@code PD_TEST_PG_HOST}/{@code PD_TEST_PG_PORT}/{@code PD_TEST_PG_USER}.
 */
public final class PostgresTestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTestDatabase.class);
    private static final String HOST = env("PD_TEST_PG_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("PD_TEST_PG_PORT", "5432"));
    private static final String USER = env("PD_TEST_PG_USER", "postgres");

    private static EmbeddedPostgres embedded;

    private PostgresTestDatabase() {
    }

    /** Points the application context at a new, empty PostgreSQL database. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        // Spring keeps every test context open until the JVM ends, and the server (max_connections 100) is shared
        // with other builds: let an idle context hold one connection instead of a full pool of 30
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    /**
     * Points the application context at the database of this name, created when missing and kept after the run, so
     * that a later run can use what this one left (a benchmark's data, for instance).
     */
    public static void registerKept(DynamicPropertyRegistry registry, String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        String server = server(name);
        if (!exists(server, name)) {
            execute(server, "CREATE DATABASE " + name);
        }
        String url = server + name;
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    public static synchronized String newDatabase() {
        String name = "pd_test_" + Long.toHexString(System.nanoTime());
        String server = server(name);
        execute(server, "CREATE DATABASE " + name);
        if (embedded == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(server, name)));
        }
        return server + name;
    }

    private static String server(String name) {
        if (listening(HOST, PORT)) {
            LOG.info("Using the PostgreSQL server at {}:{} for database {}", HOST, PORT, name);
            return "jdbc:postgresql://" + HOST + ":" + PORT + "/";
        }
        LOG.info("No PostgreSQL at {}:{}; using an embedded PostgreSQL on port {}", HOST, PORT, embedded().getPort());
        return "jdbc:postgresql://localhost:" + embedded().getPort() + "/";
    }

    private static boolean exists(String server, String name) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, "");
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for database " + name + " on " + server, e);
        }
    }

    /** The user the tests connect as: a superuser (trust authentication), with an empty password. */
    public static String user() {
        return USER;
    }

    /**
     * Takes the database away from its clients as a server outage would: new connections are refused and every
     * open session is ended. {@link #restore} gives it back.
     */
    public static void cutOff(String databaseUrl) {
        String server = serverOf(databaseUrl);
        String name = nameOf(databaseUrl);
        execute(server, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        execute(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                + "' AND pid <> pg_backend_pid()");
    }

    public static void restore(String databaseUrl) {
        execute(serverOf(databaseUrl), "ALTER DATABASE " + nameOf(databaseUrl) + " ALLOW_CONNECTIONS true");
    }

    private static String serverOf(String databaseUrl) {
        return databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1);
    }

    private static String nameOf(String databaseUrl) {
        return databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
    }

    private static void execute(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + server, e);
        }
    }

    /**
     * Test databases on a shared server are dropped when the JVM ends. Spring closes its contexts in another
     * shutdown hook at the same time: give it a few seconds to close the engine and the pool first, or the engine,
     * closing, waits for a connection to a database that is gone (30 s) until Surefire kills the JVM.
     */
    private static void dropQuietly(String server, String name) {
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (connections(server, name) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.warn("Test database {} was not dropped: {}", name, e.getMessage());
        }
    }

    private static int connections(String server, String name) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, "");
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("No PostgreSQL server listens and the embedded one did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return embedded;
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
