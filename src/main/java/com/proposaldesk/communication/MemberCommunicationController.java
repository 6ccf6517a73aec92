package com.proposaldesk.communication;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.calendar.BureauTime;

/**
 * A member's record of contacts: liaison records are added here, proposal-related ones come from the tasks. Times are
 * written with the bureau's offset ({@link BureauTime}).
 */
@RestController
@RequestMapping("/api/members/{memberId}/communications")
public class MemberCommunicationController {

    private final MemberLiaison liaison;
    private final IdentityService identity;
    private final ObjectMapper json;

    public MemberCommunicationController(MemberLiaison liaison, IdentityService identity, BureauTime time, ObjectMapper json) {
        this.liaison = liaison;
        this.identity = identity;
        this.json = time.json(json);
    }

    @GetMapping
    public ResponseEntity<byte[]> history(@PathVariable long memberId) throws JsonProcessingException {
        List<CommunicationRecord> history = liaison.history(memberId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(history));
    }

    @PostMapping
    public ResponseEntity<byte[]> record(@PathVariable long memberId, @RequestBody LiaisonRecordRequest request)
            throws JsonProcessingException {
        // the REST authentication filter has set the user for every /api/* request
        CommunicationRecord record = liaison.record(memberId, request, identity.getCurrentAuthentication().getUserId());
        return ResponseEntity.created(URI.create("/api/members/" + memberId + "/communications/" + record.id()))
                .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(record));
    }
}
