package com.proposaldesk.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code proposal-desk.tasklist-url} (the links in every mail point there) and {@code proposal-desk.mail.from}. The SMTP
 * server itself is Spring Boot's {@code spring.mail.*}.
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

    public record Mail(String from) {
    }

    /** The task in Tasklist, or Tasklist itself when there is no task. */
    public String taskUrl(String taskId) {
        return taskId == null ? tasklistUrl : tasklistUrl + "#/?task=" + taskId;
    }
}
