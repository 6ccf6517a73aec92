package com.proposaldesk.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskInputRejectedException;

@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

    static final int MAX_DAYS = 1000;

    private final WorkingDayCalendar calendar;

    public CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public record WorkingDaysAdded(LocalDate from, int days, LocalDate date, List<String> warnings) {
    }

    @GetMapping("/add-working-days")
    public WorkingDaysAdded addWorkingDays(@RequestParam(required = false) String from,
            @RequestParam(required = false) String days) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = date("from", "起始日期", from, problems);
        Integer count = days(days, problems);
        if (!problems.isEmpty()) {
            throw new TaskInputRejectedException(problems);
        }
        CalendarResult result = CalendarResult.collect(warnings -> calendar.plusWorkingDays(start, count, warnings));
        return new WorkingDaysAdded(start, count, result.date(), result.warnings());
    }

    @GetMapping("/working-day")
    public CalendarDay workingDay(@RequestParam(required = false) String date) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = date("date", "日期", date, problems);
        if (!problems.isEmpty()) {
            throw new TaskInputRejectedException(problems);
        }
        return calendar.describe(day);
    }

    private static LocalDate date(String field, String label, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "请提供" + label + "（格式 yyyy-MM-dd）"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, label + "“" + value + "”无效，格式应为 yyyy-MM-dd"));
            return null;
        }
    }

    private static Integer days(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("days", "请提供工作日天数"));
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (Math.abs(days) <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("days", "工作日天数“" + value + "”应为整数"));
            return null;
        }
        problems.add(new FieldProblem("days", "工作日天数应在 -" + MAX_DAYS + " 到 " + MAX_DAYS + " 之间"));
        return null;
    }
}
