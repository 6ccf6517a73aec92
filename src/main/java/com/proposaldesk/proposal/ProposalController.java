package com.proposaldesk.proposal;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.security.SystemReads;

@RestController
@RequestMapping("/api/proposals")
public class ProposalController {

    private final ProposalRegistrationService registration;
    private final ProposalRepository proposals;
    private final ProposalProcesses processes;
    private final CurrentUser user;
    private final ProposalAccess access;
    private final SystemReads reads;

    public ProposalController(ProposalRegistrationService registration, ProposalRepository proposals,
            ProposalProcesses processes, CurrentUser user, ProposalAccess access, SystemReads reads) {
        this.user = user;
        this.access = access;
        this.reads = reads;
        this.registration = registration;
        this.proposals = proposals;
        this.processes = processes;
    }

    @PostMapping
    public ResponseEntity<ProposalView> register(@RequestBody RegistrationRequest request) {
        user.requireOffice("只有提案办可以登记提案");
        Proposal proposal = registration.register(request);
        return ResponseEntity.created(URI.create("/api/proposals/" + proposal.number())).body(view(proposal));
    }

    @GetMapping("/{number}")
    public ProposalView get(@PathVariable String number) {
        Proposal proposal = proposals.get(number);
        access.requireVisible(number, proposal.leadDepartment(), proposal.assistingDepartments());
        return view(proposal);
    }

    @GetMapping
    public List<ProposalView> list() {
        ProposalAccess.Scope scope = access.scope();
        return proposals.findAll().stream().filter(p -> scope.covers(p.leadDepartment(), p.assistingDepartments()))
                .map(this::view).toList();
    }

    private ProposalView view(Proposal proposal) {
        return reads.read(() -> ProposalView.of(proposal, processes.stages(proposal.processInstanceId()),
                processes.openTasks(proposal.number())));
    }
}
