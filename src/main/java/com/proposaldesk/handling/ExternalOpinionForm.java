package com.proposaldesk.handling;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** The lead department records an external co-handling unit's opinion as it arrives (主办件). */
@Component
public class ExternalOpinionForm implements TaskForm {

    private final ProposalRepository proposals;
    private final OpinionRepository opinions;

    public ExternalOpinionForm(ProposalRepository proposals, OpinionRepository opinions) {
        this.proposals = proposals;
        this.opinions = opinions;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_RECORD_EXTERNAL_OPINION);
    }

    @Override
    public List<String> fields() {
        return List.of("receivedOn", "opinionText");
    }

    /** The unit's name as the form shows it; the process variable {@code externalUnit} keeps the name as registered. */
    @Override
    public void prepare(TaskFormContext context) {
        context.show("externalUnitName", MarkdownText.literal((String) context.variable(ProcessVariables.EXTERNAL_UNIT)));
    }

    @Override
    public void submit(TaskFormContext context) {
        FormInput in = context.input();
        LocalDate receivedOn = in.requiredDate("receivedOn", "收到日期");
        String text = in.requiredText("opinionText", "会办意见内容", 8000);
        in.check();
        opinions.record(proposals.get(context.proposalNumber()).id(), OpinionRepository.Kind.EXTERNAL,
                (String) context.variable(ProcessVariables.EXTERNAL_UNIT), text, receivedOn, context.userId());
    }
}
