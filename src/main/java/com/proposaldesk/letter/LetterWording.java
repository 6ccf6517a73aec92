package com.proposaldesk.letter;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalSource;

/** The fixed wording of the letters: titles, addressee, dates, file names. */
final class LetterWording {

    /** A salutation a drafter typed at the start of the body: 尊敬的张三委员：, 张三代表：, 市教育局： … */
    private static final String HONORIFIC = "(?:委员|代表|同志|先生|女士)?";

    /** The addressee line and the body without the salutation typed at its start, if any. */
    record Opening(String addressee, String body) {
    }

    private LetterWording() {
    }

    /** 关于市政协七届三次会议第20230188号提案的答复; for NPC suggestions …号建议的答复. */
    static String replyTitle(Proposal proposal) {
        return "关于" + proposal.sessionName() + "第" + proposal.number() + "号" + kind(proposal) + "的答复";
    }

    /** 关于第20230188号提案的会办意见. */
    static String opinionTitle(Proposal proposal) {
        return "关于第" + proposal.number() + "号" + kind(proposal) + "的会办意见";
    }

    static String memberAddressee(Proposal proposal) {
        return proposal.leadMember().name() + (proposal.source() == ProposalSource.NPC ? "代表：" : "委员：");
    }

    static String leadUnitAddressee(Proposal proposal) {
        return (proposal.externalLeadUnit() == null ? "" : proposal.externalLeadUnit()) + "：";
    }

    /**
     * The addressee once: a salutation naming {@code name} that the drafter typed at the start of the body becomes the
     * addressee line (as typed, 尊敬的 included) and leaves the body; without one, {@code standard} heads the letter.
     */
    static Opening opening(String standard, String name, String body) {
        if (name == null || name.isBlank() || body == null) {
            return new Opening(standard, body);
        }
        Matcher typed = Pattern.compile("^[\\s\\u3000]*((?:尊敬的)?\\s*" + Pattern.quote(name.strip()) + "\\s*" + HONORIFIC
                + ")\\s*[：:，,]\\s*").matcher(body);
        if (!typed.find()) {
            return new Opening(standard, body);
        }
        String rest = body.substring(typed.end()).replaceFirst("^[\\s\\u3000]*\\r?\\n", "");
        return new Opening(typed.group(1).replaceAll("\\s+", "") + "：", rest);
    }

    /** 2023年7月5日. */
    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String replyFilename(Proposal proposal, String extension) {
        return "第" + proposal.number() + "号" + kind(proposal) + "答复函." + extension;
    }

    static String opinionFilename(Proposal proposal, String extension) {
        return "第" + proposal.number() + "号" + kind(proposal) + "会办意见函." + extension;
    }

    private static String kind(Proposal proposal) {
        return proposal.source() == ProposalSource.NPC ? "建议" : "提案";
    }
}
