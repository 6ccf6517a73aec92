package com.proposaldesk.report;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.security.ProposalAccess;

/** The year-end summary (年度办理工作总结): figures as JSON, a .docx draft, and the office's typical cases. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final int MAX_ACHIEVEMENTS = 8000;
    private static final String BUREAU_WIDE = "年度办理工作总结仅限提案办和局领导查看";

    private final AnnualSummaries summaries;
    private final SummaryDocument document;
    private final TypicalCaseRepository typicalCases;
    private final ProposalRepository proposals;
    private final CurrentUser currentUser;
    private final ProposalAccess access;

    public ReportController(AnnualSummaries summaries, SummaryDocument document, TypicalCaseRepository typicalCases,
            ProposalRepository proposals, CurrentUser currentUser, ProposalAccess access) {
        this.access = access;
        this.summaries = summaries;
        this.document = document;
        this.typicalCases = typicalCases;
        this.proposals = proposals;
        this.currentUser = currentUser;
    }

    @GetMapping("/annual")
    public AnnualSummary annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) String session) {
        access.requireBureauWide(BUREAU_WIDE);
        return summaries.summarise(scope(year, session));
    }

    @GetMapping(value = "/annual.docx")
    public ResponseEntity<byte[]> annualDocument(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String session) {
        access.requireBureauWide(BUREAU_WIDE);
        AnnualSummary summary = summaries.summarise(scope(year, session));
        String filename = "提案办理工作总结-" + summary.scope().label() + ".docx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(document.render(summary));
    }

    public record TypicalCaseRequest(String achievements) {
    }

    /** Marks a proposal as a typical case (典型案例) with what its handling achieved; office only. */
    @PutMapping("/typical-cases/{number}")
    public ResponseEntity<Void> chooseTypicalCase(@PathVariable String number, @RequestBody TypicalCaseRequest request) {
        currentUser.requireOffice("只有提案办可以选定典型案例");
        String achievements = request == null || request.achievements() == null ? "" : request.achievements().strip();
        if (achievements.isEmpty()) {
            throw new BadUserRequestException("请填写办理成效（achievements）");
        }
        if (achievements.length() > MAX_ACHIEVEMENTS) {
            throw new BadUserRequestException("办理成效不能超过" + MAX_ACHIEVEMENTS + "字");
        }
        Proposal proposal = proposals.get(number);
        typicalCases.choose(proposal, achievements, currentUser.id());
        return ResponseEntity.noContent().build();
    }

    private static ReportScope scope(Integer year, String session) {
        if (year == null && (session == null || session.isBlank())) {
            throw new BadUserRequestException("请指定年度（year）或届次会议（session）");
        }
        if (year != null && (year < 1949 || year > 2999)) {
            throw new BadUserRequestException("年度“" + year + "”不正确");
        }
        return new ReportScope(year, session);
    }
}
