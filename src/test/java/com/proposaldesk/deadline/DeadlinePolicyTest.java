package com.proposaldesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import com.proposaldesk.calendar.CalendarProperties;
import com.proposaldesk.calendar.CalendarResult;
import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.proposal.ProposalDeadlines;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;

/** The limits of application.yaml, plus overrides as an installation would add them, on the real calendar. */
class DeadlinePolicyTest {

    static final String OVERRIDES = """
            proposal-desk:
              deadlines:
                overrides:
                  - source: NPC
                    limits:
                      answer: {value: 2, unit: MONTHS}
                  - role: SPLIT
                    limits:
                      first-contact: {value: 10, unit: WORKING_DAYS}
                  - key: true
                    limits:
                      sign-for: {value: 1, unit: WORKING_DAYS}
                      co-handler-opinion: {value: 20, unit: DAYS}
                  - key: true
                    role: CO_HANDLING
                    limits:
                      co-handler-opinion: {value: 15, unit: WORKING_DAYS}
            """;

    static final LocalDate MONDAY_BEFORE_NATIONAL_DAY = LocalDate.of(2023, 9, 25);

    final WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(null, ZoneId.of("Asia/Shanghai")));
    final DeadlinePolicy defaults = new DeadlinePolicy(properties(""), calendar);
    final DeadlinePolicy configured = new DeadlinePolicy(properties(OVERRIDES), calendar);

    @Test
    void aSoleLeadOrSplitProposalGetsTheDefaultLimits() {
        for (ProposalRole role : List.of(ProposalRole.SOLE, ProposalRole.LEAD, ProposalRole.SPLIT)) {
            ProposalDeadlines deadlines = defaults.onAssignment(cppcc(role, false), MONDAY_BEFORE_NATIONAL_DAY);

            assertThat(deadlines).as(role.name()).isEqualTo(new ProposalDeadlines(
                    LocalDate.of(2023, 9, 28),   // 3 working days
                    LocalDate.of(2023, 10, 8),   // 5 working days: the make-up Sunday
                    LocalDate.of(2023, 10, 20),  // 15 working days
                    LocalDate.of(2023, 10, 25),  // 1 month
                    LocalDate.of(2023, 12, 25),  // 3 months
                    LocalDate.of(2024, 3, 25),   // 6 months
                    List.of()));
        }
    }

    @Test
    void aCoHandlerAnswersWithItsOpinionLetterAndDoesNotContactTheMember() {
        ProposalDeadlines deadlines = defaults.onAssignment(cppcc(ProposalRole.CO_HANDLING, false), MONDAY_BEFORE_NATIONAL_DAY);

        assertThat(deadlines.answerDue()).isEqualTo("2023-10-25").isEqualTo(deadlines.coHandlerOpinionDue());
        assertThat(deadlines.firstContactDue()).isNull();
        assertThat(deadlines.signForDue()).isEqualTo("2023-09-28");
    }

    @Test
    void overridesApplyBySourceRoleAndKeyFlag() {
        assertThat(configured.onAssignment(cppcc(ProposalRole.SOLE, false), MONDAY_BEFORE_NATIONAL_DAY))
                .isEqualTo(defaults.onAssignment(cppcc(ProposalRole.SOLE, false), MONDAY_BEFORE_NATIONAL_DAY));

        ProposalDeadlines npc = configured.onAssignment(
                new DeadlineCase(ProposalSource.NPC, ProposalRole.SOLE, false), MONDAY_BEFORE_NATIONAL_DAY);
        assertThat(npc.answerDue()).as("2 months: Saturday 25 November moves to Monday").isEqualTo("2023-11-27");
        assertThat(npc.firstContactDue()).isEqualTo("2023-10-20");

        ProposalDeadlines split = configured.onAssignment(cppcc(ProposalRole.SPLIT, false), MONDAY_BEFORE_NATIONAL_DAY);
        assertThat(split.firstContactDue()).isEqualTo("2023-10-13");
        assertThat(split.answerDue()).isEqualTo("2023-12-25");

        ProposalDeadlines keyLead = configured.onAssignment(cppcc(ProposalRole.LEAD, true), MONDAY_BEFORE_NATIONAL_DAY);
        assertThat(keyLead.signForDue()).isEqualTo("2023-09-26");
        assertThat(keyLead.coHandlerOpinionDue()).as("20 days: Sunday 15 October moves to Monday").isEqualTo("2023-10-16");
        assertThat(keyLead.answerDue()).isEqualTo("2023-12-25");

        ProposalDeadlines keyCoHandling = configured.onAssignment(cppcc(ProposalRole.CO_HANDLING, true), MONDAY_BEFORE_NATIONAL_DAY);
        assertThat(keyCoHandling.signForDue()).isEqualTo("2023-09-26");
        assertThat(keyCoHandling.answerDue()).as("the later override wins").isEqualTo("2023-10-20");
    }

    @Test
    void deadlinesInAYearWithoutDataCarryTheWarning() {
        ProposalDeadlines deadlines = defaults.onAssignment(cppcc(ProposalRole.LEAD, false), LocalDate.of(2026, 8, 3));

        assertThat(deadlines.answerDue()).isEqualTo("2026-11-03");
        assertThat(deadlines.hardLimitDue()).isEqualTo("2027-02-03");
        assertThat(deadlines.warningText()).isEqualTo("2027 年的节假日安排尚未发布，按周六、周日休息计算");
        assertThat(defaults.onAssignment(cppcc(ProposalRole.LEAD, false), MONDAY_BEFORE_NATIONAL_DAY).warningText()).isNull();
    }

    @Test
    void laterDeadlinesCountFromSigningReplyAndEvaluation() {
        DeadlineCase sole = cppcc(ProposalRole.SOLE, false);

        assertThat(defaults.internalAssignmentDue(sole, LocalDate.of(2023, 9, 28)))
                .isEqualTo(new CalendarResult(LocalDate.of(2023, 10, 9), List.of()));
        assertThat(defaults.evaluationDue(sole, LocalDate.of(2024, 1, 26)).date()).as("20 working days over Spring Festival")
                .isEqualTo("2024-02-28");
        assertThat(defaults.reHandlingDue(sole, LocalDate.of(2023, 8, 31)).date()).as("30 September is a holiday")
                .isEqualTo("2023-10-07");
        assertThat(defaults.latestExtendedAnswerDue(sole, LocalDate.of(2023, 12, 25)).date()).isEqualTo("2024-03-25");
        assertThat(defaults.evaluationDue(sole, LocalDate.of(2026, 12, 15)).warnings()).hasSize(1);
        assertThat(defaults.coSignDue(sole, LocalDate.of(2023, 9, 28)).date()).as("会签: 5 working days over National Day")
                .isEqualTo("2023-10-11");
    }

    @Test
    void remindersAndEscalationsCountWorkingDays() {
        DeadlineCase sole = cppcc(ProposalRole.SOLE, false);

        assertThat(defaults.reminderDates(sole, LocalDate.of(2023, 10, 11)))
                .containsExactly(LocalDate.of(2023, 9, 28), LocalDate.of(2023, 10, 10));
        assertThat(defaults.nextEscalation(sole, LocalDate.of(2023, 9, 27), LocalDate.of(2023, 9, 28))).isEqualTo("2023-10-08");
        assertThat(defaults.nextEscalation(sole, LocalDate.of(2023, 9, 27), LocalDate.of(2023, 10, 8))).isEqualTo("2023-10-11");
    }

    @Test
    void everyDefaultLimitMustBeConfigured() {
        DeadlineLimits all = properties("").defaults();
        DeadlineLimits withoutAnswer = new DeadlineLimits(all.signFor(), all.objection(), all.internalAssignment(),
                all.firstContact(), all.coHandlerOpinion(), null, all.hardLimit(), all.extension(), all.evaluation(),
                all.reHandling(), all.coSign(), all.reminders(), all.escalationInterval());

        assertThatThrownBy(() -> new DeadlineProperties(withoutAnswer, null)).hasMessageContaining("[answer]");
        assertThatThrownBy(() -> new TimeLimit(0, DeadlineUnit.DAYS)).isInstanceOf(IllegalArgumentException.class);
    }

    static DeadlineCase cppcc(ProposalRole role, boolean key) {
        return new DeadlineCase(ProposalSource.CPPCC, role, key);
    }

    static DeadlineProperties properties(String overrides) {
        try {
            YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
            List<PropertySource<?>> sources = new ArrayList<>(yaml.load("overrides",
                    new ByteArrayResource(overrides.getBytes(StandardCharsets.UTF_8))));
            sources.addAll(yaml.load("application", new ClassPathResource("application.yaml")));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("proposal-desk.deadlines", DeadlineProperties.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
