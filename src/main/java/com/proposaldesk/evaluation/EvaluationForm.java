package com.proposaldesk.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.deadline.DeadlineCase;
import com.proposaldesk.deadline.DeadlinePolicy;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 委员评价: the office records the member's evaluation; 不满意 starts another round of handling. */
@Component
public class EvaluationForm implements TaskForm {

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final EvaluationRepository evaluations;
    private final DeadlinePolicy deadlines;

    public EvaluationForm(ProposalRepository proposals, ReplyRepository replies, EvaluationRepository evaluations,
            DeadlinePolicy deadlines) {
        this.deadlines = deadlines;
        this.proposals = proposals;
        this.replies = replies;
        this.evaluations = evaluations;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_RECORD_EVALUATION);
    }

    @Override
    public List<String> fields() {
        return List.of("evaluationResult", "evaluatedOn", "evaluationComment");
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        EvaluationResult result = in.requiredChoice("evaluationResult", "评价结果", EvaluationResult.class);
        LocalDate evaluatedOn = in.requiredDate("evaluatedOn", "评价日期");
        String comment = in.text("evaluationComment", "委员意见", 4000);
        if (result == EvaluationResult.UNSATISFIED && comment == null) {
            in.problem("evaluationComment", "委员评价不满意时必须记录委员意见，作为再办理的依据");
        }
        if (evaluatedOn != null && proposal.repliedOn() != null && evaluatedOn.isBefore(proposal.repliedOn())) {
            in.problem("evaluatedOn", "评价日期不能早于答复日期 " + proposal.repliedOn());
        }
        in.check();
        int round = ((Number) context.variable(ProcessVariables.HANDLING_ROUND)).intValue();
        Long replyId = replies.latest(proposal.id()).map(Reply::id).orElse(null);
        evaluations.record(proposal.id(), replyId, round, result, evaluatedOn, comment, context.userId());
        proposals.setEvaluation(proposal.number(), result.name());
        if (result == EvaluationResult.UNSATISFIED) {
            context.route(ProcessVariables.HANDLING_ROUND, round + 1);
            DeadlineCase kind = DeadlineCase.of(proposal);
            context.route(ProcessVariables.HANDLING_DUE, deadlines.reHandlingDue(kind, evaluatedOn).date().toString());
        }
        context.route(ProcessVariables.EVALUATION, result.name());
    }
}
