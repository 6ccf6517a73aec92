package com.proposaldesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.registration.StartFormFields;
import com.proposaldesk.support.DomainRows;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;
import com.proposaldesk.task.CaseAttachments;
import com.proposaldesk.task.TaskForms;
import com.proposaldesk.task.TaskInputRejectedException;

/**
 * Registration over {@code /api/proposals} (HTTP Basic against Camunda's users) and through the
 * Tasklist start forms, and what a client reads back about a proposal.
 */
@ProposalDeskSpringTest
class ProposalApiTest {

    private static final String USER = "apiclerk";
    private static final String PASSWORD = "s3cret-Pw";
    /** Tried with a wrong password: Camunda then locks the account for a few seconds, so not {@link #USER}. */
    private static final String OTHER_USER = "apiguest";
    private static final String HAN = ".*\\p{IsHan}.*";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    JdbcClient jdbc;

    DomainRows rows;

    @BeforeEach
    void createUserOfTheOffice() {
        // the engine's REST resources look their engine up by name in a JVM-wide registry, which holds the
        // engine of whichever test context started last: point it at this context's engine
        ProcessEngines.registerProcessEngine(engine);
        rows = new DomainRows(jdbc);
        if (identity.createGroupQuery().groupId("office").count() == 0) {
            Group office = identity.newGroup("office");
            office.setName("提案办");
            office.setType("WORKFLOW");
            identity.saveGroup(office);
        }
        if (identity.createUserQuery().userId(USER).count() == 0) {
            User clerk = identity.newUser(USER);
            clerk.setFirstName("小张");
            clerk.setLastName("提案办");
            clerk.setPassword(PASSWORD);
            identity.saveUser(clerk);
            identity.createMembership(USER, "office");
        }
        if (identity.createUserQuery().userId(OTHER_USER).count() == 0) {
            User guest = identity.newUser(OTHER_USER);
            guest.setPassword("guest-Pw");
            identity.saveUser(guest);
        }
    }

    @AfterEach
    void clearAuthentication() {
        identity.clearAuthentication();
    }

    // ---- POST /api/proposals ------------------------------------------------------------------------

    @Test
    void anAuthenticatedUserRegistersAProposalAndItsProcessStarts() throws Exception {
        String number = TestProposals.newNumber("API");
        Counts before = counts();

        ResponseEntity<String> response = post(registration(number, "LEAD"), USER, PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasPath("/api/proposals/" + number);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("number").asText()).isEqualTo(number);
        assertThat(body.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(body.path("statusLabel").asText()).isEqualTo("待签收");
        assertThat(body.path("role").asText()).isEqualTo("LEAD");
        assertThat(body.path("roleLabel").asText()).isEqualTo("主办");
        assertThat(body.path("key").asBoolean()).isTrue();
        assertThat(body.path("leadMember").path("name").asText()).isEqualTo("委员" + number);
        assertThat(texts(body.path("suggestions"))).containsExactly("建立校园周边食品经营者台账", "开展季度联合检查", "公开抽检结果");
        assertThat(texts(body.path("externalCoUnits"))).containsExactly("市教育局");
        assertThat(body.path("dates").path("assignedOn").asText()).isEqualTo("2025-04-10");
        assertThat(body.path("dates").path("answerDue").asText()).isEqualTo("2025-07-10");
        String processInstanceId = body.path("processInstanceId").asText();
        assertThat(processInstanceId).isNotBlank();
        assertThat(body.path("stages")).hasSize(1);
        assertThat(body.path("stages").get(0).path("activityId").asText()).isEqualTo(ProcessElements.TASK_SIGN_FOR);
        assertThat(body.path("stages").get(0).path("name").asText()).isEqualTo("签收");
        assertThat(body.path("openTasks")).hasSize(1);
        assertThat(body.path("openTasks").get(0).path("taskKey").asText()).isEqualTo(ProcessElements.TASK_SIGN_FOR);
        assertThat(texts(body.path("openTasks").get(0).path("candidateGroups"))).containsExactly("office");

        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(number);
        assertThat(proposals.get(number).processInstanceId()).isEqualTo(processInstanceId);
        assertThat(counts()).isEqualTo(before.plus(1, 1, 3, 2, 1, 1));
    }

    @Test
    void anonymousCallsAndWrongPasswordsGet401AndStoreNothing() {
        String number = TestProposals.newNumber("ANON");
        Counts before = counts();

        ResponseEntity<String> anonymous = http.exchange(RequestEntity.post(URI.create("/api/proposals"))
                .contentType(MediaType.APPLICATION_JSON).body(registration(number, "SOLE")), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        assertThat(post(registration(number, "SOLE"), OTHER_USER, "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/proposals/" + number, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(proposals.find(number)).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aNumberRegisteredAlreadyIsAConflictAndChangesNothing() throws Exception {
        String number = TestProposals.newNumber("DUP");
        assertThat(post(registration(number, "SOLE"), USER, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Counts before = counts();

        Map<String, Object> again = registration(number, "LEAD");
        again.put("title", "另一个标题");
        again.put("leadMember", Map.of("name", "另一位委员" + number));
        ResponseEntity<String> response = post(again, USER, PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("message").asText()).isEqualTo("提案编号 " + number + " 已经登记，不能重复登记");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("number");
        assertThat(counts()).isEqualTo(before);
        Proposal stored = proposals.get(number);
        assertThat(stored.title()).doesNotContain("另一个标题");
        assertThat(stored.role()).isEqualTo(ProposalRole.SOLE);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreAllReportedInChineseAndNothingIsStored() throws Exception {
        String number = TestProposals.newNumber("BAD");
        Counts before = counts();
        Map<String, Object> request = registration(number, "SOLE");
        request.put("number", "2023 第5号!");
        request.put("title", "   ");
        request.put("suggestions", List.of());
        request.put("role", "BOSS");
        request.put("assignedOn", "2025-13-01");
        request.put("leadMember", Map.of("name", "", "email", "not-an-email", "phone", "请打办公室"));

        ResponseEntity<String> response = post(request, USER, PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(response.getBody());
        Map<String, String> errors = errors(body);
        assertThat(errors.keySet()).containsExactlyInAnyOrder("number", "title", "suggestions", "role", "assignedOn",
                "leadMember.name", "leadMember.email", "leadMember.phone");
        assertThat(errors.values()).allMatch(message -> message.matches(HAN));
        assertThat(errors).containsEntry("title", "提案标题不能为空").containsEntry("suggestions", "建议事项至少要有一项")
                .containsEntry("leadMember.name", "领衔委员姓名不能为空").containsEntry("leadMember.email", "领衔委员电子邮箱格式不正确");
        assertThat(errors.get("role")).contains("“BOSS”无效");
        assertThat(errors.get("assignedOn")).contains("“2025-13-01”不是有效日期");
        assertThat(body.path("message").asText()).startsWith("提交的内容有误").contains("（字段 leadMember.email）");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void listEntriesAndRoleSpecificFieldsAreCheckedToo() throws Exception {
        String number = TestProposals.newNumber("BAD2");
        Counts before = counts();
        Map<String, Object> request = registration(number, "CO_HANDLING");
        request.put("suggestions", List.of("第一条", " "));
        request.put("source", "CITY");
        request.put("externalLeadUnit", null);
        request.put("externalCoUnits", List.of("市公安局"));

        ResponseEntity<String> response = post(request, USER, PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, String> errors = errors(json.readTree(response.getBody()));
        assertThat(errors).containsOnlyKeys("suggestions[1]", "source", "externalLeadUnit", "externalCoUnits")
                .containsEntry("suggestions[1]", "建议事项第 2 项为空").containsEntry("externalLeadUnit", "会办件必须填写牵头单位");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOverlongEmailIsAFieldProblemNotAServerError() throws Exception {
        String number = TestProposals.newNumber("LONG");
        Counts before = counts();
        Map<String, Object> request = registration(number, "SOLE");
        request.put("leadMember", Map.of("name", "委员" + number, "email", "a".repeat(250) + "@example.cn"));

        ResponseEntity<String> response = post(request, USER, PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(json.readTree(response.getBody()))).containsExactly(
                Map.entry("leadMember.email", "领衔委员电子邮箱不能超过 200 个字"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndWrongTypesAreRejectedInChinese() throws Exception {
        Counts before = counts();

        ResponseEntity<String> malformed = postRaw("{\"number\": \"MAL-1\", \"title\": ", MediaType.APPLICATION_JSON);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(malformed.getBody()).path("message").asText()).isEqualTo("请求内容不是有效的 JSON");

        Map<String, String> wrongTypes = Map.of(
                "suggestions", "{\"number\": \"MAL-2\", \"suggestions\": \"只有一条建议\"}",
                "key", "{\"number\": \"MAL-3\", \"key\": \"也许\"}",
                "leadMember", "{\"number\": \"MAL-4\", \"leadMember\": \"张三\"}",
                "coSigners[0]", "{\"number\": \"MAL-5\", \"coSigners\": [[\"王五\"]]}");
        for (Map.Entry<String, String> wrong : wrongTypes.entrySet()) {
            ResponseEntity<String> response = postRaw(wrong.getValue(), MediaType.APPLICATION_JSON);
            assertThat(response.getStatusCode()).as(wrong.getValue()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(json.readTree(response.getBody()))).as(wrong.getValue())
                    .containsExactly(Map.entry(wrong.getKey(), "字段 " + wrong.getKey() + " 的类型不正确"));
        }

        ResponseEntity<String> notJson = postRaw("number=MAL-6", MediaType.TEXT_PLAIN);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json.readTree(notJson.getBody()).path("message").asText()).isEqualTo("请以 application/json 格式提交");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aRegistrationWhoseProcessCannotStartLeavesNoProposalBehind() {
        String number = TestProposals.newNumber("ROLLBACK");
        Counts before = counts();
        repository.suspendProcessDefinitionByKey(ProcessElements.HANDLING_PROCESS);
        ResponseEntity<String> response;
        try {
            // valid in every field: the proposal and its member are inserted before the start fails
            response = post(registration(number, "SPLIT"), USER, PASSWORD);
        } finally {
            repository.activateProcessDefinitionByKey(ProcessElements.HANDLING_PROCESS);
        }

        // the engine refuses (its own message, in English: ENGINE-03043 ... is suspended); the point here is the rollback
        assertThat(response.getStatusCode().is4xxClientError()).as("status %s", response.getStatusCode()).isTrue();
        assertThat(proposals.find(number)).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    // ---- GET /api/proposals/{number} ----------------------------------------------------------------

    @Test
    void aProposalShowsWhereItStandsWithItsOpenTasksAndDates() throws Exception {
        String number = TestProposals.newNumber("VIEW");
        assertThat(post(registration(number, "LEAD"), USER, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String processInstanceId = proposals.get(number).processInstanceId();
        complete(processInstanceId, ProcessElements.TASK_SIGN_FOR, ProposalSteps.signForForm());

        JsonNode signed = get(number);
        assertThat(signed.path("status").asText()).isEqualTo("ASSIGNING");
        assertThat(signed.path("dates").path("signedOn").asText()).isEqualTo("2025-04-11");
        assertThat(signed.path("stages").findValuesAsText("activityId")).containsExactly(ProcessElements.TASK_ASSIGN);
        assertThat(signed.path("openTasks")).hasSize(1);
        JsonNode assign = signed.path("openTasks").get(0);
        assertThat(assign.path("name").asText()).isEqualTo("分派主办和协办处室");
        assertThat(texts(assign.path("candidateGroups"))).containsExactly("office");
        assertThat(assign.path("id").asText()).isEqualTo(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId());

        complete(processInstanceId, ProcessElements.TASK_ASSIGN, ProposalSteps.assignForm("food", List.of("ip", "standards")));
        complete(processInstanceId, ProcessElements.TASK_COMMUNICATE_FIRST, ProposalSteps.communicateFirstForm());

        JsonNode handling = get(number);
        assertThat(handling.path("status").asText()).isEqualTo("HANDLING");
        assertThat(handling.path("leadDepartment").asText()).isEqualTo("food");
        assertThat(texts(handling.path("assistingDepartments"))).containsExactly("ip", "standards");
        // three parallel tasks, two stages: the assisting departments' opinions and the external unit's
        assertThat(handling.path("stages").findValuesAsText("activityId"))
                .containsExactlyInAnyOrder(ProcessElements.TASK_ASSISTING_OPINION, ProcessElements.TASK_RECORD_EXTERNAL_OPINION);
        Map<String, List<String>> groupsByTask = new HashMap<>();
        for (JsonNode task : handling.path("openTasks")) {
            groupsByTask.computeIfAbsent(task.path("taskKey").asText(), key -> new ArrayList<>())
                    .addAll(texts(task.path("candidateGroups")));
        }
        assertThat(groupsByTask).containsOnlyKeys(ProcessElements.TASK_ASSISTING_OPINION, ProcessElements.TASK_RECORD_EXTERNAL_OPINION);
        assertThat(groupsByTask.get(ProcessElements.TASK_ASSISTING_OPINION)).containsExactlyInAnyOrder("dept-ip", "dept-standards");
        assertThat(groupsByTask.get(ProcessElements.TASK_RECORD_EXTERNAL_OPINION)).containsExactly("dept-food");
        assertThat(handling.path("dates").path("answerDue").asText()).isEqualTo("2025-07-10");
        assertThat(handling.has("repliedOnTime")).isFalse(); // null fields are left out
    }

    @Test
    void anUnknownNumberIsNotFound() throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(USER, PASSWORD).getForEntity("/api/proposals/NO-SUCH-1", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(response.getBody()).path("message").asText()).isEqualTo("未找到编号为 NO-SUCH-1 的提案");
    }

    // ---- the engine's REST API, as Tasklist and other clients complete tasks ---------------------------

    @Test
    void aRejectedTaskCompletionThroughTheEngineRestApiIsA400WithTheChineseMessage() throws Exception {
        String number = TestProposals.newNumber("REST");
        assertThat(post(registration(number, "SOLE"), USER, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String processInstanceId = proposals.get(number).processInstanceId();
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

        for (String action : List.of("complete", "submit-form")) {
            ResponseEntity<String> response = http.withBasicAuth(USER, PASSWORD).exchange(RequestEntity
                    .post(URI.create("/engine-rest/task/" + taskId + "/" + action)).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"variables\": {\"signedOn\": {\"value\": \"2025-04-01\"}}}"), String.class);
            assertThat(response.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode body = json.readTree(response.getBody());
            assertThat(body.path("message").asText()).as(action).contains("签收日期不能早于交办日期 2025-04-10");
            assertThat(body.path("errors").get(0).path("field").asText()).as(action).isEqualTo("signedOn");
        }
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(rows.count("pd_sign_for", number)).isZero();

        ResponseEntity<String> accepted = http.withBasicAuth(USER, PASSWORD).exchange(RequestEntity
                .post(URI.create("/engine-rest/task/" + taskId + "/complete")).contentType(MediaType.APPLICATION_JSON)
                .body("{\"variables\": {\"signedOn\": {\"value\": \"2025-04-11\"}}}"), String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(proposals.get(number).signedOn()).isEqualTo(LocalDate.of(2025, 4, 11));
        assertThat(rows.rows("pd_sign_for", number)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("SIGNED_BY", USER));
    }

    // ---- registration through the Tasklist start forms ----------------------------------------------

    @Test
    void theStartFormRegistersTheProposalAndKeepsOnlyRoutingVariables() {
        String number = TestProposals.newNumber("FORM");
        Counts before = counts();
        Map<String, Object> startForm = startForm(number);

        ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessElements.HANDLING_PROCESS, startForm);

        Proposal proposal = proposals.get(number);
        assertThat(proposal.processInstanceId()).isEqualTo(instance.getId());
        assertThat(proposal.suggestions()).containsExactly("第一条", "第二条");
        assertThat(proposal.coSigners()).containsExactly("王五", "赵六");
        assertThat(proposal.externalCoUnits()).containsExactly("市教育局", "市公安局");
        assertThat(proposal.role()).isEqualTo(ProposalRole.LEAD);
        assertThat(proposal.keyProposal()).isTrue();
        assertThat(proposal.assignedOn()).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(proposal.leadMember().email()).isEqualTo("zhangsan@example.cn");
        assertThat(proposal.status()).isEqualTo(ProposalStatus.REGISTERED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId())
                .isEqualTo(instance.getId());

        // form fields are gone; role, keyProposal and externalCoUnits are routing variables of the same name, now typed;
        // besides them only what every task form shows at its top (the summary and the files, written by the first task)
        List<String> formOnly = new ArrayList<>(StartFormFields.all());
        formOnly.removeAll(List.of("role", "keyProposal", "externalCoUnits"));
        Map<String, Object> variables = runtime.getVariables(instance.getId());
        assertThat(variables).containsOnlyKeys("proposalNumber", "proposalTitle", "role", "keyProposal", "externalCoUnits",
                "handlingRound", TaskForms.PROPOSAL_SUMMARY, CaseAttachments.VARIABLE)
                .doesNotContainKeys(formOnly.toArray(String[]::new))
                .containsEntry("proposalNumber", number).containsEntry("role", "LEAD").containsEntry("keyProposal", true)
                .containsEntry("externalCoUnits", List.of("市教育局", "市公安局")).containsEntry("handlingRound", 1)
                .containsKey("proposalTitle");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(ProcessElements.TASK_SIGN_FOR);
        assertThat(counts()).isEqualTo(before.plus(1, 1, 2, 2, 2, 1));
    }

    @Test
    void theCoHandlingStartFormRegistersACoHandledProposal() {
        String number = TestProposals.newNumber("FORMCO");
        Map<String, Object> startForm = startForm(number);
        startForm.remove("role");
        startForm.remove("externalCoUnits");
        startForm.put("externalLeadUnit", "市教育局");
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessElements.CO_HANDLING_PROCESS)
                .latestVersion().singleResult().getId();

        ProcessInstance instance = forms.submitStartForm(definitionId, startForm);

        Proposal proposal = proposals.get(number);
        assertThat(proposal.role()).isEqualTo(ProposalRole.CO_HANDLING);
        assertThat(proposal.externalLeadUnit()).isEqualTo("市教育局");
        assertThat(proposal.answerDue()).isEqualTo(LocalDate.of(2025, 5, 12)); // one month, moved off Saturday 10 May
        assertThat(proposal.processInstanceId()).isEqualTo(instance.getId());
        assertThat(runtime.getVariables(instance.getId())).containsEntry("role", "CO_HANDLING").doesNotContainKeys("number",
                "externalLeadUnit", "suggestions");
    }

    @Test
    void anInvalidStartFormIsRejectedAndNothingIsStored() {
        String number = TestProposals.newNumber("FORMBAD");
        Counts before = counts();
        Map<String, Object> startForm = startForm(number);
        startForm.put("title", "");
        startForm.put("assignedOn", "4月10日");
        startForm.put("leadMemberEmail", "zhangsan-at-example");

        Throwable thrown = catchThrowable(() -> runtime.startProcessInstanceByKey(ProcessElements.HANDLING_PROCESS, startForm));

        assertThat(thrown).isInstanceOf(TaskInputRejectedException.class);
        assertThat(((TaskInputRejectedException) thrown).problems()).extracting(p -> p.field())
                .containsExactlyInAnyOrder("title", "assignedOn", "leadMember.email");
        assertThat(thrown.getMessage()).contains("提案标题不能为空", "交办日期“4月10日”不是有效日期");

        Map<String, Object> coHandling = startForm(TestProposals.newNumber("FORMBAD"));
        coHandling.put("role", "CO_HANDLING");
        coHandling.put("externalLeadUnit", "市教育局");
        coHandling.put("externalCoUnits", "");
        thrown = catchThrowable(() -> runtime.startProcessInstanceByKey(ProcessElements.HANDLING_PROCESS, coHandling));
        assertThat(thrown).isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("会办件请用“会办/协办提案办理”流程登记");

        assertThat(proposals.find(number)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Row counts that any registration changes, and the number of process instances ever started. */
    record Counts(int proposals, int members, int suggestions, int coSigners, int externalUnits, long processInstances) {

        Counts plus(int proposals, int members, int suggestions, int coSigners, int externalUnits, long processInstances) {
            return new Counts(this.proposals + proposals, this.members + members, this.suggestions + suggestions,
                    this.coSigners + coSigners, this.externalUnits + externalUnits, this.processInstances + processInstances);
        }
    }

    private Counts counts() {
        return new Counts(rows.count("pd_proposal"), rows.count("pd_member"), rows.count("pd_proposal_suggestion"),
                rows.count("pd_proposal_co_signer"), rows.count("pd_proposal_external_unit"),
                history.createHistoricProcessInstanceQuery()
                        .processDefinitionKeyIn(ProcessElements.HANDLING_PROCESS, ProcessElements.CO_HANDLING_PROCESS).count());
    }

    /** The JSON of a registration request as a client sends it; the member is new to the database. */
    private static Map<String, Object> registration(String number, String role) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("number", number);
        request.put("source", "CPPCC");
        request.put("session", "市政协七届三次会议");
        request.put("title", "关于加强校园周边食品安全监管的提案");
        request.put("leadMember", Map.of("name", "委员" + number, "sector", "民盟", "email", "member@example.cn",
                "phone", "13800000000"));
        request.put("coSigners", List.of("王五", "赵六"));
        request.put("suggestions", List.of("建立校园周边食品经营者台账", "开展季度联合检查", "公开抽检结果"));
        request.put("role", role);
        request.put("key", true);
        request.put("assignedOn", TestProposals.ASSIGNED_ON);
        request.put("externalLeadUnit", "CO_HANDLING".equals(role) ? "市教育局" : null);
        request.put("externalCoUnits", "LEAD".equals(role) ? List.of("市教育局") : List.of());
        return request;
    }

    /** What the Tasklist start form sends: untyped text, lists as one entry per line. */
    private static Map<String, Object> startForm(String number) {
        Map<String, Object> form = new HashMap<>();
        form.put("number", number);
        form.put("source", "CPPCC");
        form.put("session", "市政协七届三次会议");
        form.put("title", "关于规范农贸市场价格公示的提案");
        form.put("leadMemberName", "张三" + number);
        form.put("leadMemberSector", "经济界");
        form.put("leadMemberEmail", "zhangsan@example.cn");
        form.put("coSigners", "王五\n赵六");
        form.put("suggestions", "第一条\n第二条");
        form.put("role", "LEAD");
        form.put("keyProposal", true);
        form.put("assignedOn", TestProposals.ASSIGNED_ON);
        form.put("externalCoUnits", "市教育局\n市公安局");
        return form;
    }

    private ResponseEntity<String> post(Map<String, Object> request, String user, String password) {
        return http.withBasicAuth(user, password).exchange(RequestEntity.post(URI.create("/api/proposals"))
                .contentType(MediaType.APPLICATION_JSON).body(request), String.class);
    }

    private ResponseEntity<String> postRaw(String body, MediaType type) {
        return http.withBasicAuth(USER, PASSWORD).exchange(RequestEntity.post(URI.create("/api/proposals"))
                .contentType(type).body(body), String.class);
    }

    private JsonNode get(String number) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(USER, PASSWORD).getForEntity("/api/proposals/" + number, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private void complete(String processInstanceId, String taskKey, Map<String, Object> values) {
        identity.setAuthentication(USER, List.of("office"));
        try {
            tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult()
                    .getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Map<String, String> errors(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        body.path("errors").forEach(error -> errors.put(error.path("field").asText(), error.path("message").asText()));
        return errors;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
