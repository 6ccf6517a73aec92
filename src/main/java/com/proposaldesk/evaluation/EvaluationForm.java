package com.proposaldesk.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 委员评价: the office records the member's evaluation; 不满意 starts another round of handling. */
@Component
public class EvaluationForm implements TaskForm {

    private final ProposalRepository proposals;
    private final EvaluationRecorder recorder;

    public EvaluationForm(ProposalRepository proposals, EvaluationRecorder recorder) {
        this.proposals = proposals;
        this.recorder = recorder;
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
        recorder.record(proposal, round, result, evaluatedOn, comment, context.userId()).forEach(context::route);
    }
}
