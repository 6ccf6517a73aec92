package com.proposaldesk.support;

import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.task.TaskInputRejectedException;

/**
 * Walks a proposal through its process the way the people in the bureau would: each step completes the
 * open task with the values its Camunda Form sends, as the user who acts.
 */
public class ProposalSteps {

    /** 提案办 clerk. */
    public static final String OFFICE = "office-zhang";
    /** Handler in the lead department (食品安全处). */
    public static final String HANDLER = "food-li";
    /** Head of the lead department. */
    public static final String HEAD = "food-head-wang";
    /** Leader in charge. */
    public static final String LEADER = "leader-chen";
    /** Principal leader (局长). */
    public static final String PRINCIPAL = "principal-liu";

    private final ProcessEngine engine;
    private final ProposalRegistrationService registration;

    public ProposalSteps(ProcessEngine engine, ProposalRegistrationService registration) {
        this.engine = engine;
        this.registration = registration;
    }

    public ProcessInstance register(RegistrationRequest request) {
        Proposal proposal = registration.register(request);
        return instance(proposal.processInstanceId());
    }

    public ProcessInstance instance(String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    /** The single open task of this user task in the process instance. */
    public Task task(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** All open tasks of a (multi-instance) user task. */
    public List<Task> tasks(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .orderByTaskCreateTime().asc().list();
    }

    public Object local(Task task, String name) {
        return engine.getTaskService().getVariableLocal(task.getId(), name);
    }

    /** A variable as the task's form sees it: the task's own, else its process's (e.g. the proposal summary). */
    public Object shown(Task task, String name) {
        return engine.getTaskService().getVariable(task.getId(), name);
    }

    /**
     * Completes the task as the user, through camunda-bpm-assert's {@code complete}. The user counts as a member
     * of the task's candidate groups: which user may work which task is the business of the authorization tests.
     */
    public void complete(String userId, Task task, Map<String, Object> values) {
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            useThisEngine();
            BpmnAwareTests.complete(task, values);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * BPM Assert completes with its thread's engine: make it this one, not the one another application context of the
     * test run registered last; init only on a change, since it also forgets the test's last asserted instance.
     */
    private void useThisEngine() {
        ProcessEngine current;
        try {
            current = BpmnAwareTests.processEngine();
        } catch (IllegalStateException none) {
            current = null;
        }
        if (current != engine) {
            BpmnAwareTests.init(engine);
        }
    }

    public void complete(String userId, ProcessInstance instance, String taskKey, Map<String, Object> values) {
        Task task = task(instance, taskKey);
        if (task == null) {
            throw new AssertionError("No open task " + taskKey + " in process instance " + instance.getId());
        }
        complete(userId, task, values);
    }

    /**
     * Runs a completion that must be refused and returns the form's refusal. The engine wraps every
     * exception a task listener throws (ENGINE-03051), so the refusal is the cause; its Chinese message
     * must still be in the message the caller (Tasklist, REST client) gets.
     */
    public static TaskInputRejectedException rejected(ThrowingCallable completion) {
        Throwable thrown = catchThrowable(completion);
        if (thrown == null) {
            throw new AssertionError("The completion was accepted, but it should have been rejected");
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskInputRejectedException rejection) {
                if (!thrown.getMessage().contains(rejection.getMessage())) {
                    throw new AssertionError("The caller does not see the form's message: " + thrown.getMessage(), thrown);
                }
                return rejection;
            }
        }
        throw new AssertionError("Expected a TaskInputRejectedException, got " + thrown, thrown);
    }

    // ---- the values each form sends -------------------------------------------------------------

    /** A mutable map of form values; unlike Map.of it takes nulls (an empty form field). */
    public static Map<String, Object> form(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    public static Map<String, Object> signForForm() {
        return form("signedOn", "2025-04-11", "objectionRequested", false);
    }

    public static Map<String, Object> objectionForm(String reason) {
        return form("signedOn", "2025-04-11", "objectionRequested", true, "objectionReason", reason);
    }

    public static Map<String, Object> assignForm(String lead, List<String> assisting) {
        return form("leadDepartmentCode", lead, "assistingDepartmentCodes", assisting, "assignmentNote", "按最大关联度原则分派");
    }

    public static Map<String, Object> communicateFirstForm() {
        return form("contactDate", "2025-04-18", "contactWay", "MEETING", "participants", "李经办、委员本人",
                "memberIntent", "希望建立长效监管机制", "contactSummary", "座谈一小时，委员关注抽检结果公开");
    }

    public static Map<String, Object> draftReplyForm(String classification) {
        return form("replyBody", "经研究，我局已建立校园周边食品经营者台账……", "classification", classification,
                "commitments", "B".equals(classification) ? "2025 年底前完成全市校园周边抽检结果公开平台建设" : null,
                "publishDecision", "PUBLIC", "publishReason", null, "contactPerson", "李经办", "contactPhone", "022-23456789");
    }

    public static Map<String, Object> reviewForm(boolean approve, String comment) {
        return form("reviewDecision", approve ? "APPROVE" : "RETURN", "reviewComment", comment);
    }

    /** 修改后同意: the reviewer's corrected text of the draft. */
    public static Map<String, Object> reviewWithEditsForm(String editedBody, String comment) {
        return form("reviewDecision", "APPROVE_WITH_EDITS", "editedBody", editedBody, "reviewComment", comment);
    }

    /** 会签: agree as it stands (editedBody null), or with the corrected text. */
    public static Map<String, Object> coSignForm(String editedBody, String comment) {
        return form("coSignDecision", editedBody == null ? "AGREE" : "AGREE_WITH_EDITS", "editedBody", editedBody,
                "coSignComment", comment);
    }

    public static Map<String, Object> communicateBeforeReplyForm(boolean memberAgrees) {
        return form("contactDate", "2025-06-10", "contactWay", "PHONE", "participants", "李经办、委员本人",
                "memberView", memberAgrees ? "委员认可答复意见" : "委员认为第二条建议未落实", "memberExpectation",
                memberAgrees ? "YES" : "NO");
    }

    public static Map<String, Object> formalReplyForm(String repliedOn) {
        return form("repliedOn", repliedOn, "copiedTo", "市政协提案委", "replyChannel", "EMAIL");
    }

    public static Map<String, Object> evaluationForm(String result, String evaluatedOn, String comment) {
        return form("evaluationResult", result, "evaluatedOn", evaluatedOn, "evaluationComment", comment);
    }

    public static Map<String, Object> followUpForm(boolean done) {
        return form("progressNote", done ? "公开平台已上线" : "平台建设招标中", "commitmentStatus", done ? "DONE" : "IN_PROGRESS");
    }

    // ---- whole steps ------------------------------------------------------------------------------

    public void signFor(ProcessInstance instance) {
        complete(OFFICE, instance, ProcessElements.TASK_SIGN_FOR, signForForm());
    }

    public void assign(ProcessInstance instance, String lead, List<String> assisting) {
        complete(OFFICE, instance, ProcessElements.TASK_ASSIGN, assignForm(lead, assisting));
    }

    public void communicateFirst(ProcessInstance instance) {
        complete(HANDLER, instance, ProcessElements.TASK_COMMUNICATE_FIRST, communicateFirstForm());
    }

    /** Signs for, assigns to 食品安全处 without assisting departments and records the first contact. */
    public void toDraftReply(ProcessInstance instance) {
        signFor(instance);
        assign(instance, "food", List.of());
        communicateFirst(instance);
    }

    public void draftReply(ProcessInstance instance, String classification) {
        complete(HANDLER, instance, ProcessElements.TASK_DRAFT_REPLY, draftReplyForm(classification));
    }

    public void approve(ProcessInstance instance, String reviewTaskKey) {
        complete(reviewer(reviewTaskKey), instance, reviewTaskKey, reviewForm(true, null));
    }

    public void approveWithEdits(ProcessInstance instance, String reviewTaskKey, String editedBody) {
        complete(reviewer(reviewTaskKey), instance, reviewTaskKey, reviewWithEditsForm(editedBody, null));
    }

    public void sendBack(ProcessInstance instance, String reviewTaskKey, String comment) {
        complete(reviewer(reviewTaskKey), instance, reviewTaskKey, reviewForm(false, comment));
    }

    public void communicateBeforeReply(ProcessInstance instance, boolean memberAgrees) {
        complete(HANDLER, instance, ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY, communicateBeforeReplyForm(memberAgrees));
    }

    public void formalReply(ProcessInstance instance, String repliedOn) {
        complete(OFFICE, instance, ProcessElements.TASK_FORMAL_REPLY, formalReplyForm(repliedOn));
    }

    public void evaluate(ProcessInstance instance, String result, String evaluatedOn, String comment) {
        complete(OFFICE, instance, ProcessElements.TASK_RECORD_EVALUATION, evaluationForm(result, evaluatedOn, comment));
    }

    public void followUp(ProcessInstance instance, boolean done) {
        complete(HANDLER, instance, ProcessElements.TASK_FOLLOW_UP, followUpForm(done));
    }

    public static String reviewer(String reviewTaskKey) {
        return switch (reviewTaskKey) {
            case ProcessElements.TASK_REVIEW_DEPT_HEAD -> HEAD;
            case ProcessElements.TASK_REVIEW_OFFICE -> OFFICE;
            case ProcessElements.TASK_SIGN_OFF_LEADER -> LEADER;
            case ProcessElements.TASK_SIGN_OFF_PRINCIPAL -> PRINCIPAL;
            default -> throw new IllegalArgumentException("Not a review step: " + reviewTaskKey);
        };
    }
}
