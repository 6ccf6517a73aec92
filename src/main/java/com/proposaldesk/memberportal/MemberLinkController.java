package com.proposaldesk.memberportal;

import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.web.NotFoundException;

/** The office's view of the links sent to a proposal's members, and their answers; the office may revoke a link. */
@RestController
public class MemberLinkController {

    private static final String ONLY_THE_OFFICE_REVOKES = "只有提案办可以撤销委员链接";

    private final MemberLinks links;
    private final MemberAnswers answers;
    private final ProposalRepository proposals;
    private final ProposalAccess access;
    private final CurrentUser user;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public MemberLinkController(MemberLinks links, MemberAnswers answers, ProposalRepository proposals,
            ProposalAccess access, CurrentUser user, AuditTrail audit, BureauTime time, ObjectMapper json) {
        this.json = time.json(json);
        this.links = links;
        this.answers = answers;
        this.proposals = proposals;
        this.access = access;
        this.user = user;
        this.audit = audit;
    }

    /** A link as the office sees it: never its token, which only the member's mail carries. */
    public record LinkView(long id, String memberName, boolean leadMember, String purpose, String purposeLabel,
            int handlingRound, LocalDateTime issuedAt, LocalDateTime expiresAt, LocalDateTime revokedAt, String revokedBy,
            String state) {

        static LinkView of(MemberLink link, LocalDateTime now) {
            return new LinkView(link.id(), link.memberName(), link.leadMember(), link.purpose().name(),
                    link.purpose().label(), link.handlingRound(), link.issuedAt(), link.expiresAt(), link.revokedAt(),
                    link.revokedBy(), link.stateAt(now));
        }
    }

    @GetMapping("/api/proposals/{number}/member-links")
    public ResponseEntity<byte[]> linksAnswer(@PathVariable String number) throws JsonProcessingException {
        return answer(links(number));
    }

    /** Every member's online answers: the lead member's (counted) and the co-signers' beside it. */
    @GetMapping("/api/proposals/{number}/member-answers")
    public ResponseEntity<byte[]> answersAnswer(@PathVariable String number) throws JsonProcessingException {
        return answer(answers(number));
    }

    @PostMapping("/api/member-links/{id}/revoke")
    @Transactional
    public ResponseEntity<byte[]> revokeAnswer(@PathVariable long id) throws JsonProcessingException {
        user.requireOffice(ONLY_THE_OFFICE_REVOKES);
        return answer(revoke(links.find(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的委员链接"))));
    }

    /** Moments with the bureau's offset, as the other APIs write them. */
    private ResponseEntity<byte[]> answer(Object body) throws JsonProcessingException {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
    }

    public List<LinkView> links(String number) {
        Proposal proposal = visible(number);
        LocalDateTime now = links.now();
        return links.forProposal(proposal.id()).stream().map(link -> LinkView.of(link, now)).toList();
    }

    public List<MemberAnswer> answers(String number) {
        return answers.forProposal(visible(number).id());
    }

    /** The same from the case file page of the link's proposal. */
    @Transactional
    public LinkView revoke(String proposalNumber, long id) {
        user.requireOffice(ONLY_THE_OFFICE_REVOKES);
        return revoke(links.find(id).filter(link -> link.proposalNumber().equals(proposalNumber))
                .orElseThrow(() -> new NotFoundException("第" + proposalNumber + "号提案没有编号为 " + id + " 的委员链接")));
    }

    /** Whether the current user may revoke links: the office and the administrators. */
    public boolean mayRevoke() {
        return user.isMemberOf(CurrentUser.OFFICE_GROUP) || user.isMemberOf(Groups.CAMUNDA_ADMIN);
    }

    private LinkView revoke(MemberLink link) {
        long id = link.id();
        if (links.revoke(id, user.id())) {
            audit.record(AuditAction.MEMBER_LINK_REVOKED, link.proposalNumber(), MemberPortal.subject(link), null);
        }
        return LinkView.of(links.find(id).orElseThrow(), links.now());
    }

    private Proposal visible(String number) {
        Proposal proposal = proposals.get(number);
        access.requireVisible(number, proposal.leadDepartment(), proposal.assistingDepartments());
        return proposal;
    }
}
