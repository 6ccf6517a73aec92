package com.proposaldesk.letter;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.proposaldesk.process.AfterCommit;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyClassification;
import com.proposaldesk.reply.ReplySigned;
import com.proposaldesk.security.SystemReads;
import com.proposaldesk.web.NotFoundException;

/**
 * The reply letter (答复函) and co-handling opinion letter (会办意见函) of a proposal, as .docx from its template and as
 * PDF laid out from that .docx. At the last signature the letter gets its document number (文号), stored with the
 * signer and the date in the sign-off's transaction; both files are made from them once the sign-off has committed
 * ({@link AfterCommit}: the signer does not wait for them), or at the first download if that did not happen (the node
 * stopped in between), and stored. Later downloads serve the stored files.
 */
@Service
public class ReplyLetters {

    private final ProposalRepository proposals;
    private final IssuedReplies replies;
    private final SignedLetters signed;
    private final DocumentNumbers numbers;
    private final LetterTemplates templates;
    private final LetterPdf pdf;
    private final LetterProperties properties;
    private final IdentityService identity;
    private final SystemReads reads;
    private final EngineClock clock;
    private final AfterCommit afterCommit;
    private final TransactionTemplate ownTransaction;

    public ReplyLetters(ProposalRepository proposals, IssuedReplies replies, SignedLetters signed, DocumentNumbers numbers,
            LetterTemplates templates, LetterPdf pdf, LetterProperties properties, IdentityService identity, SystemReads reads,
            EngineClock clock, AfterCommit afterCommit, PlatformTransactionManager transactions) {
        this.proposals = proposals;
        this.replies = replies;
        this.signed = signed;
        this.numbers = numbers;
        this.templates = templates;
        this.pdf = pdf;
        this.properties = properties;
        this.identity = identity;
        this.reads = reads;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public LetterFile letter(String number) {
        return current(number).docx();
    }

    public LetterFile pdf(String number) {
        return current(number).pdf();
    }

    /** Numbers the letter the moment its last signature is given; its files follow once the signature has committed. */
    @EventListener
    public void issue(ReplySigned event) {
        Proposal proposal = proposals.get(event.proposalNumber());
        replies.latest(proposal.id()).filter(found -> found.reply().id() == event.replyId())
                .orElseThrow(() -> new IllegalStateException("Reply " + event.replyId() + " is not the approved one"));
        LocalDate today = clock.today();
        int numberInYear = numbers.next(today.getYear());
        String documentNumber = properties.documentNumber(today.getYear(), numberInYear);
        signed.store(event.replyId(), proposal.id(), today.getYear(), numberInYear, documentNumber, event.signedBy(), today);
        proposals.recordDocumentNumber(proposal.number(), documentNumber);
        afterCommit.run("The letter " + documentNumber + " of proposal " + proposal.number(),
                () -> ownTransaction.executeWithoutResult(status -> current(proposal.number())));
    }

    /**
     * The letter of the latest signed reply: its stored files, made now if they are not yet; one signed before letters
     * were stored is printed afresh, without a number.
     */
    private RenderedLetter current(String number) {
        Proposal proposal = proposals.get(number);
        IssuedReply issued = replies.latest(proposal.id()).orElseThrow(() -> new NotFoundException(
                "第" + number + "号提案尚无审核通过的答复，审核签发后才能生成答复函"));
        Reply reply = issued.reply();
        Optional<SignedLetters.Signed> found = signed.find(reply.id());
        if (found.isEmpty()) {
            return render(proposal, issued, null,
                    replies.signer(reply.id(), proposal.keyProposal()).map(this::personalName).orElse(""),
                    reply.sentOn() != null ? reply.sentOn() : clock.today());
        }
        SignedLetters.Signed letter = found.get();
        if (letter.files() != null) {
            return letter.files();
        }
        signed.storeFiles(reply.id(), render(proposal, issued, letter.documentNumber(), personalName(letter.signedBy()),
                letter.signedOn()));
        return signed.find(reply.id()).map(SignedLetters.Signed::files).orElseThrow();
    }

    private RenderedLetter render(Proposal proposal, IssuedReply issued, String documentNumber, String signer, LocalDate date) {
        Reply reply = issued.reply();
        boolean opinion = Reply.KIND_OPINION_LETTER.equals(reply.kind());
        Map<String, String> values = values(proposal, reply, documentNumber, signer, date,
                copiedTo(proposal, issued, documentNumber != null));
        byte[] docx = DocxFiller.fill(templates.load(opinion ? LetterTemplates.OPINION_LETTER : LetterTemplates.REPLY_LETTER), values);
        String docxName = opinion ? LetterWording.opinionFilename(proposal, "docx") : LetterWording.replyFilename(proposal, "docx");
        String pdfName = opinion ? LetterWording.opinionFilename(proposal, "pdf") : LetterWording.replyFilename(proposal, "pdf");
        return new RenderedLetter(documentNumber, new LetterFile(docxName, docx),
                new LetterFile(pdfName, pdf.render(docx, values.get("title"))));
    }

    /** The placeholders' values of a draft not signed yet, as {@link LetterPreview} shows them to the signer. */
    Map<String, String> previewValues(Proposal proposal, Reply draft, String signer) {
        return values(proposal, draft, null, signer, clock.today(), committee(proposal));
    }

    private Map<String, String> values(Proposal proposal, Reply reply, String documentNumber, String signer, LocalDate date,
            String copiedTo) {
        boolean opinion = Reply.KIND_OPINION_LETTER.equals(reply.kind());
        String title = opinion ? LetterWording.opinionTitle(proposal) : LetterWording.replyTitle(proposal);
        LetterWording.Opening opening = opinion
                ? LetterWording.opening(LetterWording.leadUnitAddressee(proposal), proposal.externalLeadUnit(), reply.body())
                : LetterWording.opening(LetterWording.memberAddressee(proposal), proposal.leadMember().name(), reply.body());
        Map<String, String> values = new HashMap<>();
        values.put("organ", properties.organ());
        values.put("documentNumber", documentNumber == null ? "" : documentNumber);
        values.put("title", title);
        values.put("addressee", opening.addressee());
        values.put("classification", reply.classification() == null ? "" : reply.classification() + "类");
        values.put("classificationLabel", reply.classification() == null ? ""
                : ReplyClassification.valueOf(reply.classification()).label());
        values.put("disclosure", reply.publish() ? "主动公开" : "不予公开");
        values.put("publish", reply.publish() ? "公开" : "不公开" + (blank(reply.publishReason()) ? "" : "（" + reply.publishReason() + "）"));
        values.put("body", opening.body());
        values.put("commitments", blank(reply.commitments()) ? "" : "承诺事项：" + reply.commitments());
        values.put("signer", signer);
        values.put("date", LetterWording.date(date));
        values.put("contact", reply.contactPerson() + "，联系电话：" + reply.contactPhone());
        values.put("contactPerson", reply.contactPerson());
        values.put("contactPhone", reply.contactPhone());
        values.put("copiedTo", copiedTo);
        values.put("number", proposal.number());
        values.put("proposalTitle", proposal.title());
        return values;
    }

    /** 抄送: the CPPCC's (or NPC's) committee; a letter printed before numbering shows whom the office copied it to. */
    private String copiedTo(Proposal proposal, IssuedReply issued, boolean signing) {
        if (!signing && !blank(issued.copiedTo()) && !Reply.KIND_OPINION_LETTER.equals(issued.reply().kind())) {
            return issued.copiedTo();
        }
        return committee(proposal);
    }

    private String committee(Proposal proposal) {
        return proposal.source() == ProposalSource.NPC ? properties.npcCopiedTo() : properties.copiedTo();
    }

    /** The signer's name as the letter prints it (吴国华), without the title the user directory keeps beside it. */
    private String personalName(String userId) {
        if (userId == null) {
            return "";
        }
        User user = reads.read(() -> identity.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        if (!blank(user.getFirstName())) {
            return user.getFirstName().strip();
        }
        return blank(user.getLastName()) ? userId : user.getLastName().strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
