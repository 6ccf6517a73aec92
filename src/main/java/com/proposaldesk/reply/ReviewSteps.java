package com.proposaldesk.reply;

import java.util.Map;

import com.proposaldesk.process.ProcessElements;

/** The review chain's steps as the drafter reads them. */
final class ReviewSteps {

    private static final Map<String, String> NAMES = Map.of(
            ProcessElements.TASK_REVIEW_DEPT_HEAD, "处室负责人",
            ProcessElements.TASK_REVIEW_OFFICE, "提案办",
            ProcessElements.TASK_SIGN_OFF_LEADER, "分管局领导",
            ProcessElements.TASK_SIGN_OFF_PRINCIPAL, "主要负责同志");

    static String name(String step) {
        return NAMES.getOrDefault(step, step);
    }

    private ReviewSteps() {
    }
}
