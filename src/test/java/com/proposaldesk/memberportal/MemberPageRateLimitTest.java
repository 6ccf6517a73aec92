package com.proposaldesk.memberportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberPageRateLimitTest {

    @Test
    void eachClientGetsItsRequestsPerMinuteAndTheNextMinuteStartsAfresh() {
        MemberPageRateLimit limit = new MemberPageRateLimit(new MemberLinkProperties(null, null, null, null, null, 3));
        long minute = 29_000_000L * 60_000;

        for (int i = 0; i < 3; i++) {
            assertThat(limit.allow("10.0.0.1", minute + i)).isTrue();
        }
        assertThat(limit.allow("10.0.0.1", minute + 10)).isFalse();
        assertThat(limit.allow("10.0.0.2", minute + 20)).as("another client").isTrue();
        assertThat(limit.allow("10.0.0.1", minute + 60_000)).as("the next minute").isTrue();
    }
}
