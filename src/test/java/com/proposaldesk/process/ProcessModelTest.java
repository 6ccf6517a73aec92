package com.proposaldesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.deadline.TaskDeadlines;
import com.proposaldesk.registration.StartFormFields;
import com.proposaldesk.reminder.ScheduledReminders;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskForms;

/**
 * The BPMN models, the Camunda Forms and the server-side {@link TaskForm}s must fit together: a user
 * task whose form sends a key its TaskForm does not declare loses that value (or leaks it into the
 * process), and a task without its listeners is never validated at all.
 */
@ProposalDeskSpringTest
class ProcessModelTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
    /** A reminder timer that lost a race tries again a minute later, five times, on every occurrence afresh. */
    private static final String TIMER_RETRY_CYCLE = "R5/PT1M";

    /**
     * Fields a TaskForm declares that one of its forms deliberately does not offer, with the reason.
     * Anything else that differs between a form and its TaskForm fails the test.
     */
    private static final Map<String, Set<String>> NOT_ON_FORM = Map.of(
            // proposal-co-handling has no objection path; Task_SignFor shares SignForForm with proposal-handling
            "form-sign-for-co-handling", Set.of("objectionRequested", "objectionReason"),
            // a co-handled proposal's role is fixed by its process, and only 主办件 have external co-handling units
            "form-register-co-handling", Set.of("role", "externalCoUnits"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, BpmnModelInstance> MODELS = new LinkedHashMap<>();
    private static final Map<String, JsonNode> FORMS_BY_ID = new LinkedHashMap<>();
    private static final Map<String, Path> FORM_FILES = new LinkedHashMap<>();

    @Autowired
    TaskForms taskForms;
    @Autowired
    List<TaskForm> forms;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void readModelsAndForms() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MODELS.put(file.getFileName().toString(), Bpmn.readModelFromStream(in));
                }
            }
        }
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                String id = form.path("id").asText();
                assertThat(FORMS_BY_ID.put(id, form)).as("form id %s is used by two files", id).isNull();
                FORM_FILES.put(id, file);
            }
        }
        assertThat(MODELS.keySet()).containsExactlyInAnyOrder("proposal-handling.bpmn", "proposal-co-handling.bpmn",
                "proposal-extension.bpmn", "supervision-digest.bpmn", "assignment-dispute.bpmn");
        assertThat(FORMS_BY_ID).isNotEmpty();
    }

    /** Tasklist's 启动流程 offers only the processes a clerk registers or requests with a start form. */
    @Test
    void onlyProcessesWithAStartFormAreStartableInTasklist() {
        Set<String> startable = new TreeSet<>();
        for (BpmnModelInstance model : MODELS.values()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                boolean startForm = process.getChildElementsByType(StartEvent.class).stream()
                        .anyMatch(start -> start.getCamundaFormRef() != null);
                assertThat(process.isCamundaStartableInTasklist()).as("%s: camunda:isStartableInTasklist", process.getId())
                        .isEqualTo(startForm);
                if (process.isCamundaStartableInTasklist()) {
                    startable.add(process.getId());
                }
            }
        }
        assertThat(startable).containsExactlyInAnyOrder(ProcessElements.HANDLING_PROCESS,
                ProcessElements.CO_HANDLING_PROCESS, ProcessElements.EXTENSION_PROCESS, ProcessElements.DISPUTE_PROCESS);
    }

    @Test
    void everyUserTaskHasItsFormItsListenersAChineseNameAndATaskForm() {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
            for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
                checked++;
                String where = model.getKey() + " " + task.getId();
                String formRef = task.getCamundaFormRef();
                softly.assertThat(formRef).as("%s: camunda:formRef", where).isNotBlank();
                softly.assertThat(task.getCamundaFormRefBinding()).as("%s: camunda:formRefBinding", where).isEqualTo("latest");
                if (formRef != null) {
                    softly.assertThat(FORMS.resolve(formRef + ".form")).as("%s: form file", where).exists();
                    softly.assertThat(FORMS_BY_ID).as("%s: a form with id %s", where, formRef).containsKey(formRef);
                }
                softly.assertThat(taskListeners(task)).as("%s: task listeners", where)
                        .containsExactlyInAnyOrder("create ${taskForms}", "complete ${taskForms}");
                softly.assertThat(task.getName()).as("%s: name", where).isNotBlank().containsPattern(HAN);
                softly.assertThat(task.getCamundaCandidateGroups()).as("%s: candidate groups", where).isNotBlank();
                softly.assertThat(taskForms.serves(task.getId())).as("%s: a TaskForm serves it", where).isTrue();
            }
        }
        softly.assertAll();
        assertThat(checked).as("user tasks of handling, co-handling, extension and dispute").isEqualTo(16 + 8 + 1 + 1);
    }

    /**
     * Supervision lives in the models: each user task with a time limit takes its due date from the deadline policy and
     * carries a non-interrupting reminder timer leading to an asynchronous {@code sendReminder} task about that task; a
     * task without one is listed in {@link TaskDeadlines#WITHOUT_LIMIT}, with the reason.
     */
    @Test
    void everyUserTaskWithATimeLimitIsDueAndRemindedFromTheModel() {
        SoftAssertions softly = new SoftAssertions();
        int supervised = 0;
        for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
            for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
                String where = model.getKey() + " " + task.getId();
                List<BoundaryEvent> timers = model.getValue().getModelElementsByType(BoundaryEvent.class).stream()
                        .filter(b -> b.getAttachedTo() == task)
                        .filter(b -> b.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)).toList();
                if (TaskDeadlines.WITHOUT_LIMIT.contains(task.getId())) {
                    softly.assertThat(task.getCamundaDueDate()).as("%s: no due date", where).isNull();
                    softly.assertThat(timers).as("%s: no reminder timer", where).isEmpty();
                    continue;
                }
                supervised++;
                softly.assertThat(task.getCamundaDueDate()).as("%s: camunda:dueDate", where)
                        .isEqualTo("${deadlineSupervision.taskDue(execution, '" + task.getId() + "')}");
                softly.assertThat(timers).as("%s: one reminder timer", where).hasSize(1);
                if (timers.size() != 1) {
                    continue;
                }
                BoundaryEvent timer = timers.get(0);
                softly.assertThat(timer.getId()).as(where).isEqualTo(ProcessElements.reminderTimerOf(task.getId()));
                softly.assertThat(timer.cancelActivity()).as("%s: non-interrupting", where).isFalse();
                softly.assertThat(cycleOf(timer)).as("%s: timer cycle", where)
                        .isEqualTo("${deadlineSupervision.cycle(execution, '" + task.getId() + "')}");
                assertSendsReminder(softly, where, timer, ProcessElements.reminderOf(task.getId()), task.getId());
            }
        }
        softly.assertAll();
        assertThat(supervised).as("handling 14, co-handling 8").isEqualTo(14 + 8);
    }

    @Test
    void theMembersOnlineAnswersEndTheirTasksAsInterruptingMessages() {
        BpmnModelInstance model = MODELS.get("proposal-handling.bpmn");
        Map<String, List<String>> expected = Map.of(
                ProcessElements.MESSAGE_MEMBER_ANSWERED_DRAFT, List.of(ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY,
                        ProcessElements.MESSAGE_NAME_MEMBER_DRAFT_ANSWER, "Gateway_MemberExpectedSatisfied"),
                ProcessElements.MESSAGE_MEMBER_EVALUATED, List.of(ProcessElements.TASK_RECORD_EVALUATION,
                        ProcessElements.MESSAGE_NAME_MEMBER_EVALUATION, "Gateway_Evaluation"));
        expected.forEach((eventId, facts) -> {
            BoundaryEvent event = model.getModelElementById(eventId);
            assertThat(event).as(eventId).isNotNull();
            assertThat(event.getAttachedTo().getId()).as(eventId).isEqualTo(facts.get(0));
            assertThat(event.cancelActivity()).as(eventId + ": interrupting").isTrue();
            assertThat(event.getEventDefinitions()).singleElement().isInstanceOfSatisfying(MessageEventDefinition.class,
                    definition -> assertThat(definition.getMessage().getName()).isEqualTo(facts.get(1)));
            // the message and the task both lead, through a merge, to the decision the task's form routes
            FlowNode merge = event.getOutgoing().iterator().next().getTarget();
            FlowNode taskTarget = ((FlowNode) event.getAttachedTo()).getOutgoing().iterator().next().getTarget();
            assertThat(merge).as(eventId).isSameAs(taskTarget);
            assertThat(merge.getOutgoing()).singleElement().extracting(flow -> flow.getTarget().getId()).isEqualTo(facts.get(2));
        });
    }

    @Test
    void theAnswerDeadlineIsRemindedByAnEventSubProcessOfBothHandlingModels() {
        for (String file : List.of("proposal-handling.bpmn", "proposal-co-handling.bpmn")) {
            BpmnModelInstance model = MODELS.get(file);
            StartEvent start = model.getModelElementById(ProcessElements.ANSWER_REMINDER_TIMER);
            assertThat(start).as(file).isNotNull();
            assertThat(start.isInterrupting()).as(file + ": non-interrupting").isFalse();
            assertThat(((SubProcess) start.getParentElement()).triggeredByEvent()).as(file + ": event sub-process").isTrue();
            assertThat(cycleOf(start)).isEqualTo("${deadlineSupervision.cycle(execution, 'answer')}");
            SoftAssertions softly = new SoftAssertions();
            assertSendsReminder(softly, file, start, ProcessElements.ANSWER_REMINDER, null);
            softly.assertAll();
        }
    }

    private static void assertSendsReminder(SoftAssertions softly, String where, FlowNode timer, String reminderId,
            String taskKey) {
        softly.assertThat(timer.getOutgoing()).as("%s: one flow out of the timer", where).hasSize(1);
        // the engine copies a timer's retries into its next occurrence: without a retry cycle of its own, every lost
        // race (a concurrent update in a cluster) would leave the following reminders with fewer attempts
        softly.assertThat(retryCycleOf(timer)).as("%s: the timer's own retry cycle", where).isEqualTo(TIMER_RETRY_CYCLE);
        FlowNode next = timer.getOutgoing().iterator().next().getTarget();
        softly.assertThat(next.getId()).as(where).isEqualTo(reminderId);
        if (!(next instanceof ServiceTask reminder)) {
            softly.fail("%s: %s is not a service task", where, next.getId());
            return;
        }
        softly.assertThat(reminder.getCamundaDelegateExpression()).as(where).isEqualTo("${sendReminder}");
        softly.assertThat(reminder.isCamundaAsyncBefore()).as("%s: asynchronous", where).isTrue();
        softly.assertThat(reminder.getName()).as(where).startsWith("提醒督办：");
        Map<String, String> properties = new LinkedHashMap<>();
        reminder.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).singleResult()
                .getCamundaProperties().forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        softly.assertThat(properties).as("%s: the deadline it reminds of", where)
                .containsExactly(Map.entry(ScheduledReminders.DEADLINE, taskKey == null ? "answer" : taskKey));
        softly.assertThat(reminder.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).count())
                .as("%s: no input variables", where).isZero();
        softly.assertThat(reminder.getOutgoing()).as(where).singleElement()
                .satisfies(flow -> assertThat(flow.getTarget()).isInstanceOf(EndEvent.class));
    }

    private static String retryCycleOf(FlowNode timer) {
        if (timer.getExtensionElements() == null) {
            return null;
        }
        return timer.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list()
                .stream().map(CamundaFailedJobRetryTimeCycle::getTextContent).findFirst().orElse(null);
    }

    private static String cycleOf(org.camunda.bpm.model.bpmn.instance.Event event) {
        TimerEventDefinition definition = event.getChildElementsByType(TimerEventDefinition.class).iterator().next();
        return definition.getTimeCycle().getTextContent();
    }

    @Test
    void everyFormSendsExactlyTheFieldsItsTaskFormDeclares() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
            for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
                JsonNode form = FORMS_BY_ID.get(task.getCamundaFormRef());
                TaskForm taskForm = taskFormFor(task.getId());
                if (form == null || taskForm == null) {
                    continue; // reported by the test above
                }
                String formId = task.getCamundaFormRef();
                List<String> keys = inputKeys(form);
                softly.assertThat(keys).as("%s: input keys of %s", task.getId(), formId).doesNotHaveDuplicates();
                Set<String> expected = new TreeSet<>(taskForm.fields());
                expected.removeAll(NOT_ON_FORM.getOrDefault(formId, Set.of()));
                softly.assertThat(new TreeSet<>(keys)).as("%s (%s): form %s input keys vs %s.fields()", task.getId(),
                        model.getKey(), formId, taskForm.getClass().getSimpleName()).isEqualTo(expected);
            }
        }
        softly.assertAll();
    }

    @Test
    void startFormsSendTheFieldsTheRegistrationListenerReads() {
        Map<String, String> startForms = Map.of("proposal-handling.bpmn", "form-register-proposal",
                "proposal-co-handling.bpmn", "form-register-co-handling");
        for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
            if (!startForms.containsKey(model.getKey())) {
                continue;
            }
            StartEvent start = model.getValue().getModelElementsByType(StartEvent.class).iterator().next();
            String formId = startForms.get(model.getKey());
            assertThat(start.getCamundaFormRef()).as(model.getKey() + " start form").isEqualTo(formId);
            assertThat(FORMS.resolve(formId + ".form")).exists();
            assertThat(executionListeners(start)).as(model.getKey() + " start listener").containsExactly("start ${proposalRegistration}");
            Set<String> expected = new TreeSet<>(StartFormFields.all());
            expected.removeAll(NOT_ON_FORM.getOrDefault(formId, Set.of()));
            List<String> keys = inputKeys(FORMS_BY_ID.get(formId));
            assertThat(keys).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(keys)).as(formId + " input keys").isEqualTo(expected);
        }
    }

    @Test
    void theDeliberateDifferencesAreStillNeeded() {
        // if a form gains one of these fields or the TaskForm drops it, the exception above must go
        assertThat(inputKeys(FORMS_BY_ID.get("form-sign-for-co-handling"))).doesNotContainAnyElementsOf(
                NOT_ON_FORM.get("form-sign-for-co-handling"));
        assertThat(taskFormFor(ProcessElements.TASK_SIGN_FOR).fields()).containsAll(NOT_ON_FORM.get("form-sign-for-co-handling"));
        assertThat(inputKeys(FORMS_BY_ID.get("form-register-co-handling"))).doesNotContainAnyElementsOf(
                NOT_ON_FORM.get("form-register-co-handling"));
        assertThat(StartFormFields.all()).containsAll(NOT_ON_FORM.get("form-register-co-handling"));
    }

    @Test
    void everyFormFileIsUsedAndNamedAfterItsId() {
        Set<String> referenced = new HashSet<>();
        for (BpmnModelInstance model : MODELS.values()) {
            model.getModelElementsByType(UserTask.class).forEach(task -> referenced.add(task.getCamundaFormRef()));
            model.getModelElementsByType(StartEvent.class).forEach(start -> referenced.add(start.getCamundaFormRef()));
        }
        referenced.remove(null); // timer-started models have no start form
        assertThat(FORMS_BY_ID.keySet()).containsExactlyInAnyOrderElementsOf(referenced);
        FORM_FILES.forEach((id, file) -> assertThat(file.getFileName().toString()).isEqualTo(id + ".form"));
    }

    @Test
    void bothProcessesAreExecutableAndHaveAHistoryTimeToLive() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
            Process process = model.getValue().getModelElementsByType(Process.class).iterator().next();
            keys.put(model.getKey(), process.getId());
            assertThat(process.isExecutable()).as(model.getKey()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(model.getKey() + " historyTimeToLive")
                    .isNotBlank().matches("\\d+|P.+");
            assertThat(process.getName()).as(model.getKey() + " name").containsPattern(HAN);
        }
        assertThat(keys).containsEntry("proposal-handling.bpmn", ProcessElements.HANDLING_PROCESS)
                .containsEntry("proposal-co-handling.bpmn", ProcessElements.CO_HANDLING_PROCESS);
    }

    @Test
    void everyFlowNodeAndSequenceFlowIsDrawn() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
            for (FlowNode node : model.getValue().getModelElementsByType(FlowNode.class)) {
                softly.assertThat(node.getDiagramElement()).as("%s: shape of %s", model.getKey(), node.getId()).isNotNull();
            }
            for (SequenceFlow flow : model.getValue().getModelElementsByType(SequenceFlow.class)) {
                softly.assertThat(flow.getDiagramElement()).as("%s: edge of %s", model.getKey(), flow.getId()).isNotNull();
            }
        }
        softly.assertAll();
    }

    @Test
    void everyDelegateExpressionNamesABean() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
            for (BaseElement element : model.getValue().getModelElementsByType(BaseElement.class)) {
                for (String expression : delegateExpressions(element)) {
                    Matcher bean = BEAN_EXPRESSION.matcher(expression);
                    softly.assertThat(bean.matches()).as("%s %s: %s is a bean reference", model.getKey(), element.getId(), expression)
                            .isTrue();
                    if (bean.matches()) {
                        softly.assertThat(context.containsBean(bean.group(1)))
                                .as("%s %s: bean %s", model.getKey(), element.getId(), bean.group(1)).isTrue();
                    }
                }
            }
        }
        softly.assertAll();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private TaskForm taskFormFor(String taskId) {
        return forms.stream().filter(form -> form.tasks().contains(taskId)).findFirst().orElse(null);
    }

    /** The keys of the form's input components (display-only components such as text have none). */
    private static List<String> inputKeys(JsonNode form) {
        List<String> keys = new ArrayList<>();
        collectKeys(form.path("components"), keys);
        return keys;
    }

    private static void collectKeys(JsonNode components, List<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    private static List<String> taskListeners(UserTask task) {
        if (task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .map(listener -> listener.getCamundaEvent() + " " + listener.getCamundaDelegateExpression()).toList();
    }

    private static List<String> executionListeners(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return List.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
                .map(listener -> listener.getCamundaEvent() + " " + listener.getCamundaDelegateExpression()).toList();
    }

    private static List<String> delegateExpressions(BaseElement element) {
        List<String> expressions = new ArrayList<>();
        String own = ((ModelElementInstance) element).getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
        if (own != null) {
            expressions.add(own);
        }
        if (element.getExtensionElements() != null) {
            for (ModelElementInstance extension : element.getExtensionElements().getElements()) {
                String listener = extension.getAttributeValue("delegateExpression");
                if (listener != null) {
                    expressions.add(listener);
                }
            }
        }
        return expressions;
    }
}
