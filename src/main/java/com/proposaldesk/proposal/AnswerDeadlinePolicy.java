package com.proposaldesk.proposal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** When the bureau's answer is due: the member's reply for 承办/主办/分办, the opinion letter for 会办. */
@Component
public class AnswerDeadlinePolicy {

    private final DeadlineProperties limits;

    public AnswerDeadlinePolicy(DeadlineProperties limits) {
        this.limits = limits;
    }

    public LocalDate answerDue(ProposalRole role, LocalDate assignedOn) {
        return role.answersMember() ? assignedOn.plusMonths(limits.answerMonths())
                : assignedOn.plusMonths(limits.coHandlingOpinionMonths());
    }
}
