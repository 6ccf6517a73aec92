package com.proposaldesk.reminder;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * are serialised on its outbox row (see {@link MailOutbox#send}). Each recipient's row is recorded with the outcome of
 * their mail. A recipient the SMTP server refuses does not keep the others from their mails; when the server itself
 * fails (unreachable, refusing the login), the recipients not yet tried are recorded FAILED with the same reason instead
 * of each waiting for the same timeout. Any failure is logged in one WARN line with an error reference and thrown as
 * {@link ReminderNotSentException}, so that the engine's job is retried; recipients reached stay SENT and are skipped on
 * the retry. The one exception: a node that dies between the SMTP server accepting a mail and the SENT record being
 * committed leaves the mail without a record, and the retry mails that one recipient again, with the same Message-ID.
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
    /** The domain of the Message-IDs: the sender's, as far as it is valid there. */
    private final String messageIdDomain;

    public ReminderMailer(JavaMailSender sender, SmtpConnections connections, RecipientResolver recipients,
            MailComposer composer, MailOutbox outbox, MailSettings settings, ReminderMetrics metrics) {
        this.sender = sender;
        this.connections = connections;
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.settings = settings;
        this.metrics = metrics;
        String from = settings.mail().from();
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        this.messageIdDomain = domain.isEmpty() ? "proposal-desk" : domain;
    }

    /** What happened for one recipient. */
    public record Delivery(String userId, String email, boolean sentNow) {
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
        String errorReference = ErrorReference.next();
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, Exception> failures = new LinkedHashMap<>();
        Exception serverFailure = null;
        for (Recipient recipient : resolved) {
            MailComposer.ComposedMail mail = composer.render(letter, recipient);
            Exception notTried = serverFailure;
            MailOutbox.Attempt attempt = outbox.send(reminder, recipient, mail, errorReference, notTried != null
                    ? () -> {
                        throw notTried;
                    }
                    : () -> connections.send(message(mail, recipient, messageId(reminder, recipient))));
            if (attempt.failed()) {
                metrics.failed(reminder.kind());
                failures.put(recipient.email(), attempt.failure());
                if (serverFailure == null && !isAboutThisMail(attempt.failure())) {
                    serverFailure = attempt.failure();
                }
                continue;
            }
            if (attempt.sentNow()) {
                metrics.sent(reminder.kind());
            } else {
                LOG.debug("{} mail {}/{} already sent to {}", reminder.kind(), reminder.subjectKey(),
                        reminder.occurrence(), recipient.email());
            }
            deliveries.add(new Delivery(recipient.userId(), recipient.email(), attempt.sentNow()));
        }
        if (!failures.isEmpty()) {
            LOG.warn("{} mail {}/{} not sent to {} of {} recipients, error reference {}: {}", reminder.kind(),
                    reminder.subjectKey(), reminder.occurrence(), failures.size(), resolved.size(), errorReference,
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

    private MimeMessage message(MailComposer.ComposedMail mail, Recipient recipient, String messageId)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        // the same mail sent again (see the class comment) carries the same id, so that mail clients can tell
        message.setHeader("Message-ID", messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.mail().from());
        helper.setTo(new InternetAddress(recipient.email(), recipient.name(), "UTF-8"));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }

    /**
     * {@code <pd-mail.<key>@<sender's domain>>}, the key a digest of the mail's once-only key (kind, task or proposal,
     * occurrence, recipient): unique per mail, and the same for every attempt to send it.
     */
    String messageId(Reminder reminder, Recipient recipient) {
        return messageId(reminder.kind().name(), reminder.subjectKey(), reminder.occurrence(), recipient.email(),
                messageIdDomain);
    }

    /** The Message-ID of the mail recorded with this once-only key, e.g. to find a received mail's row. */
    public static String messageId(String kind, String subjectKey, String occurrence, String recipient, String domain) {
        String key = String.join("\n", kind, subjectKey, occurrence, recipient);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        return "<pd-mail." + HexFormat.of().formatHex(digest, 0, 16) + "@" + domain + ">";
    }
}
