package com.proposaldesk.reply;

import java.util.Map;

import com.proposaldesk.process.ProcessElements;

/** The steps that write or review a draft, as the drafter and the reviewers read them. */
final class ReviewSteps {

    private static final Map<String, String> NAMES = Map.of(
            ProcessElements.TASK_REVIEW_DEPT_HEAD, "处室负责人",
            ProcessElements.TASK_REVIEW_OFFICE, "提案办",
            ProcessElements.TASK_SIGN_OFF_LEADER, "分管局领导",
            ProcessElements.TASK_SIGN_OFF_PRINCIPAL, "主要负责同志",
            ProcessElements.TASK_CO_SIGN, "会签处室",
            ProcessElements.TASK_DRAFT_REPLY, "承办处室",
            ProcessElements.TASK_DRAFT_OPINION_LETTER, "承办处室");

    static String name(String step) {
        return NAMES.getOrDefault(step, step);
    }

    private ReviewSteps() {
    }
}
