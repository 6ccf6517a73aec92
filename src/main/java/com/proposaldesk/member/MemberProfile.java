package com.proposaldesk.member;

/** A member in the registry with who keeps in touch with them: the JSON of {@code /api/members}. */
public record MemberProfile(
        long id,
        String name,
        String sector,
        String phone,
        String email,
        String district,
        String liaisonDepartment,
        String liaisonDepartmentName,
        String liaisonUser,
        String liaisonUserName) {

    MemberProfile withLiaisonUserName(String userName) {
        return new MemberProfile(id, name, sector, phone, email, district, liaisonDepartment, liaisonDepartmentName,
                liaisonUser, userName);
    }
}
