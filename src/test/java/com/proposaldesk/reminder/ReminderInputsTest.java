package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReminderInputsTest {

    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    @Test
    void textFromTheModelerIsReadAsTypedValues() {
        Map<String, Object> variables = new HashMap<>(Map.of("reminderKind", "escalation",
                "reminderRecipients", "office， leader、dept-food", "reminderDueDate", "2023-04-10",
                "reminderDaysLeft", "-6", "proposalNumber", "20230505"));

        ReminderInputs inputs = ReminderInputs.of(variables::get, BUREAU);

        assertThat(inputs.kind()).isEqualTo(MailKind.ESCALATION);
        assertThat(inputs.recipients()).containsExactly("office", "leader", "dept-food");
        assertThat(inputs.dueDate()).isEqualTo(LocalDate.of(2023, 4, 10));
        assertThat(inputs.daysLeft()).isEqualTo(-6);
        assertThat(inputs.occurrenceFor(inputs.dueDate())).isEqualTo("2023-04-10/-6");
    }

    @Test
    void aDueDateGivenAsAMomentFallsOnItsDayInTheBureausZoneWhateverTheServersZone() {
        // 06:00 in Beijing on 04-10 is still 04-09 in UTC and in Los Angeles
        Date earlyMorning = Date.from(LocalDateTime.of(2023, 4, 10, 6, 0).atZone(BUREAU).toInstant());

        ReminderInputs inputs = ReminderInputs.of(Map.<String, Object>of("reminderKind", "OVERDUE",
                "reminderDueDate", earlyMorning)::get, BUREAU);

        assertThat(inputs.dueDate()).isEqualTo(LocalDate.of(2023, 4, 10));
        assertThat(ReminderInputs.localDate(earlyMorning, BUREAU)).isEqualTo(LocalDate.of(2023, 4, 10));
    }

    @Test
    void listsAndAnExplicitOccurrenceAreTakenAsGiven() {
        Map<String, Object> variables = Map.of("reminderKind", "OVERDUE", "reminderRecipients", List.of("office", " leader "),
                "reminderDaysLeft", 2L, "reminderOccurrence", "round-2");

        ReminderInputs inputs = ReminderInputs.of(variables::get, BUREAU);

        assertThat(inputs.recipients()).containsExactly("office", "leader");
        assertThat(inputs.daysLeft()).isEqualTo(2);
        assertThat(inputs.occurrenceFor(null)).isEqualTo("round-2");
    }

    @Test
    void wrongValuesAreNamedInChinese() {
        assertThatThrownBy(() -> ReminderInputs.of(Map.<String, Object>of("reminderKind", "LETTER")::get, BUREAU))
                .hasMessageContaining("reminderKind").hasMessageContaining("无效");
        assertThatThrownBy(() -> ReminderInputs.of(Map.<String, Object>of("reminderKind", "URGE")::get, BUREAU))
                .hasMessageContaining("无效");
        assertThatThrownBy(() -> ReminderInputs.of(Map.<String, Object>of("reminderKind", "OVERDUE",
                "reminderDueDate", "10.4.2023")::get, BUREAU)).hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> ReminderInputs.of(Map.<String, Object>of("reminderKind", "OVERDUE",
                "reminderDaysLeft", "五")::get, BUREAU)).hasMessageContaining("不是整数");
    }
}
