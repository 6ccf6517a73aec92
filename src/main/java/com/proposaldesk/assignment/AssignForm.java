package com.proposaldesk.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.MarkdownText;
import com.proposaldesk.task.TaskForm;
import com.proposaldesk.task.TaskFormContext;

/** 分派: the office names the lead department and the assisting departments. */
@Component
public class AssignForm implements TaskForm {

    static final String LEAD = "leadDepartmentCode";
    static final String ASSISTING = "assistingDepartmentCodes";
    static final String RECOMMENDED_LEAD = "recommendedLeadDepartment";
    static final String RECOMMENDATION = "assignmentRecommendation";

    private final ProposalRepository proposals;
    private final DepartmentRepository departments;
    private final AssignmentRepository assignments;
    private final AssignmentRecommender recommender;
    private final ProposalAccess access;

    public AssignForm(ProposalRepository proposals, DepartmentRepository departments, AssignmentRepository assignments,
            AssignmentRecommender recommender, ProposalAccess access) {
        this.access = access;
        this.proposals = proposals;
        this.departments = departments;
        this.assignments = assignments;
        this.recommender = recommender;
    }

    private Recommendation recommend(Proposal proposal) {
        Map<String, String> names = new LinkedHashMap<>();
        departments.active().forEach(d -> names.put(d.code(), d.name()));
        return recommender.recommend(proposal.title(), proposal.suggestions(), names, proposals.openLeadCases());
    }

    @Override
    public Set<String> tasks() {
        return Set.of(ProcessElements.TASK_ASSIGN);
    }

    @Override
    public List<String> fields() {
        return List.of(LEAD, ASSISTING, "assignmentNote");
    }

    @Override
    public void prepare(TaskFormContext context) {
        context.showJson("departmentOptions", departments.formOptions());
        Proposal proposal = proposals.get(context.proposalNumber());
        Recommendation recommendation = recommend(proposal);
        context.show("assignmentHint", "**系统推荐**：" + MarkdownText.literal(recommendation.explanation()));
        context.show(RECOMMENDED_LEAD, recommendation.lead());
        context.show(RECOMMENDATION, recommendation.explanation());
        context.show(LEAD, recommendation.lead());
        // a JSON variable of the same name makes Tasklist submit the checklist as JSON
        context.showJson(ASSISTING, recommendation.assisting());
    }

    @Override
    public void submit(TaskFormContext context) {
        Proposal proposal = proposals.get(context.proposalNumber());
        FormInput in = context.input();
        String leadCode = in.requiredText(LEAD, "主办处室");
        Optional<Department> lead = leadCode == null ? Optional.empty() : departments.find(leadCode).filter(Department::active);
        if (leadCode != null && lead.isEmpty()) {
            in.problem(LEAD, "主办处室“" + leadCode + "”不存在");
        }
        Set<String> assisting = new LinkedHashSet<>();
        for (String code : in.list(ASSISTING, "协办处室")) {
            if (departments.find(code).filter(Department::active).isEmpty()) {
                in.problem(ASSISTING, "协办处室“" + code + "”不存在");
            } else if (code.equals(leadCode)) {
                in.problem(ASSISTING, "主办处室不能同时作为协办处室");
            } else {
                assisting.add(code);
            }
        }
        String note = in.text("assignmentNote", "分派说明", 4000);
        in.check();
        List<String> assistingList = new ArrayList<>(assisting);
        assignments.record(proposal.id(), leadCode, assistingList, (String) context.variable(RECOMMENDED_LEAD),
                (String) context.variable(RECOMMENDATION), note, context.userId());
        proposals.assign(proposal.number(), leadCode, assistingList);
        access.grantDepartments(context.processInstanceId(), leadCode, assistingList);
        context.route(ProcessVariables.LEAD_DEPARTMENT, leadCode);
        context.route(ProcessVariables.ASSISTING_DEPARTMENTS, assistingList);
        context.route(ProcessVariables.LEADER_GROUP, lead.get().leaderGroup());
    }
}
