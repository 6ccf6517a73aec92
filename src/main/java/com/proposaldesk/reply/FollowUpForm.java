package com.proposaldesk.reply;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 跟踪落实: a B-class reply's commitments are followed until they are done (滚动督办). */
@Component
public class FollowUpForm implements TaskForm {

    enum CommitmentStatus { DONE, IN_PROGRESS }

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final JdbcClient jdbc;
    private final EngineClock clock;

    public FollowUpForm(ProposalRepository proposals, ReplyRepository replies, JdbcClient jdbc, EngineClock clock) {
        this.proposals = proposals;
        this.replies = replies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_FOLLOW_UP);
    }

    @Override
    public List<String> fields() {
        return List.of("progressNote", "commitmentStatus");
    }

    @Override
    public void prepare(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        context.show("commitmentsText", MarkdownText.literal(replies.latest(proposal.id()).map(Reply::commitments).orElse("")));
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        String note = in.requiredText("progressNote", "落实进展", 4000);
        CommitmentStatus status = in.requiredChoice("commitmentStatus", "落实情况", CommitmentStatus.class);
        in.check();
        boolean done = status == CommitmentStatus.DONE;
        jdbc.sql("INSERT INTO pd_follow_up (proposal_id, note, done, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(proposal.id(), note, done, context.userId(), Timestamp.valueOf(clock.localNow())).update();
        context.route(ProcessVariables.COMMITMENT_DONE, done);
    }
}
