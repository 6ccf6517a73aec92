package com.proposaldesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.TestProposals;

/**
 * Who did what when: every change our API makes is recorded with its user in the same transaction, and
 * {@code GET /api/audit} shows those records and the engine's user operation log together, newest first.
 */
@ProposalDeskSpringTest
class AuditTrailTest {

    private static final String PASSWORD = "Cao-Zuo-2025";
    /** The bureau's zone, in which the trail shows and filters its times whatever the server's zone. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    private ApiClient office;
    private ApiClient handler;
    private ApiClient admin;

    @BeforeEach
    void people() {
        ProcessEngines.registerProcessEngine(engine);
        ClockUtil.reset();
        office = ApiClient.as(rest, identity, "audit-office", PASSWORD, "office");
        handler = ApiClient.as(rest, identity, "audit-handler", PASSWORD, "dept-food");
        admin = ApiClient.as(rest, identity, "audit-admin", PASSWORD, Groups.CAMUNDA_ADMIN);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void everyChangeThroughTheApiIsRecordedWithItsUser() throws Exception {
        String number = TestProposals.newNumber("AUD");
        assertThat(office.post("/api/proposals", TestProposals.request(number, ProposalRole.SOLE)).getStatusCode().value())
                .isEqualTo(201);
        assertThat(office.put("/api/reports/typical-cases/" + number, Map.of("achievements", "建立了长效监管机制"))
                .getStatusCode().value()).isEqualTo(204);

        Task signFor = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        tasks.setAssignee(signFor.getId(), "audit-handler"); // no e-mail address: the urge is recorded, nothing is mailed
        assertThat(office.post("/api/tasks/" + signFor.getId() + "/urge", Map.of("note", "请尽快签收")).getStatusCode().value())
                .isEqualTo(200);

        ResponseEntity<JsonNode> member = office.post("/api/members", Map.of("name", "审计委员" + number, "sector", "经济界",
                "phone", "13900000000", "liaisonDepartment", "food"));
        assertThat(member.getStatusCode().value()).isEqualTo(201);
        long memberId = member.getBody().get("id").asLong();
        assertThat(office.put("/api/members/" + memberId, Map.of("name", "审计委员" + number, "sector", "经济界",
                "phone", "13900000000", "liaisonDepartment", "ip", "liaisonUser", "audit-handler")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(handler.post("/api/members/" + memberId + "/communications", Map.of("date", "2025-04-01", "way", "PHONE",
                "participants", "审计经办人、委员本人", "summary", "了解委员关注的问题")).getStatusCode().value()).isEqualTo(201);

        String imported = TestProposals.newNumber("AUDIMP");
        ResponseEntity<JsonNode> upload = office.upload("/api/proposals/import", "交办清单.csv",
                csv(List.of(importRow(imported, "关于规范农贸市场价格公示的提案"))));
        assertThat(upload.getStatusCode().value()).as(String.valueOf(upload.getBody())).isEqualTo(201);

        List<Map<String, Object>> forProposal = jdbc.sql(
                "SELECT user_id, action, subject, details FROM pd_audit WHERE proposal_number = ? ORDER BY id")
                .param(number).query().listOfRows();
        assertThat(forProposal).extracting(row -> row.get("ACTION"))
                .containsExactly("PROPOSAL_REGISTERED", "TYPICAL_CASE_CHOSEN", "TASK_URGED");
        assertThat(forProposal).allSatisfy(row -> assertThat(row.get("USER_ID")).isEqualTo("audit-office"));
        assertThat((String) forProposal.get(0).get("DETAILS")).contains("承办", "领衔委员 委员" + number);
        assertThat((String) forProposal.get(1).get("DETAILS")).isEqualTo("选为典型案例：建立了长效监管机制");
        assertThat((String) forProposal.get(2).get("SUBJECT")).isEqualTo("任务“签收”（" + signFor.getId() + "）");
        assertThat((String) forProposal.get(2).get("DETAILS")).isEqualTo("通知 0 人；催办意见：请尽快签收");

        List<Map<String, Object>> forMember = jdbc.sql(
                "SELECT user_id, action, details FROM pd_audit WHERE subject = ? ORDER BY id")
                .param("委员 审计委员" + number + "（编号 " + memberId + "）").query().listOfRows();
        assertThat(forMember).extracting(row -> row.get("ACTION") + "/" + row.get("USER_ID"))
                .containsExactly("MEMBER_CREATED/audit-office", "MEMBER_UPDATED/audit-office", "LIAISON_RECORDED/audit-handler");
        assertThat((String) forMember.get(1).get("DETAILS")).isEqualTo("联络处室：food → ip；联络人：（空） → audit-handler");
        assertThat((String) forMember.get(2).get("DETAILS")).isEqualTo("2025-04-01 电话，参与人员：审计经办人、委员本人；沟通情况：了解委员关注的问题");

        assertThat(jdbc.sql("SELECT action FROM pd_audit WHERE proposal_number = ?").param(imported).query(String.class).list())
                .containsExactly("PROPOSAL_REGISTERED");
        assertThat(jdbc.sql("SELECT details FROM pd_audit WHERE action = 'ASSIGNMENT_LIST_IMPORTED' AND details LIKE ?")
                .param("%" + imported + "%").query(String.class).single()).isEqualTo("导入 1 件提案：" + imported);
    }

    @Test
    void theRecordIsPartOfTheChangeWhenItCannotBeWrittenNothingIsChanged() {
        String name = "回滚委员" + TestProposals.newNumber("RB");
        jdbc.sql("ALTER TABLE pd_audit RENAME TO pd_audit_away").update();
        ResponseEntity<JsonNode> refused;
        try {
            refused = office.post("/api/members", Map.of("name", name, "phone", "13700000000"));
        } finally {
            jdbc.sql("ALTER TABLE pd_audit_away RENAME TO pd_audit").update();
        }

        assertThat(refused.getStatusCode().value()).isEqualTo(500);
        assertThat(refused.getBody().get("message").asText()).matches("系统内部错误，请联系管理员（错误编号 [0-9a-f]{8}）");
        assertThat(refused.getBody().toString()).doesNotContain("PD_AUDIT", "SQL", "Exception", "at com.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_member WHERE name = ?").param(name).query(Integer.class).single())
                .as("the member was not stored without its audit record").isZero();
    }

    @Test
    void theAuditTrailMergesOurRecordsWithTheEnginesOperationsNewestFirst() {
        String number = TestProposals.newNumber("AUDLOG");
        at("2025-04-11T09:00:00");
        assertThat(office.post("/api/proposals", TestProposals.request(number, ProposalRole.SOLE)).getStatusCode().value())
                .isEqualTo(201);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
        at("2025-04-11T09:05:00");
        assertThat(office.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "audit-office"))
                .getStatusCode().value()).isEqualTo(204);
        at("2025-04-11T09:10:00");
        assertThat(office.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                "signedOn", Map.of("value", "2025-04-11"), "objectionRequested", Map.of("value", false))))
                .getStatusCode().value()).isEqualTo(204);

        JsonNode page = office.get("/api/audit?proposal=" + number).getBody();

        List<String> lines = new ArrayList<>();
        page.get("items").forEach(item -> lines.add(item.get("time").asText() + " " + item.get("source").asText() + " "
                + item.get("action").asText() + " " + item.path("subject").asText()));
        assertThat(lines).containsSubsequence(
                "2025-04-11T09:10:00+08:00 ENGINE Task:Complete 任务“签收”",
                "2025-04-11T09:05:00+08:00 ENGINE Task:Claim 任务“签收”",
                "2025-04-11T09:00:00+08:00 DOMAIN PROPOSAL_REGISTERED 提案 " + number);
        assertThat(page.get("items")).allSatisfy(item -> {
            assertThat(item.get("proposalNumber").asText()).isEqualTo(number);
            assertThat(item.get("userId").asText()).isEqualTo("audit-office");
            assertThat(item.get("userName").asText()).isEqualTo("测试 audit-office");
        });
        JsonNode claim = find(page, "Task:Claim");
        assertThat(claim.get("actionLabel").asText()).isEqualTo("任务 · 认领");
        assertThat(claim.get("sourceLabel").asText()).isEqualTo("流程引擎");
        assertThat(claim.get("details").asText()).isEqualTo("办理人：audit-office");
        assertThat(find(page, "Task:Complete").has("details")).as("nothing but the completion itself").isFalse();
        assertThat(find(page, "ProcessInstance:Create").get("subject").asText()).isEqualTo("流程“提案办理（承办/主办/分办）”");
        assertThat(find(page, "PROPOSAL_REGISTERED").get("actionLabel").asText()).isEqualTo("登记提案");
        assertThat(page.get("hasMore").asBoolean()).isFalse();

        assertThat(office.get("/api/audit?proposal=" + number + "&from=2025-04-11&to=2025-04-11").getBody().get("items"))
                .hasSize(page.get("items").size());
        assertThat(office.get("/api/audit?proposal=" + number + "&from=2025-04-12").getBody().get("items")).isEmpty();
        assertThat(office.get("/api/audit?proposal=" + number + "&to=2025-04-10").getBody().get("items")).isEmpty();
        assertThat(office.get("/api/audit?proposal=" + number + "&user=audit-handler").getBody().get("items")).isEmpty();
    }

    @Test
    void theEnginesIdentityOperationsAreThereTooAndPagesFollowEachOther() {
        String clerk = "audit-new-" + Long.toString(System.nanoTime(), 36);
        ApiClient pager = ApiClient.as(rest, identity, "audit-pager", PASSWORD, Groups.CAMUNDA_ADMIN);
        assertThat(pager.post("/engine-rest/user/create", Map.of("profile", Map.of("id", clerk, "firstName", "新", "lastName",
                "同事"), "credentials", Map.of("password", "Xin-Tong-Shi-2025!"))).getStatusCode().value()).isEqualTo(204);
        assertThat(pager.put("/engine-rest/group/office/members/" + clerk, null).getStatusCode().value()).isEqualTo(204);
        assertThat(pager.post("/api/proposals", TestProposals.request(TestProposals.newNumber("AUDPG"), ProposalRole.SOLE))
                .getStatusCode().value()).isEqualTo(201);

        JsonNode all = pager.get("/api/audit?user=audit-pager&size=200").getBody();
        List<String> actions = new ArrayList<>();
        all.get("items").forEach(item -> actions.add(item.get("action").asText()));
        assertThat(actions).contains("User:Create", "Group membership:Create", "PROPOSAL_REGISTERED");
        assertThat(find(all, "User:Create").get("actionLabel").asText()).isEqualTo("用户 · 创建");

        int total = all.get("items").size();
        for (int i = 0; i < total; i++) {
            JsonNode page = pager.get("/api/audit?user=audit-pager&size=1&page=" + i).getBody();
            assertThat(page.get("items")).hasSize(1);
            assertThat(page.get("items").get(0)).isEqualTo(all.get("items").get(i));
            assertThat(page.get("hasMore").asBoolean()).isEqualTo(i < total - 1);
        }
        assertThat(pager.get("/api/audit?user=audit-pager&size=1&page=" + total).getBody().get("items")).isEmpty();
    }

    @Test
    void onlyTheOfficeAndAdministratorsReadTheAuditTrail() {
        ResponseEntity<JsonNode> refused = handler.get("/api/audit");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("message").asText()).isEqualTo("只有提案办和系统管理员可以查看操作记录");
        assertThat(rest.getForEntity("/api/audit", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(office.get("/api/audit").getStatusCode().value()).isEqualTo(200);
        assertThat(admin.get("/api/audit").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void wrongFiltersAreRefusedInChinese() {
        assertThat(office.get("/api/audit?from=2025-13-01").getBody().get("message").asText())
                .isEqualTo("参数 from 的值“2025-13-01”格式不正确");
        ResponseEntity<JsonNode> reversed = office.get("/api/audit?from=2025-05-01&to=2025-04-01");
        assertThat(reversed.getStatusCode().value()).isEqualTo(400);
        assertThat(reversed.getBody().get("message").asText()).isEqualTo("起始日期 2025-05-01 晚于截止日期 2025-04-01");
        assertThat(office.get("/api/audit?size=0").getStatusCode().value()).isEqualTo(400);
        assertThat(office.get("/api/audit?size=201").getStatusCode().value()).isEqualTo(400);
        assertThat(office.get("/api/audit?page=-1").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theAuditPageIsServedAndLinkedFromTheOtherPages() {
        String page = rest.getForObject("/audit.html", String.class);
        assertThat(page).contains("<title>操作记录 · 提案办理台</title>", "/api/audit?", "desk.css", "上一页", "下一页");
        assertThat(rest.getForObject("/import.html", String.class)).contains("<a href=\"audit.html\">操作记录</a>");
        assertThat(rest.getForObject("/members.html", String.class)).contains("<a href=\"audit.html\">操作记录</a>");
    }

    private static JsonNode find(JsonNode page, String action) {
        for (JsonNode item : page.get("items")) {
            if (action.equals(item.get("action").asText())) {
                return item;
            }
        }
        throw new AssertionError("No " + action + " in " + page);
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant()));
    }

    /** A row of the assignment list in the template's columns. */
    static List<String> importRow(String number, String title) {
        return List.of(number, "政协提案", "市政协七届四次会议", title, "委员" + number, "", "", "", "", "", "建议事项一\n建议事项二",
                "承办", "否", "2024-03-15", "", "");
    }

    static byte[] csv(List<List<String>> rows) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("提案编号", "来源", "会议届次", "提案标题", "领衔委员", "界别", "联系电话", "电子邮箱", "所在辖区",
                    "联名委员", "建议事项", "我局办理角色", "重点提案", "交办日期", "牵头单位", "会办单位");
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
