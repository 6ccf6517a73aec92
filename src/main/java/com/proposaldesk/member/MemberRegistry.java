package com.proposaldesk.member;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member registry (委员名册): members with their liaison department and person. */
@Service
public class MemberRegistry {

    private final MemberRepository members;
    private final MemberValidator validator;
    private final StaffDirectory staff;

    public MemberRegistry(MemberRepository members, MemberValidator validator, StaffDirectory staff) {
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
        return get(members.insert(member));
    }

    @Transactional
    public MemberProfile update(long id, MemberRequest request) {
        get(id);
        MemberRequest member = validator.validate(request);
        members.same(member.name(), member.phone()).stream().filter(other -> other != id).findFirst().ifPresent(other -> {
            throw new DuplicateMemberException(member.name(), other);
        });
        members.update(id, member);
        return get(id);
    }

    private MemberProfile withUserName(MemberProfile profile) {
        return profile.withLiaisonUserName(staff.displayName(profile.liaisonUser()));
    }
}
