package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

/** Every mail sent or refused counts once in the reminder meters, by kind; a mail skipped as sent before counts in neither. */
class ReminderMetricsTest extends MailTestSupport {

    private static final String NUMBER = "20230601";

    @Autowired
    ReminderMailer mailer;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void people() {
        proposal(NUMBER, "关于规范校外培训收费的提案");
        user("meter-li", "李小红", "meter.li@bureau.example.cn", "meter-food");
        user("meter-zhao", "赵思远", "meter.zhao@bureau.example.cn", "meter-food");
    }

    @Test
    void sentMailsCountPerRecipientAndFailuresApart() {
        double sentBefore = count(ReminderMetrics.SENT, "reminder-before");
        double urgesBefore = count(ReminderMetrics.SENT, "urge");

        mailer.send(reminder("task-meter-1", "meter-food"));
        mailer.send(reminder("task-meter-1", "meter-food"));

        assertThat(count(ReminderMetrics.SENT, "reminder-before") - sentBefore).as("two recipients, once each").isEqualTo(2);
        assertThat(count(ReminderMetrics.SENT, "urge")).isEqualTo(urgesBefore);

        double failedBefore = count(ReminderMetrics.FAILED, "reminder-before");
        smtp.stop();
        assertThatThrownBy(() -> mailer.send(reminder("task-meter-2", "meter-li"))).isInstanceOf(ReminderNotSentException.class);

        assertThat(count(ReminderMetrics.FAILED, "reminder-before") - failedBefore).isEqualTo(1);
        assertThat(count(ReminderMetrics.SENT, "reminder-before") - sentBefore).isEqualTo(2);
    }

    private static Reminder reminder(String taskId, String recipient) {
        return new Reminder(MailKind.REMINDER_BEFORE, NUMBER, taskId, "签收", LocalDate.of(2023, 6, 12), 5, "2023-06-12/5",
                List.of(recipient));
    }

    private double count(String name, String kind) {
        return meters.get(name).tag("kind", kind).counter().count();
    }
}
