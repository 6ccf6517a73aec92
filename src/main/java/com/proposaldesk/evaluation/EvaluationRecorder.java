package com.proposaldesk.evaluation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.proposaldesk.deadline.DeadlineCase;
import com.proposaldesk.deadline.DeadlinePolicy;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;

/**
 * Stores the lead member's evaluation of a reply round, however it arrived (recorded by the office, or given online),
 * and tells the process where to go: 不满意 starts another round of handling with a new deadline.
 */
@Component
public class EvaluationRecorder {

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final EvaluationRepository evaluations;
    private final DeadlinePolicy deadlines;

    public EvaluationRecorder(ProposalRepository proposals, ReplyRepository replies, EvaluationRepository evaluations,
            DeadlinePolicy deadlines) {
        this.proposals = proposals;
        this.replies = replies;
        this.evaluations = evaluations;
        this.deadlines = deadlines;
    }

    /** @return the process variables the gateways after the evaluation read */
    public Map<String, Object> record(Proposal proposal, int round, EvaluationResult result, LocalDate evaluatedOn,
            String comment, String recordedBy) {
        Long replyId = replies.latest(proposal.id()).map(Reply::id).orElse(null);
        evaluations.record(proposal.id(), replyId, round, result, evaluatedOn, comment, recordedBy);
        proposals.setEvaluation(proposal.number(), result.name());
        Map<String, Object> routing = new LinkedHashMap<>();
        if (result == EvaluationResult.UNSATISFIED) {
            routing.put(ProcessVariables.HANDLING_ROUND, round + 1);
            routing.put(ProcessVariables.HANDLING_DUE,
                    deadlines.reHandlingDue(DeadlineCase.of(proposal), evaluatedOn).date().toString());
        }
        routing.put(ProcessVariables.EVALUATION, result.name());
        return routing;
    }
}
