package com.proposaldesk.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The performance criteria of the self-score (自评), from {@code proposal-desk.self-score.criteria}.
 *
 * @param criteria each with a Chinese name, what it measures and its points
 */
@ConfigurationProperties("proposal-desk.self-score")
public record SelfScoreProperties(List<Criterion> criteria) {

    public SelfScoreProperties {
        criteria = criteria == null || criteria.isEmpty() ? defaults() : List.copyOf(criteria);
    }

    /** What a criterion measures. */
    public enum Measure {
        /** All or nothing: every answered proposal replied on time. */
        ON_TIME,
        /** Points off per unsatisfied and per basically satisfied evaluation of an answered proposal. */
        EVALUATION,
        /** Points off per answered proposal past its deadline, not replied and not extended. */
        OVERDUE,
        /** All or nothing: every answered proposal has a 先沟通后办理 record. */
        COMMUNICATION
    }

    /**
     * @param perUnsatisfied points off per unsatisfied evaluation (EVALUATION)
     * @param perBasicallySatisfied points off per basically satisfied evaluation (EVALUATION)
     * @param perCase points off per overdue proposal (OVERDUE)
     */
    public record Criterion(String name, Measure measure, int points, int perUnsatisfied, int perBasicallySatisfied,
            int perCase) {
    }

    static List<Criterion> defaults() {
        return List.of(new Criterion("办理时效", Measure.ON_TIME, 20, 0, 0, 0),
                new Criterion("答复质量", Measure.EVALUATION, 50, 10, 0, 0),
                new Criterion("办理成效", Measure.OVERDUE, 30, 0, 0, 10),
                new Criterion("沟通率", Measure.COMMUNICATION, 0, 0, 0, 0));
    }
}
