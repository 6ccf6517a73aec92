package com.proposaldesk.reminder;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.security.CurrentUser;

/** {@code GET /api/mails?proposal=&kind=&status=}: the recorded mails, newest first, for the office. */
@RestController
public class MailOutboxController {

    private final MailOutbox outbox;
    private final CurrentUser user;

    public MailOutboxController(MailOutbox outbox, CurrentUser user) {
        this.outbox = outbox;
        this.user = user;
    }

    @GetMapping("/api/mails")
    public List<RecordedMail> list(@RequestParam(required = false) String proposal,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String status) {
        user.requireOffice("只有提案办可以查看邮件记录");
        return outbox.search(proposal, parse(MailKind.class, kind, "kind"), parse(MailStatus.class, status, "status"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("参数 " + parameter + " 的值“" + value + "”无效");
        }
    }
}
