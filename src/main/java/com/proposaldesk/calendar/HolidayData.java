package com.proposaldesk.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The published years merged into one immutable day table. */
final class HolidayData {

    private final Map<LocalDate, HolidayFile.Day> days;
    private final SortedSet<Integer> years;

    private HolidayData(Map<LocalDate, HolidayFile.Day> days, SortedSet<Integer> years) {
        this.days = days;
        this.years = years;
    }

    /** A file may list days of the neighbouring year (2023.json starts on 2022-12-31); the later year's file wins. */
    static HolidayData of(Collection<HolidayFile> files) {
        Map<LocalDate, HolidayFile.Day> days = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        files.stream().filter(HolidayFile::published).sorted(Comparator.comparingInt(HolidayFile::year)).forEach(file -> {
            years.add(file.year());
            file.days().forEach(day -> days.put(day.date(), day));
        });
        return new HolidayData(Map.copyOf(days), Collections.unmodifiableSortedSet(years));
    }

    Optional<HolidayFile.Day> day(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    boolean covers(int year) {
        return years.contains(year);
    }

    SortedSet<Integer> years() {
        return years;
    }
}
