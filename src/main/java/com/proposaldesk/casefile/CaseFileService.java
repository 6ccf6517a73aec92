package com.proposaldesk.casefile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

import com.proposaldesk.assignment.AssignmentRepository;
import com.proposaldesk.assignment.DisputeRepository;
import com.proposaldesk.attachment.AttachmentRepository;
import com.proposaldesk.communication.CommunicationRepository;
import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.evaluation.EvaluationRepository;
import com.proposaldesk.extension.ExtensionRepository;
import com.proposaldesk.handling.OpinionRepository;
import com.proposaldesk.proposal.ObjectionRepository;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalView;
import com.proposaldesk.proposal.ProposalViews;
import com.proposaldesk.reminder.MailOutbox;
import com.proposaldesk.reply.FollowUpRepository;
import com.proposaldesk.reply.Reply;
import com.proposaldesk.reply.ReplyRepository;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.security.SystemReads;

/** Puts a proposal's case file together from each feature's records and the engine's history. */
@Service
public class CaseFileService {

    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
    static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";

    private static final Map<String, String> DRAFT_STATUS = Map.of(Reply.UNDER_REVIEW, "审核中", Reply.RETURNED, "退回修改",
            Reply.APPROVED, "已签发", Reply.NOT_ACCEPTED, "委员未认可，重新办理", Reply.SENT, "已正式发出");
    private static final Map<String, String> STATE = Map.of(HistoricProcessInstance.STATE_ACTIVE, "运行中",
            HistoricProcessInstance.STATE_SUSPENDED, "已挂起", HistoricProcessInstance.STATE_COMPLETED, "已结束",
            HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED, "已终止", HistoricProcessInstance.STATE_INTERNALLY_TERMINATED, "已终止");

    private final ProposalRepository proposals;
    private final ProposalViews views;
    private final ProposalAccess access;
    private final SystemReads reads;
    private final DepartmentRepository departments;
    private final ObjectionRepository objections;
    private final AssignmentRepository assignments;
    private final DisputeRepository disputes;
    private final CommunicationRepository communications;
    private final OpinionRepository opinions;
    private final ReplyRepository replies;
    private final EvaluationRepository evaluations;
    private final FollowUpRepository followUps;
    private final ExtensionRepository extensions;
    private final MailOutbox mails;
    private final CaseTimeline timeline;
    private final AttachmentRepository attachments;

    CaseFileService(ProposalRepository proposals, ProposalViews views, ProposalAccess access, SystemReads reads,
            DepartmentRepository departments, ObjectionRepository objections, AssignmentRepository assignments,
            DisputeRepository disputes, CommunicationRepository communications, OpinionRepository opinions,
            ReplyRepository replies, EvaluationRepository evaluations, FollowUpRepository followUps,
            ExtensionRepository extensions, MailOutbox mails, CaseTimeline timeline, AttachmentRepository attachments) {
        this.proposals = proposals;
        this.views = views;
        this.access = access;
        this.reads = reads;
        this.departments = departments;
        this.objections = objections;
        this.assignments = assignments;
        this.disputes = disputes;
        this.communications = communications;
        this.opinions = opinions;
        this.replies = replies;
        this.evaluations = evaluations;
        this.followUps = followUps;
        this.extensions = extensions;
        this.mails = mails;
        this.timeline = timeline;
        this.attachments = attachments;
    }

    /**
     * @throws com.proposaldesk.proposal.ProposalNotFoundException for an unknown number
     * @throws com.proposaldesk.security.ForbiddenException unless the user may see the proposal (as {@code /api})
     */
    public CaseFile of(String number) {
        Proposal proposal = proposals.get(number);
        access.requireVisible(number, proposal.leadDepartment(), proposal.assistingDepartments());
        ProposalView view = views.of(proposal);
        List<HistoricProcessInstance> instances = reads.read(() -> timeline.instances(number));
        List<TimelineStep> steps = reads.read(() -> timeline.steps(number, instances));
        long id = proposal.id();
        List<CaseFile.Draft> drafts = replies.all(id).stream()
                .map(reply -> draft(reply, replies.reviews(reply.id()), replies.revisions(reply.id()))).toList();
        var assigned = assignments.forProposal(id);
        var disputed = disputes.forProposal(id);
        return new CaseFile(view, departmentNames(proposal, assigned, disputed), proposals.signings(id), objections.forProposal(id),
                assigned, disputed, communications.forProposal(id), opinions.forProposal(id), drafts, letter(proposal, drafts),
                attachments.forProposal(id),
                evaluations.forProposal(id), followUps.forProposal(id), extensions.forProposal(id),
                oldestFirst(mails.search(number, null, null)), steps, links(view, instances));
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> list = new ArrayList<>(newestFirst);
        Collections.reverse(list);
        return list;
    }

    private static CaseFile.Draft draft(Reply reply, List<ReplyRepository.Review> reviews,
            List<ReplyRepository.Revision> revisions) {
        boolean letter = Reply.KIND_OPINION_LETTER.equals(reply.kind());
        return new CaseFile.Draft(reply.version(), reply.kind(), letter ? "会办意见函" : "答复函", reply.handlingRound(),
                reply.status(), DRAFT_STATUS.getOrDefault(reply.status(), reply.status()), reply.body(), reply.classification(),
                reply.commitments(), reply.publish(), reply.publishReason(), reply.contactPerson(), reply.contactPhone(),
                reply.draftedBy(), reply.sentOn(), reviews, revisions);
    }

    /** The latest signed-off version is the one the letter prints (letter/IssuedReplies). */
    private static CaseFile.Letter letter(Proposal proposal, List<CaseFile.Draft> drafts) {
        String letters = "/api/proposals/" + proposal.number() + "/reply-letter";
        for (int i = drafts.size() - 1; i >= 0; i--) {
            CaseFile.Draft draft = drafts.get(i);
            if (Reply.APPROVED.equals(draft.status()) || Reply.SENT.equals(draft.status())) {
                return new CaseFile.Letter(true, draft.version(), letters + ".docx", letters + ".pdf", proposal.documentNumber());
            }
        }
        return new CaseFile.Letter(false, 0, null, null, null);
    }

    private Map<String, String> departmentNames(Proposal proposal, List<AssignmentRepository.Assignment> assigned,
            List<DisputeRepository.DisputeRecord> disputed) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(proposal.leadDepartment());
        codes.addAll(proposal.assistingDepartments());
        assigned.forEach(a -> {
            codes.add(a.leadDepartment());
            codes.add(a.recommendedLead());
            codes.addAll(a.assisting());
        });
        disputed.forEach(d -> {
            codes.add(d.department());
            codes.add(d.newLead());
            codes.addAll(d.newAssisting());
        });
        Map<String, String> names = new TreeMap<>();
        for (Department department : departments.all()) {
            if (codes.contains(department.code())) {
                names.put(department.code(), department.name());
            }
        }
        return names;
    }

    private static CaseFile.Links links(ProposalView view, List<HistoricProcessInstance> instances) {
        List<CaseFile.TaskLink> tasks = view.openTasks().stream()
                .map(task -> new CaseFile.TaskLink(task.id(), task.name(), TASKLIST + task.id())).toList();
        List<CaseFile.InstanceLink> links = instances.stream().map(instance -> {
            boolean running = HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState())
                    || HistoricProcessInstance.STATE_SUSPENDED.equals(instance.getState());
            return new CaseFile.InstanceLink(instance.getId(), instance.getProcessDefinitionName(),
                    STATE.getOrDefault(instance.getState(), instance.getState()), running ? COCKPIT + instance.getId() : null);
        }).toList();
        return new CaseFile.Links(tasks, links);
    }
}
