package com.proposaldesk.calendar;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects, across one or more calendar operations, the Chinese warnings a user must see: one for each
 * year a computation touched without published holiday data.
 */
public final class CalendarWarnings {

    private final Set<String> messages = new LinkedHashSet<>();

    void add(String message) {
        messages.add(message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }
}
