package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;

/**
 * A load balancer asks {@code /actuator/health} without a login and learns UP or DOWN, nothing more; every other actuator
 * path needs a login, and only the metrics are there.
 */
@ProposalDeskSpringTest
class HealthEndpointTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    @Test
    void healthAnswersWithoutLoginAndWithoutDetails() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void noOtherActuatorEndpointIsOpen() {
        ApiClient.as(http, identity, "actuator-admin", "Guan-Li-2025", Groups.CAMUNDA_ADMIN);
        for (String endpoint : new String[] {"env", "beans", "configprops", "metrics", "loggers", "heapdump", "threaddump", "mappings"}) {
            assertThat(http.getForEntity("/actuator/" + endpoint, String.class).getStatusCode().value())
                    .as(endpoint).isEqualTo(401);
            assertThat(http.withBasicAuth("actuator-admin", "Guan-Li-2025").getForEntity("/actuator/" + endpoint, String.class)
                    .getStatusCode().value()).as(endpoint + " with a login").isEqualTo(404);
        }
        assertThat(http.getForEntity("/actuator", String.class).getStatusCode().value()).isEqualTo(401);
        ApiClient.as(http, identity, "actuator-food", "Guan-Li-2025", "dept-food");
        assertThat(http.withBasicAuth("actuator-food", "Guan-Li-2025").getForEntity("/actuator", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    }
}
