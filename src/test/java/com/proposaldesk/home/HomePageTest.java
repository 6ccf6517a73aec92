package com.proposaldesk.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.WebappSession;

/** The home {@code /} on the webapps' login, and the links to it and to the case file from the webapps. */
@ProposalDeskSpringTest
class HomePageTest {

    private static final String PASSWORD = "Home-Pw-2026";
    private static final String WEBAPPS = "/camunda/app";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    EngineClock clock;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        ApiClient.as(rest, identity, "home-office", PASSWORD, "office");
        ApiClient.as(rest, identity, "home-food", PASSWORD, "dept-food");
        ApiClient.as(rest, identity, "home-leader", PASSWORD, "leader");
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
    }

    @Test
    void theOfficeSeesEveryBureauPage() throws Exception {
        String links = home("home-office");

        assertThat(links).contains("href=\"/proposals\"", "href=\"/api/ledger.xlsx\"", "href=\"/members.html\"",
                "href=\"/camunda/app/cockpit/default/#/proposal-board\"", "挂图作战",
                "href=\"/api/reports/annual.docx?year=" + Year.from(clock.today()) + "\"",
                "href=\"/import.html\"", "href=\"/mails.html\"", "href=\"/audit.html\"",
                "href=\"/camunda/app/tasklist/default/\"", "href=\"/camunda/app/cockpit/default/\"")
                .doesNotContain("/camunda/app/admin/");
    }

    @Test
    void aDepartmentSeesOnlyWhatItMayUse() throws Exception {
        String links = home("home-food");

        assertThat(links).contains("href=\"/proposals\"", "href=\"/api/ledger.xlsx\"", "href=\"/camunda/app/tasklist/default/\"")
                .doesNotContain("/import.html", "/mails.html", "/audit.html", "/api/reports/annual", "proposal-board",
                        "/camunda/app/cockpit/", "/camunda/app/admin/");
    }

    @Test
    void theLeaderSeesTheBoardAndTheFiguresButNotTheOfficesPages() throws Exception {
        String links = home("home-leader");

        assertThat(links).contains("href=\"/proposals\"", "#/proposal-board", "/api/reports/annual.docx",
                "href=\"/camunda/app/cockpit/default/\"")
                .doesNotContain("/import.html", "/mails.html", "/audit.html", "/camunda/app/admin/");
    }

    @Test
    void withoutALoginTheHomeSendsToTheWebappsLogin() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(WEBAPPS + "/welcome/default/"));
    }

    @Test
    void theWebappsLinkToTheHomeAndTasklistToTheCaseFile() {
        assertThat(resource(WEBAPPS + "/tasklist/scripts/config.js")).contains("'custom/bureau-links.js'");
        assertThat(resource(WEBAPPS + "/tasklist/custom/bureau-links.js")).contains("tasklist.navbar.action",
                "link.href = '/'", "tasklist.task.detail", "label: '案卷'", "'/proposals/' + encodeURIComponent(number)",
                "/variables/proposalNumber", "businessKey");
        assertThat(resource(WEBAPPS + "/cockpit/scripts/config.js")).contains("'custom/home-link.js'");
        assertThat(resource(WEBAPPS + "/cockpit/custom/home-link.js")).contains("cockpit.navigation", "pagePath: '/'", "工作台");
        assertThat(resource(WEBAPPS + "/cockpit/custom/proposal-board.js")).contains("href: '/proposals/' + encodeURIComponent(r.number)");
        assertThat(resource(WEBAPPS + "/welcome/scripts/config.js")).contains("label: '工作台', href: '/'");
    }

    /** The home's links, without the header bar every bureau page shares. */
    private String home(String user) throws Exception {
        HttpResponse<String> page = WebappSession.tasklist(baseUrl(), user, PASSWORD).page("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>工作台 · 提案办理台</title>");
        return page.body().substring(page.body().indexOf("<main>"));
    }

    private String resource(String path) {
        var response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
