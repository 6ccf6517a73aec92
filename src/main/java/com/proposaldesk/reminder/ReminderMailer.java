package com.proposaldesk.reminder;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import com.proposaldesk.web.ErrorReference;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a {@link Reminder} to each of its recipients, one mail per person, and records every mail in the outbox.
 *
 * <p>Guarantee: each (kind, task or proposal, occurrence, recipient) is mailed once, however often and on however many
 * nodes {@link #send} runs for it: a mail recorded as SENT is skipped, and two senders of the same mail at the same time
 * are serialised on its outbox row (see {@link MailOutbox#sendOnce}). Every recipient's row is recorded before the first
 * mail is sent. A recipient the SMTP server refuses does not keep the others from their mails; when the server itself
 * fails (unreachable, refusing the login), the recipients not yet tried are recorded FAILED with the same reason instead
 * of each waiting for the same timeout. Any failure is logged in one WARN line with an error reference and thrown as
 * {@link ReminderNotSentException}, so that the engine's job is retried; recipients reached stay SENT and are skipped on
 * the retry. The one exception: a node that dies between the SMTP server accepting a mail and the SENT record being
 * committed leaves the mail unsent on record, and the retry mails that one recipient again, with the same Message-ID.
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

    private record Outgoing(Recipient recipient, MailComposer.ComposedMail mail, MailOutbox.Entry entry) {
    }

    /**
     * Mails the reminder to every recipient who has not had it yet.
     *
     * @return one entry per resolved recipient: sent now, or sent before and skipped
     * @throws ReminderNotSentException when the SMTP server fails or refuses a recipient, after every other recipient
     *                                  has been tried; each failed mail is recorded FAILED
     */
    public List<Delivery> send(Reminder reminder) {
        List<Recipient> resolved = recipients.resolve(reminder.recipients());
        if (resolved.isEmpty()) {
            LOG.warn("{} mail for {} has no recipient with an e-mail address among {}", reminder.kind(),
                    reminder.subjectKey(), reminder.recipients());
            return List.of();
        }
        return send(reminder, resolved, Map.of());
    }

    /**
     * Mails the reminder to recipients who are not the engine's users (members), with the same guarantees as
     * {@link #send(Reminder)}; {@code variables} are added to what the templates show (e.g. a member's link).
     */
    public List<Delivery> send(Reminder reminder, List<Recipient> resolved, Map<String, Object> variables) {
        MailComposer.Letter letter = composer.prepare(reminder);
        letter.variables().putAll(variables);
        List<Outgoing> outgoing = new ArrayList<>();
        for (Recipient recipient : resolved) {
            MailComposer.ComposedMail mail = composer.render(letter, recipient);
            outgoing.add(new Outgoing(recipient, mail, outbox.record(reminder, recipient, mail)));
        }
        String errorReference = ErrorReference.next();
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, Exception> failures = new LinkedHashMap<>();
        Exception serverFailure = null;
        for (Outgoing out : outgoing) {
            Exception notTried = serverFailure;
            MailOutbox.Attempt attempt = outbox.sendOnce(out.entry().id(), out.mail(), errorReference, notTried != null
                    ? () -> {
                        throw notTried;
                    }
                    : () -> connections.send(message(out.mail(), out.recipient(), out.entry())));
            if (attempt.failed()) {
                metrics.failed(reminder.kind());
                failures.put(out.recipient().email(), attempt.failure());
                if (serverFailure == null && !isAboutThisMail(attempt.failure())) {
                    serverFailure = attempt.failure();
                }
                continue;
            }
            if (attempt.sentNow()) {
                metrics.sent(reminder.kind());
            }
            if (!attempt.sentNow()) {
                LOG.debug("{} mail {}/{} already sent to {}", reminder.kind(), reminder.subjectKey(),
                        reminder.occurrence(), out.recipient().email());
            }
            deliveries.add(new Delivery(out.recipient().userId(), out.recipient().email(), attempt.sentNow()));
        }
        if (!failures.isEmpty()) {
            LOG.warn("{} mail {}/{} not sent to {} of {} recipients, error reference {}: {}", reminder.kind(),
                    reminder.subjectKey(), reminder.occurrence(), failures.size(), outgoing.size(), errorReference,
                    failures.entrySet().stream().collect(Collectors.groupingBy(
                            failure -> ReminderNotSentException.serverWords(failure.getValue()), LinkedHashMap::new,
                            Collectors.mapping(Map.Entry::getKey, Collectors.joining(", "))))
                            .entrySet().stream().map(group -> group.getValue() + ": " + group.getKey())
                            .collect(Collectors.joining("; ")));
            throw new ReminderNotSentException(failures, errorReference);
        }
        return deliveries;
    }

    /**
     * A refusal of this mail or its recipient, over a connection that works: the next recipient may well be accepted.
     * Anything else (no connection, no login, a timeout) would fail the same way for every recipient.
     */
    private static boolean isAboutThisMail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SendFailedException || t instanceof AddressException) {
                return true;
            }
        }
        return false;
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
