package com.proposaldesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
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
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.CaseAttachments;

/** {@code /api/proposals/{number}/attachments}: upload, list, download and delete, as the office and the departments do. */
@ProposalDeskSpringTest
class AttachmentApiTest {

    private static final String PASSWORD = "Attach-Pw-2026";
    private static final String OFFICE = "att-office";
    private static final String FOOD = "att-food";
    private static final String FOOD_COLLEAGUE = "att-food-2";
    private static final String EQUIPMENT = "att-equipment";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    JdbcClient jdbc;

    ProposalSteps steps;
    ProcessInstance instance;
    String number;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        number = TestProposals.newNumber("ATT");
        instance = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(instance);
        steps.assign(instance, "food", List.of());
        ApiClient.as(rest, identity, OFFICE, PASSWORD, "office");
        ApiClient.as(rest, identity, FOOD, PASSWORD, "dept-food");
        ApiClient.as(rest, identity, FOOD_COLLEAGUE, PASSWORD, "dept-food");
        ApiClient.as(rest, identity, EQUIPMENT, PASSWORD, "dept-equipment");
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aChineseNamedScanIsUploadedListedDownloadedAsItWasAndDeletedByTheOffice() {
        String name = "市政协交办单（第 12 号）扫描件 2025年.pdf";
        byte[] scan = AttachmentSamples.pdf(300_000);

        ResponseEntity<JsonNode> uploaded = upload(FOOD, name, scan, "交办单", "原件存档于提案办");

        assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode stored = uploaded.getBody();
        long id = stored.path("id").asLong();
        assertThat(stored.path("name").asText()).isEqualTo(name);
        assertThat(stored.path("size").asLong()).isEqualTo(scan.length);
        assertThat(stored.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(stored.path("kind").asText()).isEqualTo("ASSIGNMENT_SHEET");
        assertThat(stored.path("kindLabel").asText()).isEqualTo("交办单");
        assertThat(stored.path("description").asText()).isEqualTo("原件存档于提案办");
        assertThat(stored.path("uploadedBy").asText()).isEqualTo(FOOD);
        assertThat(stored.path("uploadedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(uploaded.getHeaders().getLocation()).hasToString("/api/proposals/" + number + "/attachments/" + id);

        JsonNode list = as(OFFICE).get(path()).getBody();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("name").asText()).isEqualTo(name);
        assertThat(list.get(0).path("uploadedAt").asText()).endsWith("+08:00");
        assertThat(list.get(0).has("content")).isFalse();

        ResponseEntity<byte[]> download = as(FOOD_COLLEAGUE).download(path() + "/" + id);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(scan);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String disposition = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''%E5%B8%82%E6%94%BF%E5%8D%8F");
        assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo(name);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        JsonNode caseFile = as(FOOD).get("/api/proposals/" + number + "/case-file").getBody();
        assertThat(caseFile.path("attachments").get(0).path("name").asText()).isEqualTo(name);
        assertThat(caseFile.path("attachments").get(0).path("uploadedAt").asText()).isEqualTo(stored.path("uploadedAt").asText());

        ResponseEntity<JsonNode> byColleague = delete(FOOD_COLLEAGUE, id);
        assertThat(byColleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byColleague.getBody().path("message").asText()).isEqualTo("只有上传人（" + FOOD + "）或提案办可以删除附件“" + name + "”");
        assertThat(delete(OFFICE, id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as(FOOD).get(path()).getBody()).isEmpty();
        ResponseEntity<JsonNode> gone = as(FOOD).get(path() + "/" + id);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(gone.getBody().path("message").asText()).isEqualTo("提案 " + number + " 没有编号为 " + id + " 的附件");

        assertThat(jdbc.sql("SELECT action, user_id, subject FROM pd_audit WHERE proposal_number = ? AND action LIKE 'ATTACHMENT%' ORDER BY id").param(number)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly("ATTACHMENT_UPLOADED " + FOOD + " " + name, "ATTACHMENT_DELETED " + OFFICE + " " + name);
    }

    @Test
    void theUploaderDeletesTheirOwnFile() {
        long id = upload(FOOD, "会办意见函.docx", AttachmentSamples.docx("关于校园食品安全的会办意见"), "EXTERNAL_OPINION", null)
                .getBody().path("id").asLong();

        assertThat(delete(FOOD, id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as(FOOD).get(path()).getBody()).isEmpty();
    }

    @Test
    void officeDocumentsImagesAndOfdAreRecognisedByTheirContent() {
        Map<String, byte[]> files = Map.of(
                "会办意见函.docx", AttachmentSamples.docx("意见"),
                "现场照片.png", AttachmentSamples.png(),
                "盖章答复函.ofd", AttachmentSamples.ofd(),
                "没有扩展名的扫描件", AttachmentSamples.pdf(2_000));
        Map<String, String> expected = Map.of(
                "会办意见函.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "现场照片.png", "image/png",
                "盖章答复函.ofd", "application/ofd",
                "没有扩展名的扫描件", "application/pdf");
        files.forEach((name, content) -> {
            ResponseEntity<JsonNode> uploaded = upload(FOOD, name, content, null, null);
            assertThat(uploaded.getStatusCode()).as(name + ": " + uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(uploaded.getBody().path("contentType").asText()).as(name).isEqualTo(expected.get(name));
            assertThat(uploaded.getBody().path("kindLabel").asText()).isEqualTo("其他");
        });
    }

    @Test
    void aFileIsJudgedByItsContentNotItsNameAndEveryRefusalIsInChinese() {
        ResponseEntity<JsonNode> program = upload(FOOD, "答复函.pdf", AttachmentSamples.program(), null, null);
        assertThat(program.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(program.getBody().path("message").asText()).startsWith("不支持此类文件（答复函.pdf，识别为 ")
                .contains("只能上传 PDF、OFD、图片");
        ResponseEntity<JsonNode> zip = upload(FOOD, "意见.docx", AttachmentSamples.plainZip(), null, null);
        assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(zip.getBody().path("message").asText()).contains("识别为 application/zip");
        ResponseEntity<JsonNode> text = upload(FOOD, "说明.txt", "只是一段文字".getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        ResponseEntity<JsonNode> empty = upload(FOOD, "空.pdf", new byte[0], null, null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().path("message").asText()).startsWith("请选择要上传的文件");
        ResponseEntity<JsonNode> kind = upload(FOOD, "交办单.pdf", AttachmentSamples.pdf(1_000), "通知", null);
        assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(kind.getBody().path("message").asText()).isEqualTo("附件类别“通知”不存在，可选：交办单、会办意见函、盖章答复函、其他");

        ResponseEntity<JsonNode> tooLarge = upload(FOOD, "整卷扫描.pdf", AttachmentSamples.pdf(20 * 1024 * 1024 + 1), null, null);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.getBody().path("message").asText()).isEqualTo("文件超过 20 MB 的上限，请压缩或拆分后再上传");
        ResponseEntity<JsonNode> overServletLimit = upload(FOOD, "整卷扫描.pdf", AttachmentSamples.pdf(23 * 1024 * 1024), null, null);
        assertThat(overServletLimit.getStatusCode()).as("cut off by the servlet's multipart limit").isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(overServletLimit.getBody().path("message").asText()).isEqualTo("文件超过 20 MB 的上限，请压缩或拆分后再上传");

        ResponseEntity<JsonNode> noFile = as(FOOD).post(path(), multipart(Map.of("kind", "其他")));
        assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noFile.getBody().path("message").asText()).startsWith("请选择要上传的文件");

        assertThat(as(FOOD).get(path()).getBody()).as("nothing stored").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_audit WHERE proposal_number = ? AND action LIKE 'ATTACHMENT%'").param(number).query(Integer.class).single())
                .isZero();
    }

    @Test
    void anotherDepartmentNeitherSeesNorAddsNorDeletes() {
        long id = upload(FOOD, "交办单.pdf", AttachmentSamples.pdf(5_000), null, null).getBody().path("id").asLong();
        String refusal = "您无权查看提案 " + number + "：它不由您所在的处室办理";

        for (ResponseEntity<?> response : List.of(as(EQUIPMENT).get(path()), as(EQUIPMENT).get(path() + "/" + id),
                upload(EQUIPMENT, "特种设备.pdf", AttachmentSamples.pdf(1_000), null, null), delete(EQUIPMENT, id))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody().toString()).contains(refusal);
        }
        assertThat(as(FOOD).get(path()).getBody()).hasSize(1);
        assertThat(as(EQUIPMENT).get("/api/proposals/NO-SUCH-ATT/attachments").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity(path(), String.class).getStatusCode()).as("without a login").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void onceTheProposalIsClosedNothingIsDeletedAndOnlyTheOfficeAddsFiles() {
        long id = upload(FOOD, "盖章答复函.pdf", AttachmentSamples.pdf(5_000), "盖章答复函", null).getBody().path("id").asLong();
        proposals.updateStatus(number, ProposalStatus.CLOSED);

        for (String user : List.of(FOOD, OFFICE)) {
            ResponseEntity<JsonNode> refused = delete(user, id);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().path("message").asText()).isEqualTo("提案 " + number + " 已办结，附件随案卷归档，不能再删除");
        }
        ResponseEntity<JsonNode> late = upload(FOOD, "补充材料.pdf", AttachmentSamples.pdf(1_000), null, null);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().path("message").asText()).isEqualTo("提案 " + number + " 已办结，只有提案办可以再补充附件");
        assertThat(upload(OFFICE, "补充材料.pdf", AttachmentSamples.pdf(1_000), null, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as(FOOD).get(path()).getBody()).hasSize(2);
    }

    @Test
    void theOpenTasksListTheFilesWithDownloadLinksAndTheNamesAsTyped() {
        Task open = steps.task(instance, ProcessElements.TASK_COMMUNICATE_FIRST);
        assertThat((String) steps.shown(open, CaseAttachments.VARIABLE)).startsWith("**附件：** 暂无。");
        String name = "[点我](javascript:alert(1))<img src=x>会办.pdf";

        long id = upload(FOOD, name, AttachmentSamples.pdf(3_000), "会办意见函", "外单位*盖章*件").getBody().path("id").asLong();

        String text = (String) steps.shown(open, CaseAttachments.VARIABLE);
        assertThat(text).contains("会办意见函：[" + "\\[点我\\]\\(javascript\\:alert\\(1\\)\\)\\<img src\\=x\\>会办\\.pdf" + "]("
                + path() + "/" + id + ")", att(FOOD), "外单位\\*盖章\\*件");
        delete(FOOD, id);
        assertThat((String) steps.shown(open, CaseAttachments.VARIABLE)).startsWith("**附件：** 暂无。");
        steps.communicateFirst(instance);
        Task next = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).active().list().get(0);
        assertThat((String) steps.shown(next, CaseAttachments.VARIABLE)).as("a new task gets the list too").startsWith("**附件");
    }

    private static String att(String user) {
        return user.replace("-", "\\-");
    }

    private String path() {
        return "/api/proposals/" + number + "/attachments";
    }

    private ApiClient as(String user) {
        return ApiClient.as(rest, identity, user, PASSWORD, "office");
    }

    private ResponseEntity<JsonNode> upload(String user, String name, byte[] content, String kind, String description) {
        Map<String, Object> parts = new java.util.LinkedHashMap<>();
        parts.put("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        if (kind != null) {
            parts.put("kind", kind);
        }
        if (description != null) {
            parts.put("description", description);
        }
        return as(user).post(path(), multipart(parts));
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(Map<String, Object> parts) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        parts.forEach(body::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<JsonNode> delete(String user, long id) {
        return rest.withBasicAuth(user, PASSWORD).exchange(path() + "/" + id, HttpMethod.DELETE, null, JsonNode.class);
    }
}
