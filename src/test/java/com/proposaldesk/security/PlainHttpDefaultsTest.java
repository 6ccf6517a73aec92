package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.proposaldesk.support.ProposalDeskSpringTest;

/** Without PROPOSAL_DESK_TLS (a local run on plain HTTP) cookies are not Secure and no HSTS is sent. */
@ProposalDeskSpringTest
class PlainHttpDefaultsTest {

    @LocalServerPort
    int port;

    @Test
    void cookiesAreNotSecureAndNoHstsIsSent() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/camunda/app/welcome/default/", "/engine-rest/engine", "/members.html")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
            if (path.startsWith("/camunda")) {
                assertThat(response.headers().allValues("Set-Cookie")).as(path).isNotEmpty()
                        .noneSatisfy(cookie -> assertThat(cookie).containsPattern("(?i);\\s*Secure\\b"));
            }
        }
    }
}
