package com.proposaldesk.reminder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Without {@code spring.mail.host} (nor a JNDI session) the application brings its own SMTP server, so that a first run
 * sends its reminders and urges at once: GreenMail, listening on 127.0.0.1 only, on
 * {@code proposal-desk.mail.embedded-port}. It keeps the mails in memory until shutdown; the office reads them, subject
 * and body, on the outbox page. A configured mail host (every production setup) never starts it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailServer.NoMailServerConfigured.class)
@EnableConfigurationProperties(MailProperties.class)
class EmbeddedMailServer {

    static final String ADDRESS = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail embeddedSmtpServer(MailSettings settings) {
        int port = settings.mail().embeddedPort();
        GreenMail server = port == 0 || isFree(port) ? started(port) : null;
        if (server == null && port != 0) {
            // another instance on this machine has it: the port matters to no one, the mails are read on the outbox page
            LOG.warn("{}:{} is taken: the embedded SMTP server listens on a free port instead", ADDRESS, port);
            server = started(0);
        }
        if (server == null) {
            throw new IllegalStateException("The embedded SMTP server cannot listen on " + ADDRESS
                    + ": set spring.mail.host to a mail server");
        }
        LOG.info("No spring.mail.host set: mails go to the embedded SMTP server on {}:{}, kept in memory until shutdown; "
                + "read them in /mails.html", ADDRESS, server.getSmtp().getPort());
        return server;
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(ADDRESS))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static GreenMail started(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, ADDRESS, ServerSetup.PROTOCOL_SMTP));
        try {
            server.start();
            return server;
        } catch (IllegalStateException e) {
            server.stop();
            return null;
        }
    }

    /** As Spring Boot's own sender would be, with its {@code spring.mail.*} settings, but sending to the embedded server. */
    @Bean
    JavaMailSenderImpl mailSender(MailProperties properties, GreenMail embeddedSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(ADDRESS);
        sender.setPort(embeddedSmtpServer.getSmtp().getPort());
        sender.setProtocol(ServerSetup.PROTOCOL_SMTP);
        if (properties.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(properties.getDefaultEncoding().name());
        }
        sender.getJavaMailProperties().putAll(properties.getProperties());
        return sender;
    }

    /** Neither a host nor a JNDI session: the conditions under which Spring Boot makes no mail sender of its own. */
    static final class NoMailServerConfigured extends NoneNestedConditions {

        NoMailServerConfigured() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(prefix = "spring.mail", name = "host")
        static final class Host {
        }

        @ConditionalOnProperty(prefix = "spring.mail", name = "jndi-name")
        static final class JndiSession {
        }
    }
}
