package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.FormMarkdown;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * Markup in anything a user typed (a title, a member's name, a comment, an opinion, a draft) shows as text in every
 * Tasklist form: each text component of each form a proposal passes through is filled with the task's variables and
 * rendered as markdown, as Tasklist does, and must hold no link, image or tag, only the text as typed.
 */
@ProposalDeskSpringTest
class HostileMarkupInFormsTest {

    static final String LINK = "<a href=\"https://evil.example/login\">点此核对</a>";
    static final String IMAGE = "<img src=\"https://evil.example/x.png\">";
    static final String MARKDOWN_LINK = "[官方通知](https://evil.example/phish)";
    static final String HOSTILE = LINK + IMAGE + MARKDOWN_LINK + " www.evil.example **粗体** <script>alert(1)</script>";

    private static final Path FORMS = Path.of("forms");
    private static final Set<String> REVIEWS = Set.of(ProcessElements.TASK_REVIEW_DEPT_HEAD,
            ProcessElements.TASK_REVIEW_OFFICE, ProcessElements.TASK_SIGN_OFF_LEADER);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;

    private ProposalSteps steps;
    private final Set<String> formsSeen = new HashSet<>();

    @BeforeEach
    void engine() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void everyFormOfAnAnsweredProposalShowsHostileTextAsText() {
        String number = TestProposals.newNumber("MARKUP");
        ProcessInstance instance = steps.register(new RegistrationRequest(number, "CPPCC", "市政协七届三次会议 " + MARKDOWN_LINK,
                "关于" + HOSTILE + "的提案", new RegistrationRequest.LeadMember("张三" + IMAGE, "民盟" + LINK, null, null, null),
                List.of("李四" + MARKDOWN_LINK), List.of("建议一" + HOSTILE, "建议二 https://evil.example/x"), "LEAD", false,
                TestProposals.ASSIGNED_ON, null, List.of("市教育局" + LINK)));

        Map<String, Map<String, Object>> forms = new HashMap<>();
        forms.put(ProcessElements.TASK_SIGN_FOR, ProposalSteps.signForForm());
        forms.put(ProcessElements.TASK_ASSIGN, ProposalSteps.form("leadDepartmentCode", "food", "assistingDepartmentCodes",
                List.of("ip"), "assignmentNote", HOSTILE));
        forms.put(ProcessElements.TASK_COMMUNICATE_FIRST, ProposalSteps.form("contactDate", "2025-04-18", "contactWay",
                "MEETING", "participants", HOSTILE, "memberIntent", HOSTILE, "contactSummary", HOSTILE));
        forms.put(ProcessElements.TASK_ASSISTING_OPINION, ProposalSteps.form("opinionText", HOSTILE));
        forms.put(ProcessElements.TASK_RECORD_EXTERNAL_OPINION, ProposalSteps.form("receivedOn", "2025-05-06",
                "opinionText", HOSTILE));
        forms.put(ProcessElements.TASK_DRAFT_REPLY, ProposalSteps.form("replyBody", "答复正文\n" + HOSTILE, "classification",
                "B", "commitments", HOSTILE, "publishDecision", "NOT_PUBLIC", "publishReason", HOSTILE, "contactPerson",
                "李经办" + MARKDOWN_LINK, "contactPhone", "022-23456789"));
        forms.put(ProcessElements.TASK_REVIEW_OFFICE, ProposalSteps.reviewForm(true, null));
        forms.put(ProcessElements.TASK_SIGN_OFF_LEADER, ProposalSteps.reviewForm(true, null));
        forms.put(ProcessElements.TASK_FORMAL_REPLY, ProposalSteps.formalReplyForm("2025-06-20"));
        forms.put(ProcessElements.TASK_FOLLOW_UP, ProposalSteps.form("progressNote", HOSTILE, "commitmentStatus", "DONE"));
        // each of these comes twice: first sending the case back with hostile text, which the next form shows
        Map<String, List<Map<String, Object>>> twice = new HashMap<>();
        twice.put(ProcessElements.TASK_REVIEW_DEPT_HEAD, new ArrayList<>(List.of(ProposalSteps.reviewForm(false, HOSTILE),
                ProposalSteps.reviewForm(true, null))));
        twice.put(ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY, new ArrayList<>(List.of(
                ProposalSteps.form("contactDate", "2025-06-10", "contactWay", "PHONE", "participants", "李经办",
                        "memberView", HOSTILE, "memberExpectation", "NO"),
                ProposalSteps.communicateBeforeReplyForm(true))));
        twice.put(ProcessElements.TASK_RECORD_EVALUATION, new ArrayList<>(List.of(
                ProposalSteps.evaluationForm("UNSATISFIED", "2025-07-01", HOSTILE),
                ProposalSteps.evaluationForm("SATISFIED", "2025-08-01", HOSTILE))));

        for (int step = 0; step < 80; step++) {
            List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys()
                    .orderByTaskCreateTime().asc().list();
            if (open.isEmpty()) {
                break;
            }
            Task task = open.get(0);
            assertEveryTextComponentShowsText(task, "关于" + HOSTILE + "的提案", "张三" + IMAGE, "建议一" + HOSTILE,
                    "李四" + MARKDOWN_LINK);
            String key = task.getTaskDefinitionKey();
            if (REVIEWS.contains(key) && twice.get(ProcessElements.TASK_REVIEW_DEPT_HEAD).size() == 1) {
                // the head's send-back comment is in the review history every later reviewer reads
                assertEveryTextComponentShowsText(task, HOSTILE);
            }
            Map<String, Object> values = twice.containsKey(key) && !twice.get(key).isEmpty()
                    ? twice.get(key).size() > 1 ? twice.get(key).remove(0) : twice.get(key).get(0)
                    : forms.get(key);
            assertThat(values).as("form values for " + key).isNotNull();
            steps.complete(ProposalSteps.HANDLER, task, values);
        }

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(formsSeen).contains("form-sign-for", "form-assign", "form-communicate-first", "form-assisting-opinion",
                "form-external-opinion", "form-draft-reply", "form-review", "form-communicate-before-reply",
                "form-formal-reply", "form-evaluation", "form-follow-up");
    }

    @Test
    void theObjectionOutcomeFormShowsTheReasonAsText() {
        ProcessInstance instance = steps.register(TestProposals.request(TestProposals.newNumber("MARKOBJ"),
                com.proposaldesk.proposal.ProposalRole.SOLE));
        steps.complete(ProposalSteps.OFFICE, instance, ProcessElements.TASK_SIGN_FOR, ProposalSteps.objectionForm(HOSTILE));

        Task outcome = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
        assertThat(outcome.getTaskDefinitionKey()).isEqualTo(ProcessElements.TASK_RECORD_OBJECTION_OUTCOME);
        assertEveryTextComponentShowsText(outcome, HOSTILE);
    }

    /** No component renders markup, and together they show each of {@code typed} as typed. */
    private void assertEveryTextComponentShowsText(Task task, String... typed) {
        JsonNode form = form(task.getCamundaFormRef().getKey());
        formsSeen.add(form.path("id").asText());
        Map<String, Object> variables = tasks.getVariables(task.getId());
        StringBuilder shown = new StringBuilder();
        for (JsonNode text : textComponents(form)) {
            String template = text.path("text").asText();
            String html = FormMarkdown.html(FormMarkdown.fill(template, variables));
            assertThat(html).as(form.path("id").asText() + " " + template).doesNotContain("<a ", "<img", "<script",
                    "<strong>粗体");
            shown.append(FormMarkdown.visibleText(html)).append(' ');
        }
        assertThat(shown.toString()).as(form.path("id").asText()).contains(typed);
    }

    private static List<JsonNode> textComponents(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode component : node.path("components")) {
            if ("text".equals(component.path("type").asText()) && component.path("text").asText().contains("{{")) {
                found.add(component);
            }
            found.addAll(textComponents(component));
        }
        return found;
    }

    private static JsonNode form(String id) {
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                if (id.equals(form.path("id").asText())) {
                    return form;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("No form with id " + id);
    }
}
