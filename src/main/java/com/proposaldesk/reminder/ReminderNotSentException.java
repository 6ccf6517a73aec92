package com.proposaldesk.reminder;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

/**
 * The SMTP server refused or could not be reached. Thrown out of the engine's job so that it fails, is retried on
 * its retry cycle and ends in an incident; the message, in Chinese, is what Cockpit and the office's 催办 show, with the
 * reference of the log line. The mail library's own (English) words stay in the log and in the outbox record, for the
 * administrator.
 */
public class ReminderNotSentException extends RuntimeException {

    /**
     * @param failures each recipient not reached and why, in the order they were tried
     * @param errorReference the reference of the log line that reports these failures
     */
    public ReminderNotSentException(Map<String, ? extends Throwable> failures, String errorReference) {
        super(message(failures, errorReference), failures.values().iterator().next());
    }

    private static String message(Map<String, ? extends Throwable> failures, String errorReference) {
        Map<String, List<String>> recipientsByReason = failures.entrySet().stream().collect(Collectors.groupingBy(
                failure -> reason(failure.getValue()), LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        String reference = "（错误编号 " + errorReference + "）";
        if (recipientsByReason.size() == 1) {
            Map.Entry<String, List<String>> only = recipientsByReason.entrySet().iterator().next();
            return "邮件发送失败（收件人 " + String.join("、", only.getValue()) + "）：" + only.getKey() + reference;
        }
        return "邮件发送失败：" + recipientsByReason.entrySet().stream()
                .map(group -> "收件人 " + String.join("、", group.getValue()) + " " + group.getKey())
                .collect(Collectors.joining("；")) + reference;
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

    /** For everyone who reads the outbox: the reason and where the administrator finds it in the log. */
    static String reason(Throwable error, String errorReference) {
        return reason(error) + "（错误编号 " + errorReference + "）";
    }

    /** For the administrator's eyes in the outbox record: the reason, then the mail library's words. */
    static String detail(Throwable error) {
        return reason(error) + "（" + serverWords(error) + "）";
    }

    /** The mail library's and the SMTP server's own words, e.g. {@code 550 5.1.1 <x@y>: mailbox unavailable}. */
    static String serverWords(Throwable error) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // an SMTP reply ends with a line break, a multi-line one has several: one line for the log and the outbox
            String words = t.getMessage() == null ? null : t.getMessage().strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
            if (words != null && !words.isEmpty() && message.indexOf(words) < 0) {
                if (!message.isEmpty()) {
                    message.append(" / ");
                }
                message.append(words);
            }
        }
        return message.isEmpty() ? error.getClass().getSimpleName() : message.toString();
    }
}
