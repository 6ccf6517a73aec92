package com.proposaldesk.proposal;

import java.util.StringJoiner;

import org.springframework.stereotype.Component;

import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.task.CaseSummary;
import com.proposaldesk.task.MarkdownText;

/** The proposal as a short markdown text, shown at the top of every task form; what users typed shows as typed. */
@Component
public class ProposalSummaries implements CaseSummary {

    private final ProposalRepository proposals;
    private final DepartmentRepository departments;

    public ProposalSummaries(ProposalRepository proposals, DepartmentRepository departments) {
        this.proposals = proposals;
        this.departments = departments;
    }

    @Override
    public String markdown(String number) {
        Proposal p = proposals.get(number);
        StringBuilder md = new StringBuilder();
        md.append("**").append(literal(p.sessionName())).append("第").append(literal(p.number())).append("号")
                .append(p.source() == ProposalSource.NPC ? "建议" : "提案").append("**（")
                .append(p.source().label()).append("，我局").append(p.role().label())
                .append(p.keyProposal() ? "，重点提案" : "").append("）\n\n");
        md.append("**").append(literal(p.title())).append("**\n\n");
        md.append("领衔：").append(literal(p.leadMember().name()));
        if (p.leadMember().sector() != null) {
            md.append("（").append(literal(p.leadMember().sector())).append("）");
        }
        if (!p.coSigners().isEmpty()) {
            md.append("；联名：").append(literal(String.join("、", p.coSigners())));
        }
        md.append("\n\n交办日期：").append(p.assignedOn());
        if (p.answerDue() != null) {
            md.append("；").append(p.role().answersMember() ? "答复期限：" : "函复期限：").append(p.answerDue());
        }
        if (p.leadDepartment() != null) {
            md.append("；主办处室：").append(literal(departments.nameOf(p.leadDepartment())));
        }
        if (p.externalLeadUnit() != null) {
            md.append("；牵头单位：").append(literal(p.externalLeadUnit()));
        }
        appendDeadlines(md, p);
        md.append("\n\n建议事项：\n");
        for (int i = 0; i < p.suggestions().size(); i++) {
            md.append("\n").append(i + 1).append(". ").append(literal(p.suggestions().get(i)));
        }
        return md.toString();
    }

    private static String literal(String text) {
        return MarkdownText.literal(text);
    }

    private static void appendDeadlines(StringBuilder md, Proposal p) {
        StringJoiner line = new StringJoiner("；", "\n\n", "").setEmptyValue("");
        if (p.signForDue() != null) {
            line.add("签收期限：" + p.signForDue());
        }
        if (p.firstContactDue() != null) {
            line.add("首次联系委员期限：" + p.firstContactDue());
        }
        if (p.hardLimitDue() != null) {
            line.add("最长办理期限：" + p.hardLimitDue());
        }
        md.append(line);
        if (p.calendarWarning() != null) {
            md.append("\n\n⚠ ").append(literal(p.calendarWarning()));
        }
    }
}
