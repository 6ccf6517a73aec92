package com.proposaldesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.proposaldesk.calendar.CalendarProperties;
import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.member.Member;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalDeadlines;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.proposal.ProposalStatus;

/** The reminders of a deadline and the deadline of every task, without an engine, on the real calendar. */
class ReminderScheduleTest {

    final WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(null, java.time.ZoneId.of("Asia/Shanghai")));
    final DeadlinePolicy policy = new DeadlinePolicy(DeadlinePolicyTest.properties(""), calendar);
    final DeadlineCase sole = new DeadlineCase(ProposalSource.CPPCC, ProposalRole.SOLE, false);

    @Test
    void remindsFiveAndOneWorkingDaysBeforeOnTheDayThenEveryThreeWorkingDays() {
        // due Monday 2025-04-07 after 清明节 (4–6 April); 劳动节 1–5 May, Sunday 2025-04-27 worked
        ReminderSchedule schedule = new ReminderSchedule(policy, sole, LocalDate.of(2025, 4, 7));
        List<ReminderSchedule.Occurrence> occurrences = new ArrayList<>();
        for (ReminderSchedule.Occurrence o = schedule.first(); occurrences.size() < 8; o = schedule.after(o)) {
            occurrences.add(o);
        }
        assertThat(occurrences).extracting(o -> o.index() + " " + o.kind() + " " + o.date()).containsExactly(
                "0 REMINDER_BEFORE 2025-03-28", "1 REMINDER_BEFORE 2025-04-03", "2 DUE_TODAY 2025-04-07",
                "3 ESCALATION 2025-04-10", "4 ESCALATION 2025-04-15", "5 ESCALATION 2025-04-18",
                "6 ESCALATION 2025-04-23", "7 ESCALATION 2025-04-27");
    }

    @Test
    void theLatestReminderDueByADayAndTheFirstOneAfterIt() {
        ReminderSchedule schedule = new ReminderSchedule(policy, sole, LocalDate.of(2025, 4, 7));

        assertThat(schedule.latestBy(LocalDate.of(2025, 3, 27))).isEmpty();
        assertThat(schedule.latestBy(LocalDate.of(2025, 3, 28))).map(ReminderSchedule.Occurrence::index).contains(0);
        assertThat(schedule.latestBy(LocalDate.of(2025, 4, 8))).map(ReminderSchedule.Occurrence::kind)
                .contains(ReminderSchedule.Kind.DUE_TODAY);
        assertThat(schedule.latestBy(LocalDate.of(2025, 5, 20))).map(o -> o.index() + " " + o.date())
                .contains("11 2025-05-16");
        assertThat(schedule.firstAfter(LocalDate.of(2025, 4, 1))).extracting(ReminderSchedule.Occurrence::date)
                .isEqualTo(LocalDate.of(2025, 4, 3));
        assertThat(schedule.firstAfter(LocalDate.of(2025, 4, 7))).extracting(ReminderSchedule.Occurrence::date)
                .isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(schedule.firstAfter(LocalDate.of(2025, 5, 20))).extracting(ReminderSchedule.Occurrence::date)
                .isEqualTo(LocalDate.of(2025, 5, 21));
    }

    @Test
    void aDeadlineYearsOverdueIsReachedInOnePass() {
        ReminderSchedule schedule = new ReminderSchedule(policy, sole, LocalDate.of(2020, 1, 6));
        assertThat(schedule.latestBy(LocalDate.of(2026, 6, 1))).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(ReminderSchedule.Kind.ESCALATION);
            assertThat(o.index()).isGreaterThan(400);
        });
    }

    @Test
    void everyUserTaskOfTheHandlingModelsHasADeadlineUnlessItHasNoLimitByDesign() {
        TaskDeadlines deadlines = new TaskDeadlines(policy);
        Proposal proposal = proposal();
        List<String> withLimit = List.of(ProcessElements.TASK_SIGN_FOR, ProcessElements.TASK_ASSIGN,
                ProcessElements.TASK_COMMUNICATE_FIRST, ProcessElements.TASK_ASSISTING_OPINION,
                ProcessElements.TASK_RECORD_EXTERNAL_OPINION, ProcessElements.TASK_DRAFT_REPLY, ProcessElements.TASK_CO_SIGN,
                ProcessElements.TASK_REVIEW_DEPT_HEAD, ProcessElements.TASK_REVIEW_OFFICE, ProcessElements.TASK_SIGN_OFF_LEADER,
                ProcessElements.TASK_SIGN_OFF_PRINCIPAL, ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY,
                ProcessElements.TASK_FORMAL_REPLY, ProcessElements.TASK_RECORD_EVALUATION,
                ProcessElements.TASK_DRAFT_OPINION_LETTER, ProcessElements.TASK_SEND_OPINION_LETTER);
        for (String task : withLimit) {
            assertThat(deadlines.dueFor(task, proposal, null)).as(task).isNotNull();
        }
        for (String task : TaskDeadlines.WITHOUT_LIMIT) {
            assertThat(deadlines.dueFor(task, proposal, null)).as(task).isNull();
        }
        assertThat(deadlines.dueFor(ProcessElements.TASK_DRAFT_REPLY, proposal, LocalDate.of(2025, 9, 1)))
                .as("re-handling after 不满意").isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(deadlines.dueFor(ProcessElements.TASK_CO_SIGN, proposal, null, LocalDate.of(2025, 5, 8)))
                .as("会签 works to the date set when the draft was submitted").isEqualTo(LocalDate.of(2025, 5, 8));
        assertThat(deadlines.coSignDue(proposal, LocalDate.of(2025, 4, 28), null)).as("5 working days over May Day")
                .isEqualTo(LocalDate.of(2025, 5, 8));
        assertThat(deadlines.coSignDue(proposal, proposal.answerDue().minusDays(1), null))
                .as("never later than the answer").isEqualTo(proposal.answerDue());
        assertThatThrownBy(() -> deadlines.dueFor("Task_New", proposal, null))
                .hasMessage("用户任务 Task_New 没有配置办理时限（TaskDeadlines）");
    }

    private Proposal proposal() {
        LocalDate assigned = LocalDate.of(2025, 4, 1);
        ProposalDeadlines d = policy.onAssignment(sole, assigned);
        return new Proposal(1, "20250001", ProposalSource.CPPCC, "市政协七届四次会议", "关于校园周边食品安全的提案",
                new Member(null, "委员", null, null, null, null), List.of(), List.of("建议"), ProposalRole.SOLE, false,
                assigned, null, List.of(), ProposalStatus.HANDLING, "food", List.of(), d.answerDue(), assigned.plusDays(1),
                assigned.plusMonths(2), true, "A", null, "pi", d.signForDue(), d.firstContactDue(), d.hardLimitDue(), null, null);
    }
}
