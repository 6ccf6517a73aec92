package com.proposaldesk.assignment;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.task.FormInput;

/**
 * Start listener of {@code assignment-dispute}: the lead department disputes its assignment, within its
 * window (default 3 working days after the assignment); past the window the dispute is refused.
 */
@Component("disputeRequest")
public class DisputeRequestListener implements ExecutionListener {

    public static final String DISPUTE_ID = "disputeId";

    private final ProposalRepository proposals;
    private final DisputeRepository disputes;
    private final WorkingDayCalendar calendar;
    private final EngineClock clock;
    private final CurrentUser currentUser;
    private final int windowWorkingDays;

    public DisputeRequestListener(ProposalRepository proposals, DisputeRepository disputes, WorkingDayCalendar calendar,
            EngineClock clock, CurrentUser currentUser,
            @Value("${proposal-desk.assignment.dispute-window-working-days:3}") int windowWorkingDays) {
        this.proposals = proposals;
        this.disputes = disputes;
        this.calendar = calendar;
        this.clock = clock;
        this.currentUser = currentUser;
        this.windowWorkingDays = windowWorkingDays;
    }

    /** The last day a dispute of the proposal's current assignment is accepted. */
    public LocalDate windowEnd(LocalDate assignedOn) {
        return calendar.plusWorkingDays(assignedOn, windowWorkingDays);
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput in = new FormInput(execution::getVariable);
        String number = in.requiredText("number", "提案编号");
        String reason = in.requiredText("disputeReason", "异议理由", 4000);
        Proposal proposal = number == null ? null : proposals.find(number).orElse(null);
        if (number != null && proposal == null) {
            in.problem("number", "提案编号 " + number + " 不存在");
        }
        if (proposal != null) {
            LocalDate assignedOn = proposal.leadDepartment() == null ? null : disputes.lastAssignedOn(proposal.id()).orElse(null);
            String lead = proposal.leadDepartment();
            if (assignedOn == null || proposal.status() == ProposalStatus.CLOSED || proposal.status() == ProposalStatus.WITHDRAWN) {
                in.problem("number", "第" + number + "号提案尚未分派或已办结，无需提出分派异议");
            } else if (clock.today().isAfter(windowEnd(assignedOn))) {
                in.problem("number", "第" + number + "号提案于 " + assignedOn + " 分派，异议期限已于 " + windowEnd(assignedOn)
                        + " 届满，不再受理分派异议");
            } else if (!currentUser.isMemberOf("dept-" + lead) && !currentUser.isMemberOf("head-" + lead)) {
                in.problem("number", "只有主办处室可以对第" + number + "号提案的分派提出异议");
            } else if (disputes.hasOpenDispute(proposal.id())) {
                in.problem("number", "第" + number + "号提案已有待处理的分派异议");
            }
        }
        in.check();
        long id = disputes.raise(proposal.id(), proposal.leadDepartment(), reason, currentUser.id());
        execution.removeVariable("number");
        execution.removeVariable("disputeReason");
        execution.setVariable(ProcessVariables.PROPOSAL_NUMBER, proposal.number());
        execution.setVariable(ProcessVariables.PROPOSAL_TITLE, proposal.title());
        execution.setVariable(DISPUTE_ID, id);
        execution.setProcessBusinessKey(proposal.number());
    }
}
