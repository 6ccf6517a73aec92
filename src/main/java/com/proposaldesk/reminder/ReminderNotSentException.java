package com.proposaldesk.reminder;

/**
 * The SMTP server refused or could not be reached. Thrown out of the engine's job so that it fails, is retried on
 * its retry cycle and ends in an incident; the message is what Cockpit shows.
 */
public class ReminderNotSentException extends RuntimeException {

    public ReminderNotSentException(String recipient, Throwable cause) {
        super("邮件发送失败（收件人 " + recipient + "）：" + rootMessage(cause), cause);
    }

    static String rootMessage(Throwable error) {
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
