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
import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;

/**
 * The proposal's status, derived from the model: entering one of the activities below, or taking one of the sequence
 * flows, sets it. The engine attaches the listener while it parses the two proposal processes, so the .bpmn files
 * carry nothing for it, elements not listed here (timers, reminders) leave the status alone, and the form beans only
 * validate and store what a form sent. A flow stands in for its target where the route decides the status: a case
 * transferred to 会办 waits for its assignment as 已转为会办, a registered 会办件 as 待分派.
 */
@Component
public class ProposalStatusTracker extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalStatusTracker.class);

    private static final Map<String, Map<String, ProposalStatus>> STATUS_ON_ENTERING = Map.of(
            ProcessElements.HANDLING_PROCESS, Map.ofEntries(
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
                    entry(END_CLOSED, ProposalStatus.CLOSED)),
            ProcessElements.CO_HANDLING_PROCESS, Map.ofEntries(
                    entry(TASK_SIGN_FOR, ProposalStatus.REGISTERED),
                    entry(FLOW_SIGN_FOR_TO_ASSIGN, ProposalStatus.ASSIGNING),
                    // signed for before the committee made the bureau a co-handler: on to the assignment
                    entry(FLOW_TRANSFERRED_TO_ASSIGN, ProposalStatus.TRANSFERRED),
                    entry(TASK_ASSISTING_OPINION, ProposalStatus.HANDLING),
                    entry(TASK_DRAFT_OPINION_LETTER, ProposalStatus.HANDLING),
                    entry(TASK_REVIEW_DEPT_HEAD, ProposalStatus.REVIEWING),
                    entry(TASK_REVIEW_OFFICE, ProposalStatus.REVIEWING),
                    entry(TASK_SIGN_OFF_LEADER, ProposalStatus.REVIEWING),
                    entry(TASK_SEND_OPINION_LETTER, ProposalStatus.REPLYING),
                    entry(END_OPINION_SENT, ProposalStatus.CLOSED)));

    // The engine is built before the beans that use the database (EngineSchemaFirst), so the repository is looked up
    // when a listener first runs, not when the plugin is created.
    private final ObjectProvider<ProposalRepository> proposals;

    public ProposalStatusTracker(ObjectProvider<ProposalRepository> proposals) {
        this.proposals = proposals;
    }

    /**
     * The status a proposal takes when its process enters the activity or takes the sequence flow; empty if the
     * element leaves it as it is.
     */
    public static Optional<ProposalStatus> statusOnEntering(String processKey, String elementId) {
        return Optional.ofNullable(STATUS_ON_ENTERING.getOrDefault(processKey, Map.of()).get(elementId));
    }

    /** Every activity and sequence flow of the process that sets the status, with the status it sets. */
    public static Map<String, ProposalStatus> trackedActivities(String processKey) {
        return STATUS_ON_ENTERING.getOrDefault(processKey, Map.of());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(parseListener());
    }

    BpmnParseListener parseListener() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
                trackedActivities(process.getKey()).forEach((elementId, status) -> {
                    // built in, so that a modification in Cockpit that skips custom listeners keeps the status true
                    ActivityImpl activity = entered(process, elementId);
                    TransitionImpl flow = activity == null ? process.findTransition(elementId) : null;
                    if (activity != null) {
                        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, settingStatus(status));
                    } else if (flow != null) {
                        flow.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, settingStatus(status));
                    } else {
                        LOG.warn("{} has no activity or sequence flow {}: the proposal's status will not become {} there",
                                process.getKey(), elementId, status);
                    }
                });
            }
        };
    }

    /** A multi-instance activity is entered once through its body, even with an empty collection. */
    private static ActivityImpl entered(ProcessDefinitionEntity process, String activityId) {
        ActivityImpl body = process.findActivity(activityId + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX);
        return body != null ? body : process.findActivity(activityId);
    }

    private ExecutionListener settingStatus(ProposalStatus status) {
        return execution -> proposals.getObject()
                .updateStatus((String) execution.getVariable(ProcessVariables.PROPOSAL_NUMBER), status);
    }
}
