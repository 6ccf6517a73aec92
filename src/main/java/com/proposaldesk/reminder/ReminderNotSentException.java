package com.proposaldesk.reminder;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

/**
 * The SMTP server refused or could not be reached. Thrown out of the engine's job so that it fails, is retried on
 * its retry cycle and ends in an incident; the message, in Chinese, is what Cockpit and the office's 催办 show. The mail
 * library's own (English) words stay in the log and in the outbox record, for the administrator.
 */
public class ReminderNotSentException extends RuntimeException {

    public ReminderNotSentException(String recipient, Throwable cause) {
        super("邮件发送失败（收件人 " + recipient + "）：" + reason(cause), cause);
    }

    /** What went wrong, in the words of a bureau's staff. */
    static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return "邮件服务器拒绝登录，请管理员核对邮件账号和密码";
            }
            if (t instanceof AddressException || t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return "邮件服务器拒收收件人地址，请核对该用户的邮箱";
            }
            if (t instanceof SendFailedException) {
                return "邮件服务器拒收该邮件";
            }
            if (t instanceof SocketTimeoutException) {
                return "邮件服务器响应超时";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return "无法连接邮件服务器";
            }
        }
        return "邮件服务器返回错误";
    }

    /** For the outbox record: the reason, then the mail library's words. */
    static String detail(Throwable error) {
        return reason(error) + "（" + rootMessage(error) + "）";
    }

    private static String rootMessage(Throwable error) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && message.indexOf(t.getMessage()) < 0) {
                if (!message.isEmpty()) {
                    message.append(" / ");
                }
                message.append(t.getMessage());
            }
        }
        return message.isEmpty() ? error.getClass().getSimpleName() : message.toString();
    }
}
