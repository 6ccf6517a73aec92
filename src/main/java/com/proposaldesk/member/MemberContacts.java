package com.proposaldesk.member;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.proposaldesk.task.MarkdownText;

/** How to reach a proposal's members, and who in the bureau keeps in touch with them, as markdown for the contact forms. */
@Component
public class MemberContacts {

    private final MemberRepository members;
    private final StaffDirectory staff;

    public MemberContacts(MemberRepository members, StaffDirectory staff) {
        this.members = members;
        this.staff = staff;
    }

    /** The lead member (by registry id) and each co-signer (by name, as the proposal lists them). */
    public String markdown(Member lead, List<String> coSigners) {
        List<String> lines = new ArrayList<>();
        lines.add(lead.id() == null ? unregistered(lead.name(), "领衔委员")
                : members.profile(lead.id()).map(profile -> line(profile, "领衔委员"))
                        .orElseGet(() -> unregistered(lead.name(), "领衔委员")));
        for (String name : coSigners) {
            List<Long> same = members.same(name, null);
            if (same.size() == 1) {
                lines.add(members.profile(same.get(0)).map(profile -> line(profile, "联名委员"))
                        .orElseGet(() -> unregistered(name, "联名委员")));
            } else if (same.isEmpty()) {
                lines.add(unregistered(name, "联名委员"));
            } else {
                lines.add(head(name, "联名委员") + "　委员名册中有 " + same.size() + " 位同名委员，请在委员名册中核实联系方式");
            }
        }
        return String.join("\n", lines);
    }

    private String line(MemberProfile member, String role) {
        String liaisonUser = member.liaisonUser() == null ? null : staff.displayName(member.liaisonUser());
        return head(member.name(), role) + "　电话：" + text(member.phone()) + "　邮箱：" + text(member.email()) + "　辖区："
                + text(member.district()) + "　联络处室："
                + text(member.liaisonDepartmentName() == null ? member.liaisonDepartment() : member.liaisonDepartmentName())
                + "　联络人：" + text(liaisonUser == null ? member.liaisonUser() : liaisonUser);
    }

    private static String unregistered(String name, String role) {
        return head(name, role) + "　未在委员名册中登记，暂无联系方式";
    }

    private static String head(String name, String role) {
        return "- **" + MarkdownText.literal(name) + "**（" + role + "）";
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "未登记" : MarkdownText.literal(value);
    }
}
