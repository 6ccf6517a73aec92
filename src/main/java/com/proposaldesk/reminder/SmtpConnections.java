package com.proposaldesk.reminder;

import java.time.Duration;
import java.util.Date;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends mails over SMTP connections kept open for the next mail. Opening a connection costs the TCP handshake, the
 * server's greeting, EHLO and, where the server asks for them, STARTTLS and AUTH: more than a short mail sent over it.
 * So a burst of reminders reuses a few connections instead of opening one per mail. The server is Spring Boot's
 * {@code spring.mail.*} (host, port, user, password, properties), as {@link JavaMailSenderImpl} would use it.
 * <p>
 * A connection is checked with NOOP before each mail (a server restarted or a connection dropped since is replaced),
 * carries at most {@code mails-per-connection} mails, is closed after {@code idle-timeout} unused, and is given up after
 * any failure: the mail's job is retried as before, over a new connection.
 */
@Component
public class SmtpConnections implements DisposableBean {

    private final GenericObjectPool<Transport> pool;

    public SmtpConnections(JavaMailSenderImpl server, MailSettings settings) {
        MailSettings.Connections limits = settings.mail().connections();
        GenericObjectPoolConfig<Transport> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(limits.max());
        config.setMaxIdle(limits.max());
        config.setMinIdle(0);
        config.setTestOnBorrow(true);
        // more senders than connections at once (job threads and users' 催办): wait for one, not for ever
        config.setMaxWait(Duration.ofSeconds(30));
        config.setMinEvictableIdleDuration(limits.idleTimeout());
        config.setTimeBetweenEvictionRuns(limits.idleTimeout().dividedBy(3));
        config.setNumTestsPerEvictionRun(limits.max());
        config.setJmxEnabled(false);
        this.pool = new GenericObjectPool<>(new Factory(server, limits.mailsPerConnection()), config);
    }

    /** Sends the mail to its recipients; its Message-ID is kept. */
    public void send(MimeMessage message) throws MessagingException {
        // what JavaMailSenderImpl does before it sends: a sent date, the headers brought up to date, our Message-ID kept
        String messageId = message.getMessageID();
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Transport connection = borrow();
        try {
            connection.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            giveUp(connection);
            throw e;
        }
        pool.returnObject(connection);
    }

    /** Connections opened since the start, for the tests and the benchmark. */
    public long opened() {
        return pool.getCreatedCount();
    }

    private Transport borrow() throws MessagingException {
        try {
            return pool.borrowObject();
        } catch (MessagingException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MessagingException("No SMTP connection: " + e.getMessage(), e);
        }
    }

    private void giveUp(Transport connection) {
        try {
            pool.invalidateObject(connection);
        } catch (Exception ignored) {
            // closing a broken connection may fail too; the pool has forgotten it either way
        }
    }

    @Override
    public void destroy() {
        pool.close();
    }

    private static final class Factory extends BasePooledObjectFactory<Transport> {

        private final JavaMailSenderImpl server;
        private final int mailsPerConnection;

        Factory(JavaMailSenderImpl server, int mailsPerConnection) {
            this.server = server;
            this.mailsPerConnection = mailsPerConnection;
        }

        @Override
        public Transport create() throws MessagingException {
            // as JavaMailSenderImpl connects: an empty user name means no authentication
            String user = server.getUsername();
            String password = server.getPassword();
            if ("".equals(user)) {
                user = null;
                if ("".equals(password)) {
                    password = null;
                }
            }
            String protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
            Transport transport = server.getSession().getTransport(protocol);
            transport.connect(server.getHost(), server.getPort(), user, password);
            return transport;
        }

        @Override
        public PooledObject<Transport> wrap(Transport transport) {
            return new DefaultPooledObject<>(transport);
        }

        /** Called on borrowing: the count includes this mail; {@code isConnected} sends NOOP. */
        @Override
        public boolean validateObject(PooledObject<Transport> connection) {
            return connection.getBorrowedCount() <= mailsPerConnection && connection.getObject().isConnected();
        }

        @Override
        public void destroyObject(PooledObject<Transport> connection) throws MessagingException {
            connection.getObject().close();
        }
    }
}
