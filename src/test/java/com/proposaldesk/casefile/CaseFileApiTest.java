package com.proposaldesk.casefile;

import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_OBJECTION_OUTCOME;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.support.ProposalSteps.form;
import static com.proposaldesk.support.ProposalSteps.objectionForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** {@code GET /api/proposals/{number}/case-file}: a proposal walked to its end, read back as its case file. */
@ProposalDeskSpringTest
class CaseFileApiTest {

    private static final String PASSWORD = "Case-File-Pw-1";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;

    ProposalSteps steps;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aClosedProposalHasEveryRecordAndATimelineThatMarksTheLateSteps() {
        String number = TestProposals.newNumber("CASE");
        at("2025-04-10T09:00:00+08:00");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        at("2025-04-11T10:00:00+08:00");
        steps.signFor(pi);
        steps.assign(pi, "food", List.of("ip"));
        at("2025-04-18T15:30:00+08:00");
        steps.communicateFirst(pi);
        steps.complete("ip-zhao", pi, TASK_ASSISTING_OPINION, form("opinionText", "知识产权处：建议公开抽检结果"));
        // the answer was due on 2025-07-10: everything from drafting on is late
        at("2025-08-01T09:00:00+08:00");
        steps.draftReply(pi, "A");
        steps.sendBack(pi, TASK_REVIEW_DEPT_HEAD, "请补充抽检数据");
        steps.draftReply(pi, "A");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approveWithEdits(pi, TASK_REVIEW_OFFICE, "经研究，我局已建立全市校园周边食品经营者台账……");
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-08-05");
        steps.evaluate(pi, "SATISFIED", "2025-08-20", "满意");

        ResponseEntity<JsonNode> response = office().get("/api/proposals/" + number + "/case-file");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode file = response.getBody();
        assertThat(file.path("proposal").path("number").asText()).isEqualTo(number);
        assertThat(file.path("proposal").path("status").asText()).isEqualTo("CLOSED");
        assertThat(file.path("proposal").path("leadMember").path("name").asText()).isEqualTo("委员" + number);
        assertThat(file.path("departmentNames").path("food").asText()).isEqualTo("食品安全处");
        assertThat(file.path("signFor").get(0).path("signedOn").asText()).isEqualTo("2025-04-11");
        assertThat(file.path("assignments").get(0).path("leadDepartment").asText()).isEqualTo("food");
        assertThat(texts(file.path("assignments").get(0).path("assisting"))).containsExactly("ip");
        assertThat(file.path("assignments").get(0).path("recommendation").asText()).isNotBlank();
        assertThat(file.path("communications")).hasSize(2);
        assertThat(file.path("communications").get(0).path("stageLabel").asText()).isEqualTo("先沟通后办理");
        assertThat(file.path("opinions").get(0).path("body").asText()).isEqualTo("知识产权处：建议公开抽检结果");

        JsonNode drafts = file.path("drafts");
        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(0).path("statusLabel").asText()).isEqualTo("退回修改");
        assertThat(drafts.get(0).path("reviews")).hasSize(1);
        assertThat(drafts.get(0).path("reviews").get(0).path("approved").asBoolean()).isFalse();
        assertThat(drafts.get(0).path("reviews").get(0).path("comment").asText()).isEqualTo("请补充抽检数据");
        assertThat(drafts.get(0).path("reviews").get(0).path("stepLabel").asText()).isEqualTo("处室负责人");
        List<String> reviewers = new ArrayList<>();
        drafts.get(1).path("reviews").forEach(review -> reviewers.add(review.path("reviewer").asText()));
        assertThat(reviewers).containsExactly(ProposalSteps.HEAD, ProposalSteps.OFFICE, ProposalSteps.LEADER);
        assertThat(drafts.get(1).path("sentOn").asText()).isEqualTo("2025-08-05");
        assertThat(drafts.get(1).path("reviews").get(1).path("decisionLabel").asText()).isEqualTo("修改后同意");
        assertThat(drafts.get(1).path("body").asText()).isEqualTo("经研究，我局已建立全市校园周边食品经营者台账……");
        assertThat(drafts.get(1).path("revisions")).hasSize(2);
        assertThat(drafts.get(1).path("revisions").get(0).path("stepLabel").asText()).isEqualTo("承办处室");
        assertThat(drafts.get(1).path("revisions").get(1).path("stepLabel").asText()).isEqualTo("提案办");
        assertThat(drafts.get(1).path("revisions").get(1).path("author").asText()).isEqualTo(ProposalSteps.OFFICE);
        assertThat(drafts.get(1).path("revisions").get(0).path("body").asText())
                .isEqualTo(ProposalSteps.draftReplyForm("A").get("replyBody"));
        assertThat(file.path("letter").path("available").asBoolean()).isTrue();
        assertThat(file.path("letter").path("download").asText()).isEqualTo("/api/proposals/" + number + "/reply-letter.docx");
        assertThat(file.path("letter").path("pdf").asText()).isEqualTo("/api/proposals/" + number + "/reply-letter.pdf");
        assertThat(file.path("letter").path("documentNumber").asText()).isEqualTo(file.path("proposal").path("documentNumber").asText())
                .startsWith("X市监函〔");
        assertThat(file.path("evaluations").get(0).path("resultLabel").asText()).isEqualTo("满意");

        JsonNode timeline = file.path("timeline");
        assertThat(timeline.get(0).path("step").asText()).isEqualTo("登记");
        JsonNode signFor = step(timeline, "签收");
        assertThat(signFor.path("user").asText()).isEqualTo(ProposalSteps.OFFICE);
        assertThat(signFor.path("done").asText()).isEqualTo("2025-04-11T10:00:00+08:00");
        assertThat(signFor.path("due").asText()).isEqualTo("2025-04-15T18:00:00+08:00");
        assertThat(signFor.path("late").asBoolean()).isFalse();
        JsonNode draft = step(timeline, "办理并起草答复");
        assertThat(draft.path("user").asText()).isEqualTo(ProposalSteps.HANDLER);
        assertThat(draft.path("due").asText()).isEqualTo("2025-07-10T18:00:00+08:00");
        assertThat(draft.path("late").asBoolean()).isTrue();
        assertThat(step(timeline, "先沟通后办理：联系委员").path("late").asBoolean()).isFalse();
        List<String> names = new ArrayList<>();
        timeline.forEach(entry -> {
            names.add(entry.path("step").asText());
            assertThat(entry.has("due") && entry.has("done") && entry.has("user") && entry.has("late")).as(entry.toString()).isTrue();
            assertThat(entry.path("done").asText()).as("every step is done, in the bureau's zone").endsWith("+08:00");
        });
        assertThat(names).containsSubsequence("登记", "签收", "分派主办和协办处室", "先沟通后办理：联系委员", "办理并起草答复",
                "处室负责人审核", "办理并起草答复", "处室负责人审核", "提案办审核把关", "分管局领导签发", "正式答复委员", "登记委员评价");
        assertThat(file.path("links").path("tasks")).isEmpty();
        assertThat(file.path("links").path("instances").get(0).path("state").asText()).isEqualTo("已结束");
    }

    @Test
    void anObjectionShowsTheCommitteesAnswerInWords() {
        String number = TestProposals.newNumber("CASE-OBJ");
        at("2025-04-10T09:00:00+08:00");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.complete(ProposalSteps.OFFICE, pi, TASK_SIGN_FOR, objectionForm("本提案主要涉及教育部门职责"));
        steps.complete(ProposalSteps.OFFICE, pi, TASK_RECORD_OBJECTION_OUTCOME,
                form("objectionOutcome", "KEPT", "decidedOn", "2025-04-15", "decisionNote", "维持原交办"));

        JsonNode objection = office().get("/api/proposals/" + number + "/case-file").getBody().path("objections").get(0);

        assertThat(objection.path("outcome").asText()).isEqualTo("KEPT");
        assertThat(objection.path("outcomeLabel").asText()).isEqualTo("维持由我局按原角色办理");
    }

    @Test
    void anOpenProposalLinksItsTasksAndInstanceAndAStepOpenPastItsDueDateIsLate() {
        String number = TestProposals.newNumber("CASE-OPEN");
        at("2025-04-10T09:00:00+08:00");
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        at("2025-04-30T09:00:00+08:00");

        JsonNode file = office().get("/api/proposals/" + number + "/case-file").getBody();

        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
        assertThat(file.path("links").path("tasks").get(0).path("tasklist").asText())
                .isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
        assertThat(file.path("links").path("instances").get(0).path("cockpit").asText())
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + pi.getId());
        JsonNode signFor = step(file.path("timeline"), "签收");
        assertThat(signFor.path("open").asBoolean()).isTrue();
        assertThat(signFor.path("done").isNull()).isTrue();
        assertThat(signFor.path("late").asBoolean()).isTrue();
        assertThat(file.path("letter").path("available").asBoolean()).isFalse();
    }

    @Test
    void aDepartmentReadsTheCaseFilesOfItsOwnProposalsOnly() {
        String food = TestProposals.newNumber("CASE-A");
        String equipment = TestProposals.newNumber("CASE-B");
        ProcessInstance a = steps.register(TestProposals.request(food, ProposalRole.LEAD));
        steps.signFor(a);
        steps.assign(a, "food", List.of("ip"));
        ProcessInstance b = steps.register(TestProposals.request(equipment, ProposalRole.LEAD));
        steps.signFor(b);
        steps.assign(b, "equipment", List.of());

        for (String user : List.of("food", "ip")) {
            assertThat(as(user, "dept-" + user).get("/api/proposals/" + food + "/case-file").getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
            ResponseEntity<JsonNode> refused = as(user, "dept-" + user).get("/api/proposals/" + equipment + "/case-file");
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("message").asText()).startsWith("您无权查看提案 " + equipment);
        }
        assertThat(as("equipment", "dept-equipment").get("/api/proposals/" + equipment + "/case-file").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("leader", "leader").get("/api/proposals/" + equipment + "/case-file").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> unknown = office().get("/api/proposals/NO-SUCH-1/case-file");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("message").asText()).isEqualTo("未找到编号为 NO-SUCH-1 的提案");
        assertThat(rest.getForEntity("/api/proposals/" + food + "/case-file", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ApiClient office() {
        return as("office", "office");
    }

    private ApiClient as(String user, String group) {
        // ids of their own: other test classes share the database and create "office", "food"... with other passwords
        return ApiClient.as(rest, identity, "case-" + user, PASSWORD, group);
    }

    private static void at(String moment) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
    }

    private static JsonNode step(JsonNode timeline, String name) {
        for (JsonNode entry : timeline) {
            if (name.equals(entry.path("step").asText())) {
                return entry;
            }
        }
        throw new AssertionError("No step " + name + " in " + timeline);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
