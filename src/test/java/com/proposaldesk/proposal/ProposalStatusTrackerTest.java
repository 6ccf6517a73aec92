package com.proposaldesk.proposal;

import static com.proposaldesk.process.ProcessElements.END_CLOSED;
import static com.proposaldesk.process.ProcessElements.END_OPINION_SENT;
import static com.proposaldesk.process.ProcessElements.END_WITHDRAWN;
import static com.proposaldesk.process.ProcessElements.FLOW_SIGN_FOR_TO_ASSIGN;
import static com.proposaldesk.process.ProcessElements.FLOW_TRANSFERRED_TO_ASSIGN;
import static com.proposaldesk.process.ProcessElements.TASK_ASSIGN;
import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_CO_SIGN;
import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_FIRST;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_OPINION_LETTER;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_FOLLOW_UP;
import static com.proposaldesk.process.ProcessElements.TASK_FORMAL_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_EVALUATION;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_EXTERNAL_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_OBJECTION_OUTCOME;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SEND_OPINION_LETTER;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_PRINCIPAL;
import static com.proposaldesk.process.ProcessElements.TASK_TRANSFER_TO_CO_HANDLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;

/** Which activity sets which status, checked against the models and without an engine. */
class ProposalStatusTrackerTest {

    private static final Map<String, String> MODEL_FILES = Map.of(
            ProcessElements.HANDLING_PROCESS, "processes/proposal-handling.bpmn",
            ProcessElements.CO_HANDLING_PROCESS, "processes/proposal-co-handling.bpmn");

    /** End events that deliberately leave the status alone. */
    private static final Set<String> UNTRACKED_ENDS = Set.of(
            // the co-handling process started by Task_TransferToCoHandling owns the proposal from here
            ProcessElements.END_TRANSFERRED);

    @Test
    void eachStepOfHandlingHasTheStatusTheOfficeSpeaksOf() {
        assertThat(ProposalStatusTracker.trackedActivities(ProcessElements.HANDLING_PROCESS)).containsOnly(
                entry(TASK_SIGN_FOR, ProposalStatus.REGISTERED),
                entry(TASK_RECORD_OBJECTION_OUTCOME, ProposalStatus.OBJECTING),
                entry(TASK_ASSIGN, ProposalStatus.ASSIGNING),
                entry(TASK_TRANSFER_TO_CO_HANDLING, ProposalStatus.TRANSFERRED),
                entry(END_WITHDRAWN, ProposalStatus.WITHDRAWN),
                entry(TASK_COMMUNICATE_FIRST, ProposalStatus.COMMUNICATING),
                entry(TASK_ASSISTING_OPINION, ProposalStatus.HANDLING),
                entry(TASK_RECORD_EXTERNAL_OPINION, ProposalStatus.HANDLING),
                entry(TASK_DRAFT_REPLY, ProposalStatus.HANDLING),
                entry(TASK_CO_SIGN, ProposalStatus.REVIEWING),
                entry(TASK_REVIEW_DEPT_HEAD, ProposalStatus.REVIEWING),
                entry(TASK_REVIEW_OFFICE, ProposalStatus.REVIEWING),
                entry(TASK_SIGN_OFF_LEADER, ProposalStatus.REVIEWING),
                entry(TASK_SIGN_OFF_PRINCIPAL, ProposalStatus.REVIEWING),
                entry(TASK_COMMUNICATE_BEFORE_REPLY, ProposalStatus.COMMUNICATING),
                entry(TASK_FORMAL_REPLY, ProposalStatus.REPLYING),
                entry(TASK_RECORD_EVALUATION, ProposalStatus.AWAITING_EVALUATION),
                entry(TASK_FOLLOW_UP, ProposalStatus.FOLLOW_UP),
                entry(END_CLOSED, ProposalStatus.CLOSED));
    }

    @Test
    void eachStepOfCoHandlingHasTheStatusTheOfficeSpeaksOf() {
        assertThat(ProposalStatusTracker.trackedActivities(ProcessElements.CO_HANDLING_PROCESS)).containsOnly(
                entry(TASK_SIGN_FOR, ProposalStatus.REGISTERED),
                entry(FLOW_SIGN_FOR_TO_ASSIGN, ProposalStatus.ASSIGNING),
                entry(FLOW_TRANSFERRED_TO_ASSIGN, ProposalStatus.TRANSFERRED),
                entry(TASK_ASSISTING_OPINION, ProposalStatus.HANDLING),
                entry(TASK_DRAFT_OPINION_LETTER, ProposalStatus.HANDLING),
                entry(TASK_REVIEW_DEPT_HEAD, ProposalStatus.REVIEWING),
                entry(TASK_REVIEW_OFFICE, ProposalStatus.REVIEWING),
                entry(TASK_SIGN_OFF_LEADER, ProposalStatus.REVIEWING),
                entry(TASK_SEND_OPINION_LETTER, ProposalStatus.REPLYING),
                entry(END_OPINION_SENT, ProposalStatus.CLOSED));
    }

    @Test
    void activitiesOutsideTheMappingLeaveTheStatusAlone() {
        assertThat(ProposalStatusTracker.statusOnEntering(ProcessElements.HANDLING_PROCESS, "Gateway_DraftMerge")).isEmpty();
        assertThat(ProposalStatusTracker.statusOnEntering(ProcessElements.HANDLING_PROCESS, "Timer_ReplyDueSoon")).isEmpty();
        assertThat(ProposalStatusTracker.statusOnEntering(ProcessElements.HANDLING_PROCESS, ProcessElements.END_TRANSFERRED))
                .isEmpty();
        assertThat(ProposalStatusTracker.statusOnEntering(ProcessElements.CO_HANDLING_PROCESS, TASK_FORMAL_REPLY)).isEmpty();
        assertThat(ProposalStatusTracker.statusOnEntering(ProcessElements.CO_HANDLING_PROCESS, TASK_ASSIGN))
                .as("the route to the assignment decides: 已转为会办 or 待分派").isEmpty();
        assertThat(ProposalStatusTracker.statusOnEntering("proposal-extension", TASK_SIGN_FOR)).isEmpty();
        assertThat(ProposalStatusTracker.statusOnEntering(ProcessElements.CO_HANDLING_PROCESS, TASK_SEND_OPINION_LETTER))
                .contains(ProposalStatus.REPLYING);
    }

    @Test
    void everyTrackedElementIsInItsProcessAndEveryWaitStateAndEndIsTracked() {
        MODEL_FILES.forEach((processKey, file) -> {
            BpmnModelInstance model = Bpmn.readModelFromFile(new File(file));
            Set<String> tracked = ProposalStatusTracker.trackedActivities(processKey).keySet();
            for (String elementId : tracked) {
                ModelElementInstance element = model.getModelElementById(elementId);
                assertThat(element).as("%s: %s", file, elementId).isInstanceOfAny(FlowNode.class, SequenceFlow.class);
                assertThat(processOf(element)).as("%s: process of %s", file, elementId).isEqualTo(processKey);
            }
            Set<String> waitStatesAndEnds = new TreeSet<>();
            model.getModelElementsByType(UserTask.class).forEach(task -> waitStatesAndEnds.add(task.getId()));
            model.getModelElementsByType(EndEvent.class).stream().filter(end -> !endsAReminder(end))
                    .forEach(end -> waitStatesAndEnds.add(end.getId()));
            waitStatesAndEnds.removeAll(UNTRACKED_ENDS);
            // a wait state is also tracked when every route into it, back through gateways, takes a tracked flow
            waitStatesAndEnds.removeIf(id -> everyRouteTakesATrackedFlow(model.getModelElementById(id), tracked));
            assertThat(tracked).as("%s: user tasks and end events without a status", file).containsAll(waitStatesAndEnds);
        });
    }

    @Test
    void theParseListenerSetsTheStatusOnEnteringTrackedActivitiesOnly() throws Exception {
        ProposalRepository proposals = mock(ProposalRepository.class);
        ProcessDefinitionEntity process = new ProcessDefinitionEntity();
        process.setKey(ProcessElements.HANDLING_PROCESS);
        ActivityImpl assign = process.createActivity(ProcessElements.TASK_ASSIGN);
        ActivityImpl assistingBody = process.createActivity(
                ProcessElements.TASK_ASSISTING_OPINION + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX);
        ActivityImpl assisting = assistingBody.createActivity(ProcessElements.TASK_ASSISTING_OPINION);
        ActivityImpl reminder = process.createActivity("Task_SendReminder");

        new ProposalStatusTracker(provider(proposals)).parseListener().parseProcess(null, process);

        assertThat(startListeners(assign)).hasSize(1);
        assertThat(startListeners(assistingBody)).as("a multi-instance activity is entered through its body").hasSize(1);
        assertThat(startListeners(assisting)).isEmpty();
        assertThat(startListeners(reminder)).isEmpty();

        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(ProcessVariables.PROPOSAL_NUMBER)).thenReturn("2025-0042");
        ((ExecutionListener) startListeners(assistingBody).get(0)).notify(execution);
        verify(proposals).updateStatus("2025-0042", ProposalStatus.HANDLING);
    }

    @Test
    void theParseListenerSetsTheStatusOnTakingTrackedFlows() throws Exception {
        ProposalRepository proposals = mock(ProposalRepository.class);
        ProcessDefinitionEntity process = new ProcessDefinitionEntity();
        process.setKey(ProcessElements.CO_HANDLING_PROCESS);
        ActivityImpl gateway = process.createActivity("Gateway_Transferred");
        ActivityImpl signFor = process.createActivity(TASK_SIGN_FOR);
        ActivityImpl assign = process.createActivity(TASK_ASSIGN);
        TransitionImpl transferred = gateway.createOutgoingTransition(FLOW_TRANSFERRED_TO_ASSIGN);
        transferred.setDestination(assign);
        TransitionImpl signedFor = signFor.createOutgoingTransition(FLOW_SIGN_FOR_TO_ASSIGN);
        signedFor.setDestination(assign);

        new ProposalStatusTracker(provider(proposals)).parseListener().parseProcess(null, process);

        assertThat(startListeners(assign)).isEmpty();
        assertThat(transferred.getListeners(ExecutionListener.EVENTNAME_TAKE)).hasSize(1);
        assertThat(signedFor.getListeners(ExecutionListener.EVENTNAME_TAKE)).hasSize(1);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(ProcessVariables.PROPOSAL_NUMBER)).thenReturn("2025-0043");
        ((ExecutionListener) transferred.getListeners(ExecutionListener.EVENTNAME_TAKE).get(0)).notify(execution);
        verify(proposals).updateStatus("2025-0043", ProposalStatus.TRANSFERRED);
    }

    @Test
    void otherProcessesGetNoListener() {
        ProposalRepository proposals = mock(ProposalRepository.class);
        ProcessDefinitionEntity process = new ProcessDefinitionEntity();
        process.setKey("proposal-extension");
        ActivityImpl signFor = process.createActivity(ProcessElements.TASK_SIGN_FOR);

        new ProposalStatusTracker(provider(proposals)).parseListener().parseProcess(null, process);

        assertThat(startListeners(signFor)).isEmpty();
        verifyNoInteractions(proposals);
    }

    private static List<?> startListeners(ActivityImpl activity) {
        return activity.getListeners(ExecutionListener.EVENTNAME_START);
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<ProposalRepository> provider(ProposalRepository proposals) {
        ObjectProvider<ProposalRepository> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(proposals);
        return provider;
    }

    private static String processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == null ? null : ((Process) parent).getId();
    }

    private static boolean everyRouteTakesATrackedFlow(FlowNode node, Set<String> tracked) {
        return everyRouteTakesATrackedFlow(node, tracked, new HashSet<>());
    }

    private static boolean everyRouteTakesATrackedFlow(FlowNode node, Set<String> tracked, Set<String> visited) {
        return visited.add(node.getId()) && !node.getIncoming().isEmpty()
                && node.getIncoming().stream().allMatch(flow -> tracked.contains(flow.getId())
                        || flow.getSource() instanceof Gateway gateway && everyRouteTakesATrackedFlow(gateway, tracked, visited));
    }

    /** A reminder's path (timer, {@code sendReminder}, end) says nothing about where the proposal stands. */
    private static boolean endsAReminder(EndEvent end) {
        return end.getIncoming().stream().anyMatch(flow -> flow.getSource() instanceof ServiceTask task
                && "${sendReminder}".equals(task.getCamundaDelegateExpression()));
    }
}
