package com.proposaldesk.importing;

import static com.proposaldesk.importing.AssignmentLists.csv;
import static com.proposaldesk.importing.AssignmentLists.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;

/**
 * {@code import.html} on the webapps' login: the page carries the session's CSRF token and the upload goes through with
 * the session cookie and that token, without a second password; without the token, or with another, it does not.
 */
@ProposalDeskSpringTest
class ImportPageTest {

    private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
    private static final String USER = "import-page-office";
    private static final String PASSWORD = "Import-Page-2026";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        ApiClient.as(http, identity, USER, PASSWORD, "office");
    }

    @Test
    void withoutALoginThePageSaysWhereToLogInAndOffersNoUpload() {
        ResponseEntity<String> page = http.getForEntity("/import.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("导入交办清单", "登录 Tasklist", "/camunda/app/tasklist/default/#/login")
                .doesNotContain("<form", "<meta name=\"csrf-token\"");
    }

    @Test
    void theLoggedInOfficeImportsWithTheSessionAndItsCsrfToken() {
        String session = logIn();
        HttpHeaders browser = new HttpHeaders();
        browser.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        String page = http.exchange("/import.html", HttpMethod.GET, new HttpEntity<>(browser), String.class).getBody();
        assertThat(page).contains("<form id=\"upload\"", "X-XSRF-TOKEN").doesNotContain("请先<a");
        String token = page.replaceAll("(?s).*<meta name=\"csrf-token\" content=\"([^\"]+)\">.*", "$1");
        assertThat(token).hasSizeLessThan(100).isNotBlank();

        String number = "2026" + (System.nanoTime() % 100_000_000L);
        byte[] list = csv(true, List.of(row(number)));

        ResponseEntity<String> cookieOnly = upload(session, null, list);
        assertThat(cookieOnly.getStatusCode().value()).as("the session cookie alone").isEqualTo(401);
        ResponseEntity<String> forged = upload(session, "not-the-token", list);
        assertThat(forged.getStatusCode().value()).as("another token").isEqualTo(401);
        assertThat(forged.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("no password prompt").isNull();
        assertThat(forged.getBody()).contains("登录已失效");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();

        ResponseEntity<String> imported = upload(session, token, list);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
        assertThat(imported.getBody()).contains(number);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT user_id FROM pd_audit WHERE proposal_number = ?").param(number).query(String.class).list())
                .as("recorded as the logged-in user").contains(USER);
    }

    private ResponseEntity<String> upload(String session, String token, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "交办清单.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        if (token != null) {
            headers.add("X-XSRF-TOKEN", token);
        }
        return http.exchange("/api/proposals/import", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /** Logs in as Tasklist does and answers the session's id. */
    private String logIn() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String csrf = cookie(page, "XSRF-TOKEN");
        String session = cookie(page, "JSESSIONID");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf);
        headers.add("X-XSRF-TOKEN", csrf);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", USER);
        form.add("password", PASSWORD);
        ResponseEntity<String> loggedIn = http.exchange(LOGIN, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(loggedIn.getStatusCode().value()).isEqualTo(200);
        String renewed = cookie(loggedIn, "JSESSIONID");
        String current = renewed == null ? session : renewed;
        // Tasklist then reads who is logged in, and the webapps give the new session its CSRF token
        HttpHeaders browser = new HttpHeaders();
        browser.add(HttpHeaders.COOKIE, "JSESSIONID=" + current);
        assertThat(http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(browser),
                String.class).getStatusCode().value()).isEqualTo(200);
        return current;
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "="))
                .findFirst().map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .orElse(null);
    }
}
