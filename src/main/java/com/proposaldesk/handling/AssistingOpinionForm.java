package com.proposaldesk.handling;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** An assisting department sends its opinion to the lead department. */
@Component
public class AssistingOpinionForm implements TaskForm {

    private final ProposalRepository proposals;
    private final DepartmentRepository departments;
    private final OpinionRepository opinions;
    private final EngineClock clock;

    public AssistingOpinionForm(ProposalRepository proposals, DepartmentRepository departments, OpinionRepository opinions,
            EngineClock clock) {
        this.proposals = proposals;
        this.departments = departments;
        this.opinions = opinions;
        this.clock = clock;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_ASSISTING_OPINION);
    }

    @Override
    public List<String> fields() {
        return List.of("opinionText");
    }

    @Override
    public void prepare(TaskFormContext context) {
        context.show("assistingDepartmentName",
                MarkdownText.literal(departments.nameOf((String) context.variable(ProcessVariables.ASSISTING_DEPARTMENT))));
    }

    @Override
    public void submit(TaskFormContext context) {
        FormInput in = context.input();
        String text = in.requiredText("opinionText", "办理意见", 8000);
        in.check();
        String department = departments.nameOf((String) context.variable(ProcessVariables.ASSISTING_DEPARTMENT));
        opinions.record(proposals.get(context.proposalNumber()).id(), OpinionRepository.Kind.DEPARTMENT, department, text,
                clock.today(), context.userId());
    }
}
