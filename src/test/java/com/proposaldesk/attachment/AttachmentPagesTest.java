package com.proposaldesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.http.ContentDisposition;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.support.WebappSession;

/** The attachments on the case file page, on the login of the Camunda webapps: the upload form, downloads, deletion. */
@ProposalDeskSpringTest
class AttachmentPagesTest {

    private static final String PASSWORD = "Att-Pages-Pw-2026";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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

    String number;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        ProposalSteps steps = new ProposalSteps(engine, registration);
        number = TestProposals.newNumber("ATT-PAGE");
        ProcessInstance instance = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(instance);
        steps.assign(instance, "food", List.of());
        ApiClient.as(rest, identity, "att-pages-food", PASSWORD, "dept-food");
        ApiClient.as(rest, identity, "att-pages-food-2", PASSWORD, "dept-food");
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aDepartmentUploadsAScanFromThePageDownloadsItAndDeletesIt() throws Exception {
        WebappSession browser = WebappSession.tasklist(baseUrl(), "att-pages-food", PASSWORD);
        HttpResponse<String> page = browser.page("/proposals/" + number);
        assertThat(page.body()).contains("id=\"attachments\"", "尚无附件。", "上传附件", "每个文件不超过 20 MB");
        String token = token(page.body());
        String name = "会办意见函（市教育局）<盖章>.pdf";
        byte[] scan = AttachmentSamples.pdf(40_000);

        HttpResponse<String> uploaded = upload(browser, token, name, scan, "EXTERNAL_OPINION");

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        assertThat(uploaded.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/proposals/" + number + "?notice=uploaded#attachments"));
        HttpResponse<String> after = browser.page("/proposals/" + number + "?notice=uploaded");
        assertThat(after.body()).contains("附件已上传。", "会办意见函（市教育局）&lt;盖章&gt;.pdf", "会办意见函", "39.1 KB", "删除")
                .doesNotContain("<盖章>");
        JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.get("/api/proposals/" + number + "/attachments").body());
        long id = list.get(0).path("id").asLong();
        assertThat(list.get(0).path("name").asText()).as("the name kept through the session's upload").isEqualTo(name);

        HttpResponse<byte[]> download = browser.download("/api/proposals/" + number + "/attachments/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(scan);
        assertThat(ContentDisposition.parse(download.headers().firstValue("Content-Disposition").orElseThrow()).getFilename())
                .isEqualTo(name);

        WebappSession colleague = WebappSession.tasklist(baseUrl(), "att-pages-food-2", PASSWORD);
        HttpResponse<String> colleaguesPage = colleague.page("/proposals/" + number);
        assertThat(colleaguesPage.body()).contains("上传附件").doesNotContain("/attachments/" + id + "/delete");
        HttpResponse<String> refused = colleague.postForm("/proposals/" + number + "/attachments/" + id + "/delete",
                "application/x-www-form-urlencoded", ("_csrf=" + token(colleaguesPage.body())).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("只有上传人（att-pages-food）或提案办可以删除附件");

        HttpResponse<String> deleted = browser.postForm("/proposals/" + number + "/attachments/" + id + "/delete",
                "application/x-www-form-urlencoded", ("_csrf=" + token).getBytes(StandardCharsets.UTF_8));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(browser.page("/proposals/" + number).body()).contains("尚无附件。");
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefused() throws Exception {
        WebappSession browser = WebappSession.tasklist(baseUrl(), "att-pages-food", PASSWORD);
        browser.page("/proposals/" + number);

        HttpResponse<String> forged = upload(browser, "forged-token", "交办单.pdf", AttachmentSamples.pdf(1_000), "OTHER");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("页面已过期或请求来源不明，请刷新案卷页面后重试");
        assertThat(browser.page("/proposals/" + number).body()).contains("尚无附件。");
    }

    @Test
    void aFileOverTheServletsLimitIsExplainedOnThePage() throws Exception {
        WebappSession browser = WebappSession.tasklist(baseUrl(), "att-pages-food", PASSWORD);
        String token = token(browser.page("/proposals/" + number).body());

        HttpResponse<String> refused = upload(browser, token, "整卷扫描.pdf", AttachmentSamples.pdf(23 * 1024 * 1024), "OTHER");

        assertThat(refused.statusCode()).isEqualTo(303);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/proposals/" + number + "?notice=too-large#attachments");
        assertThat(browser.page(location.substring(0, location.indexOf('#'))).body())
                .contains("文件超过 20 MB 的上限，请压缩或拆分后再上传", "尚无附件。");
    }

    @Test
    void aRefusedFileIsExplainedOnThePage() throws Exception {
        WebappSession browser = WebappSession.tasklist(baseUrl(), "att-pages-food", PASSWORD);
        String token = token(browser.page("/proposals/" + number).body());

        HttpResponse<String> refused = upload(browser, token, "说明.txt", "文字".getBytes(StandardCharsets.UTF_8), "OTHER");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("不支持此类文件（说明.txt", "尚无附件。", "上传附件");
    }

    private HttpResponse<String> upload(WebappSession browser, String token, String name, byte[] content, String kind)
            throws Exception {
        String boundary = "----pdpage" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                // as browsers send it: the name in UTF-8, quotes escaped
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name.replace("\"", "%22")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.postForm("/proposals/" + number + "/attachments", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).as("the page's form token").isTrue();
        return matcher.group(1);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
