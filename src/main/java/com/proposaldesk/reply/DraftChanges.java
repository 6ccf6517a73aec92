package com.proposaldesk.reply;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.member.StaffDirectory;
import com.proposaldesk.task.MarkdownText;

/**
 * What a reviewer reads about the draft before deciding: how its text came about (drafted, corrected by whom, when)
 * and what each correction changed; for a draft written again after it came back, what the drafter changed against
 * the text that was sent back.
 */
@Component
class DraftChanges {

    private final ReplyRepository replies;
    private final StaffDirectory staff;
    private final DepartmentRepository departments;
    private final BureauTime time;

    DraftChanges(ReplyRepository replies, StaffDirectory staff, DepartmentRepository departments, BureauTime time) {
        this.replies = replies;
        this.staff = staff;
        this.departments = departments;
        this.time = time;
    }

    String markdown(long proposalId) {
        List<Reply> drafts = replies.all(proposalId);
        if (drafts.isEmpty()) {
            return "尚无答复稿。";
        }
        Reply current = drafts.get(drafts.size() - 1);
        List<ReplyRepository.Revision> revisions = replies.revisions(current.id());
        List<String> parts = new ArrayList<>();
        if (drafts.size() > 1 && !revisions.isEmpty()) {
            Reply previous = drafts.get(drafts.size() - 2);
            if (previous.kind().equals(current.kind())) {
                String diff = DraftDiff.markdown(previous.body(), revisions.get(0).body());
                parts.add("**第 " + current.version() + " 稿与第 " + previous.version() + " 稿相比**："
                        + (diff.isEmpty() ? "正文未改动。" : "\n\n" + diff));
            }
        }
        for (int i = 0; i < revisions.size(); i++) {
            ReplyRepository.Revision revision = revisions.get(i);
            String who = who(revision);
            if (i == 0) {
                parts.add("- 第 " + current.version() + " 稿由" + who + "起草　" + time.format(revision.revisedAt()));
                continue;
            }
            String diff = DraftDiff.markdown(revisions.get(i - 1).body(), revision.body());
            parts.add("**" + who + "修改**　" + time.format(revision.revisedAt()) + "\n\n"
                    + (diff.isEmpty() ? "（仅调整了空白）" : diff));
        }
        if (revisions.size() == 1 && parts.size() == 1) {
            parts.add("尚无人修改正文。");
        }
        return String.join("\n\n", parts);
    }

    private String who(ReplyRepository.Revision revision) {
        String name = staff.displayName(revision.author());
        String role = ReviewSteps.name(revision.step());
        if (revision.department() != null) {
            role = role + "（" + departments.nameOf(revision.department()) + "）";
        }
        return role + " " + MarkdownText.literal(name == null ? revision.author() : name) + " ";
    }
}
