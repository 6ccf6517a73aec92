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

import com.proposaldesk.process.ProposalProcesses;

@RestController
@RequestMapping("/api/proposals")
public class ProposalController {

    private final ProposalRegistrationService registration;
    private final ProposalRepository proposals;
    private final ProposalProcesses processes;

    public ProposalController(ProposalRegistrationService registration, ProposalRepository proposals,
            ProposalProcesses processes) {
        this.registration = registration;
        this.proposals = proposals;
        this.processes = processes;
    }

    @PostMapping
    public ResponseEntity<ProposalView> register(@RequestBody RegistrationRequest request) {
        Proposal proposal = registration.register(request);
        return ResponseEntity.created(URI.create("/api/proposals/" + proposal.number())).body(view(proposal));
    }

    @GetMapping("/{number}")
    public ProposalView get(@PathVariable String number) {
        return view(proposals.get(number));
    }

    @GetMapping
    public List<ProposalView> list() {
        return proposals.findAll().stream().map(this::view).toList();
    }

    private ProposalView view(Proposal proposal) {
        return ProposalView.of(proposal, processes.stages(proposal.processInstanceId()),
                processes.openTasks(proposal.number()));
    }
}
