package com.proposaldesk.reply;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import com.proposaldesk.communication.CommunicationRepository;
import com.proposaldesk.evaluation.EvaluationRepository;
import com.proposaldesk.handling.OpinionRepository;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskFormContext;

/** What a drafter must see again: why the last draft came back, and the opinions received so far. */
@Component
class DraftNotes {

    private final ReplyRepository replies;
    private final OpinionRepository opinions;
    private final CommunicationRepository communications;
    private final EvaluationRepository evaluations;
    private final IdentityService identity;

    DraftNotes(ReplyRepository replies, OpinionRepository opinions, CommunicationRepository communications,
            EvaluationRepository evaluations, IdentityService identity) {
        this.identity = identity;
        this.replies = replies;
        this.opinions = opinions;
        this.communications = communications;
        this.evaluations = evaluations;
    }

    /** Shows the notes and returns the previous draft to prefill the form, if any. */
    Reply show(TaskFormContext context, long proposalId) {
        context.show("opinionsSummary", opinions.markdown(proposalId));
        Reply previous = replies.latest(proposalId).orElse(null);
        context.show("lastReviewComment", previous == null ? "" : returnNote(previous));
        return previous;
    }

    private String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null || user.getFirstName() == null ? userId : user.getFirstName();
    }

    private String returnNote(Reply previous) {
        switch (previous.status()) {
            case Reply.RETURNED -> {
                List<ReplyRepository.Review> reviews = replies.reviews(previous.id());
                ReplyRepository.Review last = reviews.get(reviews.size() - 1);
                return "**" + ReviewSteps.name(last.step()) + "退回修改**（" + MarkdownText.literal(displayName(last.reviewer())) + "）："
                        + MarkdownText.literal(last.comment());
            }
            case Reply.NOT_ACCEPTED -> {
                return "**委员不认可答复意见**，需继续办理。委员意见："
                        + MarkdownText.literal(communications.latestMemberView(previous.proposalId()).orElse("（未记录）"));
            }
            case Reply.SENT -> {
                return "**委员评价不满意**，需再办理并重新答复。委员意见："
                        + MarkdownText.literal(evaluations.latestComment(previous.proposalId()).orElse("（未记录）"));
            }
            default -> {
                return "";
            }
        }
    }
}
