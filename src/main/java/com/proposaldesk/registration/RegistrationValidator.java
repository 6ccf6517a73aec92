package com.proposaldesk.registration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.proposaldesk.member.Member;
import com.proposaldesk.proposal.NewProposal;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskInputRejectedException;

/** Checks a registration field by field and reports every problem in Chinese, naming the field. */
@Component
public class RegistrationValidator {

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z\\-]{1,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,40}");

    public NewProposal validate(RegistrationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            throw new TaskInputRejectedException(List.of(new FieldProblem("body", "请求内容为空")));
        }
        String number = trim(request.number());
        if (number == null) {
            problems.add(new FieldProblem("number", "提案编号不能为空"));
        } else if (!NUMBER.matcher(number).matches()) {
            problems.add(new FieldProblem("number", "提案编号只能由数字、字母和连字符组成，且不超过 40 位"));
        }
        ProposalSource source = null;
        String sourceText = trim(request.source());
        if (sourceText == null) {
            problems.add(new FieldProblem("source", "来源不能为空（CPPCC 政协提案 或 NPC 人大代表建议）"));
        } else {
            try {
                source = ProposalSource.valueOf(sourceText);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("source", "来源“" + sourceText + "”无效，应为 CPPCC（政协提案）或 NPC（人大代表建议）"));
            }
        }
        String session = required(request.session(), "session", "会议届次", 100, problems);
        String title = required(request.title(), "title", "提案标题", 500, problems);
        Member member = null;
        if (request.leadMember() == null) {
            problems.add(new FieldProblem("leadMember", "领衔委员不能为空"));
        } else {
            RegistrationRequest.LeadMember lead = request.leadMember();
            String name = required(lead.name(), "leadMember.name", "领衔委员姓名", 100, problems);
            String email = trim(lead.email());
            if (email != null && !EMAIL.matcher(email).matches()) {
                problems.add(new FieldProblem("leadMember.email", "领衔委员电子邮箱格式不正确"));
            } else {
                checkLength(email, "leadMember.email", "领衔委员电子邮箱", 200, problems); // pd_member.email is VARCHAR(200)
            }
            String phone = trim(lead.phone());
            if (phone != null && !PHONE.matcher(phone).matches()) {
                problems.add(new FieldProblem("leadMember.phone", "领衔委员联系电话格式不正确"));
            }
            member = new Member(null, name, optional(lead.sector(), "leadMember.sector", "界别", 100, problems), phone, email,
                    optional(lead.district(), "leadMember.district", "所在辖区", 100, problems));
        }
        List<String> coSigners = list(request.coSigners(), "coSigners", "联名委员", 100, problems);
        List<String> suggestions = list(request.suggestions(), "suggestions", "建议事项", 4000, problems);
        if (suggestions.isEmpty()) {
            problems.add(new FieldProblem("suggestions", "建议事项至少要有一项"));
        }
        ProposalRole role = null;
        String roleText = trim(request.role());
        if (roleText == null) {
            problems.add(new FieldProblem("role", "我局办理角色不能为空（SOLE 承办、LEAD 主办、SPLIT 分办、CO_HANDLING 会办）"));
        } else {
            try {
                role = ProposalRole.valueOf(roleText);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("role", "办理角色“" + roleText + "”无效，应为 SOLE（承办）、LEAD（主办）、SPLIT（分办）或 CO_HANDLING（会办）"));
            }
        }
        LocalDate assignedOn = null;
        String assignedText = trim(request.assignedOn());
        if (assignedText == null) {
            problems.add(new FieldProblem("assignedOn", "交办日期不能为空"));
        } else {
            try {
                assignedOn = LocalDate.parse(assignedText);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("assignedOn", "交办日期“" + assignedText + "”不是有效日期，格式应为 年-月-日，例如 2023-04-10"));
            }
        }
        String externalLead = optional(request.externalLeadUnit(), "externalLeadUnit", "牵头单位", 200, problems);
        if (role == ProposalRole.CO_HANDLING && externalLead == null) {
            problems.add(new FieldProblem("externalLeadUnit", "会办件必须填写牵头单位"));
        }
        List<String> externalCoUnits = list(request.externalCoUnits(), "externalCoUnits", "外单位会办单位", 200, problems);
        if (role == ProposalRole.CO_HANDLING && !externalCoUnits.isEmpty()) {
            problems.add(new FieldProblem("externalCoUnits", "会办件不登记外单位会办单位（由牵头单位汇总）"));
        }
        if (!problems.isEmpty()) {
            throw new TaskInputRejectedException(problems);
        }
        return new NewProposal(number, source, session, title, member, coSigners, suggestions, role,
                Boolean.TRUE.equals(request.key()), assignedOn, externalLead, externalCoUnits);
    }

    private static String required(String value, String field, String label, int max, List<FieldProblem> problems) {
        String text = trim(value);
        if (text == null) {
            problems.add(new FieldProblem(field, label + "不能为空"));
        }
        return checkLength(text, field, label, max, problems);
    }

    private static String optional(String value, String field, String label, int max, List<FieldProblem> problems) {
        return checkLength(trim(value), field, label, max, problems);
    }

    private static String checkLength(String text, String field, String label, int max, List<FieldProblem> problems) {
        if (text != null && text.length() > max) {
            problems.add(new FieldProblem(field, label + "不能超过 " + max + " 个字"));
        }
        return text;
    }

    private static List<String> list(List<String> values, String field, String label, int max, List<FieldProblem> problems) {
        if (values == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String text = trim(values.get(i));
            if (text == null) {
                problems.add(new FieldProblem(field + "[" + i + "]", label + "第 " + (i + 1) + " 项为空"));
            } else {
                result.add(checkLength(text, field + "[" + i + "]", label + "第 " + (i + 1) + " 项", max, problems));
            }
        }
        return result;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.isEmpty() ? null : text;
    }
}
