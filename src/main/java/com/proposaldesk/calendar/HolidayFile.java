package com.proposaldesk.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One year's file in the holiday-cn format: the State Council notice's holidays and make-up working days. */
@JsonIgnoreProperties(ignoreUnknown = true)
record HolidayFile(int year, List<String> papers, List<Day> days) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    HolidayFile {
        papers = papers == null ? List.of() : List.copyOf(papers);
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** {@code offDay} true: a holiday; false: a weekend day worked instead (调休). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Day(String name, LocalDate date, @JsonProperty("isOffDay") boolean offDay) {
    }

    /** A file without days is a year whose notice is not out yet. */
    boolean published() {
        return !days.isEmpty();
    }

    static HolidayFile read(InputStream in, String source) {
        HolidayFile file;
        try {
            file = JSON.readValue(in, HolidayFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read calendar file " + source + ": " + e.getMessage(), e);
        }
        if (file.year() == 0 || file.days().stream().anyMatch(day -> day.date() == null)) {
            throw new IllegalStateException("Calendar file " + source + " needs a year and a date for every day");
        }
        return file;
    }
}
