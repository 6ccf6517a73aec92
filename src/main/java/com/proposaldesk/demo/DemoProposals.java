package com.proposaldesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;

/**
 * Registers the demo proposals of {@code demo/proposals.json} and carries each, through the same task
 * completions a user would make, to the stage it is shown in, so that the first login shows real work.
 */
@Component
@ConditionalOnProperty(name = "proposal-desk.demo.enabled", havingValue = "true")
class DemoProposals {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProposals.class);
    private static final int MAX_STEPS = 60;

    record DemoCase(RegistrationRequest proposal, String lead, List<String> assisting, String classification,
            String stopAt, Integer stopVisit, String returnAt, boolean unsatisfiedOnce, boolean objection,
            ExtensionRequest extension) {
    }

    record ExtensionRequest(String requestedBy, String requestedDue, String reason) {
    }

    private final ProposalRegistrationService registration;
    private final ProposalRepository proposals;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RuntimeService runtime;

    DemoProposals(ProposalRegistrationService registration, ProposalRepository proposals, TaskService tasks,
            IdentityService identity, RuntimeService runtime) {
        this.runtime = runtime;
        this.registration = registration;
        this.proposals = proposals;
        this.tasks = tasks;
        this.identity = identity;
    }

    void createMissing() {
        for (DemoCase demo : read()) {
            if (!proposals.exists(demo.proposal().number())) {
                try {
                    registration.register(demo.proposal());
                    walk(demo);
                    if (demo.extension() != null) {
                        requestExtension(demo);
                    }
                } catch (RuntimeException e) {
                    LOG.error("Demo proposal {} could not be set up", demo.proposal().number(), e);
                }
            }
        }
    }

    private List<DemoCase> read() {
        try (InputStream in = new ClassPathResource("demo/proposals.json").getInputStream()) {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, new TypeReference<List<DemoCase>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("demo/proposals.json is unreadable", e);
        }
    }

    private void walk(DemoCase demo) {
        String number = demo.proposal().number();
        Map<String, Integer> visits = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(number).orderByTaskCreateTime().asc().list();
            if (open.isEmpty()) {
                return;
            }
            for (Task task : open) {
                if (seen.add(task.getId())) {
                    visits.merge(task.getTaskDefinitionKey(), 1, Integer::sum);
                }
            }
            int wanted = demo.stopVisit() == null ? 1 : demo.stopVisit();
            if (open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(demo.stopAt())
                    && visits.get(demo.stopAt()) >= wanted)) {
                return;
            }
            Task next = open.get(0);
            complete(next, answers(demo, next.getTaskDefinitionKey(), visits.get(next.getTaskDefinitionKey())));
        }
        LOG.warn("Demo proposal {} did not reach {} within {} steps", number, demo.stopAt(), MAX_STEPS);
    }

    private void requestExtension(DemoCase demo) {
        identity.setAuthentication("office", List.of("office"));
        try {
            runtime.startProcessInstanceByKey(ProcessElements.EXTENSION_PROCESS, Map.of("number", demo.proposal().number(),
                    "requestedBy", demo.extension().requestedBy(), "requestedDue", demo.extension().requestedDue(),
                    "extensionReason", demo.extension().reason()));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void complete(Task task, Map<String, Object> answers) {
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse("office");
        String user = DemoUsers.memberOf(group);
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), answers);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** A reply that answers each of the proposal's suggestions in turn, as a bureau's reply does. */
    static String replyBody(RegistrationRequest proposal) {
        StringBuilder body = new StringBuilder("您提出的《").append(proposal.title())
                .append("》收悉。我局高度重视，组织相关处室认真研究，并与您进行了沟通。现将办理情况答复如下：");
        List<String> suggestions = suggestionsOf(proposal);
        for (int i = 0; i < suggestions.size(); i++) {
            body.append("\n").append(ORDINALS[i]).append("、关于“").append(suggestions.get(i)).append("”的建议。")
                    .append(i == 0 ? "我局已将此项工作列入年度重点工作计划，明确责任处室和完成时限，2023年12月底前完成相关制度修订。"
                            : "我局将会同有关部门开展专题调研，结合全市实际研究具体措施，并及时向您通报进展情况。");
        }
        return body.append("\n感谢您对市场监管工作的关心和支持，欢迎继续提出宝贵意见和建议。").toString();
    }

    /** The bureau's co-handling opinion on each suggestion, for the lead bureau. */
    static String opinionLetterBody(RegistrationRequest proposal) {
        StringBuilder body = new StringBuilder("经研究，我局对该提案的会办意见如下：");
        List<String> suggestions = suggestionsOf(proposal);
        for (int i = 0; i < suggestions.size(); i++) {
            body.append("\n").append(ORDINALS[i]).append("、关于“").append(suggestions.get(i)).append("”。")
                    .append("我局将在市场监管职责范围内积极配合，提供相关监管数据，并参与有关政策措施的研究制定。");
        }
        return body.append("\n以上意见供参考。").toString();
    }

    private static List<String> suggestionsOf(RegistrationRequest proposal) {
        List<String> suggestions = proposal.suggestions() == null ? List.of()
                : proposal.suggestions().stream().filter(s -> s != null && !s.isBlank()).toList();
        // quoted in the letter: quotation marks inside a suggestion become the inner ones
        return (suggestions.isEmpty() ? List.of(proposal.title()) : suggestions.subList(0, Math.min(suggestions.size(), ORDINALS.length)))
                .stream().map(s -> s.replace('“', '‘').replace('”', '’')).toList();
    }

    private static Map<String, Object> answers(DemoCase demo, String taskKey, int visit) {
        LocalDate assigned = LocalDate.parse(demo.proposal().assignedOn());
        Map<String, Object> a = new HashMap<>();
        switch (taskKey) {
            case ProcessElements.TASK_SIGN_FOR -> {
                a.put("signedOn", assigned.plusDays(2).toString());
                a.put("objectionRequested", demo.objection());
                if (demo.objection()) {
                    a.put("objectionReason", "提案内容主要涉及网络信息内容管理，建议调整为市委网信办主办、我局会办。");
                }
            }
            case ProcessElements.TASK_RECORD_OBJECTION_OUTCOME -> {
                a.put("objectionOutcome", "KEPT");
                a.put("decidedOn", assigned.plusDays(7).toString());
            }
            case ProcessElements.TASK_ASSIGN -> {
                a.put("leadDepartmentCode", demo.lead());
                a.put("assistingDepartmentCodes", demo.assisting() == null ? List.of() : demo.assisting());
                a.put("assignmentNote", "按最大关联度原则分派。");
            }
            case ProcessElements.TASK_COMMUNICATE_FIRST -> {
                a.put("contactDate", assigned.plusDays(10).toString());
                a.put("contactWay", "MEETING");
                a.put("participants", "领衔委员、主办处室负责人及经办人");
                a.put("memberIntent", "委员希望尽快明确工作措施和完成时限，并定期通报进展。");
                a.put("contactSummary", "座谈交流，委员介绍了提案背景。");
            }
            case ProcessElements.TASK_ASSISTING_OPINION -> a.put("opinionText", "我处同意主办处室的办理思路，将配合做好相关工作。");
            case ProcessElements.TASK_CO_SIGN -> a.put("coSignDecision", "AGREE");
            case ProcessElements.TASK_RECORD_EXTERNAL_OPINION -> {
                a.put("receivedOn", assigned.plusDays(30).toString());
                a.put("opinionText", "我局将在职责范围内积极配合，具体意见详见来函。");
            }
            case ProcessElements.TASK_DRAFT_REPLY -> {
                a.put("replyBody", replyBody(demo.proposal()));
                a.put("classification", demo.classification() == null ? "A" : demo.classification());
                a.put("commitments", "2023年12月底前完成相关制度修订。");
                a.put("publishDecision", "PUBLIC");
                a.put("contactPerson", "李小红");
                a.put("contactPhone", "0755-83070000");
            }
            case ProcessElements.TASK_DRAFT_OPINION_LETTER -> {
                a.put("letterBody", opinionLetterBody(demo.proposal()));
                a.put("contactPerson", "李小红");
                a.put("contactPhone", "0755-83070000");
            }
            case ProcessElements.TASK_REVIEW_DEPT_HEAD, ProcessElements.TASK_REVIEW_OFFICE, ProcessElements.TASK_SIGN_OFF_LEADER,
                    ProcessElements.TASK_SIGN_OFF_PRINCIPAL -> {
                boolean sendBack = taskKey.equals(demo.returnAt()) && visit == 1;
                a.put("reviewDecision", sendBack ? "RETURN" : "APPROVE");
                if (sendBack) {
                    a.put("reviewComment", "答复内容需逐条回应建议事项，并写明完成时限。");
                }
            }
            case ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY -> {
                a.put("contactDate", assigned.plusDays(70).toString());
                a.put("contactWay", "PHONE");
                a.put("participants", "领衔委员、经办人");
                a.put("memberView", "委员认可答复意见。");
                a.put("memberExpectation", "YES");
            }
            case ProcessElements.TASK_FORMAL_REPLY -> {
                a.put("repliedOn", assigned.plusDays(80).toString());
                a.put("copiedTo", "市政协提案委");
                a.put("replyChannel", "SYSTEM");
            }
            case ProcessElements.TASK_RECORD_EVALUATION -> {
                boolean unsatisfied = demo.unsatisfiedOnce() && visit == 1;
                a.put("evaluationResult", unsatisfied ? "UNSATISFIED" : "SATISFIED");
                a.put("evaluatedOn", assigned.plusDays(90).toString());
                if (unsatisfied) {
                    a.put("evaluationComment", "快检室数量仍然不足，希望明确建设计划。");
                }
            }
            case ProcessElements.TASK_FOLLOW_UP -> {
                a.put("progressNote", "相关制度修订已完成。");
                a.put("commitmentStatus", "DONE");
            }
            case ProcessElements.TASK_SEND_OPINION_LETTER -> a.put("sentOn", assigned.plusDays(25).toString());
            default -> throw new IllegalStateException("The demo has no answers for " + taskKey);
        }
        return a;
    }
}
