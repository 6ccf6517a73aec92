package com.proposaldesk.reminder;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every mail ({@code pd_mail}). Each write commits in a transaction of its own: a mail that has left
 * cannot be called back, so its record must not vanish when the caller's transaction (the engine's job) rolls back.
 */
@Repository
public class MailOutbox {

    /** The outbox page shows this many of the newest mails. */
    static final int LIMIT = 500;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public MailOutbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records that the mail is about to be sent and returns its row id, or empty if it has been sent already. A row
     * left FAILED or PENDING by an earlier attempt is reused, so a mail never has two rows.
     */
    public Optional<Long> beginAttempt(Reminder reminder, Recipient recipient, String subject) {
        try {
            return ownTransaction.execute(status -> begin(reminder, recipient, subject));
        } catch (DuplicateKeyException concurrentInsert) {
            return ownTransaction.execute(status -> begin(reminder, recipient, subject));
        }
    }

    private Optional<Long> begin(Reminder reminder, Recipient recipient, String subject) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        Optional<Existing> existing = jdbc.sql("""
                SELECT id, status FROM pd_mail WHERE kind = ? AND subject_key = ? AND occurrence = ? AND recipient = ?""")
                .params(reminder.kind().name(), reminder.subjectKey(), reminder.occurrence(), recipient.email())
                .query(Existing.class).optional();
        if (existing.isPresent()) {
            if (existing.get().status() == MailStatus.SENT) {
                return Optional.empty();
            }
            jdbc.sql("UPDATE pd_mail SET status = ?, subject = ?, attempts = attempts + 1, attempted_at = ? WHERE id = ?")
                    .params(MailStatus.PENDING.name(), subject, now, existing.get().id()).update();
            return Optional.of(existing.get().id());
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pd_mail (kind, proposal_number, task_id, task_name, subject_key, occurrence, recipient,
                       recipient_user, subject, status, attempts, requested_by, created_at, attempted_at)
                VALUES (:kind, :proposal, :task, :taskName, :subjectKey, :occurrence, :recipient, :user, :subject,
                       :status, 1, :requestedBy, :now, :now)""")
                .param("kind", reminder.kind().name()).param("proposal", reminder.proposalNumber())
                .param("task", reminder.taskId()).param("taskName", reminder.taskName())
                .param("subjectKey", reminder.subjectKey()).param("occurrence", reminder.occurrence())
                .param("recipient", recipient.email()).param("user", recipient.userId()).param("subject", subject)
                .param("status", MailStatus.PENDING.name()).param("requestedBy", reminder.requestedBy())
                .param("now", now)
                .update(key, "id");
        return Optional.of(key.getKey().longValue());
    }

    public void markSent(long id) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("UPDATE pd_mail SET status = ?, error = NULL, sent_at = ? WHERE id = ?")
                .params(MailStatus.SENT.name(), Timestamp.valueOf(LocalDateTime.now()), id).update());
    }

    public void markFailed(long id, String error) {
        String text = error == null ? "" : error;
        String truncated = text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
        ownTransaction.executeWithoutResult(status -> jdbc.sql("UPDATE pd_mail SET status = ?, error = ? WHERE id = ?")
                .params(MailStatus.FAILED.name(), truncated, id).update());
    }

    /** The newest mails first, at most {@link #LIMIT}; every filter is optional. */
    public List<RecordedMail> search(String proposalNumber, MailKind kind, MailStatus status) {
        StringBuilder sql = new StringBuilder("SELECT * FROM pd_mail WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (proposalNumber != null && !proposalNumber.isBlank()) {
            sql.append(" AND proposal_number = ?");
            params.add(proposalNumber.strip());
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            params.add(kind.name());
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST ").append(LIMIT).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query(RecordedMail.class).list();
    }

    private record Existing(long id, MailStatus status) {
    }
}
