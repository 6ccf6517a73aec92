package com.proposaldesk.reply;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.member.StaffDirectory;
import com.proposaldesk.task.MarkdownText;

/** Every decision and comment on a proposal's drafts so far, in order, for the next reviewer to read before deciding. */
@Component
class ReviewHistory {

    private final ReplyRepository replies;
    private final StaffDirectory staff;
    private final BureauTime time;
    private final DepartmentRepository departments;

    ReviewHistory(ReplyRepository replies, StaffDirectory staff, BureauTime time, DepartmentRepository departments) {
        this.replies = replies;
        this.departments = departments;
        this.staff = staff;
        this.time = time;
    }

    String markdown(long proposalId) {
        List<String> lines = new ArrayList<>();
        for (Reply reply : replies.all(proposalId)) {
            for (ReplyRepository.Review review : replies.reviews(reply.id())) {
                String name = staff.displayName(review.reviewer());
                StringBuilder line = new StringBuilder("- 第 ").append(reply.version()).append(" 稿　")
                        .append(review.stepLabel())
                        .append(review.department() == null ? "" : "（" + departments.nameOf(review.department()) + "）")
                        .append("　")
                        .append(MarkdownText.literal(name == null ? review.reviewer() : name)).append("　**")
                        .append(review.decisionLabel()).append("**");
                if (review.comment() != null && !review.comment().isBlank()) {
                    line.append("　意见：").append(MarkdownText.literal(review.comment()).replace("\n", " "));
                }
                lines.add(line.append("　").append(time.format(review.reviewedAt())).toString());
            }
        }
        return lines.isEmpty() ? "尚无审核意见，您是第一位审核人。" : String.join("\n", lines);
    }
}
