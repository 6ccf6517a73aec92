package com.proposaldesk.member;

/**
 * The body of {@code POST /api/members} and {@code PUT /api/members/{id}}: the liaison department is
 * a department code, the liaison person a user id.
 */
public record MemberRequest(
        String name,
        String sector,
        String phone,
        String email,
        String district,
        String liaisonDepartment,
        String liaisonUser) {
}
