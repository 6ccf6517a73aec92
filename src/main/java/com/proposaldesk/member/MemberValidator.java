package com.proposaldesk.member;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.FormInput;
import com.proposaldesk.task.TaskInputRejectedException;

/** Checks a member's details field by field and reports every problem in Chinese, naming the field. */
@Component
public class MemberValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,40}");

    private final DepartmentRepository departments;
    private final StaffDirectory staff;

    public MemberValidator(DepartmentRepository departments, StaffDirectory staff) {
        this.departments = departments;
        this.staff = staff;
    }

    /** The request with its text trimmed and blanks as null; throws {@link TaskInputRejectedException}. */
    public MemberRequest validate(MemberRequest request) {
        if (request == null) {
            throw new TaskInputRejectedException(List.of(new FieldProblem("body", "请求内容为空")));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("name", request.name());
        values.put("sector", request.sector());
        values.put("phone", request.phone());
        values.put("email", request.email());
        values.put("district", request.district());
        values.put("liaisonDepartment", request.liaisonDepartment());
        values.put("liaisonUser", request.liaisonUser());
        FormInput in = FormInput.of(values);
        String name = in.requiredText("name", "委员姓名", 100);
        String sector = in.text("sector", "界别", 100);
        String phone = in.text("phone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            in.problem("phone", "联系电话格式不正确");
        }
        String email = in.text("email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            in.problem("email", "电子邮箱格式不正确");
        }
        String district = in.text("district", "所在辖区", 100);
        String department = liaisonDepartment(in);
        String user = liaisonUser(in);
        in.check();
        return new MemberRequest(name, sector, phone, email, district, department, user);
    }

    /** A member's liaison alone, checked as in {@link #validate}; blanks clear it. */
    public MemberLiaisonRequest validateLiaison(MemberLiaisonRequest request) {
        if (request == null) {
            throw new TaskInputRejectedException(List.of(new FieldProblem("body", "请求内容为空")));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("liaisonDepartment", request.liaisonDepartment());
        values.put("liaisonUser", request.liaisonUser());
        FormInput in = FormInput.of(values);
        String department = liaisonDepartment(in);
        String user = liaisonUser(in);
        in.check();
        return new MemberLiaisonRequest(department, user);
    }

    private String liaisonDepartment(FormInput in) {
        String department = in.text("liaisonDepartment");
        if (department != null && departments.find(department).filter(Department::active).isEmpty()) {
            in.problem("liaisonDepartment", "联络处室“" + department + "”不存在，可选：" + departments.active().stream()
                    .map(d -> d.code() + "（" + d.name() + "）").collect(Collectors.joining("、")));
        }
        return department;
    }

    private String liaisonUser(FormInput in) {
        String user = in.text("liaisonUser");
        if (user != null && !staff.exists(user)) {
            in.problem("liaisonUser", "联络人“" + user + "”不是系统用户，请填写联络人的登录账号");
        }
        return user;
    }
}
