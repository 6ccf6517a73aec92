package com.proposaldesk.calendar;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the working-day calendar reads its data besides the files shipped in {@code classpath:calendar/}.
 *
 * @param folder optional operator folder of {@code <year>.json} files that add or replace years
 * @param zone the zone in which a deadline date starts, for dates handed to the engine
 */
@ConfigurationProperties("proposal-desk.calendar")
public record CalendarProperties(Path folder, @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public CalendarProperties {
        folder = folder == null || folder.toString().isBlank() ? null : folder;
    }
}
