package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.util.TestSocketUtils;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Mails over kept SMTP connections, to a real SMTP server (GreenMail) that the tests stop and start. */
class SmtpConnectionsTest {

    private final int port = TestSocketUtils.findAvailableTcpPort();
    private final JavaMailSenderImpl server = new JavaMailSenderImpl();
    private GreenMail smtp = started();
    private SmtpConnections connections;

    @AfterEach
    void stop() {
        if (connections != null) {
            connections.destroy();
        }
        smtp.stop();
    }

    @Test
    void aBurstOfMailsSharesOneConnection() throws Exception {
        connections = connections(20);

        for (int i = 1; i <= 5; i++) {
            connections.send(mail("第 " + i + " 封", "<pd-mail." + i + ".1@bureau.example.cn>"));
        }

        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly("<pd-mail.1.1@bureau.example.cn>", "<pd-mail.2.1@bureau.example.cn>",
                        "<pd-mail.3.1@bureau.example.cn>", "<pd-mail.4.1@bureau.example.cn>", "<pd-mail.5.1@bureau.example.cn>");
        assertThat(connections.opened()).isEqualTo(1);
    }

    @Test
    void aConnectionCarriesAtMostItsNumberOfMails() throws Exception {
        connections = connections(2);

        for (int i = 1; i <= 5; i++) {
            connections.send(mail("第 " + i + " 封", null));
        }

        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(connections.opened()).isEqualTo(3);
    }

    @Test
    void aServerRestartedBetweenMailsCostsOnlyANewConnection() throws Exception {
        connections = connections(20);
        connections.send(mail("重启前", null));

        smtp.stop();
        assertThatThrownBy(() -> connections.send(mail("停机时", null))).isInstanceOf(MessagingException.class);
        smtp = started();
        connections.send(mail("重启后", null));

        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("重启后");
        assertThat(connections.opened()).isEqualTo(2);
    }

    private SmtpConnections connections(int mailsPerConnection) {
        server.setHost("127.0.0.1");
        server.setPort(port);
        return new SmtpConnections(server, new MailSettings("http://localhost:8080/camunda/app/tasklist/",
                new MailSettings.Mail("提案办理台 <noreply@bureau.example.cn>",
                        new MailSettings.Connections(4, mailsPerConnection, Duration.ofSeconds(30)), 0)));
    }

    private MimeMessage mail(String subject, String messageId) throws MessagingException {
        MimeMessage message = server.createMimeMessage();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom("noreply@bureau.example.cn");
        helper.setTo("wang@bureau.example.cn");
        helper.setSubject(subject);
        helper.setText("请及时办理。");
        return message;
    }

    private GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
