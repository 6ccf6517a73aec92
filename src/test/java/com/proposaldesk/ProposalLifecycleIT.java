package com.proposaldesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.support.PostgresTestDatabase;

/**
 * The whole application on PostgreSQL, driven only over HTTP as the people who do the work: one key
 * proposal led by the bureau (主办, 重点提案) with an assisting department and an external co-handling
 * unit, from registration through sign-for, assignment, both rounds of communication with the
 * member, opinions, drafting, a send-back, every review and sign-off, the formal reply and the
 * member's evaluation, until the proposal is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalLifecycleIT {

    private static final String PASSWORD = "Tian-an-2023";
    private static final String NUMBER = "20230505";

    private static final String OFFICE = "wangoffice";
    private static final String FOOD = "lifood";
    private static final String FOOD_HEAD = "zhaofoodhead";
    private static final String IP = "chenip";
    private static final String LEADER = "sunleader";
    private static final String PRINCIPAL = "zhouprincipal";
    /** Used only with wrong passwords: the engine delays further logins of a user after a failed one. */
    private static final String CARELESS = "wuoffice";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void people() {
        group("office", "提案办");
        group("dept-food", "食品安全处");
        group("head-food", "食品安全处负责人");
        group("dept-ip", "知识产权处");
        group("leader", "分管局领导");
        group("principal", "主要负责同志");
        user(OFFICE, "王", "提案办", "office");
        user(FOOD, "李", "食品处经办人", "dept-food");
        user(FOOD_HEAD, "赵", "食品处处长", "head-food");
        user(IP, "陈", "知识产权处经办人", "dept-ip");
        user(LEADER, "孙", "分管局领导", "leader");
        user(PRINCIPAL, "周", "局长", "principal");
        user(CARELESS, "吴", "提案办", "office");
    }

    @Test
    void wrongOrMissingCredentialsAreRefused() throws Exception {
        assertThat(call(CARELESS, "wrong-password", "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(call(CARELESS, "wrong-password", "GET", "/api/proposals", null).statusCode()).isEqualTo(401);
        assertThat(call("nobody", PASSWORD, "GET", "/api/proposals", null).statusCode()).isEqualTo(401);
        assertThat(call(null, null, "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(call(null, null, "GET", "/api/proposals", null).statusCode()).isEqualTo(401);
        assertThat(call(OFFICE, PASSWORD, "GET", "/engine-rest/task", null).statusCode()).isEqualTo(200);
        assertThat(call(OFFICE, PASSWORD, "GET", "/api/proposals", null).statusCode()).isEqualTo(200);
    }

    @Test
    void keyLeadProposalRunsFromRegistrationToClosure() throws Exception {
        HttpResponse<String> registered = call(OFFICE, PASSWORD, "POST", "/api/proposals", registration());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode proposal = json.readTree(registered.body());
        assertThat(proposal.path("status").asText()).isEqualTo("REGISTERED");
        String processInstanceId = proposal.path("processInstanceId").asText();
        assertThat(processInstanceId).isNotBlank();

        // 签收: a submission without the date is refused in Chinese, naming the field, and the task stays open
        JsonNode signFor = singleTask(OFFICE, "Task_SignFor");
        HttpResponse<String> refused = complete(OFFICE, signFor, Map.of("objectionRequested", false));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String message = json.readTree(refused.body()).path("message").asText();
        assertThat(message).contains("签收日期不能为空").contains("signedOn");
        assertThat(call(OFFICE, PASSWORD, "GET", "/engine-rest/task/" + signFor.path("id").asText(), null).statusCode())
                .isEqualTo(200);
        assertThat(singleTask(OFFICE, "Task_SignFor").path("id").asText()).isEqualTo(signFor.path("id").asText());
        completeOk(OFFICE, signFor, vars("signedOn", "2023-04-12", "objectionRequested", false));
        // what the form sent stays with the task; the process keeps only its routing variables
        JsonNode processVariables = json.readTree(call(OFFICE, PASSWORD, "GET",
                "/engine-rest/process-instance/" + processInstanceId + "/variables", null).body());
        assertThat(processVariables.has("signedOn")).as(processVariables.toString()).isFalse();
        assertThat(processVariables.path("objectionRequested").path("value").asBoolean(true)).isFalse();

        // 分派: lead 食品安全处, assisting 知识产权处 as a JSON list
        Map<String, Object> assignment = vars("leadDepartmentCode", "food", "assignmentNote", "按最大关联度原则，食品安全处主办");
        assignment.put("assistingDepartmentCodes", new Typed("[\"ip\"]", "Json"));
        completeOk(OFFICE, singleTask(OFFICE, "Task_Assign"), assignment);

        // 先沟通后办理
        JsonNode communicateFirst = singleTask(FOOD, "Task_CommunicateFirst");
        claim(FOOD, communicateFirst);
        completeOk(FOOD, communicateFirst, vars("contactDate", "2023-04-20", "contactWay", "PHONE",
                "participants", "张委员；食品安全处 李", "memberIntent", "希望加强校园周边食品安全监管并公开抽检结果",
                "contactSummary", "电话沟通，委员介绍了调研情况"));

        // 协办处室 and 外单位 opinions run in parallel
        completeOk(IP, singleTask(IP, "Task_AssistingOpinion"),
                vars("opinionText", "建议结合商标专用权保护，查处校园周边侵权食品"));
        completeOk(FOOD, singleTask(FOOD, "Task_RecordExternalOpinion"),
                vars("receivedOn", "2023-05-08", "opinionText", "市教育局将配合开展校园食品安全宣传"));

        // 起草答复, then 处室负责人 approves and 提案办 sends it back with a comment
        completeOk(FOOD, singleTask(FOOD, "Task_DraftReply"), draft("第一稿：我局高度重视校园周边食品安全。"));
        completeOk(FOOD_HEAD, singleTask(FOOD_HEAD, "Task_ReviewDeptHead"), vars("reviewDecision", "APPROVE"));
        completeOk(OFFICE, singleTask(OFFICE, "Task_ReviewOffice"),
                vars("reviewDecision", "RETURN", "reviewComment", "请补充抽检数据和下一步工作安排"));
        assertThat(proposal(OFFICE).path("status").asText()).isEqualTo("HANDLING");

        // the drafter sees why, and drafts again
        JsonNode redraft = singleTask(FOOD, "Task_DraftReply");
        JsonNode local = json.readTree(call(FOOD, PASSWORD, "GET",
                "/engine-rest/task/" + redraft.path("id").asText() + "/localVariables", null).body());
        assertThat(local.path("lastReviewComment").path("value").asText())
                .contains("提案办退回修改").contains("请补充抽检数据和下一步工作安排");
        assertThat(local.path("replyBody").path("value").asText()).contains("第一稿");
        assertThat(local.path("opinionsSummary").path("value").asText()).contains("知识产权处").contains("市教育局");
        claim(FOOD, redraft);
        completeOk(FOOD, redraft, draft("第二稿：2023年我局共抽检校园周边食品1200批次，合格率99.2%。下一步将公开抽检结果。"));

        // every review and sign-off; a key proposal also needs the principal leader
        completeOk(FOOD_HEAD, singleTask(FOOD_HEAD, "Task_ReviewDeptHead"), vars("reviewDecision", "APPROVE"));
        completeOk(OFFICE, singleTask(OFFICE, "Task_ReviewOffice"), vars("reviewDecision", "APPROVE"));
        completeOk(LEADER, singleTask(LEADER, "Task_SignOffLeader"),
                vars("reviewDecision", "APPROVE", "reviewComment", "同意"));
        completeOk(PRINCIPAL, singleTask(PRINCIPAL, "Task_SignOffPrincipal"), vars("reviewDecision", "APPROVE"));

        // 先沟通后答复: the member is expected to be satisfied
        completeOk(FOOD, singleTask(FOOD, "Task_CommunicateBeforeReply"), vars("contactDate", "2023-06-15",
                "contactWay", "MEETING", "participants", "张委员；分管局领导；食品安全处", "memberView", "认可答复意见",
                "memberExpectation", "YES"));

        // 正式答复 and 委员评价
        completeOk(OFFICE, singleTask(OFFICE, "Task_FormalReply"),
                vars("repliedOn", "2023-06-20", "copiedTo", "市政协提案委；市教育局", "replyChannel", "EMAIL"));
        completeOk(OFFICE, singleTask(OFFICE, "Task_RecordEvaluation"),
                vars("evaluationResult", "SATISFIED", "evaluatedOn", "2023-06-28", "evaluationComment", "满意"));

        // the process has ended and the proposal is closed
        assertThat(json.readTree(call(OFFICE, PASSWORD, "GET", "/engine-rest/process-instance?businessKey=" + NUMBER, null)
                .body())).isEmpty();
        JsonNode history = json.readTree(call(OFFICE, PASSWORD, "GET",
                "/engine-rest/history/process-instance/" + processInstanceId, null).body());
        assertThat(history.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(json.readTree(call(OFFICE, PASSWORD, "GET", "/engine-rest/history/activity-instance?processInstanceId="
                + processInstanceId + "&activityId=End_Closed", null).body())).hasSize(1);
        assertThat(tasks(OFFICE, null)).isEmpty();

        JsonNode closed = proposal(OFFICE);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("repliedOnTime").asBoolean()).isTrue();
        assertThat(closed.path("openTasks")).isEmpty();
        assertThat(closed.path("stages")).isEmpty();
        assertThat(closed.path("leadDepartment").asText()).isEqualTo("food");
        assertThat(closed.path("assistingDepartments").toString()).isEqualTo("[\"ip\"]");
        assertThat(closed.path("replyClassification").asText()).isEqualTo("A");
        assertThat(closed.path("evaluation").asText()).isEqualTo("SATISFIED");
        assertThat(closed.path("dates").path("signedOn").asText()).isEqualTo("2023-04-12");
        assertThat(closed.path("dates").path("repliedOn").asText()).isEqualTo("2023-06-20");
    }

    // ---- the proposal and the forms' input ----

    private static Map<String, Object> registration() {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", "张委员");
        lead.put("sector", "中国民主建国会");
        lead.put("email", "zhang.weiyuan@example.org");
        lead.put("phone", "0571-87000000");
        lead.put("district", "西湖区");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", NUMBER);
        body.put("source", "CPPCC");
        body.put("session", "市政协十二届二次会议");
        body.put("title", "关于加强校园周边食品安全监管的提案");
        body.put("leadMember", lead);
        body.put("coSigners", List.of("刘委员", "黄委员"));
        body.put("suggestions", List.of("加强校园周边食品经营者日常检查", "定期公开抽检结果", "查处侵权假冒食品"));
        body.put("role", "LEAD");
        body.put("key", true);
        body.put("assignedOn", "2023-04-10");
        body.put("externalCoUnits", List.of("市教育局"));
        return body;
    }

    private static Map<String, Object> draft(String body) {
        return vars("replyBody", body, "classification", "A", "publishDecision", "PUBLIC", "contactPerson", "李经办",
                "contactPhone", "0571-87001234");
    }

    private static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    /** A variable whose Camunda type is given explicitly. */
    private record Typed(Object value, String type) {
    }

    // ---- the engine's REST API and ours ----

    private JsonNode proposal(String user) throws Exception {
        HttpResponse<String> response = call(user, PASSWORD, "GET", "/api/proposals/" + NUMBER, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<JsonNode> tasks(String user, String taskKey) throws Exception {
        String path = "/engine-rest/task?processInstanceBusinessKey=" + NUMBER
                + (taskKey == null ? "" : "&taskDefinitionKey=" + taskKey);
        HttpResponse<String> response = call(user, PASSWORD, "GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        json.readTree(response.body()).forEach(found::add);
        return found;
    }

    /** The one open task of this kind, checked to be offered to {@code user} through one of their groups. */
    private JsonNode singleTask(String user, String taskKey) throws Exception {
        List<JsonNode> open = tasks(user, taskKey);
        assertThat(open).as("open %s tasks", taskKey).hasSize(1);
        JsonNode task = open.get(0);
        String path = "/engine-rest/task?taskId=" + task.path("id").asText() + "&candidateUser=" + enc(user);
        assertThat(json.readTree(call(user, PASSWORD, "GET", path, null).body())).as("%s is a candidate for %s", user, taskKey)
                .hasSize(1);
        return task;
    }

    private void claim(String user, JsonNode task) throws Exception {
        HttpResponse<String> response = call(user, PASSWORD, "POST", "/engine-rest/task/" + task.path("id").asText() + "/claim",
                Map.of("userId", user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private void completeOk(String user, JsonNode task, Map<String, Object> variables) throws Exception {
        HttpResponse<String> response = complete(user, task, variables);
        assertThat(response.statusCode()).as("completing %s: %s", task.path("taskDefinitionKey").asText(), response.body())
                .isEqualTo(204);
    }

    private HttpResponse<String> complete(String user, JsonNode task, Map<String, Object> variables) throws Exception {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, typedValue(value)));
        return call(user, PASSWORD, "POST", "/engine-rest/task/" + task.path("id").asText() + "/complete",
                Map.of("variables", typed));
    }

    private static Map<String, Object> typedValue(Object value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (value instanceof Typed t) {
            typed.put("value", t.value());
            typed.put("type", t.type());
        } else {
            typed.put("value", value);
            typed.put("type", value instanceof Boolean ? "Boolean" : "String");
        }
        return typed;
    }

    private HttpResponse<String> call(String user, String password, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- people ----

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void user(String id, String lastName, String firstName, String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setLastName(lastName);
            user.setFirstName(firstName);
            user.setEmail(id + "@example.org");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, groupId);
        }
    }
}
