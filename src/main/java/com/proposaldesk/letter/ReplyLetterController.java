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

/**
 * {@code GET /api/proposals/{number}/reply-letter.docx} and {@code .pdf}: the reply or opinion letter as Word document
 * and as PDF; once signed, the files stored at the sign-off.
 */
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
        requireVisible(number);
        return download(letters.letter(number), DOCX);
    }

    @GetMapping("/api/proposals/{number}/reply-letter.pdf")
    public ResponseEntity<byte[]> replyLetterPdf(@PathVariable String number) {
        requireVisible(number);
        return download(letters.pdf(number), MediaType.APPLICATION_PDF);
    }

    private void requireVisible(String number) {
        Proposal proposal = proposals.get(number);
        access.requireVisible(number, proposal.leadDepartment(), proposal.assistingDepartments());
    }

    private static ResponseEntity<byte[]> download(LetterFile letter, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(letter.filename(), StandardCharsets.UTF_8).build().toString())
                .body(letter.content());
    }
}
