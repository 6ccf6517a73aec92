package com.proposaldesk.registration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.deadline.DeadlineCase;
import com.proposaldesk.deadline.DeadlinePolicy;
import com.proposaldesk.proposal.NewProposal;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalProcesses;
import com.proposaldesk.proposal.ProposalRepository;

/** Registers a proposal and starts its process, all in one transaction. */
@Service
public class ProposalRegistrationService {

    private final RegistrationValidator validator;
    private final ProposalRepository proposals;
    private final ProposalProcesses processes;
    private final DeadlinePolicy deadlines;
    private final AuditTrail audit;

    public ProposalRegistrationService(RegistrationValidator validator, ProposalRepository proposals,
            ProposalProcesses processes, DeadlinePolicy deadlines, AuditTrail audit) {
        this.audit = audit;
        this.validator = validator;
        this.proposals = proposals;
        this.processes = processes;
        this.deadlines = deadlines;
    }

    @Transactional
    public Proposal register(RegistrationRequest request) {
        Proposal proposal = store(validator.validate(request));
        proposals.linkProcess(proposal.number(), processes.start(proposal));
        return proposals.get(proposal.number());
    }

    /** Stores a validated proposal without starting a process (the caller does, or already has). */
    @Transactional
    public Proposal store(NewProposal proposal) {
        if (proposals.exists(proposal.number())) {
            throw new DuplicateProposalException(proposal.number());
        }
        try {
            DeadlineCase deadlineCase = new DeadlineCase(proposal.source(), proposal.role(), proposal.keyProposal());
            proposals.insert(proposal, deadlines.onAssignment(deadlineCase, proposal.assignedOn()));
        } catch (DuplicateKeyException e) {
            throw new DuplicateProposalException(proposal.number());
        }
        audit.record(AuditAction.PROPOSAL_REGISTERED, proposal.number(), "提案 " + proposal.number(),
                "《" + proposal.title() + "》，" + proposal.role().label() + (proposal.keyProposal() ? "，重点提案" : "")
                        + "，领衔委员 " + proposal.leadMember().name());
        return proposals.get(proposal.number());
    }
}
