package com.proposaldesk.extension;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.proposaldesk.deadline.DeadlineWatches;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;

/** Applies an approved extension: the answer deadline, every task working to it, and their reminders move. */
@Component
public class Extensions {

    private final ProposalRepository proposals;
    private final TaskService tasks;
    private final DeadlineWatches watches;
    private final EngineClock clock;

    public Extensions(ProposalRepository proposals, TaskService tasks, DeadlineWatches watches, EngineClock clock) {
        this.proposals = proposals;
        this.tasks = tasks;
        this.watches = watches;
        this.clock = clock;
    }

    public void apply(Proposal proposal, LocalDate newDue) {
        LocalDate oldDue = proposal.answerDue();
        proposals.extendAnswer(proposal.number(), newDue);
        Date from = clock.at(oldDue, LocalTime.MIN);
        Date to = clock.at(oldDue.plusDays(1), LocalTime.MIN);
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(proposal.number()).dueAfter(new Date(from.getTime() - 1))
                .dueBefore(to).list()) {
            task.setDueDate(clock.at(newDue, LocalTime.of(18, 0)));
            tasks.saveTask(task);
        }
        watches.move(proposal.number(), oldDue, newDue);
    }
}
