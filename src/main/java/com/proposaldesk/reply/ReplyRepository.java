package com.proposaldesk.reply;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.TransactionReads;
import com.proposaldesk.task.MarkdownText;

/** Reply drafts in their versions, and the reviews each version got. */
@Repository
public class ReplyRepository {

    /** The latest drafts read in the current transaction, by proposal id. */
    private static final TransactionReads<Long, Optional<Reply>> LATEST = new TransactionReads<>(ReplyRepository.class.getName() + ".latest");

    /**
     * @param edited the reviewer changed the text and approved it (修改后同意)
     * @param department the co-signing department (会签), else null
     */
    public record Review(String step, boolean approved, String comment, String reviewer, LocalDateTime reviewedAt,
            boolean edited, String department) {

        /** Who reviews at this step, as the bureau calls them: 处室负责人, 提案办… */
        @JsonProperty
        public String stepLabel() {
            return ReviewSteps.name(step);
        }

        /** The decision in words: 同意, 修改后同意 or 退回修改. */
        @JsonProperty
        public String decisionLabel() {
            return !approved ? "退回修改" : edited ? "修改后同意" : "同意";
        }
    }

    /**
     * One text of a draft: revision 1 as drafted, each later one as a reviewer or co-signing department corrected it.
     *
     * @param department the co-signing department (会签), else null
     */
    public record Revision(long replyId, int revision, String step, String department, String body, String author,
            LocalDateTime revisedAt) {

        @JsonProperty
        public String stepLabel() {
            return ReviewSteps.name(step);
        }
    }

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public ReplyRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The proposal's latest draft. Within a transaction it is read once and kept until this repository writes a draft:
     * a review form shows it three times (preview, changes, the text to correct), and its task's listeners read it again.
     */
    public Optional<Reply> latest(long proposalId) {
        Map<Long, Optional<Reply>> read = LATEST.current();
        if (read != null && read.containsKey(proposalId)) {
            return read.get(proposalId);
        }
        Optional<Reply> latest = jdbc.sql("SELECT * FROM pd_reply WHERE proposal_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(proposalId).query(this::map).optional();
        if (read != null) {
            read.put(proposalId, latest);
        }
        return latest;
    }

    public List<Reply> all(long proposalId) {
        return jdbc.sql("SELECT * FROM pd_reply WHERE proposal_id = ? ORDER BY version").param(proposalId).query(this::map).list();
    }

    public long saveDraft(long proposalId, String kind, int handlingRound, String body, ReplyClassification classification,
            String commitments, boolean publish, String publishReason, String contactPerson, String contactPhone,
            String userId) {
        LATEST.forgetAll();
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM pd_reply WHERE proposal_id = ?").param(proposalId)
                .query(Integer.class).single() + 1;
        jdbc.sql("""
                INSERT INTO pd_reply (proposal_id, kind, version, handling_round, body, classification, commitments, publish,
                       publish_reason, contact_person, contact_phone, status, drafted_by, drafted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, kind, version, handlingRound, body, classification == null ? null : classification.name(),
                        commitments, publish, publishReason, contactPerson, contactPhone, Reply.UNDER_REVIEW, userId,
                        Timestamp.valueOf(clock.localNow()))
                .update();
        long id = latest(proposalId).orElseThrow().id();
        addRevision(id, kind.equals(Reply.KIND_OPINION_LETTER) ? ProcessElements.TASK_DRAFT_OPINION_LETTER
                : ProcessElements.TASK_DRAFT_REPLY, null, body, userId);
        return id;
    }

    /**
     * A reviewer's or co-signing department's correction: the draft's text becomes {@code body}, the one its letter
     * prints once signed, and the correction is kept as the draft's next revision.
     */
    public void revise(long replyId, String step, String department, String body, String userId) {
        LATEST.forgetAll();
        jdbc.sql("UPDATE pd_reply SET body = ? WHERE id = ?").params(body, replyId).update();
        addRevision(replyId, step, department, body, userId);
    }

    private void addRevision(long replyId, String step, String department, String body, String userId) {
        int revision = jdbc.sql("SELECT COALESCE(MAX(revision), 0) FROM pd_reply_revision WHERE reply_id = ?").param(replyId)
                .query(Integer.class).single() + 1;
        jdbc.sql("""
                INSERT INTO pd_reply_revision (reply_id, revision, step, department, body, author, revised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(replyId, revision, step, department, body, userId, Timestamp.valueOf(clock.localNow())).update();
    }

    /** The texts of one draft, first (as drafted) to last (its current text). */
    public List<Revision> revisions(long replyId) {
        return jdbc.sql("""
                SELECT reply_id, revision, step, department, body, author, revised_at FROM pd_reply_revision
                 WHERE reply_id = ? ORDER BY revision""")
                .param(replyId).query(Revision.class).list();
    }

    public void setStatus(long replyId, String status) {
        LATEST.forgetAll();
        jdbc.sql("UPDATE pd_reply SET status = ? WHERE id = ?").params(status, replyId).update();
    }

    public void markSent(long replyId, LocalDate sentOn, String channel, String copiedTo) {
        LATEST.forgetAll();
        jdbc.sql("UPDATE pd_reply SET status = ?, sent_on = ?, sent_channel = ?, copied_to = ? WHERE id = ?")
                .params(Reply.SENT, Date.valueOf(sentOn), channel, copiedTo, replyId).update();
    }

    public void review(long replyId, String step, boolean approved, String comment, String userId) {
        review(replyId, step, approved, false, null, comment, userId);
    }

    /** A decision on the draft; {@code edited}: approved with the corrections just made ({@link #revise}). */
    public void review(long replyId, String step, boolean approved, boolean edited, String department, String comment,
            String userId) {
        jdbc.sql("""
                INSERT INTO pd_reply_review (reply_id, step, approved, edited, department, comment, reviewer, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(replyId, step, approved, edited, department, comment, userId, Timestamp.valueOf(clock.localNow()))
                .update();
    }

    public List<Review> reviews(long replyId) {
        return jdbc.sql("""
                SELECT step, approved, comment, reviewer, reviewed_at, edited, department FROM pd_reply_review
                 WHERE reply_id = ? ORDER BY id""")
                .param(replyId).query(Review.class).list();
    }

    /** The latest draft as markdown, for reviewers and the member conversation. */
    public String previewOfLatest(long proposalId) {
        return latest(proposalId).map(ReplyRepository::markdown).orElse("尚无答复稿。");
    }

    static String markdown(Reply reply) {
        StringBuilder md = new StringBuilder();
        md.append("**第 ").append(reply.version()).append(" 稿**");
        if (reply.classification() != null) {
            ReplyClassification c = ReplyClassification.valueOf(reply.classification());
            md.append("　答复类别：").append(c.name()).append(" 类（").append(c.label()).append("）");
        }
        md.append("\n\n").append(MarkdownText.literal(reply.body()));
        if (reply.commitments() != null) {
            md.append("\n\n**承诺事项**：").append(MarkdownText.literal(reply.commitments()));
        }
        md.append("\n\n联系人：").append(MarkdownText.literal(reply.contactPerson())).append("，电话：")
                .append(MarkdownText.literal(reply.contactPhone()));
        if (Reply.KIND_REPLY.equals(reply.kind())) {
            md.append("；").append(reply.publish() ? "公开" : "不公开（" + MarkdownText.literal(reply.publishReason()) + "）");
        }
        return md.toString();
    }

    private Reply map(ResultSet rs, int row) throws SQLException {
        Date sent = rs.getDate("sent_on");
        return new Reply(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("kind"), rs.getInt("version"),
                rs.getInt("handling_round"), rs.getString("body"), rs.getString("classification"), rs.getString("commitments"),
                rs.getBoolean("publish"), rs.getString("publish_reason"), rs.getString("contact_person"),
                rs.getString("contact_phone"), rs.getString("status"), rs.getString("drafted_by"),
                sent == null ? null : sent.toLocalDate());
    }
}
