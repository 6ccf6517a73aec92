package com.proposaldesk.letter;

import java.time.LocalDate;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalSource;

/** The fixed wording of the letters: titles, addressee, dates, file names. */
final class LetterWording {

    /** Whom the reply is copied to when the office recorded nobody. */
    static final String DEFAULT_COPIED_TO = "市政协提案委";

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

    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String replyFilename(Proposal proposal) {
        return "第" + proposal.number() + "号" + kind(proposal) + "答复函.docx";
    }

    static String opinionFilename(Proposal proposal) {
        return "第" + proposal.number() + "号" + kind(proposal) + "会办意见函.docx";
    }

    private static String kind(Proposal proposal) {
        return proposal.source() == ProposalSource.NPC ? "建议" : "提案";
    }
}
