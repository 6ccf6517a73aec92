package com.proposaldesk.reminder;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.member.StaffNames;
import com.proposaldesk.security.CurrentUser;

/**
 * {@code GET /api/mails?proposal=&kind=&status=}: the recorded mails, newest first, with subject and body, for the office.
 * Times carry the bureau's offset ({@code +08:00}). A failed mail's reason is in Chinese; the mail server's own words ({@code error}) go to administrators only.
 * The recipient and the person who urged are also named as Tasklist names them ({@code recipientName},
 * {@code requestedByName}); a user no longer in the directory by their id.
 */
@RestController
public class MailOutboxController {

    private final MailOutbox outbox;
    private final CurrentUser user;
    private final StaffNames names;
    private final ObjectMapper json;

    public MailOutboxController(MailOutbox outbox, CurrentUser user, StaffNames names, BureauTime time, ObjectMapper json) {
        this.outbox = outbox;
        this.user = user;
        this.names = names;
        this.json = time.json(json);
    }

    /** A recorded mail with the names of the people it concerns. */
    record ShownMail(@JsonUnwrapped RecordedMail mail, String recipientName, String requestedByName) {
    }

    @GetMapping("/api/mails")
    public ResponseEntity<byte[]> list(@RequestParam(required = false) String proposal,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String status)
            throws JsonProcessingException {
        user.requireOffice("只有提案办可以查看邮件记录");
        List<RecordedMail> mails = outbox.search(proposal, parse(MailKind.class, kind, "kind"),
                parse(MailStatus.class, status, "status"));
        boolean administrator = user.isMemberOf(Groups.CAMUNDA_ADMIN);
        List<ShownMail> shown = mails.stream()
                .map(mail -> new ShownMail(administrator ? mail : mail.withoutServerWords(), names.of(mail.recipientUser()),
                        names.of(mail.requestedBy())))
                .toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(shown));
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
