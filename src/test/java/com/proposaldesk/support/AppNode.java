package com.proposaldesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.util.TestSocketUtils;

/**
 * One node of the application as an operator runs it: the repackaged jar in a JVM of its own, on the {@code postgres}
 * profile with the database, the first administrator and the mail server from the environment, on a free port. The
 * node's output goes to {@code target/nodes/<name>.log}. {@link #kill()} ends it with SIGKILL, as a power cut would.
 */
public final class AppNode implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Cluster-Node-2023";

    private static final Logger LOG = LoggerFactory.getLogger(AppNode.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node. {@code settings} are further Spring properties, e.g. {@code camunda.bpm.job-execution.lock-time-in-millis}.
     * The node names itself in the engine's job log ({@code ACT_HI_JOB_LOG.HOSTNAME_}) by {@code name}.
     */
    public static AppNode start(String name, String databaseUrl, int smtpPort, Map<String, String> settings) {
        int port = TestSocketUtils.findAvailableTcpPort();
        Path log = Path.of("target", "nodes", name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar().toString(),
                "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("SPRING_DATASOURCE_URL", databaseUrl);
        env.put("SPRING_DATASOURCE_USERNAME", PostgresTestDatabase.user());
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("PROPOSAL_DESK_ADMIN_USER", ADMIN);
        env.put("PROPOSAL_DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PROPOSAL_DESK_MEMBER_LINK_SECRET", "cluster-test-member-link-secret-0123456789");
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        try {
            Process process = builder.start();
            LOG.info("Started {} (pid {}) on port {}, log {}", name, process.pid(), port, log.toAbsolutePath());
            return new AppNode(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
        }
    }

    /** Waits until {@code GET /actuator/health} answers UP; fails with the end of the node's log if it dies or times out. */
    public AppNode awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + logTail());
    }

    /** A client of this node as the given user. */
    public HttpBasic as(String user, String password) {
        return new HttpBasic("http://127.0.0.1:" + port, user, password);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, open transactions are left to the database to roll back. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Killed {} (exit {})", name, process.exitValue());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path jar() {
        String configured = System.getProperty("proposal-desk.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("proposal-desk-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No application jar in target/: run ./mvnw package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
