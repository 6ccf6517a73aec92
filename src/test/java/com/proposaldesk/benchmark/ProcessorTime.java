package com.proposaldesk.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Processor time used so far by this JVM and by the PostgreSQL server's processes on this machine, so that a benchmark
 * can say what a unit of work costs each of them, apart from how long it waited. Unlike a rate, this does not depend on
 * how fast the machine answers a round trip, which varies far more between machines than the work does.
 */
final class ProcessorTime {

    /** Linux reports process times in clock ticks of 1/100 s ({@code USER_HZ}) on every common platform. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessorTime() {
    }

    /** Processor time of this JVM, all threads, in nanoseconds. */
    static long jvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Processor time of the running {@code postgres} processes (the server and its connections' backends) in
     * nanoseconds, from {@code /proc}; -1 where there is no {@code /proc}. Backends that ended in between are missed: the
     * connection pool keeps its connections for the whole run.
     */
    static long database() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    ticks += postgresTicks(entry.resolve("stat"));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** {@code utime + stime} of a {@code postgres} process, 0 for any other or one that has ended. */
    private static long postgresTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open || !line.substring(open + 1, close).startsWith("postgres")) {
                return 0;
            }
            String[] fields = line.substring(close + 2).split(" ");
            // after "pid (comm) ", field 3 (state) is index 0: utime and stime are fields 14 and 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
