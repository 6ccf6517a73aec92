package com.proposaldesk.letter;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reply.LetterPreviews;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.task.MarkdownText;

/**
 * The letter as it will go out, for the signer to read before signing: the same values the {@code .docx} is filled
 * with ({@link ReplyLetters#values}), in the order of the shipped template; the signer is the one signing.
 */
@Component
class LetterPreview implements LetterPreviews {

    static final String SIGNER_TO_COME = "（签发人签发后填入）";

    private final ProposalRepository proposals;
    private final ReplyLetters letters;

    LetterPreview(ProposalRepository proposals, ReplyLetters letters) {
        this.proposals = proposals;
        this.letters = letters;
    }

    @Override
    public String markdown(String proposalNumber, Reply draft) {
        Map<String, String> v = letters.previewValues(proposals.get(proposalNumber), draft, SIGNER_TO_COME);
        StringBuilder md = new StringBuilder();
        md.append("**").append(text(v.get("title"))).append("**\n\n");
        if (!v.get("classification").isEmpty()) {
            md.append(text(v.get("classification"))).append("　").append(text(v.get("classificationLabel"))).append("\n\n");
        }
        md.append(text(v.get("addressee"))).append("\n\n");
        for (String paragraph : v.get("body").split("\\R")) {
            if (!paragraph.isBlank()) {
                md.append(text(paragraph)).append("\n\n");
            }
        }
        if (!v.get("commitments").isEmpty()) {
            md.append(text(v.get("commitments"))).append("\n\n");
        }
        md.append("签发人：").append(text(v.get("signer"))).append("\n")
                .append(text(v.get("date"))).append("\n\n")
                .append("联系人：").append(text(v.get("contact"))).append("\n")
                .append("抄送：").append(text(v.get("copiedTo"))).append("\n")
                .append("公开属性：").append(text(v.get("publish")));
        return md.toString();
    }

    private static String text(String value) {
        return MarkdownText.literal(value).replace("\n", " ");
    }
}
