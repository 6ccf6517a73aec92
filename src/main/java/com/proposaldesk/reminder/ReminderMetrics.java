package com.proposaldesk.reminder;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code proposaldesk.reminders.sent} and {@code proposaldesk.reminders.failed}, tagged by {@code kind} (the mail kind's
 * template name: reminder-before, due-today, overdue, escalation, urge, digest): one per mail, per recipient. A mail
 * skipped because it went out before counts in neither.
 */
@Component
public class ReminderMetrics {

    static final String SENT = "proposaldesk.reminders.sent";
    static final String FAILED = "proposaldesk.reminders.failed";

    private final MeterRegistry registry;

    public ReminderMetrics(MeterRegistry registry) {
        this.registry = registry;
        // every kind from the start, so that a dashboard shows 0 rather than nothing
        for (MailKind kind : MailKind.values()) {
            counter(SENT, kind);
            counter(FAILED, kind);
        }
    }

    void sent(MailKind kind) {
        counter(SENT, kind).increment();
    }

    void failed(MailKind kind) {
        counter(FAILED, kind).increment();
    }

    private Counter counter(String name, MailKind kind) {
        return Counter.builder(name).tag("kind", kind.templateName())
                .description(SENT.equals(name) ? "Mails sent, one per recipient" : "Mails the SMTP server refused or did not take")
                .register(registry);
    }
}
