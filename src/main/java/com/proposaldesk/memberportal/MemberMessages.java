package com.proposaldesk.memberportal;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.VariableInstance;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;

/**
 * The member's answers as BPMN messages: the two boundary events on 先沟通后答复 and 登记委员评价 wait for them. The
 * only place this package talks to the engine.
 */
@Component
public class MemberMessages {

    private final RuntimeService runtime;

    public MemberMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public boolean awaitsDraftAnswer(String processInstanceId) {
        return awaits(processInstanceId, ProcessElements.MESSAGE_NAME_MEMBER_DRAFT_ANSWER);
    }

    public boolean awaitsEvaluation(String processInstanceId) {
        return awaits(processInstanceId, ProcessElements.MESSAGE_NAME_MEMBER_EVALUATION);
    }

    /**
     * Ends 先沟通后答复 with the member's answer. Throws the engine's MismatchingMessageCorrelationException when the
     * task is gone (the office recorded an answer first), and its OptimisticLockingException at commit when the office
     * completes the task at the same moment: either way the caller's transaction rolls back, and only one answer counts.
     */
    public void answerDraft(String processInstanceId, Map<String, Object> variables) {
        correlate(processInstanceId, ProcessElements.MESSAGE_NAME_MEMBER_DRAFT_ANSWER, variables);
    }

    /** Ends 登记委员评价 with the member's evaluation; fails as {@link #answerDraft} does. */
    public void evaluate(String processInstanceId, Map<String, Object> variables) {
        correlate(processInstanceId, ProcessElements.MESSAGE_NAME_MEMBER_EVALUATION, variables);
    }

    /** The round of handling the process is in (1, then one more after each 不满意); empty once it has ended. */
    public Optional<Integer> handlingRound(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        return runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableName(ProcessVariables.HANDLING_ROUND).list().stream().map(VariableInstance::getValue)
                .filter(Number.class::isInstance).map(value -> ((Number) value).intValue()).findFirst();
    }

    private boolean awaits(String processInstanceId, String messageName) {
        return processInstanceId != null && runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(messageName).count() > 0;
    }

    private void correlate(String processInstanceId, String messageName, Map<String, Object> variables) {
        runtime.createMessageCorrelation(messageName).processInstanceId(processInstanceId).setVariables(variables)
                .correlateWithResult();
    }
}
