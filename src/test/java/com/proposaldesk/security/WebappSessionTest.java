package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;

/**
 * The webapps' own login: a session cookie, guarded by Camunda's CSRF token. The session lets a browser read our
 * API (the Cockpit progress board does), and write to it only with the session's CSRF token (the import page does).
 */
@ProposalDeskSpringTest
class WebappSessionTest {

    private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
    private static final String PASSWORD = "Session-Pw-2026";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        ApiClient.as(http, identity, "session-office", PASSWORD, CurrentUser.OFFICE_GROUP);
    }

    @Test
    void theLoginNeedsTheCsrfTokenAndTheSessionOnlyReadsOurApi() {
        ResponseEntity<String> forged = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(login(cookie(forged, "JSESSIONID"), cookie(forged, "XSRF-TOKEN"), null).getStatusCode())
                .as("without the CSRF header").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String csrf = cookie(page, "XSRF-TOKEN");
        String session = cookie(page, "JSESSIONID");
        assertThat(csrf).isNotBlank();
        ResponseEntity<String> loggedIn = login(session, csrf, csrf);
        assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        String loggedInSession = loggedIn.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().map(c -> c.substring(11, c.indexOf(';'))).orElse(session);

        HttpHeaders browser = new HttpHeaders();
        browser.add(HttpHeaders.COOKIE, "JSESSIONID=" + loggedInSession + "; XSRF-TOKEN=" + csrf);
        browser.add("X-XSRF-TOKEN", csrf);
        assertThat(http.exchange("/api/proposals", HttpMethod.GET, new HttpEntity<>(browser), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the login gave the session a new CSRF token: a page of ours reads it (import.html has it in a meta tag)
        HttpHeaders cookie = new HttpHeaders();
        cookie.add(HttpHeaders.COOKIE, "JSESSIONID=" + loggedInSession);
        http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(cookie), String.class);
        String importPage = http.exchange("/import.html", HttpMethod.GET, new HttpEntity<>(cookie), String.class).getBody();
        String token = importPage.replaceAll("(?s).*<meta name=\"csrf-token\" content=\"([^\"]+)\">.*", "$1");
        browser.set("X-XSRF-TOKEN", token);
        browser.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/proposals", HttpMethod.POST, new HttpEntity<>("{}", browser), String.class)
                .getStatusCode()).as("a write with the session and its CSRF token: validated as the user's")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        browser.remove("X-XSRF-TOKEN");
        assertThat(http.exchange("/api/proposals", HttpMethod.POST, new HttpEntity<>("{}", browser), String.class)
                .getStatusCode()).as("a write with the session cookie only").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(browser), String.class)
                .getStatusCode()).as("the engine's REST API wants HTTP Basic").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> login(String session, String csrfCookie, String csrfHeader) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrfCookie);
        if (csrfHeader != null) {
            headers.add("X-XSRF-TOKEN", csrfHeader);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "session-office");
        form.add("password", PASSWORD);
        return http.exchange(LOGIN, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        List<String> cookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).orElse(null);
    }
}
