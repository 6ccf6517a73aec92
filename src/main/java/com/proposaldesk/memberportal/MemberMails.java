package com.proposaldesk.memberportal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.member.Member;
import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.member.StaffDirectory;
import com.proposaldesk.process.AfterCommit;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.reminder.MailKind;
import com.proposaldesk.reminder.Recipient;
import com.proposaldesk.reminder.Reminder;
import com.proposaldesk.reminder.ReminderMailer;
import com.proposaldesk.reminder.ReminderNotSentException;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;

/**
 * Mails each member of a proposal (the lead member and every co-signer the registry knows with an e-mail) a link of
 * their own when the proposal reaches the lead department (先沟通后办理 begins: who handles it), when the draft reply
 * waits for 先沟通后答复, and when the formal reply is sent (登记委员评价 begins). The engine announces the tasks as
 * Spring events; the links are issued and mailed once the transaction that created the task has committed, so that
 * no mail carries a link to a step that was rolled back, and on a thread of their own ({@link AfterCommit}): the user
 * who completed the step does not wait for the mail server.
 */
@Component
public class MemberMails {

    private static final Logger LOG = LoggerFactory.getLogger(MemberMails.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Map<String, MailKind> KIND_BY_TASK = Map.of(
            ProcessElements.TASK_COMMUNICATE_FIRST, MailKind.MEMBER_ASSIGNED,
            ProcessElements.TASK_COMMUNICATE_BEFORE_REPLY, MailKind.MEMBER_DRAFT,
            ProcessElements.TASK_RECORD_EVALUATION, MailKind.MEMBER_REPLY);

    private final MemberLinks links;
    private final ProposalRepository proposals;
    private final MemberRepository members;
    private final ReplyRepository replies;
    private final DepartmentRepository departments;
    private final StaffDirectory staff;
    private final ReminderMailer mailer;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;
    private final AfterCommit afterCommit;

    public MemberMails(MemberLinks links, ProposalRepository proposals, MemberRepository members, ReplyRepository replies,
            DepartmentRepository departments, StaffDirectory staff, ReminderMailer mailer, AuditTrail audit,
            PlatformTransactionManager transactions, AfterCommit afterCommit) {
        this.links = links;
        this.proposals = proposals;
        this.members = members;
        this.replies = replies;
        this.departments = departments;
        this.staff = staff;
        this.mailer = mailer;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.afterCommit = afterCommit;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        MailKind kind = KIND_BY_TASK.get(task.getTaskDefinitionKey());
        if (kind == null || !TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                || !task.getProcessDefinitionId().startsWith(ProcessElements.HANDLING_PROCESS + ":")) {
            return;
        }
        String number = (String) task.getVariable(ProcessVariables.PROPOSAL_NUMBER);
        Object round = task.getVariable(ProcessVariables.HANDLING_ROUND);
        int handlingRound = round instanceof Number n ? n.intValue() : 1;
        String occurrence = "task-" + task.getId();
        afterCommit.run(kind + " mails for proposal " + number, () -> send(kind, number, handlingRound, occurrence));
    }

    /** Issues each member's link and mails it; a mail that fails stays FAILED in the outbox, for the office to see. */
    void send(MailKind kind, String number, int handlingRound, String occurrence) {
        try {
            List<Outgoing> outgoing = ownTransaction.execute(status -> issue(kind, number, handlingRound));
            Reminder reminder = new Reminder(kind, number, null, null, null, null, occurrence, List.of(), null, null);
            for (Outgoing out : outgoing) {
                mailer.send(reminder, List.of(out.recipient()), out.variables());
            }
        } catch (ReminderNotSentException e) {
            LOG.warn("{} mail for proposal {} not sent to every member: {}", kind, number, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} mails for proposal {} failed", kind, number, e);
        }
    }

    private record Outgoing(Recipient recipient, Map<String, Object> variables) {
    }

    private List<Outgoing> issue(MailKind kind, String number, int handlingRound) {
        Proposal proposal = proposals.get(number);
        LinkPurpose purpose = switch (kind) {
            case MEMBER_DRAFT -> LinkPurpose.AGREEMENT;
            case MEMBER_REPLY -> LinkPurpose.EVALUATION;
            default -> LinkPurpose.PROGRESS;
        };
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("leadDepartment", proposal.leadDepartment() == null ? null : departments.nameOf(proposal.leadDepartment()));
        common.put("contactPerson", contactPerson(proposal));
        List<Outgoing> outgoing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Addressee addressee : addressees(proposal)) {
            MemberLinks.Issued issued = links.issue(proposal.id(), addressee.member().id(), addressee.lead(), purpose,
                    handlingRound);
            Map<String, Object> variables = new LinkedHashMap<>(common);
            variables.put("memberLink", issued.url());
            variables.put("memberLinkExpires", DAY.format(issued.link().expiresAt()));
            outgoing.add(new Outgoing(new Recipient("member-" + addressee.member().id(), addressee.member().name(),
                    addressee.member().email()), variables));
            names.add(addressee.member().name());
        }
        if (!names.isEmpty()) {
            audit.record(AuditAction.MEMBER_LINKS_SENT, number, purpose.label(), String.join("、", names));
        }
        return outgoing;
    }

    private record Addressee(Member member, boolean lead) {
    }

    /** The lead member and each co-signer the registry knows by a unique name, those with an e-mail. */
    private List<Addressee> addressees(Proposal proposal) {
        List<Addressee> addressees = new ArrayList<>();
        Optional.ofNullable(proposal.leadMember().id()).flatMap(members::find)
                .ifPresent(lead -> addressees.add(new Addressee(lead, true)));
        for (String name : proposal.coSigners()) {
            List<Long> same = members.same(name, null);
            if (same.size() == 1) {
                members.find(same.get(0)).ifPresent(member -> addressees.add(new Addressee(member, false)));
            }
        }
        return addressees.stream().filter(a -> a.member().email() != null && !a.member().email().isBlank()).toList();
    }

    private String contactPerson(Proposal proposal) {
        Optional<Reply> latest = replies.latest(proposal.id());
        if (latest.isPresent() && latest.get().contactPerson() != null) {
            Reply reply = latest.get();
            return reply.contactPerson() + (reply.contactPhone() == null ? "" : "（电话 " + reply.contactPhone() + "）");
        }
        if (proposal.leadMember().id() == null) {
            return null;
        }
        return members.profile(proposal.leadMember().id()).map(profile -> profile.liaisonUser())
                .map(staff::nameOrId).orElse(null);
    }
}
