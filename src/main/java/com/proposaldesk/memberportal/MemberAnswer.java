package com.proposaldesk.memberportal;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.proposaldesk.evaluation.EvaluationResult;

/**
 * What a member answered through a link: agreement with the draft reply, or an evaluation, in their own words.
 *
 * @param counted whether it reached the process (the lead member's answer, while the office had not recorded one)
 */
public record MemberAnswer(long memberId, String memberName, boolean leadMember, LinkPurpose purpose, int handlingRound,
        Boolean agreed, EvaluationResult result, Rating attitude, Rating outcome, Rating consultation, String comment,
        boolean counted, LocalDateTime answeredAt) {

    @JsonProperty
    public String resultLabel() {
        return result == null ? null : result.label();
    }

    @JsonProperty
    public String summary() {
        if (purpose == LinkPurpose.AGREEMENT) {
            return Boolean.TRUE.equals(agreed) ? "同意答复意见" : "不同意答复意见";
        }
        if (result == null) {
            return null;
        }
        return "总体评价：" + result.label() + "；办理态度：" + label(attitude) + "；办理结果：" + label(outcome)
                + "；沟通联系：" + label(consultation);
    }

    private static String label(Rating rating) {
        return rating == null ? "未填" : rating.label();
    }
}
