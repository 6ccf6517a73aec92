package com.proposaldesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one benchmark: each measurement beside its bare-Camunda baseline where there is one, the goal
 * and whether it was met. Written to {@code target/benchmarks/<name>.json} and {@code <name>.md}; a goal that is
 * missed is reported there, it does not fail the build.
 */
public final class BenchmarkReport {

    /** Where every benchmark writes; {@code -Dbenchmark.output=...} moves it. */
    public static final Path FOLDER = Path.of(System.getProperty("benchmark.output", "target/benchmarks"));

    private final String name;
    private final String title;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchmarkReport(String name, String title) {
        this.name = name;
        this.title = title;
        setting("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        setting("processors", Runtime.getRuntime().availableProcessors());
        setting("java", System.getProperty("java.version"));
        setting("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        setting("jvmArguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    public BenchmarkReport setting(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    public BenchmarkReport note(String text) {
        notes.add(text);
        return this;
    }

    /**
     * A rate of ours beside the same rate of bare Camunda (higher is better); the ratio is ours / bare.
     *
     * @param goalRatio the ratio aimed at, or {@code null} where the issue sets none
     */
    public BenchmarkReport rate(String measure, String unit, double ours, double bare, Double goalRatio) {
        double ratio = ours / bare;
        Map<String, Object> row = row(measure, unit, ours);
        row.put("bare", round(bare));
        row.put("ratio", round(ratio));
        if (goalRatio != null) {
            row.put("goal", "ratio ≥ " + goalRatio);
            row.put("met", ratio >= goalRatio);
        }
        return this;
    }

    /**
     * A cost of ours beside the same cost of bare Camunda (lower is better: rows, timers, statements); the ratio is
     * ours / bare.
     *
     * @param goalRatioAtMost the ratio allowed at most, or {@code null} where the issue sets none
     */
    public BenchmarkReport cost(String measure, String unit, double ours, double bare, Double goalRatioAtMost) {
        Map<String, Object> row = row(measure, unit, ours);
        row.put("bare", round(bare));
        if (bare != 0) {
            double ratio = ours / bare;
            row.put("ratio", round(ratio));
            if (goalRatioAtMost != null) {
                row.put("goal", "ratio ≤ " + goalRatioAtMost);
                row.put("met", ratio <= goalRatioAtMost);
            }
        }
        return this;
    }

    /**
     * A latency of ours beside the same latency of bare Camunda; the ratio is bare / ours, i.e. our speed as a share
     * of bare Camunda's (higher is better, 1 = as fast).
     *
     * @param goalAtMost the latency aimed at, or {@code null}
     * @param goalRatio the ratio aimed at, or {@code null}
     */
    public BenchmarkReport latency(String measure, String unit, double ours, double bare, Double goalAtMost, Double goalRatio) {
        Map<String, Object> row = row(measure, unit, ours);
        row.put("bare", round(bare));
        double ratio = ours == 0 ? 1 : bare / ours;
        row.put("ratio", round(ratio));
        List<String> goals = new ArrayList<>();
        boolean met = true;
        if (goalAtMost != null) {
            goals.add("≤ " + format(goalAtMost) + " " + unit);
            met = ours <= goalAtMost;
        }
        if (goalRatio != null) {
            goals.add("ratio ≥ " + goalRatio);
            met = met && ratio >= goalRatio;
        }
        if (!goals.isEmpty()) {
            row.put("goal", String.join(", ", goals));
            row.put("met", met);
        }
        return this;
    }

    /** A duration or latency (lower is better), with its goal if it has one. */
    public BenchmarkReport time(String measure, String unit, double ours, Double goalAtMost) {
        Map<String, Object> row = row(measure, unit, ours);
        if (goalAtMost != null) {
            row.put("goal", "≤ " + format(goalAtMost) + " " + unit);
            row.put("met", ours <= goalAtMost);
        }
        return this;
    }

    /** A count or a figure without a goal. */
    public BenchmarkReport figure(String measure, String unit, double value) {
        row(measure, unit, value);
        return this;
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    private Map<String, Object> row(String measure, String unit, double ours) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", measure);
        row.put("unit", unit);
        row.put("value", round(ours));
        rows.add(row);
        return row;
    }

    public Path write() {
        try {
            Files.createDirectories(FOLDER);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("benchmark", name);
            json.put("title", title);
            json.put("settings", settings);
            json.put("results", rows);
            json.put("notes", notes);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(FOLDER.resolve(name + ".json").toFile(), json);
            Path markdown = FOLDER.resolve(name + ".md");
            Files.writeString(markdown, markdown());
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("| measure | Proposal Desk | bare Camunda | ratio | goal | met |\n|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : rows) {
            String unit = " " + row.get("unit");
            md.append("| ").append(row.get("measure"))
                    .append(" | ").append(format(row.get("value"))).append(unit)
                    .append(" | ").append(row.containsKey("bare") ? format(row.get("bare")) + unit : "")
                    .append(" | ").append(row.containsKey("ratio") ? format(row.get("ratio")) : "")
                    .append(" | ").append(row.getOrDefault("goal", ""))
                    .append(" | ").append(row.containsKey("met") ? ((Boolean) row.get("met") ? "yes" : "**no**") : "")
                    .append(" |\n");
        }
        md.append('\n');
        settings.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        notes.forEach(note -> md.append("\n").append(note).append('\n'));
        return md.toString();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String format(Object value) {
        double d = ((Number) value).doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.format(Locale.ROOT, "%,d", (long) d)
                : String.format(Locale.ROOT, "%,.2f", d);
    }
}
