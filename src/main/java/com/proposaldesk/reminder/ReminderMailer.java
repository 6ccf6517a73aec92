package com.proposaldesk.reminder;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a {@link Reminder} to each of its recipients, one mail per person, and records every mail in the outbox.
 *
 * <p>Guarantee: in normal operation each (kind, task or proposal, occurrence, recipient) is mailed once, however often
 * {@link #send} is called for it: a mail recorded as SENT is skipped. A failed send is recorded as FAILED with the
 * error and thrown as {@link ReminderNotSentException}, so that the engine's job is retried; recipients reached before
 * the failure stay SENT and are skipped on the retry. A crash between the SMTP server accepting a mail and the SENT
 * record being committed leaves the row PENDING, and the retry mails that one recipient again.
 */
@Service
public class ReminderMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderMailer.class);

    private final JavaMailSender sender;
    private final RecipientResolver recipients;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final MailSettings settings;

    public ReminderMailer(JavaMailSender sender, RecipientResolver recipients, MailComposer composer, MailOutbox outbox,
            MailSettings settings) {
        this.sender = sender;
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.settings = settings;
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
            Optional<Long> row = outbox.beginAttempt(reminder, recipient, mail.subject());
            if (row.isEmpty()) {
                LOG.debug("{} mail {}/{} already sent to {}", reminder.kind(), reminder.subjectKey(),
                        reminder.occurrence(), recipient.email());
                deliveries.add(new Delivery(recipient.userId(), recipient.email(), false));
                continue;
            }
            try {
                sender.send(message(mail, recipient));
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                outbox.markFailed(row.get(), ReminderNotSentException.rootMessage(e));
                throw new ReminderNotSentException(recipient.email(), e);
            }
            outbox.markSent(row.get());
            deliveries.add(new Delivery(recipient.userId(), recipient.email(), true));
        }
        return deliveries;
    }

    private MimeMessage message(MailComposer.ComposedMail mail, Recipient recipient)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.mail().from());
        helper.setTo(new InternetAddress(recipient.email(), recipient.name(), "UTF-8"));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }
}
