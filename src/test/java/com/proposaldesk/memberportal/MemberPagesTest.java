package com.proposaldesk.memberportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.support.WebappSession;

/**
 * The member's pages over HTTP, reached from the links in the mails the office reads at {@code GET /api/mails}: a
 * token that is expired, tampered, revoked or another proposal's answers 404 with one Chinese page that reveals nothing.
 */
@ProposalDeskSpringTest
class MemberPagesTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/member/[A-Za-z0-9_.-]+)");
    private static final String REFUSED = "链接无法使用";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    MemberRepository members;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    ProposalSteps steps;
    MemberProposals walk;
    ApiClient office;

    @BeforeEach
    void setUp() {
        ClockUtil.reset();
        // the webapps' login looks the engine up by name: this context's, not the one another context registered last
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        walk = new MemberProposals(steps, members);
        office = ApiClient.as(rest, identity, "member-pages-office", "demo-Pass-1", "office");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theAssignmentMailCarriesAProgressLinkThatShowsTheProposalAndNothingElse() {
        String number = TestProposals.newNumber("MPAGE");
        ProcessInstance pi = walk.register(number);
        steps.toDraftReply(pi);

        JsonNode mail = mail(number, "MEMBER_ASSIGNED", "member-" + number.toLowerCase() + "@example.cn");
        assertThat(mail.get("subject").asText()).contains(number, "已交办");
        assertThat(mail.get("body").asText()).contains("主办处室：", "随时查看办理进度：", "/member/");
        String page = rest.getForObject(path(mail), String.class);
        assertThat(page).contains("委员" + number + "委员，您好", "第" + number + "号", "主办处室", "与您的沟通记录", "先沟通后办理")
                .doesNotContain("agreement-form", "evaluation-form");
        assertThat(audit(number, "MEMBER_LINK_OPENED")).isPositive();
    }

    @Test
    void aTamperedExpiredRevokedOrForeignTokenGetsTheSameChinesePageAndNothingElse() {
        String number = TestProposals.newNumber("MREFUSE");
        String other = TestProposals.newNumber("MOTHER");
        ProcessInstance pi = walk.register(number);
        ProcessInstance otherPi = walk.register(other);
        steps.toDraftReply(pi);
        steps.toDraftReply(otherPi);
        String link = path(mail(number, "MEMBER_ASSIGNED", "member-" + number.toLowerCase() + "@example.cn"));
        String otherLink = path(mail(other, "MEMBER_ASSIGNED", "member-" + other.toLowerCase() + "@example.cn"));
        assertThat(get(link).getStatusCode()).isEqualTo(HttpStatus.OK);

        String token = link.substring("/member/".length());
        String otherToken = otherLink.substring("/member/".length());
        String lastChanged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        String otherIdOwnSignature = otherToken.substring(0, otherToken.indexOf('.')) + token.substring(token.indexOf('.'));
        for (String wrong : List.of(lastChanged, otherIdOwnSignature, "nonsense", token + "x")) {
            assertRefused(get("/member/" + wrong), number, other);
        }
        // another proposal's link shows that proposal only
        assertThat(get(otherLink).getBody()).contains(other).doesNotContain(number);

        // expired: the progress link lives a year
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(366).toMillis()));
        assertRefused(get(link), number, other);
        ClockUtil.reset();
        assertThat(get(link).getStatusCode()).isEqualTo(HttpStatus.OK);

        // revoked by the office; a department may not revoke
        long id = links(number).get(0).get("id").asLong();
        ApiClient handler = ApiClient.as(rest, identity, "member-pages-handler", "demo-Pass-1", "dept-food");
        assertThat(handler.post("/api/member-links/" + id + "/revoke", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> revoked = office.post("/api/member-links/" + id + "/revoke", null);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revoked.getBody().get("state").asText()).isEqualTo("已撤销");
        assertRefused(get(link), number, other);
        assertThat(audit(number, "MEMBER_LINK_REVOKED")).isEqualTo(1);
        assertThat(audit(number, "MEMBER_LINK_REFUSED")).isPositive();
        assertThat(links(number).get(0).has("token")).as("the office never sees a token").isFalse();
        assertThat(links(number).get(0).get("issuedAt").asText()).as("with the bureau's offset").endsWith("+08:00");
    }

    @Test
    void theLeadMemberAgreesOnlineAndTheOfficesTaskIsDone() {
        String number = TestProposals.newNumber("MPAGREE");
        ProcessInstance pi = walk.register(number);
        walk.toCommunicateBeforeReply(pi);
        String link = path(mail(number, "MEMBER_DRAFT", "member-" + number.toLowerCase() + "@example.cn"));
        assertThat(get(link).getBody()).contains("答复意见（征求意见稿）", "agreement-form");

        ResponseEntity<String> nothingChosen = post(link + "/agreement", form("comment", ""));
        assertThat(nothingChosen.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nothingChosen.getBody()).contains("请选择“同意”或“不同意”");
        ResponseEntity<String> noReason = post(link + "/agreement", form("decision", "DISAGREE"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("请写明您的意见");
        // the evaluation form is not this link's purpose
        assertRefused(post(link + "/evaluation", form("result", "SATISFIED")), number, "");
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY);

        ResponseEntity<String> agreed = post(link + "/agreement", form("decision", "AGREE", "comment", "同意"));

        assertThat(agreed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(agreed.getBody()).contains("您的意见已提交，并已转交承办处室办理", "您已提交：同意答复意见");
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(ProcessElements.TASK_FORMAL_REPLY);
        assertThat(office.get("/api/proposals/" + number + "/member-answers").getBody()).singleElement()
                .satisfies(answer -> assertThat(answer.get("counted").asBoolean()).isTrue());
        assertThat(post(link + "/agreement", form("decision", "DISAGREE", "comment", "再改")).getBody())
                .contains("您已通过此链接提交过意见");
    }

    @Test
    void theOfficeRevokesALinkFromTheCaseFilePageAndADepartmentCannot() throws Exception {
        String number = TestProposals.newNumber("MREVOKE");
        ProcessInstance pi = walk.register(number);
        steps.toDraftReply(pi);
        String link = path(mail(number, "MEMBER_ASSIGNED", "member-" + number.toLowerCase() + "@example.cn"));
        long id = links(number).get(0).get("id").asLong();
        String revoke = "/proposals/" + number + "/member-links/" + id + "/revoke";
        String handlerId = "member-pages-revoker-" + number.toLowerCase();
        ApiClient.as(rest, identity, handlerId, "demo-Pass-1", "dept-food");

        WebappSession handler = WebappSession.tasklist(baseUrl(), handlerId, "demo-Pass-1");
        String handlersPage = handler.page("/proposals/" + number).body();
        assertThat(handlersPage).contains("#" + id).doesNotContain(revoke);
        HttpResponse<String> refused = handler.postForm(revoke, "application/x-www-form-urlencoded",
                ("_csrf=" + formToken(handlersPage)).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(get(link).getStatusCode()).isEqualTo(HttpStatus.OK);

        WebappSession officeSession = WebappSession.tasklist(baseUrl(), "member-pages-office", "demo-Pass-1");
        String officesPage = officeSession.page("/proposals/" + number).body();
        assertThat(officesPage).contains(revoke);
        assertThat(officeSession.postForm(revoke, "application/x-www-form-urlencoded", "_csrf=forged".getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("without the session's token").isEqualTo(403);
        HttpResponse<String> revoked = officeSession.postForm(revoke, "application/x-www-form-urlencoded",
                ("_csrf=" + formToken(officesPage)).getBytes(StandardCharsets.UTF_8));
        assertThat(revoked.statusCode()).isEqualTo(302);
        String back = revoked.headers().firstValue("Location").orElseThrow();
        assertThat(officeSession.page(back.substring(back.indexOf("/proposals/"))).body())
                .contains("委员链接已撤销", "已撤销").doesNotContain(revoke);
        assertRefused(get(link), number, number);
        assertThat(audit(number, "MEMBER_LINK_REVOKED")).isEqualTo(1);
    }

    private static String formToken(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the page's form token").isTrue();
        return matcher.group(1);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void theEvaluationLinkDownloadsTheLetterAndTakesTheEvaluation() {
        String number = TestProposals.newNumber("MPEVAL");
        ProcessInstance pi = walk.register(number);
        walk.toRecordEvaluation(pi);
        String link = path(mail(number, "MEMBER_REPLY", "member-" + number.toLowerCase() + "@example.cn"));
        assertThat(get(link).getBody()).contains("下载答复函", "办理态度", "办理结果", "沟通联系", "evaluation-form");

        ResponseEntity<byte[]> letter = rest.getForEntity(link + "/letter", byte[].class);
        assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(letter.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf");
        assertThat(new String(letter.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(rest.getForEntity(link.replace("/member/", "/member/x") + "/letter", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> unsatisfiedWithoutWords = post(link + "/evaluation", form("result", "UNSATISFIED",
                "attitude", "SATISFIED", "outcome", "UNSATISFIED", "consultation", "SATISFIED"));
        assertThat(unsatisfiedWithoutWords.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unsatisfiedWithoutWords.getBody()).contains("评价不满意时，请写明您的意见");

        ResponseEntity<String> evaluated = post(link + "/evaluation", form("result", "BASICALLY_SATISFIED",
                "attitude", "SATISFIED", "outcome", "BASICALLY_SATISFIED", "consultation", "SATISFIED", "comment", "望持续跟进"));

        assertThat(evaluated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(evaluated.getBody()).contains("您已提交：总体评价：基本满意");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(ProcessElements.MESSAGE_MEMBER_EVALUATED);
        assertThat(audit(number, "MEMBER_EVALUATED")).isEqualTo(1);
    }

    @Test
    void anyOtherAddressOrMethodUnderTheMemberPagesGetsTheSameChinesePageWhateverTheClientAccepts() throws Exception {
        String number = TestProposals.newNumber("MELSE");
        ProcessInstance pi = walk.register(number);
        steps.toDraftReply(pi);
        String link = path(mail(number, "MEMBER_ASSIGNED", "member-" + number.toLowerCase() + "@example.cn"));

        HttpHeaders json = new HttpHeaders();
        json.setAccept(List.of(MediaType.APPLICATION_JSON));
        for (String wrong : List.of("/member", "/member/", link + "/letter.pdf", link + "/agreement", link + "/evaluation",
                link + "/x/y")) {
            assertRefused(rest.exchange(wrong, HttpMethod.GET, new HttpEntity<>(json), String.class), number, "");
            assertRefused(get(wrong), number, "");
        }
        assertRefused(rest.exchange(link, HttpMethod.POST, new HttpEntity<>(json), String.class), number, "");
        assertRefused(rest.exchange(link, HttpMethod.DELETE, HttpEntity.EMPTY, String.class), number, "");

        // an address Tomcat refuses before any page sees it: a Chinese page too, without the server's name
        HttpResponse<String> encodedSlash = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + link + "%2F..%2Fapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(encodedSlash.statusCode()).isEqualTo(400);
        assertThat(encodedSlash.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(encodedSlash.body()).contains("请求有误").doesNotContain("Tomcat", "HTTP Status", number);
    }

    private void assertRefused(ResponseEntity<String> response, String number, String other) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains(REFUSED, "此链接无效或已失效").doesNotContain(number);
        if (!other.isEmpty()) {
            assertThat(response.getBody()).doesNotContain(other);
        }
    }

    private JsonNode mail(String number, String kind, String recipient) {
        JsonNode mails = office.get("/api/mails?proposal=" + number + "&kind=" + kind).getBody();
        for (JsonNode mail : mails) {
            if (mail.get("recipient").asText().equals(recipient)) {
                return mail;
            }
        }
        throw new AssertionError("No " + kind + " mail to " + recipient + " in " + mails);
    }

    static String path(JsonNode mail) {
        Matcher link = LINK.matcher(mail.get("body").asText());
        assertThat(link.find()).as("a member link in %s", mail.get("body").asText()).isTrue();
        return link.group(1);
    }

    private List<JsonNode> links(String number) {
        List<JsonNode> links = new java.util.ArrayList<>();
        office.get("/api/proposals/" + number + "/member-links").getBody().forEach(links::add);
        return links.stream().filter(link -> link.get("leadMember").asBoolean()).toList();
    }

    private int audit(String number, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE proposal_number = ? AND action = ?").params(number, action)
                .query(Integer.class).single();
    }

    private ResponseEntity<String> get(String path) {
        return rest.getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private static MultiValueMap<String, String> form(String... keysAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }
}
