package com.proposaldesk.deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every time limit of a proposal. In {@code defaults} each one must be set; in an override only the
 * limits it changes are.
 *
 * @param signFor signing for (签收), after assignment
 * @param objection objecting to the city's assignment (退回/调整申请), after assignment
 * @param internalAssignment assigning to departments (分派), after signing
 * @param firstContact first contact with the member (先沟通后办理), after assignment
 * @param coHandlerOpinion a co-handler's opinion to the lead (会办/协办意见), after assignment; also the
 *        answer limit when the bureau only co-handles
 * @param answer the reply to the member (答复), after assignment
 * @param hardLimit the latest reply even with an extension (最长办理期限), after assignment
 * @param extension the longest extension (延期) of the answer deadline
 * @param evaluation the member's evaluation (委员评价), after the reply
 * @param reHandling handling again (再办理), after an unsatisfied evaluation
 * @param coSign the assisting departments' co-signature of a draft (会签), after it is submitted; never past the
 *        reply's own deadline
 * @param reminders reminders before a deadline (到期提醒)
 * @param escalationInterval how often an overdue deadline is escalated (督办)
 */
public record DeadlineLimits(
        TimeLimit signFor,
        TimeLimit objection,
        TimeLimit internalAssignment,
        TimeLimit firstContact,
        TimeLimit coHandlerOpinion,
        TimeLimit answer,
        TimeLimit hardLimit,
        TimeLimit extension,
        TimeLimit evaluation,
        TimeLimit reHandling,
        TimeLimit coSign,
        List<TimeLimit> reminders,
        TimeLimit escalationInterval) {

    public DeadlineLimits {
        reminders = reminders == null ? null : List.copyOf(reminders);
    }

    /** These limits with every limit the override sets replaced. */
    DeadlineLimits overriddenBy(DeadlineLimits override) {
        if (override == null) {
            return this;
        }
        return new DeadlineLimits(pick(override.signFor, signFor), pick(override.objection, objection),
                pick(override.internalAssignment, internalAssignment), pick(override.firstContact, firstContact),
                pick(override.coHandlerOpinion, coHandlerOpinion), pick(override.answer, answer),
                pick(override.hardLimit, hardLimit), pick(override.extension, extension),
                pick(override.evaluation, evaluation), pick(override.reHandling, reHandling), pick(override.coSign, coSign),
                pick(override.reminders, reminders), pick(override.escalationInterval, escalationInterval));
    }

    /** The configuration keys of the limits that are not set. */
    List<String> unset() {
        Map<String, Object> byKey = new LinkedHashMap<>();
        byKey.put("sign-for", signFor);
        byKey.put("objection", objection);
        byKey.put("internal-assignment", internalAssignment);
        byKey.put("first-contact", firstContact);
        byKey.put("co-handler-opinion", coHandlerOpinion);
        byKey.put("answer", answer);
        byKey.put("hard-limit", hardLimit);
        byKey.put("extension", extension);
        byKey.put("evaluation", evaluation);
        byKey.put("re-handling", reHandling);
        byKey.put("co-sign", coSign);
        byKey.put("reminders", reminders);
        byKey.put("escalation-interval", escalationInterval);
        List<String> unset = new ArrayList<>();
        byKey.forEach((key, value) -> {
            if (value == null) {
                unset.add(key);
            }
        });
        return unset;
    }

    private static <T> T pick(T override, T current) {
        return override != null ? override : current;
    }
}
