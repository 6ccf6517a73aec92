package com.proposaldesk.reminder;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a {@link Reminder} to each of its recipients, one mail per person, and records every mail in the outbox.
 *
 * <p>Guarantee: each (kind, task or proposal, occurrence, recipient) is mailed once, however often and on however many
 * nodes {@link #send} runs for it: a mail recorded as SENT is skipped, and two senders of the same mail at the same time
 * are serialised on its outbox row (see {@link MailOutbox#sendOnce}). A failed send is recorded as FAILED with the error
 * and thrown as {@link ReminderNotSentException}, so that the engine's job is retried; recipients reached before the
 * failure stay SENT and are skipped on the retry. The one exception: a node that dies between the SMTP server accepting
 * a mail and the SENT record being committed leaves the mail unsent on record, and the retry mails that one recipient
 * again, with the same Message-ID.
 */
@Service
public class ReminderMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderMailer.class);

    private final JavaMailSender sender;
    private final SmtpConnections connections;
    private final RecipientResolver recipients;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final ReminderMetrics metrics;

    public ReminderMailer(JavaMailSender sender, SmtpConnections connections, RecipientResolver recipients,
            MailComposer composer, MailOutbox outbox, MailSettings settings, ReminderMetrics metrics) {
        this.sender = sender;
        this.connections = connections;
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** What happened for one recipient. */
    public record Delivery(String userId, String email, boolean sentNow) {
    }

    /**
     * Mails the reminder to every recipient who has not had it yet.
     *
     * @return one entry per resolved recipient: sent now, or sent before and skipped
     * @throws ReminderNotSentException when the SMTP server fails; the mail is recorded FAILED
     */
    public List<Delivery> send(Reminder reminder) {
        List<Recipient> resolved = recipients.resolve(reminder.recipients());
        if (resolved.isEmpty()) {
            LOG.warn("{} mail for {} has no recipient with an e-mail address among {}", reminder.kind(),
                    reminder.subjectKey(), reminder.recipients());
            return List.of();
        }
        MailComposer.Letter letter = composer.prepare(reminder);
        List<Delivery> deliveries = new ArrayList<>();
        for (Recipient recipient : resolved) {
            MailComposer.ComposedMail mail = composer.render(letter, recipient);
            MailOutbox.Entry entry = outbox.record(reminder, recipient, mail.subject());
            MailOutbox.Attempt attempt = outbox.sendOnce(entry.id(), mail.subject(),
                    () -> connections.send(message(mail, recipient, entry)));
            if (attempt.failed()) {
                metrics.failed(reminder.kind());
                throw new ReminderNotSentException(recipient.email(), attempt.failure());
            }
            if (attempt.sentNow()) {
                metrics.sent(reminder.kind());
            }
            if (!attempt.sentNow()) {
                LOG.debug("{} mail {}/{} already sent to {}", reminder.kind(), reminder.subjectKey(),
                        reminder.occurrence(), recipient.email());
            }
            deliveries.add(new Delivery(recipient.userId(), recipient.email(), attempt.sentNow()));
        }
        return deliveries;
    }

    private MimeMessage message(MailComposer.ComposedMail mail, Recipient recipient, MailOutbox.Entry entry)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        // the same mail sent again (see the class comment) carries the same id, so that mail clients can tell
        message.setHeader("Message-ID", messageId(entry));
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.mail().from());
        helper.setTo(new InternetAddress(recipient.email(), recipient.name(), "UTF-8"));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }

    /** {@code <pd-mail.<row id>.<recorded at, ms>@<sender's domain>>}: unique per mail, stable across its attempts. */
    String messageId(MailOutbox.Entry entry) {
        String from = settings.mail().from();
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<pd-mail." + entry.id() + "." + entry.createdAt().getTime() + "@" + (domain.isEmpty() ? "proposal-desk" : domain) + ">";
    }
}
