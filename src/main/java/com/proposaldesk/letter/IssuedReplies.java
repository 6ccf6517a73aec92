package com.proposaldesk.letter;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;

/** The reply a letter is printed from (the latest approved or sent version) and who signed it. */
@Repository
class IssuedReplies {

    private final JdbcClient jdbc;
    private final ReplyRepository replies;

    IssuedReplies(JdbcClient jdbc, ReplyRepository replies) {
        this.jdbc = jdbc;
        this.replies = replies;
    }

    Optional<IssuedReply> latest(long proposalId) {
        List<Reply> all = replies.all(proposalId);
        for (int i = all.size() - 1; i >= 0; i--) {
            Reply reply = all.get(i);
            if (Reply.APPROVED.equals(reply.status()) || Reply.SENT.equals(reply.status())) {
                String copiedTo = jdbc.sql("SELECT copied_to FROM pd_reply WHERE id = ?").param(reply.id())
                        .query(String.class).optional().orElse(null);
                return Optional.of(new IssuedReply(reply, copiedTo));
            }
        }
        return Optional.empty();
    }

    /**
     * The user who signed the reply: the principal leader for key proposals, else the leader in charge; failing
     * both (an opinion letter the office approves last), the last reviewer who approved it.
     */
    Optional<String> signer(long replyId, boolean keyProposal) {
        List<ReplyRepository.Review> approvals = replies.reviews(replyId).stream().filter(ReplyRepository.Review::approved)
                .toList();
        List<String> steps = keyProposal
                ? List.of(ProcessElements.TASK_SIGN_OFF_PRINCIPAL, ProcessElements.TASK_SIGN_OFF_LEADER)
                : List.of(ProcessElements.TASK_SIGN_OFF_LEADER);
        for (String step : steps) {
            Optional<String> reviewer = approvals.stream().filter(review -> step.equals(review.step()))
                    .reduce((first, second) -> second).map(ReplyRepository.Review::reviewer);
            if (reviewer.isPresent()) {
                return reviewer;
            }
        }
        return approvals.isEmpty() ? Optional.empty() : Optional.of(approvals.get(approvals.size() - 1).reviewer());
    }
}
