package com.proposaldesk.reminder;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

import com.proposaldesk.calendar.CalendarProperties;

/**
 * The record of every mail ({@code pd_mail}). Each write commits in a transaction of its own: a mail that has left
 * cannot be called back, so its record must not vanish when the caller's transaction (the engine's job) rolls back.
 */
@Repository
public class MailOutbox {

    /** The outbox page shows this many of the newest mails. */
    static final int LIMIT = 500;
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final int MAX_BODY_LENGTH = 100_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final ZoneId zone;

    public MailOutbox(JdbcClient jdbc, PlatformTransactionManager transactions, CalendarProperties calendar) {
        this.zone = calendar.zone();
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What one attempt to send a recorded mail came to: sent now, sent before (and skipped), or failed with an error. */
    public record Attempt(boolean sentNow, Exception failure) {

        static final Attempt SENT_NOW = new Attempt(true, null);
        static final Attempt SENT_BEFORE = new Attempt(false, null);

        public boolean failed() {
            return failure != null;
        }
    }

    /** The SMTP conversation for one mail; whatever it throws is recorded as the mail's error. */
    @FunctionalInterface
    public interface Transmission {
        void send() throws Exception;
    }

    /**
     * Sends the mail unless it has been sent (one row per kind, task or proposal, occurrence and recipient), and records
     * it with its outcome, in a transaction of its own that commits once the outcome is known.
     * <p>
     * A new mail's row is inserted as sent, then the mail is sent, and a failure turns the row FAILED before the commit:
     * nobody sees the row before its outcome, and the insert holds the mail's unique key meanwhile. A second sender of
     * the same mail at the same time (another node that took over the job when its lock expired while this one was
     * still sending, or the same reminder fired twice) waits on that key, then finds the row and sends only if it is not
     * SENT. Only a crash between the SMTP server accepting the mail and the commit leaves no record of it, so that the
     * next attempt mails it once more, with the same Message-ID.
     *
     * @param errorReference the reference of the log line that reports a failure; the row's reason names it
     * @return a failed attempt, its reason and error recorded on the row, when the transmission threw
     */
    public Attempt send(Reminder reminder, Recipient recipient, MailComposer.ComposedMail mail, String errorReference,
            Transmission transmission) {
        try {
            return ownTransaction.execute(
                    status -> attempt(insertSent(reminder, recipient, mail), mail, errorReference, transmission, true));
        } catch (DuplicateKeyException recordedBefore) {
            long id = ownTransaction.execute(status -> find(reminder, recipient)).orElseThrow(
                    () -> new IllegalStateException("Mail " + reminder.kind() + " " + reminder.subjectKey() + "/"
                            + reminder.occurrence() + " to " + recipient.email() + " is being recorded elsewhere"));
            return sendOnce(id, mail, errorReference, transmission);
        }
    }

    /**
     * Sends a recorded mail unless it has been sent, and records the outcome, with its row locked from the check until
     * the outcome is committed.
     */
    private Attempt sendOnce(long id, MailComposer.ComposedMail mail, String errorReference, Transmission transmission) {
        return ownTransaction.execute(status -> {
            String current = jdbc.sql("SELECT status FROM pd_mail WHERE id = ? FOR UPDATE").param(id).query(String.class).single();
            if (MailStatus.SENT.name().equals(current)) {
                return Attempt.SENT_BEFORE;
            }
            return attempt(id, mail, errorReference, transmission, false);
        });
    }

    /**
     * Sends the mail and records the outcome on its row; {@code inserted}: the row was inserted for this attempt, as
     * sent ({@link #insertSent}), and needs changing only when the attempt fails.
     */
    private Attempt attempt(long id, MailComposer.ComposedMail mail, String errorReference, Transmission transmission,
            boolean inserted) {
        Timestamp attemptedAt = Timestamp.valueOf(LocalDateTime.now(zone));
        try {
            transmission.send();
        } catch (Exception e) {
            jdbc.sql("""
                    UPDATE pd_mail SET status = ?, reason = ?, error = ?, subject = ?, body = ?, attempts = attempts + ?,
                           attempted_at = ?, sent_at = NULL
                    WHERE id = ?""")
                    .params(MailStatus.FAILED.name(), ReminderNotSentException.reason(e, errorReference),
                            truncate(ReminderNotSentException.detail(e), MAX_ERROR_LENGTH), mail.subject(),
                            truncate(mail.text(), MAX_BODY_LENGTH), inserted ? 0 : 1, attemptedAt, id)
                    .update();
            return new Attempt(false, e);
        }
        if (!inserted) {
            jdbc.sql("""
                    UPDATE pd_mail SET status = ?, reason = NULL, error = NULL, subject = ?, body = ?, attempts = attempts + 1,
                           attempted_at = ?, sent_at = ?
                    WHERE id = ?""")
                    .params(MailStatus.SENT.name(), mail.subject(), truncate(mail.text(), MAX_BODY_LENGTH), attemptedAt,
                            Timestamp.valueOf(LocalDateTime.now(zone)), id).update();
        }
        return Attempt.SENT_NOW;
    }

    /** The row id of this mail, if it has been recorded. */
    private Optional<Long> find(Reminder reminder, Recipient recipient) {
        return jdbc.sql("""
                SELECT id FROM pd_mail WHERE kind = ? AND subject_key = ? AND occurrence = ? AND recipient = ?""")
                .params(reminder.kind().name(), reminder.subjectKey(), reminder.occurrence(), recipient.email())
                .query(Long.class).optional();
    }

    /**
     * The row of a mail about to be sent, as it will stand once the SMTP server has accepted the mail (attempted and
     * sent now, one attempt); {@link #attempt} turns it FAILED otherwise, before anyone can see it.
     */
    private long insertSent(Reminder reminder, Recipient recipient, MailComposer.ComposedMail mail) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(zone));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pd_mail (kind, proposal_number, task_id, task_name, subject_key, occurrence, recipient,
                       recipient_user, subject, body, status, attempts, requested_by, created_at, attempted_at, sent_at)
                VALUES (:kind, :proposal, :task, :taskName, :subjectKey, :occurrence, :recipient, :user, :subject,
                       :body, :status, 1, :requestedBy, :now, :now, :now)""")
                .param("kind", reminder.kind().name()).param("proposal", reminder.proposalNumber())
                .param("task", reminder.taskId()).param("taskName", reminder.taskName())
                .param("subjectKey", reminder.subjectKey()).param("occurrence", reminder.occurrence())
                .param("recipient", recipient.email()).param("user", recipient.userId()).param("subject", mail.subject())
                .param("body", truncate(mail.text(), MAX_BODY_LENGTH))
                .param("status", MailStatus.SENT.name()).param("requestedBy", reminder.requestedBy())
                .param("now", now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static String truncate(String value, int maxLength) {
        String text = value == null ? "" : value;
        return text.length() > maxLength ? text.substring(0, maxLength) : text;
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
}
