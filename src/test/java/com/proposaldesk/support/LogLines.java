package com.proposaldesk.support;

import java.util.Arrays;
import java.util.List;

import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * What the application logged during one step of a test, read from Spring Boot's captured output. The test profile
 * silences the engine's command logger ({@code org.camunda.bpm.engine.context}), which production keeps at INFO;
 * {@link #withProductionEngineLogging()} gives it back for a test about what production logs.
 */
public final class LogLines {

    private static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.context";

    private final CapturedOutput output;
    private int mark;

    public LogLines(CapturedOutput output) {
        this.output = output;
        this.mark = output.getAll().length();
    }

    /** The non-blank lines logged since the previous call (or since this was made). */
    public List<String> since() {
        String all = output.getAll();
        String added = all.substring(Math.min(mark, all.length()));
        mark = all.length();
        return Arrays.stream(added.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    /** Logs the engine's commands as production does until the returned handle is closed. */
    public static AutoCloseable withProductionEngineLogging() {
        Logger commands = (Logger) LoggerFactory.getLogger(ENGINE_COMMANDS);
        Level before = commands.getLevel();
        commands.setLevel(Level.INFO);
        return () -> commands.setLevel(before);
    }
}
