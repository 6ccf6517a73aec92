package com.proposaldesk.support;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.proposaldesk.reminder.ReminderMailer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Which outbox row a mail received by the SMTP server is: its Message-ID is made from the row's once-only key. */
public final class OutboxMessages {

    private static final Pattern DOMAIN = Pattern.compile("^<pd-mail\\.[0-9a-f]{32}@([^>]+)>$");

    private OutboxMessages() {
    }

    /** The outbox row id of every received mail that has one, by Message-ID; a mail without a row is left out. */
    public static Map<String, Long> rowIds(JdbcClient db, MimeMessage... received) throws MessagingException {
        Map<String, Long> ids = new HashMap<>();
        String domain = null;
        for (MimeMessage message : received) {
            Matcher matcher = DOMAIN.matcher(String.valueOf(message.getMessageID()));
            if (matcher.matches()) {
                domain = matcher.group(1);
                break;
            }
        }
        if (domain == null) {
            return ids;
        }
        String from = domain;
        db.sql("SELECT id, kind, subject_key, occurrence, recipient FROM pd_mail").query((rs, row) -> {
            ids.put(ReminderMailer.messageId(rs.getString("kind"), rs.getString("subject_key"), rs.getString("occurrence"),
                    rs.getString("recipient"), from), rs.getLong("id"));
            return null;
        }).list();
        return ids;
    }

    /** The outbox row of the received mail; fails when it has none. */
    public static long rowId(Map<String, Long> rowIds, MimeMessage message) throws MessagingException {
        Long id = rowIds.get(message.getMessageID());
        if (id == null) {
            throw new AssertionError("No outbox row for the mail " + message.getMessageID());
        }
        return id;
    }
}
