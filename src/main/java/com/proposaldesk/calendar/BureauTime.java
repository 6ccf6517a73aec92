package com.proposaldesk.calendar;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Moments as the bureau reads them: in the configured zone ({@code proposal-desk.calendar.zone}), whatever the
 * server's zone. The engine's times are instants; our tables' TIMESTAMP columns hold the bureau's wall-clock time
 * ({@code EngineClock.localNow()}).
 */
@Component
public class BureauTime {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter PAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public BureauTime(CalendarProperties calendar) {
        this.zone = calendar.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    public OffsetDateTime of(Date moment) {
        return moment == null ? null : moment.toInstant().atZone(zone).toOffsetDateTime();
    }

    /** A value of one of our TIMESTAMP columns, written in the bureau's zone. */
    public OffsetDateTime ofStored(LocalDateTime stored) {
        return stored == null ? null : stored.atZone(zone).toOffsetDateTime();
    }

    /** For pages: {@code 2025-04-11 09:30}, in the bureau's zone; empty for null. */
    public String format(Object moment) {
        OffsetDateTime time;
        if (moment == null) {
            time = null;
        } else if (moment instanceof OffsetDateTime offset) {
            time = offset.atZoneSameInstant(zone).toOffsetDateTime();
        } else if (moment instanceof Date date) {
            time = of(date);
        } else if (moment instanceof LocalDateTime stored) {
            time = ofStored(stored);
        } else {
            throw new IllegalArgumentException("Not a moment: " + moment.getClass());
        }
        return time == null ? "" : PAGE.format(time);
    }

    /** A copy of the mapper that writes every moment as ISO-8601 with the bureau's offset, e.g. {@code +08:00}. */
    public ObjectMapper json(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("bureau-time");
        module.addSerializer(Date.class, serializer(this::of));
        module.addSerializer(LocalDateTime.class, serializer(this::ofStored));
        module.addSerializer(OffsetDateTime.class, serializer(time -> time.atZoneSameInstant(zone).toOffsetDateTime()));
        return mapper.copy().registerModule(module);
    }

    private static <T> JsonSerializer<T> serializer(Function<T, OffsetDateTime> convert) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(ISO.format(convert.apply(value)));
            }
        };
    }
}
