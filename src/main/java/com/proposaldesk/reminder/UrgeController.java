package com.proposaldesk.reminder;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.security.CurrentUser;

/** {@code POST /api/tasks/{taskId}/urge}: the office urges a task; body optional, {@code {"note": "..."}}. */
@RestController
public class UrgeController {

    private final TaskUrging urging;
    private final CurrentUser user;

    public UrgeController(TaskUrging urging, CurrentUser user) {
        this.urging = urging;
        this.user = user;
    }

    public record UrgeRequest(String note) {
    }

    public record UrgeResult(String taskId, String message, List<ReminderMailer.Delivery> recipients) {
    }

    @PostMapping("/api/tasks/{taskId}/urge")
    public UrgeResult urge(@PathVariable String taskId, @RequestBody(required = false) UrgeRequest request) {
        user.requireOffice("只有提案办可以催办");
        List<ReminderMailer.Delivery> sent = urging.urge(taskId, request == null ? null : request.note(), user.id());
        String message = sent.isEmpty() ? "该任务的办理人均未登记邮箱，催办邮件未发出" : "已向 " + sent.size() + " 人发送催办邮件";
        return new UrgeResult(taskId, message, sent);
    }
}
