package com.proposaldesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.TestProposals;

/**
 * Proposals and form fields as long as real ones, through the paths Tasklist and the office use: the REST API, the
 * import, Tasklist's start form and every task form submitted as Tasklist submits it ({@code submit-form}, each field
 * a String). The engine keeps a String in a column of 4,000 characters; nothing here may fail on it. Run on H2
 * ({@link LongTextTest}) and on PostgreSQL ({@link LongTextPostgresIT}).
 */
abstract class LongTextScenarios {

    static final String PASSWORD = "Chang-Wen-2025";
    private static final String TEXT = "建立健全校园周边食品经营者台账并定期公开抽检结果加强部门联动形成长效监管机制";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;

    /** Chinese text of exactly {@code length} characters, without markdown or HTML metacharacters. */
    static String text(int length) {
        return TEXT.repeat(length / TEXT.length() + 1).substring(0, length);
    }

    /** A 200-character title. */
    static String title(String number) {
        String start = "关于" + number.replaceAll("[^0-9A-Za-z]", "") + "号";
        return start + text(200 - start.length() - 3) + "的提案";
    }

    /** Twenty suggestions of 300 characters each: 6,000 characters. */
    static List<String> suggestions() {
        return IntStream.rangeClosed(1, 20).mapToObj(i -> ("第" + i + "项" + text(300)).substring(0, 300)).toList();
    }

    // ---- registration ------------------------------------------------------------------------------

    @Test
    void aLongProposalIsRegisteredOverTheApi() {
        String number = TestProposals.newNumber("LONG");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("source", "CPPCC");
        body.put("session", "市政协七届三次会议");
        body.put("title", title(number));
        body.put("leadMember", Map.of("name", "委员" + number, "sector", "民盟"));
        body.put("suggestions", suggestions());
        body.put("role", "SOLE");
        body.put("assignedOn", TestProposals.ASSIGNED_ON);

        ResponseEntity<JsonNode> created = client("office").post("/api/proposals", body);

        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertTheFormShowsTheWholeProposal(number);
    }

    @Test
    void aLongProposalIsImported() {
        String number = TestProposals.newNumber("LONGIMP");
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            printer.printRecord("提案编号", "来源", "会议届次", "提案标题", "领衔委员", "界别", "联系电话", "电子邮箱", "所在辖区",
                    "联名委员", "建议事项", "我局办理角色", "重点提案", "交办日期", "牵头单位", "会办单位");
            printer.printRecord(number, "政协提案", "市政协七届四次会议", title(number), "委员" + number, "经济界", "", "", "",
                    "李四、王五", String.join("\n", suggestions()), "承办", "否", TestProposals.ASSIGNED_ON, "", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        ResponseEntity<JsonNode> imported = client("office").upload("/api/proposals/import", "交办清单.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertTheFormShowsTheWholeProposal(number);
    }

    @Test
    void aLongProposalIsRegisteredWithTasklistsStartForm() {
        String number = TestProposals.newNumber("LONGSTART");
        Map<String, Object> form = new HashMap<>();
        form.put("number", number);
        form.put("source", "CPPCC");
        form.put("session", "市政协七届三次会议");
        form.put("title", title(number));
        form.put("leadMemberName", "委员" + number);
        form.put("coSigners", "李四\n王五");
        form.put("suggestions", String.join("\n", suggestions()) + "\n");
        form.put("role", "SOLE");
        form.put("keyProposal", false);
        form.put("assignedOn", TestProposals.ASSIGNED_ON);

        ResponseEntity<JsonNode> started = client("office").post(
                "/engine-rest/process-definition/key/" + ProcessElements.HANDLING_PROCESS + "/submit-form", submission(form));

        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
        assertTheFormShowsTheWholeProposal(number);
    }

    private void assertTheFormShowsTheWholeProposal(String number) {
        Task signFor = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(signFor.getTaskDefinitionKey()).isEqualTo(ProcessElements.TASK_SIGN_FOR);
        String summary = summary(signFor);
        assertThat(summary.length()).isGreaterThan(6200);
        assertThat(summary.contains(title(number))).as("the summary shows the title").isTrue();
        assertThat(suggestions()).allMatch(summary::contains, "shown in the summary");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_proposal_suggestion s JOIN pd_proposal p ON p.id = s.proposal_id "
                + "WHERE p.number = ?").param(number).query(Integer.class).single()).isEqualTo(20);

        submit(signFor, Map.of("signedOn", "2025-04-11", "objectionRequested", false));
        Task assign = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(assign.getTaskDefinitionKey()).isEqualTo(ProcessElements.TASK_ASSIGN);
        assertThat(summary(assign).equals(summary)).as("the next task shows the same summary").isTrue();
    }

    // ---- task forms at their limits -------------------------------------------------------------

    @Test
    void everyFreeTextFieldOfAnAnsweredProposalTakesItsLongestValue() {
        String number = TestProposals.newNumber("LONGWALK");
        ResponseEntity<JsonNode> created = client("office").post("/api/proposals", registration(number, "LEAD", null,
                List.of("市教育局")));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);

        Map<String, Map<String, Object>> forms = new HashMap<>();
        forms.put(ProcessElements.TASK_SIGN_FOR, Map.of("signedOn", "2025-04-11", "objectionRequested", false));
        forms.put(ProcessElements.TASK_ASSIGN, Map.of("leadDepartmentCode", "food", "assistingDepartmentCodes",
                List.of("ip"), "assignmentNote", longest(4000)));
        forms.put(ProcessElements.TASK_COMMUNICATE_FIRST, Map.of("contactDate", "2025-04-18", "contactWay", "MEETING",
                "participants", longest(1000), "memberIntent", longest(4000), "contactSummary", longest(4000)));
        forms.put(ProcessElements.TASK_ASSISTING_OPINION, Map.of("opinionText", longest(8000)));
        forms.put(ProcessElements.TASK_RECORD_EXTERNAL_OPINION, Map.of("receivedOn", "2025-05-06", "opinionText",
                longest(8000)));
        forms.put(ProcessElements.TASK_DRAFT_REPLY, Map.of("replyBody", longest(20000), "classification", "B",
                "commitments", longest(4000), "publishDecision", "NOT_PUBLIC", "publishReason", longest(2000),
                "contactPerson", text(100), "contactPhone", "022-23456789"));
        forms.put(ProcessElements.TASK_REVIEW_DEPT_HEAD, Map.of("reviewDecision", "APPROVE", "reviewComment", longest(4000)));
        forms.put(ProcessElements.TASK_REVIEW_OFFICE, Map.of("reviewDecision", "APPROVE", "reviewComment", longest(4000)));
        forms.put(ProcessElements.TASK_SIGN_OFF_LEADER, Map.of("reviewDecision", "APPROVE"));
        forms.put(ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY, Map.of("contactDate", "2025-06-10", "contactWay", "PHONE",
                "participants", longest(1000), "memberView", longest(4000), "memberExpectation", "YES"));
        forms.put(ProcessElements.TASK_FORMAL_REPLY, Map.of("repliedOn", "2025-06-20", "replyChannel", "EMAIL",
                "copiedTo", longest(1000)));
        forms.put(ProcessElements.TASK_RECORD_EVALUATION, Map.of("evaluationResult", "SATISFIED", "evaluatedOn",
                "2025-07-01", "evaluationComment", longest(4000)));
        forms.put(ProcessElements.TASK_FOLLOW_UP, Map.of("progressNote", longest(4000), "commitmentStatus", "DONE"));

        String processInstanceId = processOf(number);
        // the department head sends the first draft back: the drafter's form then shows the 20,000-character draft,
        // the 4,000-character comment and both 8,000-character opinions, and sends the draft again
        Task firstReview = walkUntil(processInstanceId, forms, ProcessElements.TASK_REVIEW_DEPT_HEAD);
        submit(firstReview, Map.of("reviewDecision", "RETURN", "reviewComment", longest(4000)));
        Task redraft = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(redraft.getTaskDefinitionKey()).isEqualTo(ProcessElements.TASK_DRAFT_REPLY);
        JsonNode shown = formVariables(redraft);
        assertThat(shown.path("replyBody").path("value").asText().equals(text(20000))).as("the previous draft").isTrue();
        assertThat(shown.path("lastReviewComment").path("value").asText().contains(text(4000))).as("the comment").isTrue();
        assertThat(shown.path("opinionsSummary").path("value").asText().length()).isGreaterThan(16000);

        walkUntil(processInstanceId, forms, null);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(jdbc.sql("SELECT body FROM pd_reply r JOIN pd_proposal p ON p.id = r.proposal_id WHERE p.number = ? "
                + "ORDER BY r.version DESC").param(number).query(String.class).list().get(0).equals(text(20000)))
                .as("the stored reply body").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_opinion o JOIN pd_proposal p ON p.id = o.proposal_id WHERE p.number = ? "
                + "AND LENGTH(o.body) = 8000").param(number).query(Integer.class).single()).isEqualTo(2);
        // the body is a field the form sends, stored whole in pd_reply (above) and not kept as a variable: the history
        // keeps what each submission sent, as a form field cut to the engine's column
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableName("replyBody").count()).as("no variable history of a form's field").isZero();
        List<String> sent = history.createHistoricDetailQuery().processInstanceId(processInstanceId).formFields().list()
                .stream().map(HistoricFormField.class::cast).filter(field -> field.getFieldId().equals("replyBody"))
                .map(field -> (String) field.getFieldValue()).toList();
        assertThat(sent).hasSize(2).allSatisfy(body -> assertThat(body.length() == LongTextVariables.TEXT_COLUMN_LENGTH
                && body.startsWith(text(3990))).as("the submitted body, cut to the column").isTrue());
    }

    @Test
    void theOpinionLetterOfACoHandledProposalTakesItsLongestValue() {
        String number = TestProposals.newNumber("LONGCO");
        ResponseEntity<JsonNode> created = client("office").post("/api/proposals",
                registration(number, "CO_HANDLING", "市教育局", List.of()));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);

        Map<String, Map<String, Object>> forms = new HashMap<>();
        forms.put(ProcessElements.TASK_SIGN_FOR, Map.of("signedOn", "2025-04-11"));
        forms.put(ProcessElements.TASK_ASSIGN, Map.of("leadDepartmentCode", "food", "assignmentNote", longest(4000)));
        forms.put(ProcessElements.TASK_DRAFT_OPINION_LETTER, Map.of("letterBody", longest(20000),
                "contactPerson", text(100), "contactPhone", "022-23456789"));
        forms.put(ProcessElements.TASK_REVIEW_DEPT_HEAD, Map.of("reviewDecision", "APPROVE"));
        forms.put(ProcessElements.TASK_REVIEW_OFFICE, Map.of("reviewDecision", "APPROVE"));
        forms.put(ProcessElements.TASK_SIGN_OFF_LEADER, Map.of("reviewDecision", "APPROVE"));
        forms.put(ProcessElements.TASK_SEND_OPINION_LETTER, Map.of("sentOn", "2025-05-20"));

        String processInstanceId = processOf(number);
        walkUntil(processInstanceId, forms, null);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(jdbc.sql("SELECT body FROM pd_reply r JOIN pd_proposal p ON p.id = r.proposal_id WHERE p.number = ?")
                .param(number).query(String.class).single().equals(text(20000))).as("the stored opinion letter").isTrue();
    }

    @Test
    void aFieldOverItsLimitIsRefusedInChineseAndNothingIsStored() {
        String number = TestProposals.newNumber("LONGREF");
        client("office").post("/api/proposals", registration(number, "SOLE", null, List.of()));
        Task signFor = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();

        ResponseEntity<JsonNode> refused = as(signFor).post("/engine-rest/task/" + signFor.getId() + "/submit-form",
                submission(Map.of("signedOn", "2025-04-11", "objectionRequested", true, "objectionReason", text(4001))));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("message").asText()).contains("申请理由不能超过 4000 个字");
        assertThat(tasks.createTaskQuery().taskId(signFor.getId()).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_objection o JOIN pd_proposal p ON p.id = o.proposal_id WHERE p.number = ?")
                .param(number).query(Integer.class).single()).isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The longest value the field accepts, as a user types it: with a line break after it. */
    private static String longest(int limit) {
        return text(limit) + "\n";
    }

    private static Map<String, Object> registration(String number, String role, String externalLead, List<String> coUnits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("source", "CPPCC");
        body.put("session", "市政协七届三次会议");
        body.put("title", title(number));
        body.put("leadMember", Map.of("name", "委员" + number));
        body.put("suggestions", suggestions());
        body.put("role", role);
        body.put("assignedOn", TestProposals.ASSIGNED_ON);
        if (externalLead != null) {
            body.put("externalLeadUnit", externalLead);
        }
        body.put("externalCoUnits", coUnits);
        return body;
    }

    private String processOf(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    }

    /**
     * Submits the open tasks of the instance, each with its form's values, until a task of key {@code stopAt} is open
     * (returned, not submitted) or the instance has ended (null).
     */
    private Task walkUntil(String processInstanceId, Map<String, Map<String, Object>> forms, String stopAt) {
        for (int step = 0; step < 40; step++) {
            List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list();
            if (open.isEmpty()) {
                return null;
            }
            Task task = open.get(0);
            if (task.getTaskDefinitionKey().equals(stopAt)) {
                return task;
            }
            Map<String, Object> values = forms.get(task.getTaskDefinitionKey());
            assertThat(values).as("form values for " + task.getTaskDefinitionKey()).isNotNull();
            assertThat(summary(task).length()).as("summary of " + task.getTaskDefinitionKey()).isGreaterThan(6000);
            submit(task, values);
        }
        throw new AssertionError("The process did not end in 40 steps");
    }

    private void submit(Task task, Map<String, Object> values) {
        ResponseEntity<JsonNode> answer = as(task).post("/engine-rest/task/" + task.getId() + "/submit-form",
                submission(values));
        assertThat(answer.getStatusCode().value()).as(task.getTaskDefinitionKey() + ": " + answer.getBody()).isEqualTo(204);
    }

    private String summary(Task task) {
        return formVariables(task).path("proposalSummary").path("value").asText();
    }

    private JsonNode formVariables(Task task) {
        ResponseEntity<JsonNode> variables = as(task).get("/engine-rest/task/" + task.getId() + "/form-variables");
        assertThat(variables.getStatusCode().value()).as(String.valueOf(variables.getBody())).isEqualTo(200);
        return variables.getBody();
    }

    /** The values as Tasklist's Camunda Forms send them: text, dates and choices as String, lists as JSON. */
    private static Map<String, Object> submission(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Map<String, Object> typed = new HashMap<>();
            if (value instanceof List<?> list) {
                typed.put("type", "Json");
                typed.put("value", list.isEmpty() ? "[]" : "[\"" + String.join("\",\"", list.stream().map(String::valueOf).toList()) + "\"]");
            } else if (value instanceof Boolean flag) {
                typed.put("type", "Boolean");
                typed.put("value", flag);
            } else {
                typed.put("type", "String");
                typed.put("value", value);
            }
            variables.put(key, typed);
        });
        return Map.of("variables", variables);
    }

    /** A user of the task's first candidate group. */
    private ApiClient as(Task task) {
        List<String> groups = new ArrayList<>(tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList());
        assertThat(groups).as("candidate groups of " + task.getTaskDefinitionKey()).isNotEmpty();
        return client(groups.get(0));
    }

    private ApiClient client(String group) {
        return ApiClient.as(rest, identity, "long-" + group, PASSWORD, group);
    }
}
