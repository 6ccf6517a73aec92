package com.proposaldesk.extension;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.deadline.DeadlineCase;
import com.proposaldesk.deadline.DeadlinePolicy;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;
import com.proposaldesk.process.ProcessVariables;

/** 审批延期申请: the office approves (recording the CPPCC committee's approval) or refuses an extension. */
@Component
public class ExtensionApprovalForm implements TaskForm {

    public static final String TASK = ProcessElements.TASK_APPROVE_EXTENSION;

    enum Decision { APPROVE, REJECT }

    private final ProposalRepository proposals;
    private final ExtensionRepository extensions;
    private final DeadlinePolicy policy;
    private final Extensions extensionService;

    public ExtensionApprovalForm(ProposalRepository proposals, ExtensionRepository extensions, DeadlinePolicy policy,
            Extensions extensionService) {
        this.proposals = proposals;
        this.extensions = extensions;
        this.policy = policy;
        this.extensionService = extensionService;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(TASK);
    }

    @Override
    public List<String> fields() {
        return List.of("extensionDecision", "approvedDue", "committeeApproval", "decisionNote");
    }

    @Override
    public void prepare(TaskFormContext context) {
        ExtensionRepository.Extension request = extensions.get(((Number) context.variable(ExtensionRequestListener.EXTENSION_ID)).longValue());
        Proposal proposal = proposals.get(context.proposalNumber());
        context.show("extensionRequestText", ("MEMBER".equals(request.requestedByKind()) ? "委员申请" : "主办处室申请")
                + "延期至 " + request.requestedDue() + "（现答复期限 " + proposal.answerDue() + "，最迟可延至 " + latest(proposal) + "）。理由："
                + MarkdownText.literal(request.reason()));
        context.show("approvedDue", request.requestedDue().isAfter(latest(proposal)) ? latest(proposal).toString()
                : request.requestedDue().toString());
    }

    @Override
    public void submit(TaskFormContext context) {
        long id = ((Number) context.variable(ExtensionRequestListener.EXTENSION_ID)).longValue();
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        Decision decision = in.requiredChoice("extensionDecision", "审批意见", Decision.class);
        LocalDate approvedDue = in.date("approvedDue", "批准延期至");
        String committee = in.text("committeeApproval", "市政协提案委批复情况", 1000);
        String note = in.text("decisionNote", "审批说明", 4000);
        boolean approved = decision == Decision.APPROVE;
        if (approved) {
            LocalDate latest = latest(proposal);
            if (approvedDue == null) {
                in.problem("approvedDue", "同意延期时必须填写批准延期至的日期");
            } else if (!approvedDue.isAfter(proposal.answerDue())) {
                in.problem("approvedDue", "批准延期至的日期应晚于现答复期限 " + proposal.answerDue());
            } else if (approvedDue.isAfter(latest)) {
                in.problem("approvedDue", "批准延期至的日期不能晚于 " + latest + "（延期上限和办理时限上限）");
            }
            if (committee == null) {
                in.problem("committeeApproval", "同意延期时必须记录市政协提案委的批复情况");
            }
        }
        in.check();
        extensions.decide(id, approved, approved ? approvedDue : null, committee, note, context.userId());
        if (approved) {
            extensionService.apply(proposal, approvedDue);
        }
        context.route(ProcessVariables.EXTENSION_APPROVED, approved);
    }

    /** The latest answer date an extension may reach: the extension limit, never past the hard limit. */
    private LocalDate latest(Proposal proposal) {
        LocalDate byExtension = policy.latestExtendedAnswerDue(
                DeadlineCase.of(proposal), proposal.answerDue()).date();
        return proposal.hardLimitDue() != null && proposal.hardLimitDue().isBefore(byExtension) ? proposal.hardLimitDue() : byExtension;
    }
}
