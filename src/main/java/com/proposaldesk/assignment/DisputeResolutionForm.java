package com.proposaldesk.assignment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.EngineAuthorizations;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/**
 * 处理分派异议: the office insists on the assignment or re-assigns the proposal; a re-assignment moves the
 * proposal's open tasks from the old department's groups to the new one's, and its later tasks follow. A moved task
 * leaves the old department entirely: its groups' and its people's grants on the task go, and a task one of them had
 * claimed is released for the new department to claim.
 */
@Component
public class DisputeResolutionForm implements TaskForm {

    public static final String TASK = ProcessElements.TASK_RESOLVE_DISPUTE;

    enum Outcome {
        REASSIGN("重新分派"), INSIST("维持原分派");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The label of a stored outcome; the stored value itself where it names none of these. */
        static String labelOf(String stored) {
            return stored == null ? null
                    : Arrays.stream(values()).filter(o -> o.name().equals(stored)).findFirst().map(o -> o.label).orElse(stored);
        }
    }

    private final ProposalRepository proposals;
    private final DepartmentRepository departments;
    private final AssignmentRepository assignments;
    private final DisputeRepository disputes;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProposalAccess access;
    private final EngineAuthorizations grants;

    public DisputeResolutionForm(ProposalRepository proposals, DepartmentRepository departments, AssignmentRepository assignments,
            DisputeRepository disputes, RuntimeService runtime, TaskService tasks, ProposalAccess access,
            EngineAuthorizations grants) {
        this.access = access;
        this.grants = grants;
        this.proposals = proposals;
        this.departments = departments;
        this.assignments = assignments;
        this.disputes = disputes;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public Set<String> tasks() {
        return Set.of(TASK);
    }

    @Override
    public List<String> fields() {
        return List.of("disputeOutcome", "newLeadDepartmentCode", "newAssistingDepartmentCodes", "resolutionNote");
    }

    @Override
    public void prepare(TaskFormContext context) {
        DisputeRepository.Dispute dispute = disputes.get(disputeId(context));
        context.show("disputeText", MarkdownText.literal(departments.nameOf(dispute.department())) + "（"
                + MarkdownText.literal(dispute.raisedBy()) + "）认为不应由本处室主办。理由：" + MarkdownText.literal(dispute.reason()));
        context.showJson("departmentOptions", departments.formOptions());
        context.showJson("newAssistingDepartmentCodes", List.of());
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        Outcome outcome = in.requiredChoice("disputeOutcome", "处理意见", Outcome.class);
        String note = in.requiredText("resolutionNote", "处理说明", 4000);
        String newLead = null;
        List<String> assisting = new ArrayList<>();
        if (outcome == Outcome.REASSIGN) {
            newLead = in.requiredText("newLeadDepartmentCode", "重新分派的主办处室");
            if (newLead != null && departments.find(newLead).filter(Department::active).isEmpty()) {
                in.problem("newLeadDepartmentCode", "主办处室“" + newLead + "”不存在");
            } else if (newLead != null && newLead.equals(proposal.leadDepartment())) {
                in.problem("newLeadDepartmentCode", "重新分派的主办处室与原主办处室相同；如维持原分派请选择“维持原分派”");
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String code : in.list("newAssistingDepartmentCodes", "重新分派的协办处室")) {
                if (departments.find(code).filter(Department::active).isEmpty()) {
                    in.problem("newAssistingDepartmentCodes", "协办处室“" + code + "”不存在");
                } else if (!code.equals(newLead)) {
                    codes.add(code);
                }
            }
            assisting.addAll(codes);
        }
        in.check();
        disputes.resolve(disputeId(context), outcome.name(), newLead, outcome == Outcome.REASSIGN ? assisting : null, note,
                context.userId());
        if (outcome == Outcome.REASSIGN) {
            reassign(proposal, newLead, assisting, note, context.userId());
        }
        context.route(ProcessVariables.DISPUTE_REASSIGNED, outcome == Outcome.REASSIGN);
    }

    private void reassign(Proposal proposal, String newLead, List<String> assisting, String note, String userId) {
        String oldLead = proposal.leadDepartment();
        assignments.record(proposal.id(), newLead, assisting, null, null, "因分派异议重新分派：" + note, userId);
        proposals.assign(proposal.number(), newLead, assisting);
        String processId = proposal.processInstanceId();
        runtime.setVariable(processId, ProcessVariables.LEAD_DEPARTMENT, newLead);
        runtime.setVariable(processId, ProcessVariables.ASSISTING_DEPARTMENTS, new ArrayList<>(assisting));
        runtime.setVariable(processId, ProcessVariables.LEADER_GROUP, departments.find(newLead).orElseThrow().leaderGroup());
        access.grantDepartments(processId, newLead, assisting);
        Department from = departments.find(oldLead).orElseThrow();
        Department to = departments.find(newLead).orElseThrow();
        Map<String, String> moves = Map.of(from.handlerGroup(), to.handlerGroup(), from.headGroup(), to.headGroup());
        for (Task task : tasks.createTaskQuery().processInstanceId(processId).list()) {
            boolean moved = false;
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                String group = link.getGroupId() == null ? null : moves.get(link.getGroupId());
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group != null) {
                    tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
                    tasks.addCandidateGroup(task.getId(), group);
                    moved = true;
                }
            }
            if (moved) {
                if (task.getAssignee() != null && grants.isMemberOfAny(task.getAssignee(), moves.keySet())) {
                    tasks.setAssignee(task.getId(), null);
                }
                grants.revokeFromGroupsAndMembers(task.getId(), moves.keySet());
            }
        }
    }

    private static long disputeId(TaskFormContext context) {
        return ((Number) context.variable(DisputeRequestListener.DISPUTE_ID)).longValue();
    }
}
