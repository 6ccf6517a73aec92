package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.proposaldesk.support.ProposalDeskSpringTest;

/** A load balancer asks {@code /actuator/health} without a login and learns UP or DOWN, nothing more; no other actuator endpoint is open. */
@ProposalDeskSpringTest
class HealthEndpointTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthAnswersWithoutLoginAndWithoutDetails() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void noOtherActuatorEndpointIsOpen() {
        for (String endpoint : new String[] {"env", "beans", "configprops", "metrics", "loggers", "heapdump", "threaddump", "mappings"}) {
            assertThat(http.getForEntity("/actuator/" + endpoint, String.class).getStatusCode().value())
                    .as(endpoint).isEqualTo(404);
        }
    }
}
