package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

/** The reason a mail was not sent, as staff read it in Cockpit and in the answer to a 催办, and as the outbox keeps it. */
class ReminderNotSentExceptionTest {

    @Test
    void eachFailureOfTheMailServerHasItsChineseReason() throws Exception {
        assertThat(reason(new MessagingException("Couldn't connect to host, port: localhost, 1025",
                new ConnectException("Connection refused")))).isEqualTo("无法连接邮件服务器");
        assertThat(reason(new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))))
                .isEqualTo("邮件服务器响应超时");
        assertThat(reason(new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid")))
                .isEqualTo("邮件服务器拒绝登录，请管理员核对邮件账号和密码");
        assertThat(reason(new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0],
                new Address[] {new InternetAddress("nobody@bureau.example.cn")})))
                .isEqualTo("邮件服务器拒收收件人地址，请核对该用户的邮箱");
        assertThat(reason(new SendFailedException("554 5.7.1 Message rejected"))).isEqualTo("邮件服务器拒收该邮件");
        assertThat(reason(new MessagingException("451 4.3.0 Try again later"))).isEqualTo("邮件服务器返回错误");
    }

    @Test
    void theMessageIsChineseAndTheOutboxKeepsTheServersWords() {
        MessagingException refused = new MessagingException("Couldn't connect to host, port: localhost, 1025",
                new ConnectException("Connection refused"));

        assertThat(new ReminderNotSentException(Map.of("li@bureau.example.cn", refused), "1a2b3c4d").getMessage())
                .isEqualTo("邮件发送失败（收件人 li@bureau.example.cn）：无法连接邮件服务器（错误编号 1a2b3c4d）");
        assertThat(ReminderNotSentException.reason(refused, "1a2b3c4d")).isEqualTo("无法连接邮件服务器（错误编号 1a2b3c4d）");
        assertThat(ReminderNotSentException.detail(refused))
                .isEqualTo("无法连接邮件服务器（Couldn't connect to host, port: localhost, 1025 / Connection refused）");
    }

    @Test
    void recipientsFailingForDifferentReasonsAreNamedWithTheirReasons() throws Exception {
        Map<String, Exception> failures = new LinkedHashMap<>();
        failures.put("gone@bureau.example.cn", new SendFailedException("Invalid Addresses", null, new Address[0],
                new Address[0], new Address[] {new InternetAddress("gone@bureau.example.cn")}));
        failures.put("li@bureau.example.cn", new SendFailedException("554 5.7.1 Message rejected"));
        failures.put("zhao@bureau.example.cn", new SendFailedException("554 5.7.1 Message rejected"));

        assertThat(new ReminderNotSentException(failures, "1a2b3c4d").getMessage()).isEqualTo("邮件发送失败："
                + "收件人 gone@bureau.example.cn 邮件服务器拒收收件人地址，请核对该用户的邮箱；"
                + "收件人 li@bureau.example.cn、zhao@bureau.example.cn 邮件服务器拒收该邮件（错误编号 1a2b3c4d）");
    }

    @Test
    void theServersWordsAreOneLine() {
        assertThat(ReminderNotSentException.serverWords(new SendFailedException("Invalid Addresses",
                new MessagingException("550-5.1.1 <gone@bureau.example.cn>: mailbox unavailable\r\n550 5.1.1 see help\n"))))
                .isEqualTo("Invalid Addresses / 550-5.1.1 <gone@bureau.example.cn>: mailbox unavailable 550 5.1.1 see help");
    }

    private static String reason(Exception failure) {
        return ReminderNotSentException.reason(failure);
    }
}
