package com.proposaldesk.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads the shipped year files and then the operator folder's, which add years or replace shipped ones. */
final class HolidayFiles {

    private static final Logger LOG = LoggerFactory.getLogger(HolidayFiles.class);
    private static final String SHIPPED = "classpath*:calendar/*.json";

    private HolidayFiles() {
    }

    static HolidayData load(Path operatorFolder) {
        Map<Integer, HolidayFile> byYear = new TreeMap<>();
        readShipped(byYear);
        if (operatorFolder != null) {
            readFolder(operatorFolder, byYear);
        }
        byYear.values().stream().filter(file -> !file.published()).forEach(file -> LOG.warn(
                "Calendar file for {} lists no days; that year counts Saturdays and Sundays as the only rest days",
                file.year()));
        HolidayData data = HolidayData.of(byYear.values());
        LOG.info("Working-day calendar covers the years {}", data.years());
        return data;
    }

    private static void readShipped(Map<Integer, HolidayFile> byYear) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(SHIPPED)) {
                try (InputStream in = resource.getInputStream()) {
                    HolidayFile file = HolidayFile.read(in, resource.getDescription());
                    byYear.put(file.year(), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the shipped calendar files", e);
        }
    }

    private static void readFolder(Path folder, Map<Integer, HolidayFile> byYear) {
        if (!Files.isDirectory(folder)) {
            LOG.warn("Calendar folder {} does not exist; using the shipped years only", folder);
            return;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(path)) {
                    HolidayFile file = HolidayFile.read(in, path.toString());
                    HolidayFile shipped = byYear.get(file.year());
                    if (shipped != null && shipped.published() && !file.published()) {
                        LOG.warn("Calendar file {} lists no days; keeping the shipped data for {}", path, file.year());
                        continue;
                    }
                    if (shipped != null) {
                        LOG.info("Calendar file {} replaces the shipped data for {}", path, file.year());
                    }
                    byYear.put(file.year(), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar folder " + folder, e);
        }
    }
}
