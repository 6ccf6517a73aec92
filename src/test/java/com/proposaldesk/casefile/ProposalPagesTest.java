package com.proposaldesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.support.WebappSession;

/** The pages {@code /proposals} and {@code /proposals/{number}} on the login of the Camunda webapps. */
@ProposalDeskSpringTest
class ProposalPagesTest {

    private static final String PASSWORD = "Pages-Pw-2026";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;

    String food;
    String equipment;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        ProposalSteps steps = new ProposalSteps(engine, registration);
        food = TestProposals.newNumber("PAGE-A");
        ProcessInstance a = steps.register(TestProposals.request(food, ProposalRole.LEAD));
        steps.signFor(a);
        steps.assign(a, "food", List.of());
        equipment = TestProposals.newNumber("PAGE-B");
        ProcessInstance b = steps.register(TestProposals.request(equipment, ProposalRole.LEAD));
        steps.signFor(b);
        steps.assign(b, "equipment", List.of());
        ApiClient.as(rest, identity, "pages-office", PASSWORD, "office");
        ApiClient.as(rest, identity, "pages-food", PASSWORD, "dept-food");
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aUserLoggedInToTasklistOpensTheCaseFileWithoutAnotherPassword() throws Exception {
        WebappSession office = WebappSession.tasklist(baseUrl(), "pages-office", PASSWORD);

        HttpResponse<String> page = office.page("/proposals/" + food);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains(food, "登记信息", "办理过程", "签收", "分派主办和协办处室", "食品安全处", "建立校园周边食品经营者台账",
                "/camunda/app/tasklist/default/#/?task=", "/camunda/app/cockpit/default/#/process-instance/");

        HttpResponse<String> search = office.page("/proposals?q=" + URLEncoder.encode(food, StandardCharsets.UTF_8));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("共 <strong>1</strong> 件", "href=\"/proposals/" + food + "\"",
                "/api/proposals/search.xlsx?q=" + food);
    }

    @Test
    void theCaseFileListsEveryTextOfADraftAndTheCorrectedApproval() throws Exception {
        ProposalSteps steps = new ProposalSteps(engine, registration);
        String number = TestProposals.newNumber("PAGE-C");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approveWithEdits(pi, ProcessElements.TASK_REVIEW_DEPT_HEAD, "经研究，我局已建立全市校园周边食品经营者台账……");
        // the name the other tests of this context give the head, should this test come first
        String head = "王处长";
        if (identity.createUserQuery().userId(ProposalSteps.HEAD).count() == 0) {
            User user = identity.newUser(ProposalSteps.HEAD);
            user.setFirstName(head);
            identity.saveUser(user);
        }

        HttpResponse<String> page = WebappSession.tasklist(baseUrl(), "pages-office", PASSWORD).page("/proposals/" + number);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("修改后同意", "修改记录（2 个版本）", "第 1 版 · 承办处室 · " + ProposalSteps.HANDLER,
                "第 2 版 · 处室负责人 · " + head, "经研究，我局已建立全市校园周边食品经营者台账……",
                "<td data-label=\"审核人\">" + head);
        assertThat(page.body()).as("the people by name, a user the directory does not know by id")
                .doesNotContain(">" + ProposalSteps.HEAD + "<");
    }

    @Test
    void aDepartmentSeesItsOwnCaseFilesOnly() throws Exception {
        WebappSession department = WebappSession.tasklist(baseUrl(), "pages-food", PASSWORD);

        assertThat(department.page("/proposals/" + food).statusCode()).isEqualTo(200);
        HttpResponse<String> other = department.page("/proposals/" + equipment);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("您无权查看提案 " + equipment).doesNotContain("办理过程");
        HttpResponse<String> list = department.page("/proposals?q=PAGE-");
        assertThat(list.body()).contains(food).doesNotContain(equipment);
        HttpResponse<String> missing = department.page("/proposals/NO-SUCH-PAGE");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("未找到编号为 NO-SUCH-PAGE 的提案");
        HttpResponse<String> bad = department.page("/proposals?year=abc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("年度“abc”无效");
    }

    @Test
    void withoutALoginThePageSaysWhereToLogIn() throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        for (String path : List.of("/proposals/" + food, "/proposals")) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(page.statusCode()).as(path).isEqualTo(401);
            assertThat(page.body()).as(path).contains("请先登录", "/camunda/app/tasklist/default/#/login").doesNotContain(food);
        }
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
