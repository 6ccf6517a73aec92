package com.proposaldesk.registration;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalView;
import com.proposaldesk.proposal.ProposalViews;
import com.proposaldesk.security.CurrentUser;

/** {@code POST /api/proposals}: the office registers a proposal and its process starts. */
@RestController
@RequestMapping("/api/proposals")
public class RegistrationController {

    private final ProposalRegistrationService registration;
    private final ProposalViews views;
    private final CurrentUser user;

    public RegistrationController(ProposalRegistrationService registration, ProposalViews views, CurrentUser user) {
        this.registration = registration;
        this.views = views;
        this.user = user;
    }

    @PostMapping
    public ResponseEntity<ProposalView> register(@RequestBody RegistrationRequest request) {
        user.requireOffice("只有提案办可以登记提案");
        Proposal proposal = registration.register(request);
        return ResponseEntity.created(URI.create("/api/proposals/" + proposal.number())).body(views.of(proposal));
    }
}
