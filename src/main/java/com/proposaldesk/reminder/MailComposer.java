package com.proposaldesk.reminder;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;

/**
 * Writes a reminder as a mail: the subject from {@code templates/mail/subjects.properties}, the HTML body from
 * {@code templates/mail/<kind>.html} and the plain-text alternative from {@code templates/mail/text/<kind>.txt}.
 */
@Component
public class MailComposer {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ITemplateEngine templates;
    private final ProposalRepository proposals;
    private final IdentityService identity;
    private final MailSettings settings;
    private final ResourceBundleMessageSource subjects = new ResourceBundleMessageSource();

    public MailComposer(ITemplateEngine templates, ProposalRepository proposals, IdentityService identity,
            MailSettings settings) {
        this.templates = templates;
        this.proposals = proposals;
        this.identity = identity;
        this.settings = settings;
        subjects.setBasename("templates/mail/subjects");
        subjects.setDefaultEncoding("UTF-8");
        subjects.setFallbackToSystemLocale(false);
    }

    /** The same mail for every recipient: the subject and the variables the templates show. */
    public record Letter(MailKind kind, String subject, Map<String, Object> variables) {
    }

    /** One recipient's mail. */
    public record ComposedMail(String subject, String html, String text) {
    }

    public Letter prepare(Reminder reminder) {
        String title = reminder.proposalNumber() == null ? null
                : proposals.find(reminder.proposalNumber()).map(Proposal::title).orElse(null);
        String dueDate = reminder.dueDate() == null ? null : reminder.dueDate().toString();
        Integer daysLeft = reminder.daysLeft();
        Map<String, Object> variables = new HashMap<>();
        variables.put("kind", reminder.kind().name());
        variables.put("number", reminder.proposalNumber());
        variables.put("title", title);
        variables.put("taskName", reminder.taskName());
        variables.put("dueDate", dueDate);
        variables.put("daysLeft", daysLeft);
        variables.put("overdueDays", daysLeft == null ? null : -daysLeft);
        variables.put("taskUrl", settings.taskUrl(reminder.taskId()));
        variables.put("note", reminder.note() == null || reminder.note().isBlank() ? null : reminder.note().strip());
        variables.put("requestedBy", nameOf(reminder.requestedBy()));
        Object[] arguments = {
                text(reminder.proposalNumber()), text(reminder.taskName()), text(dueDate),
                daysLeft == null ? "" : String.valueOf(Math.abs(daysLeft)), text(title)};
        String subject = subjects.getMessage("subject." + reminder.kind().name(), arguments, CHINESE);
        variables.put("subject", subject);
        return new Letter(reminder.kind(), subject, variables);
    }

    public ComposedMail render(Letter letter, Recipient recipient) {
        Context context = new Context(CHINESE, letter.variables());
        context.setVariable("recipientName", recipient.name());
        String template = letter.kind().templateName();
        return new ComposedMail(letter.subject(), templates.process("mail/" + template, context),
                templates.process("mail/text/" + template, context));
    }

    private String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getFirstName() == null || user.getFirstName().isBlank()) {
            return userId;
        }
        return user.getFirstName();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
