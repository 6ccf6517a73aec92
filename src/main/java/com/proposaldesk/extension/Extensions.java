package com.proposaldesk.extension;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.proposaldesk.deadline.DeadlineSupervision;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;

/**
 * Applies an approved extension: the answer deadline moves, every open task working to it moves with it, and every
 * reminder timer of the proposal's process waits anew for its next reminder (the models evaluate their cycles from the
 * moved deadline).
 */
@Component
public class Extensions {

    private final ProposalRepository proposals;
    private final TaskService tasks;
    private final ManagementService management;
    private final EngineClock clock;

    public Extensions(ProposalRepository proposals, TaskService tasks, ManagementService management, EngineClock clock) {
        this.proposals = proposals;
        this.tasks = tasks;
        this.management = management;
        this.clock = clock;
    }

    public void apply(Proposal proposal, LocalDate newDue) {
        LocalDate oldDue = proposal.answerDue();
        proposals.extendAnswer(proposal.number(), newDue);
        Date from = clock.at(oldDue, LocalTime.MIN);
        Date to = clock.at(oldDue.plusDays(1), LocalTime.MIN);
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(proposal.number()).dueAfter(new Date(from.getTime() - 1))
                .dueBefore(to).list()) {
            task.setDueDate(clock.at(newDue, DeadlineSupervision.DUE_AT));
            tasks.saveTask(task);
        }
        if (proposal.processInstanceId() == null) {
            return;
        }
        for (Job timer : management.createJobQuery().processInstanceId(proposal.processInstanceId()).timers().list()) {
            management.recalculateJobDuedate(timer.getId(), false);
        }
    }
}
