package com.proposaldesk.reply;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.ProcessRuleViolation;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/**
 * 会签: an assisting department co-signs the lead department's draft, as it stands, or corrects its text and co-signs
 * (修改后会签). The departments sign one after another, so each reads the corrections of those before it; a correction
 * is the draft's next revision, shown to the reviewers as a change.
 */
@Component
public class CoSignForm implements TaskForm {

    enum Decision { AGREE, AGREE_WITH_EDITS }

    private final ProposalRepository proposals;
    private final ReplyRepository replies;
    private final DepartmentRepository departments;
    private final DraftChanges changes;

    CoSignForm(ProposalRepository proposals, ReplyRepository replies, DepartmentRepository departments, DraftChanges changes) {
        this.proposals = proposals;
        this.replies = replies;
        this.departments = departments;
        this.changes = changes;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_CO_SIGN);
    }

    @Override
    public List<String> fields() {
        return List.of("coSignDecision", "coSignComment", "editedBody");
    }

    @Override
    public void prepare(TaskFormContext context) {
        long proposalId = proposals.get(context.proposalNumber()).id();
        context.show("coSignDepartmentName", MarkdownText.literal(departments.nameOf(department(context))));
        context.show("replyPreview", replies.previewOfLatest(proposalId));
        context.show("draftChanges", changes.markdown(proposalId));
        replies.latest(proposalId).ifPresent(draft -> context.show("editedBody", draft.body()));
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        Decision decision = in.requiredChoice("coSignDecision", "会签意见", Decision.class);
        String comment = in.text("coSignComment", "意见说明", 4000);
        String edited = decision == Decision.AGREE_WITH_EDITS ? in.requiredText("editedBody", "修改后的正文", 20000) : null;
        in.check();
        Reply reply = replies.latest(proposal.id())
                .orElseThrow(() -> new ProcessRuleViolation("第" + proposal.number() + "号提案还没有答复稿，无法会签。"));
        if (edited != null && DraftDiff.markdown(reply.body(), edited).isEmpty()) {
            in.problem("editedBody", "修改后的正文与原稿相同；未作修改请选择“同意”");
            in.check();
        }
        String department = department(context);
        if (edited != null) {
            replies.revise(reply.id(), context.taskKey(), department, edited, context.userId());
        }
        replies.review(reply.id(), context.taskKey(), true, edited != null, department, comment, context.userId());
    }

    private static String department(TaskFormContext context) {
        return (String) context.variable(ProcessVariables.ASSISTING_DEPARTMENT);
    }
}
