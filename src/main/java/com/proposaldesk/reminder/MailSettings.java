package com.proposaldesk.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proposal-desk.tasklist-url} (the links in every mail point there), {@code proposal-desk.mail.from},
 * {@code proposal-desk.mail.connections.*} and {@code proposal-desk.mail.embedded-port}. The SMTP server itself is
 * Spring Boot's {@code spring.mail.*}, or the embedded one ({@link EmbeddedMailServer}) when no host is configured.
 */
@ConfigurationProperties("proposal-desk")
public record MailSettings(String tasklistUrl, Mail mail) {

    public MailSettings {
        if (tasklistUrl == null || tasklistUrl.isBlank()) {
            throw new IllegalArgumentException("proposal-desk.tasklist-url is required");
        }
        if (mail == null || mail.from() == null || mail.from().isBlank()) {
            throw new IllegalArgumentException("proposal-desk.mail.from is required");
        }
    }

    /**
     * @param connections the SMTP connections kept open for the next mail ({@link SmtpConnections})
     * @param embeddedPort where the embedded SMTP server listens on 127.0.0.1 when {@code spring.mail.host} is not set;
     *                     0 for any free port
     */
    public record Mail(String from, @DefaultValue Connections connections, @DefaultValue("3025") int embeddedPort) {

        public Mail {
            if (embeddedPort < 0 || embeddedPort > 65535) {
                throw new IllegalArgumentException("proposal-desk.mail.embedded-port must be a port number, or 0 for any free port");
            }
        }
    }

    /**
     * @param max open connections at most, one per mail sent at the same time (a job thread or a user's 催办)
     * @param mailsPerConnection mails over one connection before it is replaced: some servers (Exchange) refuse more
     * @param idleTimeout an unused connection is closed after this long, before the server drops it
     */
    public record Connections(@DefaultValue("8") int max, @DefaultValue("20") int mailsPerConnection,
            @DefaultValue("30s") Duration idleTimeout) {

        public Connections {
            if (max < 1 || mailsPerConnection < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("proposal-desk.mail.connections: max and mails-per-connection must be "
                        + "at least 1, idle-timeout positive");
            }
        }
    }

    /** The task in Tasklist, or Tasklist itself when there is no task. */
    public String taskUrl(String taskId) {
        return taskId == null ? tasklistUrl : tasklistUrl + "#/?task=" + taskId;
    }
}
