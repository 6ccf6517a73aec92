package com.proposaldesk.member;

/**
 * The body of {@code PUT /api/members/{id}/liaison} (属地负责、分片包干): the liaison department's code and the
 * liaison person's user id; a blank one is cleared.
 */
public record MemberLiaisonRequest(String liaisonDepartment, String liaisonUser) {
}
