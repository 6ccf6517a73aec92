package com.proposaldesk.benchmark;

import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;

/**
 * The bare-Camunda baselines: process models with the same shape as ours (user tasks, candidate groups, timers,
 * jobs) but no listeners, delegates, forms or domain tables. Built with the model API, which lays out the diagram.
 */
public final class BareModels {

    public static final String LIFECYCLE = "bare-lifecycle";
    static final String REMINDER = "bare-reminder";
    static final String REMINDER_SENT = "Task_NoOp";
    static final String REMINDER_PARKED = "Timer_Parked";

    private BareModels() {
    }

    /**
     * One user task per step of our happy path, in the same order and for the same candidate groups; each with a
     * non-interrupting boundary timer (our reminder timer on the task) and a non-interrupting timer start event in an
     * event sub-process over the whole instance (our answer deadline's).
     */
    public static BpmnModelInstance lifecycle(List<String> candidateGroups) {
        ProcessBuilder process = Bpmn.createExecutableProcess(LIFECYCLE).name("基准：裸流程").camundaHistoryTimeToLive(3650);
        AbstractFlowNodeBuilder<?, ?> flow = process.startEvent("Start");
        for (int i = 0; i < candidateGroups.size(); i++) {
            String task = "Task_" + (i + 1);
            flow = flow.userTask(task).name("步骤 " + (i + 1)).camundaCandidateGroups(candidateGroups.get(i))
                    .boundaryEvent("Timer_" + (i + 1)).cancelActivity(false).timerWithDuration("P30D").endEvent()
                    .<UserTaskBuilder>moveToActivity(task);
        }
        BpmnModelInstance model = flow.endEvent("End").done();
        process = (ProcessBuilder) model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(LIFECYCLE).builder();
        process.eventSubProcess("Deadline").startEvent("Timer_Answer").interrupting(false).timerWithDuration("P90D")
                .endEvent();
        return model;
    }

    /**
     * Our reminder without its work: a timer falling due at {@code ${due}} (our reminder timer), then an asynchronous
     * service task that does nothing (our {@code sendReminder} task and its e-mail), then a timer far in the future (our
     * reminder timer waiting for the next reminder).
     */
    static BpmnModelInstance reminder() {
        return Bpmn.createExecutableProcess(REMINDER).name("基准：空作业").camundaHistoryTimeToLive(3650)
                .startEvent("Start")
                .intermediateCatchEvent("Timer_Due").timerWithDate("${due}")
                .serviceTask(REMINDER_SENT).camundaAsyncBefore().camundaExpression("${null}")
                .intermediateCatchEvent(REMINDER_PARKED).timerWithDuration("P365D")
                .endEvent("End")
                .done();
    }
}
