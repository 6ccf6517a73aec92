package com.proposaldesk.deadline;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time limits of {@code proposal-desk.deadlines}: complete {@code defaults}, then {@code overrides}
 * applied in the order listed, so a later match wins.
 */
@ConfigurationProperties("proposal-desk.deadlines")
public record DeadlineProperties(DeadlineLimits defaults, List<DeadlineOverride> overrides) {

    public DeadlineProperties {
        List<String> unset = defaults == null ? List.of("all") : defaults.unset();
        if (!unset.isEmpty()) {
            throw new IllegalStateException("proposal-desk.deadlines.defaults must set every limit; missing: " + unset);
        }
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
