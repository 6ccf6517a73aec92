package com.proposaldesk.letter;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.ProposalAccess;

/** {@code GET /api/proposals/{number}/reply-letter.docx}: the reply or opinion letter as Word document. */
@RestController
public class ReplyLetterController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReplyLetters letters;
    private final ProposalRepository proposals;
    private final ProposalAccess access;

    public ReplyLetterController(ReplyLetters letters, ProposalRepository proposals, ProposalAccess access) {
        this.letters = letters;
        this.proposals = proposals;
        this.access = access;
    }

    @GetMapping("/api/proposals/{number}/reply-letter.docx")
    public ResponseEntity<byte[]> replyLetter(@PathVariable String number) {
        Proposal proposal = proposals.get(number);
        access.requireVisible(number, proposal.leadDepartment(), proposal.assistingDepartments());
        LetterFile letter = letters.letter(number);
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(letter.filename(), StandardCharsets.UTF_8).build().toString())
                .body(letter.content());
    }
}
