package com.proposaldesk.letter;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.proposaldesk.member.StaffDirectory;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyClassification;
import com.proposaldesk.web.NotFoundException;

/** Prints the reply letter (答复函) or co-handling opinion letter (会办意见函) of a proposal from its template. */
@Service
public class ReplyLetters {

    private final ProposalRepository proposals;
    private final IssuedReplies replies;
    private final LetterTemplates templates;
    private final StaffDirectory staff;
    private final EngineClock clock;

    public ReplyLetters(ProposalRepository proposals, IssuedReplies replies, LetterTemplates templates,
            StaffDirectory staff, EngineClock clock) {
        this.proposals = proposals;
        this.replies = replies;
        this.templates = templates;
        this.staff = staff;
        this.clock = clock;
    }

    public LetterFile letter(String number) {
        Proposal proposal = proposals.get(number);
        IssuedReply issued = replies.latest(proposal.id()).orElseThrow(() -> new NotFoundException(
                "第" + number + "号提案尚无审核通过的答复，审核签发后才能生成答复函"));
        Reply reply = issued.reply();
        boolean opinion = Reply.KIND_OPINION_LETTER.equals(reply.kind());
        Map<String, String> values = values(proposal, reply, issued.copiedTo(),
                replies.signer(reply.id(), proposal.keyProposal()).map(this::displayName).orElse(""));
        byte[] template = templates.load(opinion ? LetterTemplates.OPINION_LETTER : LetterTemplates.REPLY_LETTER);
        return new LetterFile(opinion ? LetterWording.opinionFilename(proposal) : LetterWording.replyFilename(proposal),
                DocxFiller.fill(template, values));
    }

    /**
     * The placeholders' values of a reply's letter (LetterPreview shows the same to the signer before it is signed).
     *
     * @param copiedTo as recorded when sent, else null
     */
    Map<String, String> values(Proposal proposal, Reply reply, String copiedTo, String signer) {
        boolean opinion = Reply.KIND_OPINION_LETTER.equals(reply.kind());
        Map<String, String> values = new HashMap<>();
        values.put("title", opinion ? LetterWording.opinionTitle(proposal) : LetterWording.replyTitle(proposal));
        values.put("addressee", opinion ? LetterWording.leadUnitAddressee(proposal) : LetterWording.memberAddressee(proposal));
        values.put("classification", reply.classification() == null ? "" : reply.classification() + "类");
        values.put("classificationLabel", reply.classification() == null ? ""
                : ReplyClassification.valueOf(reply.classification()).label());
        values.put("body", reply.body());
        values.put("commitments", blank(reply.commitments()) ? "" : "承诺事项：" + reply.commitments());
        values.put("signer", signer);
        values.put("date", LetterWording.date(reply.sentOn() != null ? reply.sentOn() : clock.today()));
        values.put("contact", reply.contactPerson() + "，联系电话：" + reply.contactPhone());
        values.put("contactPerson", reply.contactPerson());
        values.put("contactPhone", reply.contactPhone());
        values.put("copiedTo", opinion || blank(copiedTo) ? LetterWording.DEFAULT_COPIED_TO : copiedTo);
        values.put("publish", reply.publish() ? "公开" : "不公开" + (blank(reply.publishReason()) ? "" : "（" + reply.publishReason() + "）"));
        values.put("number", proposal.number());
        values.put("proposalTitle", proposal.title());
        return values;
    }

    private String displayName(String userId) {
        String name = staff.displayName(userId);
        return name == null ? userId : name;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
