package com.proposaldesk.proposal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.security.ProposalAccess;

@RestController
@RequestMapping("/api/proposals")
public class ProposalController {

    private final ProposalRepository proposals;
    private final ProposalViews views;
    private final ProposalAccess access;

    public ProposalController(ProposalRepository proposals, ProposalViews views, ProposalAccess access) {
        this.proposals = proposals;
        this.views = views;
        this.access = access;
    }

    @GetMapping("/{number}")
    public ProposalView get(@PathVariable String number) {
        Proposal proposal = proposals.get(number);
        access.requireVisible(number, proposal.leadDepartment(), proposal.assistingDepartments());
        return views.of(proposal);
    }

    @GetMapping
    public List<ProposalView> list() {
        ProposalAccess.Scope scope = access.scope();
        return proposals.findAll().stream().filter(p -> scope.covers(p.leadDepartment(), p.assistingDepartments()))
                .map(views::of).toList();
    }
}
