package com.proposaldesk.communication;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A member's record of contacts: liaison records are added here, proposal-related ones come from the tasks. */
@RestController
@RequestMapping("/api/members/{memberId}/communications")
public class MemberCommunicationController {

    private final MemberLiaison liaison;
    private final IdentityService identity;

    public MemberCommunicationController(MemberLiaison liaison, IdentityService identity) {
        this.liaison = liaison;
        this.identity = identity;
    }

    @GetMapping
    public List<CommunicationRecord> history(@PathVariable long memberId) {
        return liaison.history(memberId);
    }

    @PostMapping
    public ResponseEntity<CommunicationRecord> record(@PathVariable long memberId, @RequestBody LiaisonRecordRequest request) {
        // the REST authentication filter has set the user for every /api/* request
        CommunicationRecord record = liaison.record(memberId, request, identity.getCurrentAuthentication().getUserId());
        return ResponseEntity.created(URI.create("/api/members/" + memberId + "/communications/" + record.id())).body(record);
    }
}
