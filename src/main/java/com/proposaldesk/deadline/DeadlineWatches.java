package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;

/** Starts, stops and moves the {@code deadline-watch} instances that supervise deadlines (督办). */
@Component
public class DeadlineWatches {

    public static final String PROCESS = "deadline-watch";

    private final RuntimeService runtime;
    private final ManagementService management;

    public DeadlineWatches(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** Watches a task's due date until the task is done. */
    public void watchTask(String taskId, String taskName, Proposal proposal, LocalDate due) {
        Map<String, Object> variables = variables(proposal, due);
        variables.put(DeadlineWatch.WATCHED_TASK_ID, taskId);
        variables.put(DeadlineWatch.WATCHED_TASK_NAME, taskName);
        runtime.startProcessInstanceByKey(PROCESS, variables);
    }

    /** Watches the proposal's answer deadline until the bureau has answered. */
    public void watchAnswer(Proposal proposal) {
        if (proposal.answerDue() == null) {
            return;
        }
        Map<String, Object> variables = variables(proposal, proposal.answerDue());
        variables.put(DeadlineWatch.WATCHED_TASK_NAME, proposal.role().answersMember() ? "答复委员" : "函复牵头单位");
        runtime.startProcessInstanceByKey(PROCESS, variables);
    }

    /** Ends the watch of a task that was completed. */
    public void stopTask(String taskId) {
        for (ProcessInstance watch : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .variableValueEquals(DeadlineWatch.WATCHED_TASK_ID, taskId).list()) {
            runtime.deleteProcessInstance(watch.getId(), "任务已办理完成", true, true);
        }
    }

    /**
     * Moves every watch of the proposal that works to {@code oldDue} to {@code newDue}, starting its
     * schedule again and recalculating its waiting timer (an approved extension).
     *
     * @return how many watches moved
     */
    public int move(String proposalNumber, LocalDate oldDue, LocalDate newDue) {
        int moved = 0;
        for (ProcessInstance watch : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .variableValueEquals(ProcessVariables.PROPOSAL_NUMBER, proposalNumber)
                .variableValueEquals(DeadlineWatch.DUE_DATE, oldDue.toString()).list()) {
            runtime.setVariable(watch.getId(), DeadlineWatch.DUE_DATE, newDue.toString());
            runtime.setVariable(watch.getId(), DeadlineWatch.REMINDER_INDEX, 0);
            for (Job timer : management.createJobQuery().processInstanceId(watch.getId()).timers().list()) {
                management.recalculateJobDuedate(timer.getId(), false);
            }
            moved++;
        }
        return moved;
    }

    private static Map<String, Object> variables(Proposal proposal, LocalDate due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.PROPOSAL_NUMBER, proposal.number());
        variables.put(ProcessVariables.KEY_PROPOSAL, proposal.keyProposal());
        variables.put(DeadlineWatch.DUE_DATE, due.toString());
        variables.put(DeadlineWatch.REMINDER_INDEX, 0);
        return variables;
    }
}
