package com.proposaldesk.memberportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class MemberPageRateLimitTest {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void eachClientGetsItsRequestsPerMinuteAndTheNextMinuteStartsAfresh() {
        MemberPageRateLimit limit = new MemberPageRateLimit(3, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limit.allow("10.0.0.1")).isTrue();
        }
        assertThat(limit.allow("10.0.0.1")).isFalse();
        assertThat(limit.allow("10.0.0.2")).as("another client").isTrue();

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limit.allow("10.0.0.1")).as("within the same minute").isFalse();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(limit.allow("10.0.0.1")).as("the next minute").isTrue();
    }
}
