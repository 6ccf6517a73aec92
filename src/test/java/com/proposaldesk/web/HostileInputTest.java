package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.MarkdownText;

/**
 * Hostile input: oversized and malformed bodies get a clear Chinese 4xx; expression-like and SQL-like text in any field
 * is stored as text and comes back verbatim from the API, the reply letter and the ledger; and no answer, not even a
 * 500, shows a stack trace or an exception.
 */
@ProposalDeskSpringTest
class HostileInputTest {

    static final String EXPRESSION = "${execution.setVariable('pwned', true)}";
    static final String DEFERRED = "#{runtimeService.deleteProcessInstance(execution.processInstanceId, 'pwned')}";
    static final String SQL = "'; DROP TABLE pd_proposal; --";
    static final String PLACEHOLDER = "${title}";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";
    /** The import splits 联名委员 and 会办单位 at 、 , ; and 建议事项 at line breaks and ; so these hold none. */
    static final String CO_SIGNER = "${coSigner.name}";
    static final String OR_TRUE = "' OR '1'='1' --";
    static final String SUSPEND = "#{runtimeService.suspendProcessInstanceById(execution.processInstanceId)}";
    static final String UNION = "1' UNION SELECT PWD_ FROM ACT_ID_USER --";

    private static final String PASSWORD = "E-Yi-Shu-Ru-1";
    private static final String OFFICE = "hostile-office";
    private static final String HANDLER = "hostile-handler";
    private static final String ONE_MB_MESSAGE = "请求内容超过 1 MB 的上限，未予受理";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProposalRegistrationService registration;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ApiClient office;
    private ApiClient handler;

    @BeforeEach
    void people() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        office = ApiClient.as(rest, identity, OFFICE, PASSWORD, "office");
        handler = ApiClient.as(rest, identity, HANDLER, PASSWORD, "dept-food");
        for (String userId : List.of(ProposalSteps.LEADER, ProposalSteps.PRINCIPAL)) {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setFirstName("领导");
                identity.saveUser(user);
            }
        }
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    // ---- size limits ------------------------------------------------------------------------------

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413BeforeAnythingReadsIt() throws Exception {
        String number = TestProposals.newNumber("BIG");
        String body = json.writeValueAsString(registration(number, "很长的标题".repeat(80_000)));
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_048_576);

        HttpResponse<String> declared = send("POST", "/api/proposals", OFFICE, body, false);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json.readTree(declared.body()).get("message").asText()).isEqualTo(ONE_MB_MESSAGE);

        HttpResponse<String> chunked = send("POST", "/api/proposals", OFFICE, body, true);
        assertThat(chunked.statusCode()).as("without Content-Length").isEqualTo(413);
        assertThat(json.readTree(chunked.body()).get("message").asText()).isEqualTo(ONE_MB_MESSAGE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_proposal WHERE number = ?").param(number).query(Integer.class).single())
                .isZero();

        Task task = signForTask(register(TestProposals.newNumber("BIGREST")));
        HttpResponse<String> engineRest = send("POST", "/engine-rest/task/" + task.getId() + "/complete", OFFICE,
                "{\"variables\": {\"objectionReason\": {\"value\": \"" + "x".repeat(1_100_000) + "\"}}}", false);
        assertThat(engineRest.statusCode()).isEqualTo(413);
        assertThat(json.readTree(engineRest.body()).get("message").asText()).isEqualTo(ONE_MB_MESSAGE);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        HttpResponse<String> tasklist = send("POST", "/camunda/api/engine/engine/default/task/" + task.getId()
                + "/submit-form", null, "{\"variables\": {\"objectionReason\": {\"value\": \"" + "x".repeat(1_100_000)
                + "\"}}}", true);
        assertThat(tasklist.statusCode()).as("Tasklist's own REST API").isEqualTo(413);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsHandedOnIntact() throws Exception {
        String name = "分块委员" + TestProposals.newNumber("CH");
        HttpResponse<String> created = send("POST", "/api/members", OFFICE,
                json.writeValueAsString(Map.of("name", name, "sector", "经济界", "phone", "13600000000")), true);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("name").asText()).isEqualTo(name);
    }

    @Test
    void anUploadToTheEngineRestApiOverTheMultipartLimitIsRefused() throws Exception {
        String boundary = "----pd" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 23 * 1024 * 1024];
        System.arraycopy(head, 0, body, 0, head.length);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Authorization", basic(OFFICE)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("请求内容超过 22 MB 的上限，未予受理");
    }

    // ---- malformed and mistyped JSON ---------------------------------------------------------------------

    @Test
    void malformedJsonGetsAChinese400Everywhere() throws Exception {
        for (String[] call : List.of(new String[] {"POST", "/api/members"}, new String[] {"POST", "/api/proposals"},
                new String[] {"PUT", "/api/reports/typical-cases/X1"}, new String[] {"POST", "/api/tasks/x/urge"},
                new String[] {"POST", "/api/members/1/communications"})) {
            HttpResponse<String> response = send(call[0], call[1], OFFICE, "{\"name\": \"张三\",", false);
            assertThat(response.statusCode()).as(call[1]).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("message").asText()).as(call[1]).isEqualTo("请求内容不是有效的 JSON");
        }
        Task task = signForTask(register(TestProposals.newNumber("BADJSON")));
        HttpResponse<String> engineRest = send("POST", "/engine-rest/task/" + task.getId() + "/complete", OFFICE,
                "{\"variables\": {", false);
        assertThat(engineRest.statusCode()).isEqualTo(400);
        assertThat(json.readTree(engineRest.body()).get("message").asText()).isEqualTo("请求内容不是有效的 JSON");
        assertNoInternals(engineRest.body());
    }

    @Test
    void wronglyTypedFieldsGetAChinese400NamingTheField() throws Exception {
        HttpResponse<String> member = send("POST", "/api/members", OFFICE, "{\"name\": {\"first\": \"张\"}}", false);
        assertThat(member.statusCode()).isEqualTo(400);
        assertThat(json.readTree(member.body()).get("message").asText()).isEqualTo("字段 name 的类型不正确");

        HttpResponse<String> list = send("POST", "/api/proposals", OFFICE, "{\"suggestions\": {\"a\": 1}}", false);
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(json.readTree(list.body()).get("message").asText()).isEqualTo("字段 suggestions 的类型不正确");

        HttpResponse<String> path = send("GET", "/api/members/abc", OFFICE, null, false);
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(json.readTree(path.body()).get("message").asText()).isEqualTo("参数 id 的值“abc”格式不正确");

        Task task = signForTask(register(TestProposals.newNumber("BADTYPE")));
        HttpResponse<String> engineRest = send("POST", "/engine-rest/task/" + task.getId() + "/complete", OFFICE,
                "{\"variables\": [1, 2]}", false);
        assertThat(engineRest.statusCode()).isEqualTo(400);
        assertThat(json.readTree(engineRest.body()).get("message").asText()).isEqualTo("字段 variables 的类型不正确");
        assertNoInternals(engineRest.body());
    }

    // ---- expression-like and SQL-like text ---------------------------------------------------------------

    @Test
    void expressionsAndSqlInApiFieldsAreStoredAsTextAndNeverEvaluated() throws Exception {
        String number = TestProposals.newNumber("EXPR");
        String title = "关于" + EXPRESSION + SQL + "的提案";
        int proposalsBefore = count("pd_proposal");
        RegistrationRequest request = new RegistrationRequest(number, "CPPCC", DEFERRED, title,
                new RegistrationRequest.LeadMember("张" + SQL, EXPRESSION, null, null, DEFERRED),
                List.of(DEFERRED, SQL), List.of(EXPRESSION, DEFERRED, SQL, PLACEHOLDER), "LEAD", false,
                TestProposals.ASSIGNED_ON, null, List.of(FORMULA, EXPRESSION));

        ResponseEntity<JsonNode> created = office.post("/api/proposals", request);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);

        JsonNode stored = office.get("/api/proposals/" + number).getBody();
        assertThat(stored.get("title").asText()).isEqualTo(title);
        assertThat(stored.get("session").asText()).isEqualTo(DEFERRED);
        assertThat(stored.at("/leadMember/name").asText()).isEqualTo("张" + SQL);
        assertThat(stored.at("/leadMember/sector").asText()).isEqualTo(EXPRESSION);
        assertThat(stored.at("/leadMember/district").asText()).isEqualTo(DEFERRED);
        assertThat(texts(stored.get("coSigners"))).containsExactly(DEFERRED, SQL);
        assertThat(texts(stored.get("suggestions"))).containsExactly(EXPRESSION, DEFERRED, SQL, PLACEHOLDER);
        assertThat(texts(stored.get("externalCoUnits"))).containsExactly(FORMULA, EXPRESSION);
        notEvaluated(stored.get("processInstanceId").asText(), proposalsBefore + 1);
        assertThat(runtime.getVariable(stored.get("processInstanceId").asText(), "proposalTitle")).isEqualTo(title);

        ResponseEntity<JsonNode> member = office.post("/api/members", Map.of("name", EXPRESSION, "sector", SQL, "district",
                DEFERRED));
        assertThat(member.getStatusCode().value()).isEqualTo(201);
        JsonNode read = office.get("/api/members/" + member.getBody().get("id").asLong()).getBody();
        assertThat(List.of(read.get("name").asText(), read.get("sector").asText(), read.get("district").asText()))
                .containsExactly(EXPRESSION, SQL, DEFERRED);

        assertThat(office.put("/api/reports/typical-cases/" + number, Map.of("achievements", EXPRESSION + SQL))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode summary = office.get("/api/reports/annual?year=2025").getBody();
        List<String> achievements = new ArrayList<>();
        summary.findValues("achievements").forEach(value -> achievements.add(value.asText()));
        assertThat(achievements).contains(EXPRESSION + SQL);
    }

    @Test
    void formFieldsCompletedThroughTheEngineRestApiReachTheLetterVerbatim() throws Exception {
        String number = TestProposals.newNumber("FORMX");
        String title = "关于" + EXPRESSION + "的提案";
        RegistrationRequest base = TestProposals.request(number, ProposalRole.SOLE);
        ProcessInstance pi = new ProposalSteps(engine, registration).register(new RegistrationRequest(number, base.source(),
                base.session(), title, base.leadMember(), base.coSigners(), base.suggestions(), base.role(), false,
                base.assignedOn(), null, List.of()));
        ProposalSteps steps = new ProposalSteps(engine, registration);
        steps.signFor(pi);
        steps.assign(pi, "food", List.of());

        String summary = "委员说：" + EXPRESSION + "\n" + SQL;
        completeThroughRest(steps.task(pi, ProcessElements.TASK_COMMUNICATE_FIRST), Map.of("contactDate", "2025-04-18",
                "contactWay", "MEETING", "participants", DEFERRED, "memberIntent", SQL, "contactSummary", summary));
        String body = PLACEHOLDER + "\n" + EXPRESSION + "\n" + DEFERRED + "\n" + SQL + "\n${contactPhone}";
        completeThroughRest(steps.task(pi, ProcessElements.TASK_DRAFT_REPLY), Map.of("replyBody", body,
                "classification", "A", "publishDecision", "PUBLIC", "contactPerson", "李" + SQL, "contactPhone",
                "022-23456789"));

        Task review = steps.task(pi, ProcessElements.TASK_REVIEW_DEPT_HEAD);
        HttpResponse<String> formVariables = send("GET", "/engine-rest/task/" + review.getId() + "/form-variables",
                OFFICE, null, false);
        assertThat(formVariables.statusCode()).isEqualTo(200);
        assertThat(json.readTree(formVariables.body()).findValuesAsText("value"))
                .anySatisfy(value -> assertThat(value).contains(MarkdownText.literal(body),
                        "联系人：" + MarkdownText.literal("李" + SQL)));

        long memberId = office.get("/api/proposals/" + number).getBody().at("/leadMember/id").asLong();
        JsonNode contacts = office.get("/api/members/" + memberId + "/communications").getBody();
        assertThat(contacts.get(0).get("participants").asText()).isEqualTo(DEFERRED);
        assertThat(contacts.get(0).get("summary").asText()).isEqualTo(summary);
        assertThat(contacts.toString()).contains(json.writeValueAsString(SQL));

        for (String step : List.of(ProcessElements.TASK_REVIEW_DEPT_HEAD, ProcessElements.TASK_REVIEW_OFFICE,
                ProcessElements.TASK_SIGN_OFF_LEADER)) {
            steps.approve(pi, step);
        }
        notEvaluated(pi.getId(), -1);

        ResponseEntity<byte[]> letter = office.download("/api/proposals/" + number + "/reply-letter.docx");
        assertThat(letter.getStatusCode().value()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(letter.getBody()))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).as("a value holding ${title} is not filled in again")
                    .containsSubsequence(PLACEHOLDER, EXPRESSION, DEFERRED, SQL, "${contactPhone}");
            String text = new XWPFWordExtractor(document).getText();
            assertThat(text).contains("关于市政协七届三次会议第" + number + "号提案的答复", "李" + SQL + "，联系电话：022-23456789");
        }
    }

    @Test
    void importedRowsKeepTheirTextAndTheLedgerShowsItAsText() throws Exception {
        String number = TestProposals.newNumber("IMPX");
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            printer.printRecord("提案编号", "来源", "会议届次", "提案标题", "领衔委员", "界别", "联系电话", "电子邮箱", "所在辖区",
                    "联名委员", "建议事项", "我局办理角色", "重点提案", "交办日期", "牵头单位", "会办单位");
            printer.printRecord(number, "政协提案", "市政协七届四次会议", FORMULA, "王" + EXPRESSION, SQL, "", "", DEFERRED,
                    CO_SIGNER + "、" + OR_TRUE, EXPRESSION + "\n" + UNION + "\n" + PLACEHOLDER, "主办", "否", "2024-03-15", "",
                    SUSPEND);
        }
        int proposalsBefore = count("pd_proposal");
        ResponseEntity<JsonNode> imported = office.upload("/api/proposals/import", "交办清单.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);

        JsonNode stored = office.get("/api/proposals/" + number).getBody();
        assertThat(stored.get("title").asText()).isEqualTo(FORMULA);
        assertThat(stored.at("/leadMember/name").asText()).isEqualTo("王" + EXPRESSION);
        assertThat(stored.at("/leadMember/sector").asText()).isEqualTo(SQL);
        assertThat(stored.at("/leadMember/district").asText()).isEqualTo(DEFERRED);
        assertThat(texts(stored.get("coSigners"))).containsExactly(CO_SIGNER, OR_TRUE);
        assertThat(texts(stored.get("suggestions"))).containsExactly(EXPRESSION, UNION, PLACEHOLDER);
        assertThat(texts(stored.get("externalCoUnits"))).containsExactly(SUSPEND);
        notEvaluated(stored.get("processInstanceId").asText(), proposalsBefore + 1);

        ResponseEntity<byte[]> ledger = office.download("/api/ledger.xlsx?year=2024");
        assertThat(ledger.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.getBody()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row row = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (number.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row).as("ledger row of " + number).isNotNull();
            Cell titleCell = row.getCell(3);
            assertThat(titleCell.getCellType()).as("a formula-like title stays text").isEqualTo(CellType.STRING);
            assertThat(titleCell.getStringCellValue()).isEqualTo(FORMULA);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("王" + EXPRESSION);
        }
    }

    // ---- no stack traces ---------------------------------------------------------------------------------

    @Test
    void aServerErrorOfTheEngineRestApiShowsAReferenceNotTheException() throws Exception {
        // a handling process for a proposal that was never registered: the start skips registration (the proposal
        // number is given), and the 签收 task's listener fails on the missing proposal, which the engine answers with 500
        String unregistered = TestProposals.newNumber("UNREGISTERED");
        HttpResponse<String> failed = send("POST", "/engine-rest/process-definition/key/" + ProcessElements.HANDLING_PROCESS
                + "/start", OFFICE, "{\"variables\": {\"" + ProcessVariables.PROPOSAL_NUMBER + "\": {\"value\": \""
                + unregistered + "\"}}}", false);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        JsonNode body = json.readTree(failed.body());
        assertThat(body.get("type").asText()).isEqualTo("ServerError");
        assertThat(body.get("message").asText()).matches("系统内部错误，请联系管理员（错误编号 [0-9a-f]{8}）");
        assertNoInternals(failed.body());
        assertThat(failed.body()).as("the exception's own message").doesNotContain(unregistered);
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals(ProcessVariables.PROPOSAL_NUMBER, unregistered)
                .count()).as("the failed start left no instance").isZero();
    }

    @Test
    void unknownPathsAndMethodsGetAChineseAnswerAndBrowsersAChinesePage() throws Exception {
        HttpResponse<String> api = send("GET", "/api/no-such-thing", OFFICE, null, false);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(json.readTree(api.body()).get("message").asText()).isEqualTo("您访问的页面或数据不存在，请检查地址是否正确");
        assertNoInternals(api.body());

        HttpResponse<String> method = send("DELETE", "/api/proposals", OFFICE, null, false);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(json.readTree(method.body()).get("message").asText()).isEqualTo("不支持这种请求方式");
        assertNoInternals(method.body());

        HttpResponse<String> engineRest = send("GET", "/engine-rest/no-such-resource", OFFICE, null, false);
        assertThat(engineRest.statusCode()).isEqualTo(404);
        assertThat(engineRest.body()).doesNotContain("at com.", "at org.");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/no-such-page.html")).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"zh-CN\"", "页面不存在", "您访问的页面或数据不存在，请检查地址是否正确", "404")
                .doesNotContain("Whitelabel", "There was an unexpected error", "Exception", "at com.", "at org.");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The expression in the text would have set {@code pwned} or deleted the instance; SQL would have dropped a table. */
    private void notEvaluated(String processInstanceId, int expectedProposals) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isEqualTo(1);
        assertThat(runtime.getVariables(processInstanceId)).doesNotContainKey("pwned");
        if (expectedProposals >= 0) {
            assertThat(count("pd_proposal")).isEqualTo(expectedProposals);
        }
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private void completeThroughRest(Task task, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpResponse<String> response = send("POST", "/engine-rest/task/" + task.getId() + "/complete", HANDLER,
                json.writeValueAsString(Map.of("variables", variables)), false);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private String register(String number) {
        return registration.register(TestProposals.request(number, ProposalRole.SOLE)).processInstanceId();
    }

    private Task signForTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private static RegistrationRequest registration(String number, String title) {
        RegistrationRequest r = TestProposals.request(number, ProposalRole.SOLE);
        return new RegistrationRequest(number, r.source(), r.session(), title, r.leadMember(), r.coSigners(), r.suggestions(),
                r.role(), r.key(), r.assignedOn(), r.externalLeadUnit(), r.externalCoUnits());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "at com.", "at org.", "at java.", "[Source:", "com.fasterxml",
                "org.camunda", "ENGINE-");
    }

    private HttpResponse<String> send(String method, String path, String user, String body, boolean chunked)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher;
        if (body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (chunked) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofString(body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, publisher)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
