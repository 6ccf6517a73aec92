package com.proposaldesk.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.communication.CommunicationRepository;
import com.proposaldesk.communication.CommunicationStage;
import com.proposaldesk.communication.ContactWay;
import com.proposaldesk.support.ApiClient;

/**
 * The member registry and liaison (委员联络): members with their liaison department and person, contacts
 * outside proposals, and the year's coverage that shows who has not been contacted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberLiaisonTest {

    private static final String LIAISON = "liaison-food";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    CommunicationRepository communications;
    @Autowired
    JdbcClient jdbc;

    private ApiClient office;
    private ApiClient liaison;

    @BeforeAll
    void people() {
        office = ApiClient.as(rest, identity, "office-liaison", "Lian-luo-2023", "office");
        liaison = ApiClient.as(rest, identity, LIAISON, "Lian-luo-2023", "dept-food");
    }

    @Test
    void theOfficeSetsAMembersLiaisonDepartmentAndPersonAlone() {
        Map<String, Object> unassigned = member("郑海燕", "13900000005", "龙岗区");
        unassigned.remove("liaisonDepartment");
        unassigned.remove("liaisonUser");
        long id = create(unassigned);
        String path = "/api/members/" + id + "/liaison";

        JsonNode choices = office.get("/api/members/liaison-choices").getBody();
        assertThat(choices.path("departments").get(0).path("code").asText()).isEqualTo("food");
        assertThat(choices.path("departments").get(0).path("name").asText()).isEqualTo("食品安全处");
        JsonNode person = null;
        for (JsonNode staff : choices.path("staff")) {
            person = LIAISON.equals(staff.path("id").asText()) ? staff : person;
        }
        assertThat(person).isNotNull();
        assertThat(person.path("name").asText()).isEqualTo("测试 " + LIAISON);
        assertThat(person.path("departments").toString()).isEqualTo("[\"food\"]");

        ResponseEntity<JsonNode> refused = office.put(path, Map.of("liaisonDepartment", "nowhere", "liaisonUser", "ghost"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(refused.getBody())).containsExactly(
                "liaisonDepartment|联络处室“nowhere”不存在，可选：food（食品安全处）、ip（知识产权处）、equipment（特种设备处）、"
                        + "drugs（药品医疗器械处）、pricing（价格监督检查处）、standards（标准化处）、agriculture（农业和涉农企业服务处）",
                "liaisonUser|联络人“ghost”不是系统用户，请填写联络人的登录账号");
        ResponseEntity<JsonNode> notOffice = liaison.put(path, Map.of("liaisonDepartment", "food", "liaisonUser", LIAISON));
        assertThat(notOffice.getStatusCode().value()).isEqualTo(403);
        assertThat(notOffice.getBody().path("message").asText()).isEqualTo("委员信息由提案办维护");
        assertThat(office.get("/api/members/" + id).getBody().path("liaisonDepartment").isMissingNode()).isTrue();

        ResponseEntity<JsonNode> set = office.put(path, Map.of("liaisonDepartment", " food ", "liaisonUser", LIAISON));
        assertThat(set.getStatusCode().value()).as(set.getBody().toString()).isEqualTo(200);
        assertThat(set.getBody().path("liaisonDepartmentName").asText()).isEqualTo("食品安全处");
        assertThat(set.getBody().path("liaisonUserName").asText()).isEqualTo("测试 " + LIAISON);
        assertThat(set.getBody().path("phone").asText()).as("the rest of the member stays").isEqualTo("13900000005");
        JsonNode row = find(office.get("/api/members/coverage?year=2023").getBody().path("members"), id);
        assertThat(row.path("liaisonDepartment").asText()).isEqualTo("food");
        assertThat(row.path("liaisonUserName").asText()).isEqualTo("测试 " + LIAISON);

        Map<String, Object> cleared = new HashMap<>();
        cleared.put("liaisonDepartment", "");
        cleared.put("liaisonUser", null);
        assertThat(office.put(path, cleared).getStatusCode().value()).isEqualTo(200);
        assertThat(office.get("/api/members/" + id).getBody().path("liaisonUser").isMissingNode()).isTrue();
        assertThat(office.put("/api/members/999999/liaison", cleared).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void membersAreCreatedAndUpdatedWithEveryProblemReported() {
        ResponseEntity<JsonNode> empty = office.post("/api/members", Map.of());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(empty.getBody())).containsExactly("name|委员姓名不能为空");

        Map<String, Object> wrong = member("陈建华", "not-a-phone", "福田区");
        wrong.put("email", "chen@");
        wrong.put("liaisonDepartment", "nowhere");
        wrong.put("liaisonUser", "ghost");
        ResponseEntity<JsonNode> refused = office.post("/api/members", wrong);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(refused.getBody())).containsExactly(
                "phone|联系电话格式不正确",
                "email|电子邮箱格式不正确",
                "liaisonDepartment|联络处室“nowhere”不存在，可选：food（食品安全处）、ip（知识产权处）、equipment（特种设备处）、"
                        + "drugs（药品医疗器械处）、pricing（价格监督检查处）、standards（标准化处）、agriculture（农业和涉农企业服务处）",
                "liaisonUser|联络人“ghost”不是系统用户，请填写联络人的登录账号");

        ResponseEntity<JsonNode> created = office.post("/api/members", member("陈建华", "13900000001", "福田区"));
        assertThat(created.getStatusCode().value()).as(created.getBody().toString()).isEqualTo(201);
        JsonNode member = created.getBody();
        long id = member.path("id").asLong();
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/members/" + id);
        assertThat(member.path("liaisonDepartmentName").asText()).isEqualTo("食品安全处");
        assertThat(member.path("liaisonUserName").asText()).isEqualTo("测试 " + LIAISON);

        ResponseEntity<JsonNode> twice = office.post("/api/members", member("陈建华", "13900000001", "南山区"));
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody().path("message").asText()).contains("已经在名册中").contains(String.valueOf(id));

        Map<String, Object> moved = member("陈建华", "13900000001", "南山区");
        moved.put("liaisonDepartment", "ip");
        ResponseEntity<JsonNode> updated = office.put("/api/members/" + id, moved);
        assertThat(updated.getStatusCode().value()).as(updated.getBody().toString()).isEqualTo(200);
        assertThat(updated.getBody().path("district").asText()).isEqualTo("南山区");
        assertThat(updated.getBody().path("liaisonDepartmentName").asText()).isEqualTo("知识产权处");

        Map<String, Object> badUpdate = member("陈建华", "13900000001", "南山区");
        badUpdate.put("email", "x@");
        ResponseEntity<JsonNode> refusedUpdate = office.put("/api/members/" + id, badUpdate);
        assertThat(refusedUpdate.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(refusedUpdate.getBody())).containsExactly("email|电子邮箱格式不正确");
        assertThat(office.get("/api/members/" + id).getBody().path("email").isMissingNode()).isTrue();
        assertThat(office.get("/api/members/" + id).getBody().path("liaisonDepartment").asText()).isEqualTo("ip");

        assertThat(office.put("/api/members/999999", moved).getStatusCode().value()).isEqualTo(404);
        assertThat(office.get("/api/members/999999").getBody().path("message").asText()).contains("没有编号为 999999 的委员");
    }

    @Test
    void liaisonRecordsAreListedWithTheProposalRelatedOnes() {
        long id = create(member("林晓燕", "13900000002", "罗湖区"));
        ResponseEntity<JsonNode> refused = office.post("/api/members/" + id + "/communications",
                Map.of("way", "飞鸽传书", "participants", "食品安全处 李"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(refused.getBody())).containsExactly("date|沟通日期不能为空",
                "way|沟通方式“飞鸽传书”无效，应为 MEETING（座谈）、PHONE（电话）、WECHAT（微信）、VISIT（走访）、EMAIL（邮件）、EVENT（活动）",
                "summary|沟通情况不能为空");

        ResponseEntity<JsonNode> recorded = office.post("/api/members/" + id + "/communications", Map.of("date", "2023-06-08",
                "way", "EVENT", "participants", "林晓燕委员；局领导；食品安全处", "summary", "“代表委员话市监”活动，介绍年度监管重点",
                "memberView", "建议加大对校园周边的抽检力度"));
        assertThat(recorded.getStatusCode().value()).as(recorded.getBody().toString()).isEqualTo(201);
        assertThat(recorded.getBody().path("stage").asText()).isEqualTo("LIAISON");
        assertThat(recorded.getBody().path("wayLabel").asText()).isEqualTo("活动");
        assertThat(recorded.getBody().path("recordedBy").asText()).isEqualTo("office-liaison");
        String recordedAt = recorded.getBody().path("recordedAt").asText();
        assertThat(recordedAt).as("the bureau's time with its offset, the JVM running in UTC")
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        assertThat(Duration.between(OffsetDateTime.parse(recordedAt).toInstant(), ClockUtil.getCurrentTime().toInstant()).abs())
                .isLessThan(Duration.ofMinutes(5));

        // a proposal of the same member (same name and phone) and its 先沟通后办理 record
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("number", "2023L01");
        proposal.put("source", "CPPCC");
        proposal.put("session", "市政协七届三次会议");
        proposal.put("title", "关于规范网络订餐的提案");
        proposal.put("leadMember", Map.of("name", "林晓燕", "phone", "13900000002"));
        proposal.put("suggestions", List.of("压实平台责任"));
        proposal.put("role", "SOLE");
        proposal.put("assignedOn", "2023-04-10");
        JsonNode registered = office.post("/api/proposals", proposal).getBody();
        assertThat(registered.path("leadMember").path("id").asLong()).isEqualTo(id);
        communications.record(proposalId("2023L01"), id, CommunicationStage.BEFORE_HANDLING, LocalDate.of(2023, 4, 20),
                ContactWay.PHONE, "林晓燕委员；食品安全处 李", "希望公开抽检结果", null, LIAISON);

        JsonNode history = office.get("/api/members/" + id + "/communications").getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("stage").asText()).isEqualTo("LIAISON");
        assertThat(history.get(0).path("proposalNumber").isMissingNode()).isTrue();
        assertThat(history.get(1).path("stage").asText()).isEqualTo("BEFORE_HANDLING");
        assertThat(history.get(1).path("stageLabel").asText()).isEqualTo("先沟通后办理");
        assertThat(history.get(1).path("proposalNumber").asText()).isEqualTo("2023L01");
        assertThat(history.get(1).path("proposalTitle").asText()).isEqualTo("关于规范网络订餐的提案");

        assertThat(office.get("/api/members/999999/communications").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void coverageShowsWhoWasContactedInTheYearAndWhoWasNot() {
        long contacted = create(member("黄志明", "13900000003", "宝安区"));
        long notContacted = create(member("周文静", "13900000004", "宝安区"));
        record(contacted, "2023-03-02", "VISIT");
        record(contacted, "2023-11-20", "WECHAT");
        record(notContacted, "2022-12-30", "PHONE");

        JsonNode coverage = office.get("/api/members/coverage?year=2023").getBody();
        assertThat(coverage.path("year").asInt()).isEqualTo(2023);
        JsonNode visited = find(coverage.path("members"), contacted);
        assertThat(visited.path("lastContact").asText()).isEqualTo("2023-11-20");
        assertThat(visited.path("contacts").asInt()).isEqualTo(2);
        assertThat(visited.path("liaisonDepartmentName").asText()).isEqualTo("食品安全处");
        assertThat(visited.path("liaisonUser").asText()).isEqualTo(LIAISON);
        JsonNode missed = find(coverage.path("members"), notContacted);
        assertThat(missed.path("contacts").asInt()).isZero();
        assertThat(missed.path("lastContact").isMissingNode()).isTrue();
        assertThat(ids(coverage.path("uncontacted"))).contains(notContacted).doesNotContain(contacted);
        assertThat(coverage.path("total").asInt())
                .isEqualTo(coverage.path("contacted").asInt() + coverage.path("uncontacted").size());

        assertThat(ids(office.get("/api/members?uncontacted=true&year=2023&district=宝安区").getBody()))
                .containsExactly(notContacted);
        assertThat(ids(office.get("/api/members?district=宝安区&department=food").getBody()))
                .containsExactlyInAnyOrder(contacted, notContacted);
        assertThat(ids(office.get("/api/members?uncontacted=true&year=2022&district=宝安区").getBody()))
                .containsExactly(contacted);
        ResponseEntity<JsonNode> badYear = office.get("/api/members/coverage?year=abc");
        assertThat(badYear.getStatusCode().value()).isEqualTo(400);
        assertThat(badYear.getBody().path("message").asText()).isEqualTo("参数 year 的值“abc”格式不正确");
    }

    @Test
    void theCoveragePageIsServed() {
        ResponseEntity<String> page = rest.getForEntity("/members.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("委员联络覆盖情况").contains("/api/members/coverage")
                .contains("设置联络").contains("/liaison'").contains("/api/members/liaison-choices");
    }

    // ---- helpers ----

    private static Map<String, Object> member(String name, String phone, String district) {
        Map<String, Object> member = new HashMap<>();
        member.put("name", name);
        member.put("sector", "经济界");
        member.put("phone", phone);
        member.put("district", district);
        member.put("liaisonDepartment", "food");
        member.put("liaisonUser", LIAISON);
        return member;
    }

    private long create(Map<String, Object> member) {
        ResponseEntity<JsonNode> created = office.post("/api/members", member);
        assertThat(created.getStatusCode().value()).as(created.getBody().toString()).isEqualTo(201);
        return created.getBody().path("id").asLong();
    }

    private void record(long memberId, String date, String way) {
        ResponseEntity<JsonNode> recorded = office.post("/api/members/" + memberId + "/communications",
                Map.of("date", date, "way", way, "participants", "食品安全处", "summary", "日常联络"));
        assertThat(recorded.getStatusCode().value()).as(recorded.getBody().toString()).isEqualTo(201);
    }

    private long proposalId(String number) {
        return jdbc.sql("SELECT id FROM pd_proposal WHERE number = ?").param(number).query(Long.class).single();
    }

    private static JsonNode find(JsonNode rows, long memberId) {
        for (JsonNode row : rows) {
            if (row.path("memberId").asLong() == memberId) {
                return row;
            }
        }
        throw new AssertionError("member " + memberId + " not in " + rows);
    }

    private static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.has("memberId") ? row.path("memberId").asLong() : row.path("id").asLong()));
        return ids;
    }

    private static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        body.path("errors").forEach(e -> problems.add(e.path("field").asText() + "|" + e.path("message").asText()));
        return problems;
    }
}
