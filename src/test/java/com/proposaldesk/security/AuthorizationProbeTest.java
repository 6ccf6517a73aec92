package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.communication.CommunicationRepository;
import com.proposaldesk.communication.CommunicationStage;
import com.proposaldesk.communication.ContactWay;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * What each of the bureau's roles may see and do, probed through the engine's REST API and ours as each user
 * of the demo (same ids and groups): proposal A is led by 食品安全处 with 知识产权处 assisting, proposal B is
 * 特种设备处's alone. Every refused attempt must also leave the data as it was.
 */
@ProposalDeskSpringTest
class AuthorizationProbeTest {

    private static final String PASSWORD = "Probe-Pw-2026";

    /** user → group, as the demo has them. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("office", CurrentUser.OFFICE_GROUP);
        USERS.put("food", "dept-food");
        USERS.put("food-head", "head-food");
        USERS.put("ip", "dept-ip");
        USERS.put("ip-head", "head-ip");
        USERS.put("equipment", "dept-equipment");
        USERS.put("equipment-head", "head-equipment");
        USERS.put("leader", "leader");
        USERS.put("principal", "principal");
        USERS.put("admin", Groups.CAMUNDA_ADMIN);
    }

    /** Who sees proposal A (food leads, ip assists) and proposal B (equipment). */
    private static final Set<String> SEE_A = Set.of("office", "food", "food-head", "ip", "ip-head", "leader", "principal", "admin");
    private static final Set<String> SEE_B = Set.of("office", "equipment", "equipment-head", "leader", "principal", "admin");
    /** Who sees every task, whatever its candidate group. */
    private static final Set<String> SEE_ALL_TASKS = Set.of("office", "principal", "admin");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    ProposalAccess access;
    @Autowired
    CommunicationRepository communications;

    ProposalSteps steps;
    String numberA;
    String numberB;
    ProcessInstance a;
    ProcessInstance b;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        USERS.forEach((user, group) -> ApiClient.as(http, identity, user, PASSWORD, group));
        steps = new ProposalSteps(engine, registration);
        numberA = TestProposals.newNumber("AUTH-A");
        numberB = TestProposals.newNumber("AUTH-B");
        ResponseEntity<JsonNode> registered = as("office").post("/api/proposals",
                TestProposals.request(numberA, ProposalRole.LEAD));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        a = steps.instance(proposals.get(numberA).processInstanceId());
        b = steps.register(TestProposals.request(numberB, ProposalRole.LEAD));
        steps.signFor(a);
        steps.assign(a, "food", List.of("ip"));
        steps.signFor(b);
        steps.assign(b, "equipment", List.of());
    }

    @Test
    void nobodyGetsInWithoutLoggingIn() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/proposals", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("intruder", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void eachUserSeesTheProposalsOfTheirDepartmentsOnly() {
        for (String user : USERS.keySet()) {
            probeProposal(user, numberA, a, SEE_A.contains(user));
            probeProposal(user, numberB, b, SEE_B.contains(user));
        }
    }

    @Test
    void eachUserSeesTheTasksOfTheirGroupsOnly() {
        for (String user : USERS.keySet()) {
            for (ProcessInstance instance : List.of(a, b)) {
                JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + instance.getId()).getBody();
                Set<String> seen = new TreeSet<>();
                tasks.forEach(task -> seen.add(task.path("id").asText()));
                Set<String> expected = new TreeSet<>();
                for (Task task : openTasks(instance)) {
                    if (SEE_ALL_TASKS.contains(user) || candidateGroups(task).contains(USERS.get(user))) {
                        expected.add(task.getId());
                    }
                }
                assertThat(seen).as("tasks of %s seen by %s", instance.getBusinessKey(), user).isEqualTo(expected);
            }
        }
        assertThat(openTasks(a)).as("proposal A has open tasks for food").isNotEmpty();
    }

    @Test
    void ourListsShowEachUserTheirProposalsOnly() {
        for (String user : USERS.keySet()) {
            JsonNode list = as(user).get("/api/proposals").getBody();
            List<String> numbers = new ArrayList<>();
            list.forEach(p -> numbers.add(p.path("number").asText()));
            assertThat(numbers.contains(numberA)).as("%s lists A", user).isEqualTo(SEE_A.contains(user));
            assertThat(numbers.contains(numberB)).as("%s lists B", user).isEqualTo(SEE_B.contains(user));

            JsonNode board = as(user).get("/api/board").getBody();
            List<String> onBoard = new ArrayList<>();
            board.path("proposals").forEach(row -> onBoard.add(row.path("number").asText()));
            assertThat(onBoard.contains(numberA)).as("%s's board shows A", user).isEqualTo(SEE_A.contains(user));
            assertThat(onBoard.contains(numberB)).as("%s's board shows B", user).isEqualTo(SEE_B.contains(user));
        }
    }

    @Test
    void aDepartmentCannotWorkAnotherDepartmentsTask() {
        Task equipmentTask = openTasks(b).get(0);
        for (String attempt : List.of("/claim", "/complete", "/submit-form")) {
            ResponseEntity<String> response = exchange("food", HttpMethod.POST,
                    "/engine-rest/task/" + equipmentTask.getId() + attempt, Map.of("userId", "food", "variables", Map.of()));
            assertThat(response.getStatusCode().value()).as(attempt).isIn(403, 404);
            if (response.getStatusCode() == HttpStatus.FORBIDDEN) {
                assertThat(response.getBody()).as(attempt).contains("没有权限执行此操作").doesNotContain("does not have");
            }
        }
        Task after = engine.getTaskService().createTaskQuery().taskId(equipmentTask.getId()).singleResult();
        assertThat(after).isNotNull();
        assertThat(after.getAssignee()).isNull();
    }

    @Test
    void aDepartmentWorksItsOwnTaskThroughRest() {
        Task foodTask = steps.task(a, ProcessElements.TASK_COMMUNICATE_FIRST);
        // what Tasklist loads to show the task's Camunda Form
        for (String read : List.of("", "/deployed-form", "/form-variables", "/variables", "/identity-links")) {
            ResponseEntity<String> shown = exchange("food", HttpMethod.GET, "/engine-rest/task/" + foodTask.getId() + read, null);
            assertThat(shown.getStatusCode()).as(read + ": " + shown.getBody()).isEqualTo(HttpStatus.OK);
            ResponseEntity<String> hidden = exchange("equipment", HttpMethod.GET, "/engine-rest/task/" + foodTask.getId() + read, null);
            assertThat(hidden.getStatusCode().value()).as("equipment " + read).isIn(403, 404);
            assertThat(hidden.getBody()).as("equipment " + read).containsAnyOf("没有权限", "该任务不存在").doesNotContain("No matching");
        }
        assertThat(exchange("food", HttpMethod.POST, "/engine-rest/task/" + foodTask.getId() + "/claim",
                Map.of("userId", "food")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> variables = new LinkedHashMap<>();
        ProposalSteps.communicateFirstForm().forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<String> completed = exchange("food", HttpMethod.POST,
                "/engine-rest/task/" + foodTask.getId() + "/complete", Map.of("variables", variables));
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(steps.task(a, ProcessElements.TASK_COMMUNICATE_FIRST)).isNull();
    }

    @Test
    void nobodyButTheOfficeStartsProposalsAndNobodyDeletesOrModifiesThem() {
        long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
        for (String user : List.of("food", "food-head", "leader", "principal")) {
            ResponseEntity<String> started = exchange(user, HttpMethod.POST,
                    "/engine-rest/process-definition/key/proposal-handling/start", Map.of("businessKey", "X-" + user));
            assertThat(started.getStatusCode()).as(user + " starts").isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> registered = exchange(user, HttpMethod.POST, "/api/proposals",
                    TestProposals.request(TestProposals.newNumber("AUTH-X"), ProposalRole.LEAD));
            assertThat(registered.getStatusCode()).as(user + " registers").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(registered.getBody()).contains("只有提案办可以登记提案");
        }
        for (String user : List.of("food", "office", "leader")) {
            assertThat(exchange(user, HttpMethod.DELETE, "/engine-rest/process-instance/" + a.getId(), null)
                    .getStatusCode().value()).as(user + " deletes").isIn(403, 404);
            assertThat(exchange(user, HttpMethod.PUT, "/engine-rest/process-instance/" + a.getId() + "/variables/leadDepartment",
                    Map.of("value", "equipment", "type", "String")).getStatusCode().value()).as(user + " modifies")
                    .isIn(403, 404);
            assertThat(exchange(user, HttpMethod.POST, "/engine-rest/process-instance/" + a.getId() + "/modification",
                    Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", ProcessElements.TASK_COMMUNICATE_FIRST))))
                    .getStatusCode().value()).as(user + " moves tokens").isIn(403, 404);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(engine.getRuntimeService().getVariable(a.getId(), "leadDepartment")).isEqualTo("food");
        assertThat(steps.task(a, ProcessElements.TASK_COMMUNICATE_FIRST)).isNotNull();
    }

    @Test
    void tasklistOffersEachUserOnlyTheProcessesTheyMayStart() {
        String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
                + "&startablePermissionCheck=true";
        for (String user : USERS.keySet()) {
            Set<String> keys = new TreeSet<>();
            as(user).get(startable).getBody().forEach(definition -> keys.add(definition.path("key").asText()));
            if (Set.of("office", "admin").contains(user)) {
                assertThat(keys).as(user).contains("proposal-handling", "proposal-extension")
                        .doesNotContain(ProcessElements.DIGEST_PROCESS);
            } else if (user.startsWith("food") || user.startsWith("ip") || user.startsWith("equipment")) {
                assertThat(keys).as(user).isEqualTo(new TreeSet<>(AccessPolicy.DEPARTMENT_STARTED_PROCESSES));
            } else {
                assertThat(keys).as(user).isEmpty();
            }
        }
    }

    /** Tasklist's 创建任务 and 创建过滤器, as the engine checks them. */
    @Test
    void onlyTheOfficeCreatesFiltersAndNobodyButTheAdministratorCreatesTasks() {
        for (String user : USERS.keySet()) {
            boolean admin = "admin".equals(user);
            boolean filters = admin || "office".equals(user);
            if (!admin) {
                assertThat(exchange(user, HttpMethod.POST, "/engine-rest/task/create", Map.of("name", "自建任务 " + user))
                        .getStatusCode()).as(user + " creates a task").isEqualTo(HttpStatus.FORBIDDEN);
            }
            if (!filters) {
                assertThat(exchange(user, HttpMethod.POST, "/engine-rest/filter/create",
                        Map.of("resourceType", "Task", "name", "自建过滤器 " + user, "query", Map.of())).getStatusCode())
                        .as(user + " creates a filter").isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(engine.getTaskService().createTaskQuery().taskNameLike("自建任务%").count()).isZero();
        assertThat(engine.getFilterService().createFilterQuery().filterNameLike("自建过滤器%").count()).isZero();
    }

    @Test
    void aDepartmentRequestsExtensionsForItsOwnProposalsOnly() {
        Map<String, Object> request = Map.of("variables", Map.of(
                "number", Map.of("value", numberB), "requestedBy", Map.of("value", "DEPARTMENT"),
                "requestedDue", Map.of("value", "2025-09-30"), "extensionReason", Map.of("value", "需跨部门协调")));
        long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("proposal-extension").count();
        ResponseEntity<String> refused = exchange("food", HttpMethod.POST,
                "/engine-rest/process-definition/key/proposal-extension/submit-form", request);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("不由您所在的处室办理");
        ResponseEntity<String> accepted = exchange("equipment", HttpMethod.POST,
                "/engine-rest/process-definition/key/proposal-extension/submit-form", request);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("proposal-extension").count())
                .isEqualTo(before + 1);
    }

    @Test
    void theYearEndSummaryIsForTheOfficeAndTheLeadersOnly() {
        for (String user : USERS.keySet()) {
            ResponseEntity<String> summary = exchange(user, HttpMethod.GET, "/api/reports/annual?year=2025", null);
            boolean allowed = Set.of("office", "leader", "principal", "admin").contains(user);
            assertThat(summary.getStatusCode()).as(user).isEqualTo(allowed ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void aReassignmentTakesTheProposalAwayFromTheOldDepartment() {
        access.grantDepartments(a.getId(), "equipment", List.of());
        assertThat(exchange("food", HttpMethod.GET, "/engine-rest/process-instance/" + a.getId(), null)
                .getStatusCode().value()).isIn(403, 404);
        assertThat(exchange("equipment", HttpMethod.GET, "/engine-rest/process-instance/" + a.getId(), null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange("leader", HttpMethod.GET, "/engine-rest/process-instance/" + a.getId(), null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * A member's records of contact, probed per user: the member of proposal A has a contact record about A, one about
     * B (as a co-signer) and a liaison record; their liaison department is 特种设备处 and their liaison person is ip.
     */
    @Test
    void eachUserReadsAndWritesTheContactRecordsTheRuleGivesThem() {
        long member = as("office").get("/api/proposals/" + numberA).getBody().at("/leadMember/id").asLong();
        Map<String, Object> liaison = new LinkedHashMap<>();
        liaison.put("name", "委员" + numberA);
        liaison.put("phone", "13800000000");
        liaison.put("liaisonDepartment", "equipment");
        liaison.put("liaisonUser", "ip");
        assertThat(as("office").put("/api/members/" + member, liaison).getStatusCode()).isEqualTo(HttpStatus.OK);
        communications.record(proposals.get(numberA).id(), member, CommunicationStage.BEFORE_HANDLING, LocalDate.of(2025, 4, 18),
                ContactWay.MEETING, "委员本人；食品安全处", "关于 A 的意见", "就 A 座谈", "food");
        communications.record(proposals.get(numberB).id(), member, CommunicationStage.BEFORE_HANDLING, LocalDate.of(2025, 4, 19),
                ContactWay.PHONE, "委员本人；特种设备处", "关于 B 的意见", "就 B 通话", "equipment");
        ResponseEntity<JsonNode> recorded = as("office").post("/api/members/" + member + "/communications", Map.of(
                "date", "2025-04-20", "way", "VISIT", "participants", "委员本人；提案办", "summary", "日常走访"));
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Set<String> seeLiaison = Set.of("office", "equipment", "equipment-head", "ip", "leader", "principal", "admin");
        Set<String> mayRecord = Set.of("office", "equipment", "equipment-head", "ip", "admin");
        for (String user : USERS.keySet()) {
            ResponseEntity<JsonNode> history = as(user).get("/api/members/" + member + "/communications");
            assertThat(history.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            Set<String> seen = new TreeSet<>();
            history.getBody().forEach(record -> seen.add(record.path("proposalNumber").asText("liaison")));
            String text = history.getBody().toString();
            assertThat(seen.contains(numberA)).as("%s reads the contact about A", user).isEqualTo(SEE_A.contains(user));
            assertThat(text.contains("关于 A 的意见")).as("%s reads A's member view", user).isEqualTo(SEE_A.contains(user));
            assertThat(seen.contains(numberB)).as("%s reads the contact about B", user).isEqualTo(SEE_B.contains(user));
            assertThat(text.contains(proposals.get(numberB).title())).as("%s reads B's title", user)
                    .isEqualTo(SEE_B.contains(user));
            assertThat(seen.contains("liaison")).as("%s reads the liaison record", user).isEqualTo(seeLiaison.contains(user));

            int before = communications.forMember(member).size();
            ResponseEntity<String> written = exchange(user, HttpMethod.POST, "/api/members/" + member + "/communications",
                    Map.of("date", "2025-05-0" + (1 + before % 9), "way", "PHONE", "participants", user, "summary", "电话联络"));
            if (mayRecord.contains(user)) {
                assertThat(written.getStatusCode()).as("%s records: %s", user, written.getBody()).isEqualTo(HttpStatus.CREATED);
                assertThat(communications.forMember(member)).hasSize(before + 1);
            } else {
                assertThat(written.getStatusCode()).as("%s records", user).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(written.getBody()).as(user).contains("只有提案办、该委员的联络处室和联络人可以记录");
                assertThat(communications.forMember(member)).as("%s wrote nothing", user).hasSize(before);
            }
        }
        assertThat(exchange("food", HttpMethod.POST, "/api/members/999999/communications", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void eachUserReadsAndAddsTheAttachmentsOfTheirProposalsOnlyAndOnlyTheUploaderOrTheOfficeDeletes() {
        String files = "/api/proposals/" + numberA + "/attachments";
        long id = upload("food", files, "交办单.pdf").path("id").asLong();
        for (String user : USERS.keySet()) {
            boolean sees = SEE_A.contains(user);
            ResponseEntity<String> list = exchange(user, HttpMethod.GET, files, null);
            ResponseEntity<String> download = exchange(user, HttpMethod.GET, files + "/" + id, null);
            assertThat(list.getStatusCode()).as(user + " list").isEqualTo(sees ? HttpStatus.OK : HttpStatus.FORBIDDEN);
            assertThat(download.getStatusCode()).as(user + " download").isEqualTo(sees ? HttpStatus.OK : HttpStatus.FORBIDDEN);
            if (!sees) {
                assertThat(list.getBody()).contains("您无权查看提案");
                assertThat(exchange(user, HttpMethod.POST, files, multipart("外来.pdf")).getStatusCode()).as(user + " upload")
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
            if (!Set.of("food", "office", "admin").contains(user)) {
                assertThat(exchange(user, HttpMethod.DELETE, files + "/" + id, null).getStatusCode()).as(user + " delete")
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(as("office").get(files).getBody()).as("only food's file, still there").hasSize(1);
        assertThat(exchange("office", HttpMethod.DELETE, files + "/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private JsonNode upload(String user, String path, String name) {
        ResponseEntity<JsonNode> uploaded = http.withBasicAuth(user, PASSWORD).postForEntity(path, multipart(name), JsonNode.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return uploaded.getBody();
    }

    private static MultiValueMap<String, Object> multipart(String name) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return body;
    }

    private void probeProposal(String user, String number, ProcessInstance instance, boolean sees) {
        String label = user + " / " + number;
        int runtime = exchange(user, HttpMethod.GET, "/engine-rest/process-instance/" + instance.getId(), null)
                .getStatusCode().value();
        int variables = exchange(user, HttpMethod.GET, "/engine-rest/process-instance/" + instance.getId() + "/variables", null)
                .getStatusCode().value();
        JsonNode history = as(user).get("/engine-rest/history/process-instance?processInstanceId=" + instance.getId()).getBody();
        ResponseEntity<String> ours = exchange(user, HttpMethod.GET, "/api/proposals/" + number, null);
        ResponseEntity<String> letter = exchange(user, HttpMethod.GET, "/api/proposals/" + number + "/reply-letter.docx", null);
        ResponseEntity<String> pdf = exchange(user, HttpMethod.GET, "/api/proposals/" + number + "/reply-letter.pdf", null);
        int historicVariables = as(user).get("/engine-rest/history/variable-instance?processInstanceId=" + instance.getId())
                .getBody().size();
        int runtimeVariables = as(user).get("/engine-rest/variable-instance?processInstanceIdIn=" + instance.getId())
                .getBody().size();
        int historicTasks = as(user).get("/engine-rest/history/task?processInstanceId=" + instance.getId()).getBody().size();
        int activities = as(user).get("/engine-rest/history/activity-instance?processInstanceId=" + instance.getId())
                .getBody().size();
        if (sees) {
            assertThat(historicVariables).as(label + " historic variables").isPositive();
            assertThat(runtimeVariables).as(label + " variables by query").isPositive();
            assertThat(activities).as(label + " activity history").isPositive();
            assertThat(runtime).as(label + " runtime").isEqualTo(200);
            assertThat(variables).as(label + " variables").isEqualTo(200);
            assertThat(history.size()).as(label + " history").isEqualTo(1);
            assertThat(ours.getStatusCode()).as(label + " api").isEqualTo(HttpStatus.OK);
            assertThat(letter.getStatusCode()).as(label + " letter (not signed yet)").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(pdf.getStatusCode()).as(label + " PDF letter (not signed yet)").isEqualTo(HttpStatus.NOT_FOUND);
        } else {
            assertThat(historicVariables).as(label + " historic variables").isZero();
            assertThat(runtimeVariables).as(label + " variables by query").isZero();
            assertThat(historicTasks).as(label + " historic tasks").isZero();
            assertThat(activities).as(label + " activity history").isZero();
            assertThat(runtime).as(label + " runtime").isIn(403, 404);
            assertThat(variables).as(label + " variables").isIn(403, 404);
            assertThat(history.size()).as(label + " history").isZero();
            assertThat(ours.getStatusCode()).as(label + " api").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(ours.getBody()).contains("您无权查看提案");
            assertThat(letter.getStatusCode()).as(label + " letter").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(pdf.getStatusCode()).as(label + " PDF letter").isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    private List<Task> openTasks(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
    }

    private Set<String> candidateGroups(Task task) {
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private ApiClient as(String user) {
        return ApiClient.as(http, identity, user, PASSWORD, USERS.get(user));
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        return http.withBasicAuth(user, PASSWORD).exchange(path, method, body == null ? null : new HttpEntity<>(body), String.class);
    }
}
