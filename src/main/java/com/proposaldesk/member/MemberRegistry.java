package com.proposaldesk.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;

/** The member registry (委员名册): members with their liaison department and person. */
@Service
public class MemberRegistry {

    private final MemberRepository members;
    private final MemberValidator validator;
    private final StaffDirectory staff;
    private final AuditTrail audit;

    public MemberRegistry(MemberRepository members, MemberValidator validator, StaffDirectory staff, AuditTrail audit) {
        this.audit = audit;
        this.members = members;
        this.validator = validator;
        this.staff = staff;
    }

    public MemberProfile get(long id) {
        return members.profile(id).map(this::withUserName).orElseThrow(() -> new MemberNotFoundException(id));
    }

    public List<MemberProfile> search(String district, String department, Integer notContactedIn) {
        return members.search(district, department, notContactedIn).stream().map(this::withUserName).toList();
    }

    @Transactional
    public MemberProfile create(MemberRequest request) {
        MemberRequest member = validator.validate(request);
        members.findSame(member.name(), member.phone()).ifPresent(id -> {
            throw new DuplicateMemberException(member.name(), id);
        });
        MemberProfile created = get(members.insert(member));
        audit.record(AuditAction.MEMBER_CREATED, null, subject(created), describe(created));
        return created;
    }

    @Transactional
    public MemberProfile update(long id, MemberRequest request) {
        MemberProfile before = get(id);
        MemberRequest member = validator.validate(request);
        members.same(member.name(), member.phone()).stream().filter(other -> other != id).findFirst().ifPresent(other -> {
            throw new DuplicateMemberException(member.name(), other);
        });
        members.update(id, member);
        MemberProfile after = get(id);
        audit.record(AuditAction.MEMBER_UPDATED, null, subject(after), changes(before, after));
        return after;
    }

    /** Sets (or clears) the member's liaison department and person, checked as in {@link #update}. */
    @Transactional
    public MemberProfile assignLiaison(long id, MemberLiaisonRequest request) {
        MemberProfile before = get(id);
        MemberLiaisonRequest liaison = validator.validateLiaison(request);
        members.updateLiaison(id, liaison);
        MemberProfile after = get(id);
        audit.record(AuditAction.MEMBER_UPDATED, null, subject(after), changes(before, after));
        return after;
    }

    private static String subject(MemberProfile member) {
        return "委员 " + member.name() + "（编号 " + member.id() + "）";
    }

    private static String describe(MemberProfile m) {
        return String.join("；", List.of("界别：" + text(m.sector()), "电话：" + text(m.phone()), "邮箱：" + text(m.email()),
                "辖区：" + text(m.district()), "联络处室：" + text(m.liaisonDepartment()), "联络人：" + text(m.liaisonUser())));
    }

    /** Each changed field as 字段：旧 → 新. */
    private static String changes(MemberProfile before, MemberProfile after) {
        String[][] fields = {
                {"姓名", before.name(), after.name()}, {"界别", before.sector(), after.sector()},
                {"电话", before.phone(), after.phone()}, {"邮箱", before.email(), after.email()},
                {"辖区", before.district(), after.district()},
                {"联络处室", before.liaisonDepartment(), after.liaisonDepartment()},
                {"联络人", before.liaisonUser(), after.liaisonUser()}};
        List<String> changed = new ArrayList<>();
        for (String[] field : fields) {
            if (!Objects.equals(field[1], field[2])) {
                changed.add(field[0] + "：" + text(field[1]) + " → " + text(field[2]));
            }
        }
        return changed.isEmpty() ? "未作修改" : String.join("；", changed);
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? "（空）" : value;
    }

    private MemberProfile withUserName(MemberProfile profile) {
        return profile.withLiaisonUserName(staff.displayName(profile.liaisonUser()));
    }
}
