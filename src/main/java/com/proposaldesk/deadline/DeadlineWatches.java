package com.proposaldesk.deadline;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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

    /** Watches a task's due date until the task is done; the watch's business key is the task id. */
    public void watchTask(String taskId, String taskName, Proposal proposal, LocalDate due) {
        Map<String, Object> variables = variables(proposal, due);
        variables.put(DeadlineWatch.WATCHED_TASK_NAME, taskName);
        runtime.startProcessInstanceByKey(PROCESS, taskId, variables);
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
        List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(taskId).list();
        if (found.isEmpty() && unkeyedTaskWatches) {
            found = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                    .variableValueEquals(DeadlineWatch.WATCHED_TASK_ID, taskId).list();
        }
        for (ProcessInstance watch : found) {
            runtime.deleteProcessInstance(watch.getId(), "任务已办理完成", true, true);
        }
    }

    /**
     * Whether task watches started before watches had the task id as business key (an upgraded database) are
     * still running; then {@link #stopTask} also looks for them by variable. Set by {@link #countUnkeyedTaskWatches}.
     */
    private volatile boolean unkeyedTaskWatches = true;

    /** Counts the running task watches without business key; none means {@link #stopTask} needs no fallback. */
    public int countUnkeyedTaskWatches() {
        int unkeyed = (int) runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .variableValueLike(DeadlineWatch.WATCHED_TASK_ID, "%").list().stream()
                .filter(watch -> watch.getBusinessKey() == null).count();
        unkeyedTaskWatches = unkeyed > 0;
        return unkeyed;
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
        variables.put(DeadlineWatch.DUE_DATE, due.toString());
        variables.put(DeadlineWatch.REMINDER_INDEX, 0);
        return variables;
    }
}
