package com.proposaldesk.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.CalendarProperties;
import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.reminder.MailKind;
import com.proposaldesk.reminder.Reminder;
import com.proposaldesk.reminder.ReminderMailer;

/**
 * 定期督办: e-mails the office and the leaders the overdue work, the work due within five working days and
 * the replies awaiting the member's evaluation, per department.
 */
@Component("supervisionDigest")
public class SupervisionDigest implements JavaDelegate {

    private static final int DUE_SOON_WORKING_DAYS = 5;

    private final TaskService tasks;
    private final DepartmentRepository departments;
    private final WorkingDayCalendar calendar;
    private final EngineClock clock;
    private final ReminderMailer mailer;
    private final ZoneId zone;
    private final List<String> recipients;

    public SupervisionDigest(TaskService tasks, DepartmentRepository departments, WorkingDayCalendar calendar, EngineClock clock,
            ReminderMailer mailer, CalendarProperties calendarProperties,
            @Value("${proposal-desk.digest.recipients:office,leader,principal}") List<String> recipients) {
        this.tasks = tasks;
        this.departments = departments;
        this.calendar = calendar;
        this.clock = clock;
        this.mailer = mailer;
        this.zone = calendarProperties.zone();
        this.recipients = List.copyOf(recipients);
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = clock.today();
        mailer.send(new Reminder(MailKind.DIGEST, null, null, "定期督办通报", today, null, "digest-" + today, recipients,
                compose(today), null));
    }

    /** The digest's text: three sections, each grouped by department. */
    public String compose(LocalDate today) {
        Map<String, List<String>> overdue = new TreeMap<>();
        Map<String, List<String>> dueSoon = new TreeMap<>();
        Map<String, List<String>> awaitingEvaluation = new TreeMap<>();
        LocalDate soon = calendar.plusWorkingDays(today, DUE_SOON_WORKING_DAYS);
        for (Task task : tasks.createTaskQuery().processDefinitionKeyIn(ProcessElements.HANDLING_PROCESS,
                ProcessElements.CO_HANDLING_PROCESS).active().list()) {
            String number = (String) tasks.getVariable(task.getId(), "proposalNumber");
            String title = (String) tasks.getVariable(task.getId(), "proposalTitle");
            String line = "第" + number + "号《" + title + "》 " + task.getName();
            String department = departmentOf(task);
            if (ProcessElements.TASK_RECORD_EVALUATION.equals(task.getTaskDefinitionKey())) {
                awaitingEvaluation.computeIfAbsent(department, d -> new ArrayList<>()).add(line);
            }
            if (task.getDueDate() == null) {
                continue;
            }
            LocalDate due = task.getDueDate().toInstant().atZone(zone).toLocalDate();
            if (due.isBefore(today)) {
                overdue.computeIfAbsent(department, d -> new ArrayList<>())
                        .add(line + "，期限 " + due + "，已超期 " + -calendar.workingDaysBetween(today, due) + " 个工作日");
            } else if (!due.isAfter(soon)) {
                dueSoon.computeIfAbsent(department, d -> new ArrayList<>())
                        .add(line + "，期限 " + due + "，剩余 " + calendar.workingDaysBetween(today, due) + " 个工作日");
            }
        }
        StringBuilder text = new StringBuilder();
        section(text, "一、已超期", overdue);
        section(text, "二、" + DUE_SOON_WORKING_DAYS + " 个工作日内到期", dueSoon);
        section(text, "三、已答复、待委员评价", awaitingEvaluation);
        return text.toString().strip();
    }

    private static void section(StringBuilder text, String heading, Map<String, List<String>> byDepartment) {
        int count = byDepartment.values().stream().mapToInt(List::size).sum();
        text.append(heading).append("（").append(count).append(" 件）\n");
        if (count == 0) {
            text.append("无\n");
        }
        byDepartment.forEach((department, lines) -> {
            text.append(department).append("：\n");
            lines.forEach(line -> text.append("  ").append(line).append("\n"));
        });
        text.append("\n");
    }

    private String departmentOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> groupLabel(link.getGroupId())).findFirst().orElse("未分派");
    }

    private String groupLabel(String group) {
        if (group.startsWith("dept-") || group.startsWith("head-")) {
            return departments.nameOf(group.substring(5));
        }
        return switch (group) {
            case "office" -> "提案办";
            case "principal" -> "主要负责同志";
            default -> "分管局领导";
        };
    }
}
